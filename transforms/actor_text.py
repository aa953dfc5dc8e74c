"""Text primitives of the actor gazetteer: accent folding, word tokens, alias normalization,
a token trie for longest-match scans, and the commented-CSV reader of the data files."""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

# Words that may open a noun phrase but never belong to a name: stripped before lookup.
LEADING_FUNCTION_WORDS = frozenset(
    "l le la les de du des d au aux a en un une ces cet cette ce ses son sa leur leurs "
    "plusieurs certains quelques deux trois".split()
)
# Prepositions introducing an owner ("le ministre de la Défense *de la Russie*").
OF_WORDS = frozenset({"de", "du", "des", "d"})
OF_ARTICLES = frozenset({"la", "l", "le", "les"})
# Characters allowed between two tokens of one alias: spaces, hyphens, apostrophes, dots (M.), plus (P5+1).
GAP_OK = re.compile(r"[\s\-‐‑–'’.+]*\Z")
TOKEN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """Lower-case a token and strip its accents ('Émirats' -> 'emirats')."""
    decomposed = unicodedata.normalize("NFD", token.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("œ", "oe")


def tokens(text: str) -> list[tuple[int, int, str, str]]:
    """Split text into (start, end, folded, original) word tokens; punctuation is dropped."""
    return [(m.start(), m.end(), fold(m.group()), m.group()) for m in TOKEN.finditer(text)]


def normalize(name: str) -> str:
    """Normalize a name for lookup: folded tokens without leading articles/prepositions."""
    toks = [t[2] for t in tokens(name)]
    while len(toks) > 1 and toks[0] in LEADING_FUNCTION_WORDS:
        toks.pop(0)
    return " ".join(toks)


def slug(text: str) -> str:
    """ASCII slug used in 'unk:<slug>' and 'per:<slug>' ids."""
    return "_".join(t[2] for t in tokens(text)) or "x"


class TokenTrie:
    """Token trie: folded token tuples -> payload, with longest-match walking."""

    def __init__(self) -> None:
        self.root: dict[str, Any] = {}

    def add(self, key: tuple[str, ...], payload: Any) -> list[Any]:
        """Append payload at key; returns the payload list stored there."""
        node = self.root
        for tok in key:
            node = node.setdefault(tok, {})
        return node.setdefault("", [])

    def walk(self, toks: list[tuple[int, int, str, str]], i: int, text: str):
        """Yield (end_index_exclusive, payloads) for every key matching from token i on."""
        node = self.root
        j = i
        while j < len(toks):
            if j > i and not GAP_OK.match(text, toks[j - 1][1], toks[j][0]):
                return
            node = node.get(toks[j][2])
            if node is None:
                return
            j += 1
            if "" in node:
                yield j, node[""]


def split_cell(field: str) -> list[str]:
    """Split a '|' separated data cell."""
    return [p.strip() for p in (field or "").split("|") if p.strip()]


def read_commented_csv(path: Path) -> list[dict[str, str]]:
    """Read a ';' separated CSV whose lines starting with '#' are documentation."""
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(lines, delimiter=";"))


def plural_forms(masc: str, fem: str) -> list[str]:
    """The four forms of a French demonym adjective from its two singulars."""
    masc_pl = masc if masc.endswith(("s", "x")) else masc + "s"
    fem_pl = fem if fem.endswith(("s", "x")) else fem + "s"
    return list(dict.fromkeys([masc, fem, masc_pl, fem_pl]))
