"""Clean scraped article text: drop site leftovers, find the title and outlet, keep the prose."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from transforms.decode import repair_text
from transforms.language import detect_language

_RULES_PATH = Path(__file__).parent / "data" / "cleaning.yaml"

# Spaces that scraping leaves behind (NBSP, narrow NBSP, thin spaces...) become plain spaces.
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_MULTISPACE = re.compile(r" {2,}")
_TERMINAL = (".", ",", ";", "…")
_CLOSED = re.compile(r"[.!?:;…»\"”)]$")
_SENTENCE_END = re.compile(r"[.!?…][»\"”')]*\s+[A-ZÀ-Ý«\"“]")
_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:fr|com|net|org|info|be|ch|ca|eu|news|media|tv)")
_SEGMENT_SPLIT = re.compile(r"\s+[|•·]\s+")
_TEASER_SEP = re.compile(r"\s*(?:[|:»>]|-{1,2}|–|—)\s*")


@dataclass(frozen=True)
class Cleaned:
    """Clean article body with its title, outlet and what was removed."""

    text: str
    title: str | None
    outlet: str | None
    removed: tuple[str, ...]


@dataclass
class _Line:
    """One non-blank line of the document and the block (blank-line run) it belongs to."""

    idx: int
    block: int
    text: str
    removed: bool = False


@dataclass
class _Rules:
    """cleaning.yaml compiled."""

    max_junk: int
    caption_alt_max: int
    standfirst_max: int
    headline_max_chars: int
    headline_max_words: int
    junk_phrase: re.Pattern
    junk_lines: list[tuple[re.Pattern, int]]
    timestamps: list[re.Pattern]
    credits: list[re.Pattern]
    teaser: re.Pattern
    dateline: re.Pattern
    outlets: dict[str, str] = field(default_factory=dict)


def _key(text: str) -> str:
    """Comparison key: lower case, no accents, letters and digits only."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


@lru_cache(maxsize=1)
def load_rules() -> _Rules:
    """Compile the rules of data/cleaning.yaml."""
    raw = yaml.safe_load(_RULES_PATH.read_text(encoding="utf-8"))
    ph = raw["placeholders"]

    def sub(pattern: str) -> str:
        for name, frag in ph.items():
            pattern = pattern.replace("{" + name + "}", frag)
        return pattern

    phrases = sorted((str(p) for p in raw["junk_phrases"]), key=len, reverse=True)
    alts = "|".join(r"\s+".join(re.escape(w) for w in p.replace("’", "'").split()) for p in phrases)
    sep = r"[\s|•·:/>»\-–—]*"
    junk_phrase = re.compile(rf"{sep}(?:(?:{alts})(?![\w]){sep})+", re.IGNORECASE)
    junk_lines = [
        (
            re.compile(sub(r["pattern"]), 0 if r.get("case_sensitive") else re.IGNORECASE),
            int(r.get("max_chars", raw["max_junk_line_chars"])),
        )
        for r in raw["junk_line_patterns"]
    ]
    timestamps = [re.compile(sub(r["pattern"]), re.IGNORECASE) for r in raw["timestamp_patterns"]]
    credits = [
        re.compile(rf"(?:{sub(r['pattern'])})\s*$", 0 if r.get("case_sensitive") else re.IGNORECASE)
        for r in raw["credit_patterns"]
    ]
    teaser = re.compile(rf"^(?P<marker>{'|'.join(raw['teaser_markers'])})(?![\w])", re.IGNORECASE)
    return _Rules(
        max_junk=int(raw["max_junk_line_chars"]),
        caption_alt_max=int(raw["caption_alt_max_chars"]),
        standfirst_max=int(raw["teaser_standfirst_max_chars"]),
        headline_max_chars=int(raw["headline_max_chars"]),
        headline_max_words=int(raw["headline_max_words"]),
        junk_phrase=junk_phrase,
        junk_lines=junk_lines,
        timestamps=timestamps,
        credits=credits,
        teaser=teaser,
        dateline=re.compile(sub(raw["dateline_pattern"])),
        outlets={_key(o): str(o) for o in raw["known_outlets"]},
    )


def normalize_text(text: str) -> str:
    """Repair encoding, unify spaces and drop invisible characters, line by line."""
    text = repair_text(text)
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    return "\n".join(_MULTISPACE.sub(" ", ln).strip() for ln in text.split("\n"))


def _split(text: str) -> list[_Line]:
    """Logical lines (hard-wrapped lines re-joined), numbered, with their block index."""
    lines: list[_Line] = []
    block, prev_blank = 0, True
    for ln in text.split("\n"):
        if not ln:
            prev_blank = True
            continue
        if prev_blank and lines:
            block += 1
        elif lines and _continues(lines[-1].text, ln):
            lines[-1].text = f"{lines[-1].text} {ln}"
            continue
        lines.append(_Line(len(lines), block, ln))
        prev_blank = False
    return lines


