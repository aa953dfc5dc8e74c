"""Finding French temporal expressions in clean text and resolving them against the article's date (DCT)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from transforms.timex_calendar import PRECISION_ORDER, Span, coarser
from transforms.timex_resolve import Unresolvable, resolve_groups
from transforms.timex_rules import Rule, RuleSet, load_rules

PRECISIONS = ("day", "week", "month", "quarter", "year")
KINDS = ("date", "duration", "set", "future")
TIMEX_COLUMNS = ["doc_id", "timex_id", "char_start", "char_end", "text", "kind",
                 "date_start", "date_end", "date_precision", "rule"]
# resolvers whose reading depends on the sentence's tense (year-less days and months, bare weekdays)
_TENSED = {"calendar", "day_range", "month", "weekday", "month_span"}
# "M. Bazoum", "Mme Merkel" are no sentence ends: a period after a one-letter capital abbreviation is skipped.
_SENTENCE_END = re.compile(r"(?<!\bM)(?<!\b[A-Z])[.!?\n]")
# rules whose match may lack its year, which a range partner can supply ("du 7 septembre au 1er octobre 2022")
_YEARLESS = {"date_dm": "calendar", "month_bare": "month"}


@dataclass(frozen=True)
class Interval:
    """A known span of time with the precision it is known to."""

    start: date
    end: date
    precision: str

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown precision {self.precision!r}")
        if self.end < self.start:
            raise ValueError(f"interval ends before it starts: {self.start}..{self.end}")


@dataclass(frozen=True)
class Timex:
    """One temporal expression found in a text, with its resolved span (None when unresolved)."""

    char_start: int
    char_end: int
    text: str
    kind: str
    start: date | None
    end: date | None
    precision: str | None
    rule: str


@dataclass
class _Cand:
    start: int
    end: int
    rule: Rule
    groups: dict[str, Any]


def _window(dct: Interval | None) -> tuple[date, date, str] | None:
    return None if dct is None else (dct.start, dct.end, dct.precision)


_TOKEN = re.compile(r"\w+")


def _anchor_windows(text: str, rs: RuleSet) -> dict[str, list[tuple[int, int]]]:
    """Character spans around each anchor word, by anchor class ('year' = a number from 1000 to 2099)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    words = rs.anchor_words
    for m in _TOKEN.finditer(text):
        w = m.group()
        classes = words.get(w) or words.get(w.lower())
        if classes is None and w.isdigit() and len(w) == 4 and 1000 <= int(w) <= 2099:
            classes = ("year",)
        for cls in classes or ():
            spans.setdefault(cls, []).append((m.start(), m.end()))
    return spans


