"""The article's own date (document creation time): read from hints and the raw text, or inferred."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import pandas as pd

from transforms.temporal import Interval, PRECISIONS, dct_of, find_timexes, precision_of_span
from transforms.timex_calendar import month_span
from transforms.timex_rules import load_rules, normalize_key

SOURCES = ("manifest", "html", "json", "marker", "text", "inferred", "unknown")
_ISO = re.compile(r"^\s*(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?\s*$")
_TIME = re.compile(r"\b(?:[01]?\d|2[0-3])\s*[h:]\s*[0-5]\d\b")
_ABSOLUTE_DAY_RULES = ("calendar",)


@dataclass(frozen=True)
class PubDate:
    """When an article was published, how precisely, and where that came from."""

    start: date | None
    end: date | None
    precision: str | None
    source: str
    evidence: str | None

    def interval(self) -> Interval | None:
        """This date as an Interval for find_timexes (None when unknown)."""
        if self.start is None or self.end is None or self.precision is None:
            return None
        return Interval(self.start, self.end, self.precision)


UNKNOWN = PubDate(None, None, None, "unknown", None)


@lru_cache(maxsize=4)
def _config(lang: str) -> dict:
    raw = load_rules(lang).raw["publication"]
    flags = re.IGNORECASE | re.MULTILINE
    return {
        "marker": re.compile(raw["marker"], re.IGNORECASE),
        "html": [re.compile(p, flags) for p in raw["html_meta"]],
        "json": [re.compile(rf'"{re.escape(k)}"\s*:\s*"(?P<value>[^"]+)"') for k in raw["json_keys"]],
        "lines": int(raw["header_lines"]),
        "keywords": {normalize_key(k): int(v) for k, v in raw["keywords"].items()},
        "max_chars": int(raw["max_dateline_chars"]),
    }


def parse_iso(value: str | None) -> tuple[date, date, str] | None:
    """'2023', '2023-03', '2023-08-31' or an ISO timestamp (its local date) as (start, end, precision)."""
    if not value:
        return None
    m = _ISO.match(str(value))
    if m is None:
        return None
    try:
        y = int(m["y"])
        if m["d"]:
            d = date(y, int(m["m"]), int(m["d"]))
            return d, d, "day"
        if m["m"]:
            s, e = month_span(y, int(m["m"]))
            return s, e, "month"
        return date(y, 1, 1), date(y, 12, 31), "year"
    except ValueError:
        return None


def interval_of(value: Any) -> Interval | None:
    """A date, or a 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' value, as the Interval it names (None if none)."""
    parsed = parse_iso(None if value is None else str(value))
    return None if parsed is None else Interval(*parsed)


def _from_value(value: str, source: str, evidence: str) -> PubDate | None:
    parsed = parse_iso(value)
    return None if parsed is None else PubDate(*parsed, source=source, evidence=evidence)


def _header_dateline(raw_text: str, lang: str) -> PubDate | None:
    """A full date in the article's first lines that reads as its timestamp, dateline or 'Publié le'."""
    cfg = _config(lang)
    lines = [ln for ln in raw_text.splitlines() if ln.strip()][: cfg["lines"]]
    best: tuple[int, int, PubDate] | None = None
    for pos, line in enumerate(lines):
        found = [t for t in find_timexes(line, None, lang)
                 if t.precision == "day" and t.start is not None and t.kind == "date"]
        if not found:
            continue
        low = normalize_key(line)
        score = max((w for k, w in cfg["keywords"].items() if k in low), default=0)
        short = len(line.strip()) <= cfg["max_chars"]
        if score == 0 and not (short and (_TIME.search(line) or len(found[0].text) >= 0.5 * len(line.strip()))):
            continue
        cand = PubDate(found[0].start, found[0].end, "day", "text", line.strip())
        rank = (score, -pos)
        if best is None or rank > best[:2]:
            best = (*rank, cand)
    return None if best is None else best[2]


def publication_date(raw_text: str, hint: str | None = None, hint_source: str | None = None,
                     lang: str = "fr") -> PubDate:
    """The article's date from, in order of trust: the hint, HTML/JSON metadata, the marker, a dateline."""
    if hint:
        found = _from_value(hint, hint_source or "manifest", f"{hint_source or 'manifest'}: {hint}")
        if found is not None:
            return found
    cfg = _config(lang)
    head = raw_text[:20000]
    for source, patterns in (("html", cfg["html"]), ("json", cfg["json"])):
        for pat in patterns:
            m = pat.search(head)
            if m and (found := _from_value(m["value"], source, m.group(0)[:200])):
                return found
    first_line = raw_text.lstrip("\ufeff").split("\n", 1)[0]
    m = cfg["marker"].search(first_line)
    if m and (found := _from_value(m["value"], "marker", m.group(0).strip())):
        return found
    return _header_dateline(raw_text, lang) or UNKNOWN


# ---------------------------------------------------------------- inference for undated articles


def _absolute_timexes(text: str, lang: str) -> list:
    """Expressions that resolve without any DCT: what the text itself says about dates."""
    return [t for t in find_timexes(text, None, lang) if t.start is not None and t.kind == "date"]