def _continues(prev: str, line: str) -> bool:
    """A line inside a block continues the previous one when that one has no closing mark."""
    return not _CLOSED.search(prev) and line[0].islower()


# --- line predicates -------------------------------------------------------------------


def is_junk_line(line: str, rules: _Rules | None = None) -> bool:
    """True for a short line that is only site furniture (share bars, ads, prompts...)."""
    rules = rules or load_rules()
    probe = line.replace("’", "'").strip()
    if not probe:
        return True
    if len(probe) <= rules.max_junk and rules.junk_phrase.fullmatch(probe):
        return True
    return any(len(probe) <= limit and pat.fullmatch(probe) for pat, limit in rules.junk_lines)


def is_timestamp_line(line: str, rules: _Rules | None = None) -> bool:
    """True for a publication timestamp / update / reading-time line."""
    rules = rules or load_rules()
    probe = line.strip()
    if len(probe) > rules.max_junk:
        return False
    if any(p.fullmatch(probe) for p in rules.timestamps):
        return True
    segments = _SEGMENT_SPLIT.split(probe)
    return len(segments) > 1 and all(
        any(p.fullmatch(s) for p in rules.timestamps) or is_junk_line(s, rules) for s in segments
    )


def has_credit(line: str, rules: _Rules | None = None) -> bool:
    """True when a line ends with a photo credit (it is a caption or a credit line)."""
    rules = rules or load_rules()
    if len(line) > rules.max_junk * 3:
        return False
    return any(p.search(line) for p in rules.credits)


def is_headline_like(line: str, rules: _Rules | None = None) -> bool:
    """Short single line with no closing period that starts like a title."""
    rules = rules or load_rules()
    s = line.strip()
    if not s or len(s) > rules.headline_max_chars or len(s.split()) > rules.headline_max_words:
        return False
    if s.endswith(_TERMINAL) or _SENTENCE_END.search(s):
        return False
    first = s[0]
    return first.isupper() or first.isdigit() or first in "«\"“'"


# --- passes -----------------------------------------------------------------------------


def _alive(lines: list[_Line]) -> list[_Line]:
    return [ln for ln in lines if not ln.removed]


def _drop_junk(lines: list[_Line], rules: _Rules) -> None:
    """Remove junk, timestamp and photo-caption lines (with the alt-text line above a caption)."""
    for i, ln in enumerate(lines):
        if ln.removed:
            continue
        if is_junk_line(ln.text, rules) or is_timestamp_line(ln.text, rules):
            ln.removed = True
        elif has_credit(ln.text, rules):
            ln.removed = True
            prev = lines[i - 1] if i else None
            if (
                prev is not None
                and not prev.removed
                and prev.block == ln.block
                and len(prev.text) <= rules.caption_alt_max
                and not _SENTENCE_END.search(prev.text)
            ):
                prev.removed = True


def _teaser_rest(line: str, rules: _Rules) -> str | None:
    """Text after a teaser marker, or None when the line is not a teaser."""
    m = rules.teaser.match(line)
    if not m or len(line) > rules.max_junk:
        return None
    after = line[m.end() :]
    sep = _TEASER_SEP.match(after)
    if sep and sep.group(0).strip():
        return after[sep.end() :].strip()
    if not after.strip():
        return ""
    marker = m.group("marker")
    return after.strip() if marker.isupper() else None


def _drop_teasers(lines: list[_Line], rules: _Rules) -> None:
    """Remove teaser boxes for other stories: marker, headline and (guarded) standfirst."""
    alive = _alive(lines)
    i = 0
    while i < len(alive):
        rest = _teaser_rest(alive[i].text, rules)
        if rest is None:
            i += 1
            continue
        alive[i].removed = True
        j = i + 1
        card = False
        if (not rest or rest.endswith(":")) and j < len(alive) and is_headline_like(alive[j].text, rules):
            alive[j].removed = True
            card, j = True, j + 1
        # Only a card (label, then headline on its own) carries a standfirst; inline links do not.
        if card and j < len(alive) and len(alive[j].text) <= rules.standfirst_max:
            nxt = alive[j + 1] if j + 1 < len(alive) else None
            # At the end of the text a short paragraph is as likely the article's last one: keep it.
            if nxt is not None and (is_headline_like(nxt.text, rules) or _teaser_rest(nxt.text, rules) is not None):
                alive[j].removed = True
                j += 1
        i = j