def _merged(spans: list[tuple[int, int]], margin: int, size: int) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        lo, hi = max(0, s - margin), min(size, e + margin)
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _candidates(text: str, rs: RuleSet) -> list[_Cand]:
    """Longest non-overlapping matches over all rules; ties go to the rule listed first."""
    anchors = _anchor_windows(text, rs)
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    found = []
    for rule in rs.rules:
        if rule.anchors:
            # a rule only runs near its anchor words: most of an article holds no date at all
            if rule.anchors not in windows:
                spans = [sp for cls in rule.anchors for sp in anchors.get(cls, ())]
                windows[rule.anchors] = _merged(spans, rs.anchor_window, len(text))
            ranges = windows[rule.anchors]
        else:
            ranges = [(0, len(text))]
        for lo, hi in ranges:
            for m in rule.regex.finditer(text, lo, hi):
                if m.end() > m.start():
                    found.append(_Cand(m.start(), m.end(), rule, m.groupdict()))
    found.sort(key=lambda c: (c.start - c.end, c.rule.order, c.start))
    taken: list[_Cand] = []
    for c in found:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def sentence_tense(text: str, start: int, end: int, rs: RuleSet) -> str | None:
    """'future' or 'past' when only that tense's cues occur in the sentence around [start, end), else None."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)), default=max(0, start - 400))
    m = _SENTENCE_END.search(text, end, end + 400)
    sentence = text[left:start] + " " + text[end:m.start() if m else min(len(text), end + 400)]
    found = _tense_of(sentence, rs)
    if found is None and sentence.strip():
        # both tenses in the sentence ("a annoncé que ses partisans MANIFESTERAIENT vendredi"): the clause
        # of the date decides, from the last clause boundary before it to the next one after it
        stop = m.start() if m else min(len(text), end + 400)
        lo = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(text, left, start)), default=left)
        bounds = list(_CLAUSE_BOUNDARY.finditer(text, end, stop))
        hi = bounds[0].start() if bounds else stop
        if not text[lo:start].strip() and len(bounds) > 0 and not text[end:hi].strip():
            # a fronted date ("Samedi, des manifestants ont attaqué ...") belongs to the clause after it
            hi = bounds[1].start() if len(bounds) > 1 else stop
        found = _tense_of(text[lo:start] + " " + text[end:hi], rs)
    return found


# Where a clause ends: a comma, a colon, a semicolon, a quote, or a subordinating "que".
_CLAUSE_BOUNDARY = re.compile(r"[,;:«»]|\bqu(?:e\b|['’])", re.IGNORECASE)


def _tense_of(passage: str, rs: RuleSet) -> str | None:
    """'future' or 'past' when only that tense's cues occur in the passage, else None."""
    future = any(p.search(passage) for p in rs.tense.get("future", ()))
    past = any(p.search(passage) for p in rs.tense.get("past", ()))
    if future != past:
        return "future" if future else "past"
    return None


def _resolve(c: _Cand, text: str, rs: RuleSet, window) -> Span | None:
    if c.rule.resolve.get("type") in _TENSED and window is not None:
        c.groups["tense"] = sentence_tense(text, c.start, c.end, rs)
    return resolve_groups(c.rule.resolve, c.groups, rs, window)


def _make(text: str, start: int, end: int, kind: str, span: Span | None, rule_id: str,
          dct: Interval | None) -> Timex:
    if kind == "date" and span is not None and (span.future or (dct is not None and span.start > dct.end)):
        kind = "future"
    if span is None or kind in ("duration", "set"):
        return Timex(start, end, text[start:end], kind, None, None, None, rule_id)
    return Timex(start, end, text[start:end], kind, span.start, span.end, span.precision, rule_id)


def _with_year_of(c: _Cand, partner: Span, rs: RuleSet) -> Span | None:
    """Re-resolve a year-less range member with its partner's year (one year earlier if it would follow it)."""
    kind = _YEARLESS.get(c.rule.id)
    if kind is None or c.groups.get("year"):
        return None
    for year in (partner.start.year, partner.start.year - 1):
        span = resolve_groups({"type": kind}, {**c.groups, "year": str(year)}, rs, None)
        if span is not None and span.start <= partner.start:
            return span
    return None


def _merge_ranges(text: str, cands: list[_Cand], spans: list, rs: RuleSet, dct: Interval | None) -> list[Timex]:
    """Turn 'entre X et Y', 'du X au Y'... into one timex from X's start to Y's end."""
    out: list[Timex] = []
    i = 0
    while i < len(cands):
        a, sa = cands[i], spans[i]
        if i + 1 < len(cands) and a.rule.kind in ("date", "future") and cands[i + 1].rule.kind in ("date", "future"):
            b, sb = cands[i + 1], spans[i + 1]
            gap, before = text[a.end:b.start], text[max(0, a.start - 12):a.start]
            for opener, closer, inner_open, inner_close, rid in rs.ranges:
                om = opener.search(before)
                if om is None and not inner_open.match(text[a.start:a.end]):
                    continue
                if not (closer.match(gap) or (not gap.strip() and inner_close.match(text[b.start:b.end]))):
                    continue
                start = a.start - (len(before) - om.start()) if om else a.start
                if sb is not None:
                    sa = _with_year_of(a, sb, rs) or sa
                if sa is not None and sb is not None:
                    span = Span(min(sa.start, sb.start), max(sa.end, sb.end),
                                coarser(sa.precision, sb.precision), sa.future or sb.future)
                else:
                    span = None
                kind = "future" if "future" in (a.rule.kind, b.rule.kind) else "date"
                out.append(_make(text, start, b.end, kind, span, rid, dct))
                i += 2
                break
            else:
                out.append(_make(text, a.start, a.end, a.rule.kind, sa, a.rule.id, dct))
                i += 1
            continue
        out.append(_make(text, a.start, a.end, a.rule.kind, sa, a.rule.id, dct))
        i += 1
    return out


