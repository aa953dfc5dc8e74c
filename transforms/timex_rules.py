"""Loading the per-language temporal rule files (transforms/data/temporal_<lang>.yaml) into compiled regexes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from dateline.errors import ConfigError

DATA_DIR = Path(__file__).resolve().parent / "data"
_MACRO = re.compile(r"\{([A-Z_]+)\}")
_APOS = "['’]"


@dataclass(frozen=True)
class Rule:
    """One recognition rule: an id, its kind, a compiled regex and how to resolve a match."""

    id: str
    kind: str
    regex: re.Pattern
    resolve: dict
    order: int
    examples: tuple = ()
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleSet:
    """Every rule, lexicon table and parameter of one language."""

    lang: str
    rules: tuple[Rule, ...]
    lexicon: dict[str, dict[str, Any]]
    params: dict[str, Any]
    ranges: tuple[tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, str], ...]
    tense: dict[str, tuple[re.Pattern, ...]] = field(default_factory=dict)
    anchor_words: dict[str, frozenset[str]] = field(default_factory=dict)
    anchor_window: int = 60
    range_examples: tuple = ()
    raw: dict = field(default_factory=dict, repr=False)

    def lookup(self, table: str, word: str | None) -> Any:
        """Value of `word` in lexicon `table`, matching case-, space- and apostrophe-insensitively."""
        if word is None:
            return None
        return self.lexicon[table].get(normalize_key(word))


def normalize_key(word: str) -> str:
    """Lower-case, single spaces, straight apostrophes: the form lexicon keys are stored in."""
    return re.sub(r"\s+", " ", word.replace("’", "'")).strip().lower()


def _phrase_regex(phrase: str) -> str:
    """Regex for a lexicon phrase: any whitespace run between words, either apostrophe."""
    parts = [re.escape(p) for p in normalize_key(phrase).split(" ")]
    return r"\s+".join(parts).replace("'", _APOS).replace(r"\'", _APOS)


def _expand(pattern: str, macros: dict[str, str]) -> str:
    """Replace every {NAME} in `pattern` by its macro, recursively."""
    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name not in macros:
            raise ConfigError(f"temporal rules: unknown macro {{{name}}}")
        return macros[name]

    for _ in range(10):
        new = _MACRO.sub(sub, pattern)
        if new == pattern:
            return new
        pattern = new
    raise ConfigError("temporal rules: macros nest too deeply")


def _compile(pattern: str, macros: dict[str, str], rule_id: str) -> re.Pattern:
    """Expand macros, accept both apostrophes, and compile between word boundaries."""
    body = _expand(str(pattern), macros)
    body = re.sub(r"(?<!\[)'(?!\])", _APOS, body)
    try:
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE | re.VERBOSE)
    except re.error as exc:
        raise ConfigError(f"temporal rule {rule_id}: bad pattern: {exc}") from exc


def _anchor_words(lexicon: dict[str, dict[str, Any]], extra: dict[str, list]) -> dict[str, frozenset[str]]:
    """Word -> anchor classes it belongs to, from the lexicon tables and the explicit anchor lists."""
    classes: dict[str, set[str]] = {}
    sources = {"months": ["months"], "weekdays": ["weekdays"], "seasons": ["seasons"],
               "units": ["units", "duration_units"]}
    for cls, tables in sources.items():
        for table in tables:
            for key in lexicon.get(table, {}):
                for word in re.findall(r"\w+", key):
                    classes.setdefault(word, set()).add(cls)
    for cls, words in extra.items():
        for word in words:
            classes.setdefault(normalize_key(str(word)), set()).add(cls)
    return {w: frozenset(c) for w, c in classes.items()}


@lru_cache(maxsize=8)
def load_rules(lang: str = "fr") -> RuleSet:
    """Read and compile transforms/data/temporal_<lang>.yaml (cached per process)."""
    path = DATA_DIR / f"temporal_{lang}.yaml"
    if not path.exists():
        raise ConfigError(f"no temporal rules for language {lang!r} ({path})")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lexicon: dict[str, dict[str, Any]] = {}
    macros: dict[str, str] = {}
    for table, entries in (data.get("lexicon") or {}).items():
        lexicon[table] = {normalize_key(str(k)): v for k, v in entries.items()}
        keys = sorted(lexicon[table], key=len, reverse=True)
        macros[table.upper()] = "(?:" + "|".join(_phrase_regex(k) for k in keys) + ")"
    for name, frag in (data.get("macros") or {}).items():
        macros[name] = f"(?:{frag})" if name not in ("PART",) else str(frag)
    rules = []
    for order, r in enumerate(data.get("rules") or []):
        if r.get("kind") not in ("date", "duration", "set", "future"):
            raise ConfigError(f"temporal rule {r.get('id')}: bad kind {r.get('kind')!r}")
        rules.append(Rule(
            id=r["id"], kind=r["kind"], regex=_compile(r["pattern"], macros, r["id"]),
            resolve=dict(r.get("resolve") or {}), order=order, examples=tuple(r.get("examples") or ()),
            anchors=tuple(r.get("anchors") or ()),
        ))
    ranges = []
    for rg in data.get("ranges") or []:
        opener = re.compile(rf"(?<!\w){_phrase_regex(rg['open'])}\s+$", re.IGNORECASE)
        closer = re.compile(rf"^\s+{_phrase_regex(rg['close'])}\s+$", re.IGNORECASE)
        # the connector may also open the member's own match ("depuis mars", "jusqu'à juin 2022")
        inner_open = re.compile(rf"^{_phrase_regex(rg['open'])}\s+", re.IGNORECASE)
        inner_close = re.compile(rf"^{_phrase_regex(rg['close'])}\s+", re.IGNORECASE)
        ranges.append((opener, closer, inner_open, inner_close,
                       "range_" + normalize_key(rg["open"]).replace("'", "")))
    tense = {k: tuple(re.compile(p, re.IGNORECASE) for p in v) for k, v in (data.get("tense") or {}).items()}
    anchor_cfg = dict(data.get("anchors") or {})
    window = int(anchor_cfg.pop("window", 60))
    return RuleSet(
        lang=data.get("lang", lang), rules=tuple(rules), lexicon=lexicon,
        params=dict(data.get("params") or {}), ranges=tuple(ranges), tense=tense,
        anchor_words=_anchor_words(lexicon, anchor_cfg), anchor_window=window,
        range_examples=tuple(data.get("range_examples") or ()), raw=data,
    )