def _weekday_years(text: str, lang: str) -> list[date]:
    """'mercredi 21 septembre' with no year: the days whose weekday fits a single year of the window."""
    rs = load_rules(lang)
    lo, hi = rs.params["weekday_year_window"]
    out = []
    for rule in rs.rules:
        if rule.resolve.get("type") not in _ABSOLUTE_DAY_RULES:
            continue
        for m in rule.regex.finditer(text):
            g = m.groupdict()
            if not g.get("wd") or g.get("year") or not g.get("month") or g["month"].isdigit():
                continue
            wd, month = rs.lookup("weekdays", g["wd"]), rs.lookup("months", g["month"])
            day = 1 if g["day"].lower() in ("1er", "premier") else int(g["day"])
            fits = []
            for y in range(int(lo), int(hi) + 1):
                try:
                    d = date(y, month, day)
                except ValueError:
                    continue
                if d.weekday() == wd:
                    fits.append(d)
            out.append(fits)
    return out


def infer_from_text(text: str, lang: str = "fr") -> PubDate:
    """What the text alone says: a weekday-dated day fixing the year, else 'on or after' its latest date."""
    absolute = _absolute_timexes(text, lang)
    latest = max(absolute, key=lambda t: (t.start, t.end), default=None)
    floor = latest.start if latest else None
    for fits in _weekday_years(text, lang):
        # several years fit a weekday-date; the explicit dates of the text may leave only one
        if floor is not None:
            fits = [d for d in fits if floor.year - 1 <= d.year <= floor.year + 1]
        if len(fits) == 1:
            d = max(fits[0], floor) if floor else fits[0]
            return PubDate(d, d + timedelta(days=7), "week", "inferred", f"weekday date fits {fits[0].year} only")
    if latest is None:
        return UNKNOWN
    end = latest.end + timedelta(days=31)
    return PubDate(latest.start, end, precision_of_span(latest.start, end), "inferred",
                   f"on or after '{latest.text}' ({latest.start}..{latest.end})")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w{4,}", text.lower()))


def _known(value: Any) -> bool:
    return isinstance(value, str) and value not in ("unknown", "inferred")


def _clean(value: Any) -> Any:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value


def _canonical(doc: dict) -> Any:
    """Duplicates share their original's id: one key links an original and all its copies."""
    return doc.get("duplicate_of") or doc["doc_id"]


def infer_publication_dates(docs: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """Fill unknown publication dates from dated duplicates/story siblings, else from the text itself."""
    out = docs.copy()
    if "published_evidence" not in out.columns:
        out["published_evidence"] = None
    for col in ("published_start", "published_end", "published_precision", "published_source", "published_evidence"):
        out[col] = out[col].astype(object)
    records = [{k: _clean(v) for k, v in r.items()} for r in out.to_dict("records")]
    by_story: dict[Any, list[int]] = {}
    by_copy: dict[Any, list[int]] = {}
    for i, r in enumerate(records):
        r["text"] = r.get("text") or ""
        if r.get("story_id") is not None:
            by_story.setdefault(r["story_id"], []).append(i)
        by_copy.setdefault(_canonical(r), []).append(i)
    dated_cache: dict[int, set] = {}

    def dated(i: int) -> set:
        if i not in dated_cache:
            dated_cache[i] = {(t.start, t.end) for t in _absolute_timexes(records[i]["text"], lang)}
        return dated_cache[i]

    for i, doc in enumerate(records):
        if doc.get("published_source") not in (None, "unknown") and doc.get("published_start") is not None:
            continue
        own = infer_from_text(doc["text"], lang)
        copies = set(by_copy.get(_canonical(doc), ()))
        linked = (copies | set(by_story.get(doc.get("story_id"), ()))) - {i}
        best = None
        for j in linked:
            other = records[j]
            if not _known(other.get("published_source")):
                continue
            dct = dct_of(other.get("published_start"), other.get("published_end"), other.get("published_precision"))
            if dct is None or (own.start is not None and dct.end < own.start):
                continue  # a sibling published before what this text already mentions is not its date
            a, b = _words(doc["text"]), _words(other["text"])
            # duplicates first, then siblings sharing more dated expressions, then more words
            rank = (j in copies, len(dated(i) & dated(j)), len(a & b) / max(1, len(a | b)), str(other["doc_id"]))
            if best is None or rank > best[0]:
                best = (rank, other, dct)
        if best is not None:
            _, other, dct = best
            found = PubDate(dct.start, dct.end, dct.precision, "inferred",
                            f"sibling {other['doc_id']} ({other['published_source']} {dct.start}..{dct.end})")
        else:
            found = own
        if found.start is None:
            continue
        idx = out.index[i]
        out.at[idx, "published_start"] = found.start
        out.at[idx, "published_end"] = found.end
        out.at[idx, "published_precision"] = found.precision if found.precision in PRECISIONS else None
        out.at[idx, "published_source"] = "inferred"
        out.at[idx, "published_evidence"] = found.evidence
    return out