def find_timexes(text: str, dct: Interval | None, lang: str = "fr") -> list[Timex]:
    """Every temporal expression in `text`, sorted and non-overlapping, resolved against `dct`."""
    return find_with_rules(text, dct, load_rules(lang))


def find_with_rules(text: str, dct: Interval | None, rs: RuleSet) -> list[Timex]:
    """find_timexes with an explicit rule set (e.g. one under test)."""
    window = _window(dct)
    cands, spans = [], []
    for c in _candidates(text, rs):
        try:
            span = _resolve(c, text, rs, window)
        except Unresolvable:
            continue
        cands.append(c)
        spans.append(span)
    return _merge_ranges(text, cands, spans, rs, dct)


def precision_of_span(start: date, end: date) -> str:
    """The finest precision whose unit can hold the span (used when a DCT arrives without one)."""
    days = (end - start).days + 1
    if days <= 1:
        return "day"
    if days <= 7:
        return "week"
    if start.year == end.year and start.month == end.month:
        return "month"
    if days <= 92:
        return "quarter"
    return "year"


def _as_date(value: Any) -> date | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date()


def dct_of(start: Any, end: Any, precision: Any) -> Interval | None:
    """An Interval from possibly-missing frame values (NaT/None/str), or None when the date is unknown."""
    s, e = _as_date(start), _as_date(end)
    if s is None:
        return None
    e = e or s
    if e < s:
        s, e = e, s  # a swapped window upstream still says when the article was written
    p = precision if isinstance(precision, str) and precision in PRECISIONS else precision_of_span(s, e)
    return Interval(s, e, p)


def timex_id(doc_id: str, char_start: int, char_end: int, text: str) -> str:
    """Stable id of a timex: 't' + 16 hex digits of a hash of doc id, offsets and text."""
    digest = hashlib.sha1(f"{doc_id}\x1f{char_start}\x1f{char_end}\x1f{text}".encode("utf-8")).hexdigest()
    return "t" + digest[:16]


def timexes_frame(docs: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """One row per temporal expression of every document (columns TIMEX_COLUMNS; dates as datetime.date)."""
    rows = []
    for doc in docs.itertuples(index=False):
        dct = dct_of(getattr(doc, "published_start", None), getattr(doc, "published_end", None),
                     getattr(doc, "published_precision", None))
        text = doc.text if isinstance(doc.text, str) else ""
        for t in find_timexes(text, dct, lang):
            rows.append((str(doc.doc_id), timex_id(str(doc.doc_id), t.char_start, t.char_end, t.text),
                         t.char_start, t.char_end, t.text, t.kind, t.start, t.end, t.precision, t.rule))
    frame = pd.DataFrame(rows, columns=TIMEX_COLUMNS)
    frame["char_start"] = frame["char_start"].astype("int64")
    frame["char_end"] = frame["char_end"].astype("int64")
    for col in ("date_start", "date_end"):
        frame[col] = frame[col].astype(object)
    return frame


__all__ = ["PRECISIONS", "PRECISION_ORDER", "Interval", "Timex", "find_timexes", "find_with_rules", "timexes_frame",
           "timex_id", "dct_of", "precision_of_span", "TIMEX_COLUMNS"]