def _find_outlet(lines: list[_Line], outlet_hint: str | None, rules: _Rules) -> str | None:
    """Outlet from the hint, a 'Ville / Outlet' dateline or a lone outlet first line."""
    alive = _alive(lines)
    dateline_outlet = None
    for ln in alive[:12]:
        m = rules.dateline.fullmatch(ln.text)
        if m and len(ln.text) <= 80:
            ln.removed = True
            dateline_outlet = dateline_outlet or m.group("outlet").strip()
    wanted = {_outlet_key(o) for o in (outlet_hint, dateline_outlet) if o}
    first_outlet = None
    first = next((ln for ln in alive if not ln.removed), None)
    if first is not None and len(first.text) <= 40 and len(first.text.split()) <= 4:
        k = _outlet_key(first.text)
        if k and (k in wanted or k in rules.outlets or _DOMAIN.fullmatch(first.text.lower())):
            first.removed = True
            first_outlet = first.text
    if outlet_hint:
        return outlet_hint.strip()
    for name in (first_outlet, dateline_outlet):
        if name and _outlet_key(name) in rules.outlets:
            return rules.outlets[_outlet_key(name)]
    # A masthead line is the outlet's name as the site itself writes it ("Lagazette"); a bare
    # domain ("exemple-sud.fr") is not a name, so the dateline's spelling wins over it.
    if first_outlet and not _DOMAIN.fullmatch(first_outlet.lower()):
        return first_outlet
    return dateline_outlet or first_outlet


def _outlet_key(name: str) -> str:
    """Comparison key of an outlet name; a domain ("www.ouest-france.fr") keys as its name."""
    if _DOMAIN.fullmatch(name.strip().lower()):
        name = re.sub(r"^www\.|\.[a-z]+$", "", name.strip().lower())
    return _key(name)


def _find_title(lines: list[_Line], title_hint: str | None, rules: _Rules) -> str | None:
    """Title from the hint or the first headline-like line; every copy is removed from the body."""
    alive = _alive(lines)
    counts: dict[str, int] = {}
    for ln in alive:
        if is_headline_like(ln.text, rules):
            counts[_key(ln.text)] = counts.get(_key(ln.text), 0) + 1
    title = title_hint.strip() if title_hint and title_hint.strip() else None
    if title is None and len(alive) > 1:
        first = alive[0]
        if is_headline_like(first.text, rules):
            title = first.text
    if title is None:
        # A headline printed several times is the title even when it is not first.
        repeated = [ln.text for ln in alive if counts.get(_key(ln.text), 0) > 1]
        title = repeated[0] if repeated else None
    if title is None:
        return None
    tkey = _key(title)
    for n, ln in enumerate(alive):
        k = _key(ln.text)
        if not k:
            continue
        # The first line may hold a truncated copy of the title ("... En Corée Du").
        near_top_prefix = n < 3 and len(k) >= 20 and (tkey.startswith(k) or k.startswith(tkey))
        if k == tkey or (near_top_prefix and is_headline_like(ln.text, rules)):
            ln.removed = True
    return normalize_text(title).replace("\n", " ")


def clean_text(raw_text: str, title_hint: str | None = None, outlet_hint: str | None = None) -> Cleaned:
    """Article body without scraping leftovers, plus its title and outlet."""
    rules = load_rules()
    lines = _split(normalize_text(raw_text))
    _drop_junk(lines, rules)
    outlet = _find_outlet(lines, outlet_hint, rules)
    _drop_teasers(lines, rules)
    title = _find_title(lines, title_hint, rules)
    text = "\n\n".join(ln.text for ln in _alive(lines))
    removed = tuple(ln.text for ln in lines if ln.removed)
    return Cleaned(text=text, title=title, outlet=outlet, removed=removed)


def clean_batch(raw_docs: pd.DataFrame) -> pd.DataFrame:
    """raw_docs_df plus text, title, outlet, language and removed_count columns."""
    out = raw_docs.copy()
    results = [
        clean_text(
            row.raw_text,
            row.title_hint if isinstance(row.title_hint, str) else None,
            row.outlet_hint if isinstance(row.outlet_hint, str) else None,
        )
        for row in raw_docs[["raw_text", "title_hint", "outlet_hint"]].itertuples(index=False)
    ]
    out["text"] = pd.Series([r.text for r in results], dtype=object, index=out.index)
    out["title"] = pd.Series([r.title for r in results], dtype=object, index=out.index)
    out["outlet"] = pd.Series([r.outlet for r in results], dtype=object, index=out.index)
    out["language"] = pd.Series([detect_language(r.text) for r in results], dtype=object, index=out.index)
    out["removed_count"] = pd.Series([len(r.removed) for r in results], dtype="int64", index=out.index)
    return out
