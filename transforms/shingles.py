"""Text normalisation, tokenisation and word shingles shared by dedup and story clustering.

Everything is vectorised over a whole batch (pyarrow kernels + numpy) because the stage must
take a million articles: no Python loop runs per document, token or word.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
# Anything that is not a letter, digit or combining accent separates words: apostrophes, quotes,
# dashes, punctuation, no-break spaces.
_NON_WORD = r"[^\pL\pN\pM]+"
# Fixed key so word hashes are identical across processes and runs (ids must be stable).
_HASH_KEY = "dateline-shingle"


@dataclass(frozen=True)
class Tokens:
    """A batch of tokenised documents: token hashes laid end to end, split by offsets."""

    offsets: np.ndarray  # int64, len n_docs + 1; doc i owns hashes[offsets[i]:offsets[i+1]]
    hashes: np.ndarray  # uint64 hash of each accent-folded lowercase word
    words: np.ndarray  # object array: the folded form of each distinct spelling in the batch
    word_index: np.ndarray  # int64 index into `words` for each token

    @property
    def n_docs(self) -> int:
        """Number of documents in the batch."""
        return len(self.offsets) - 1

    def lengths(self) -> np.ndarray:
        """Number of tokens of each document."""
        return np.diff(self.offsets)


def fold_word(word: str) -> str:
    """Lowercase a word and strip its accents ("Sécurité" -> "securite")."""
    decomposed = unicodedata.normalize("NFKD", word).lower()
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _as_arrow(texts: Iterable[str | None] | pa.Array | pd.Series) -> pa.Array:
    if isinstance(texts, pd.Series):
        return text_array(texts)
    if isinstance(texts, pa.ChunkedArray):
        texts = texts.combine_chunks()
    if not isinstance(texts, pa.Array):
        texts = pa.array(
            [t if isinstance(t, str) else None for t in texts], type=pa.large_string()
        )
    return pc.fill_null(texts, "")


def normalize_texts(texts: Iterable[str | None] | pa.Array | pd.Series) -> pa.Array:
    """Normalise texts for exact comparison: lowercase, punctuation and spacing collapsed.

    No Unicode normal form on the whole text (it costs as much as the rest of the stage): the
    words are brought to one form (NFKD, accents stripped) on the distinct vocabulary instead.
    """
    arr = pc.utf8_lower(_as_arrow(texts))
    arr = pc.replace_substring_regex(arr, _NON_WORD, " ")
    return pc.utf8_trim_whitespace(arr)


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """Distinct values, sorted (a sort + diff: faster than np.unique's hash path on uint64)."""
    v = np.sort(values)
    if len(v) == 0:
        return v
    keep = np.empty(len(v), dtype=bool)
    keep[0] = True
    np.not_equal(v[1:], v[:-1], out=keep[1:])
    return v[keep]


def hash_strings(values: np.ndarray | list[str]) -> np.ndarray:
    """Stable 64-bit hash of each string (pandas SipHash with a fixed key)."""
    arr = np.asarray(values, dtype=object)
    return pd.util.hash_array(arr, hash_key=_HASH_KEY, categorize=False).astype(np.uint64)


def text_array(values: pd.Series | Iterable[str | None]) -> pa.Array:
    """Texts as one pyarrow large_string array (zero-copy from pandas' Arrow-backed strings)."""
    if isinstance(values, pd.Series):
        try:
            arr = pa.array(values.array)
        except (TypeError, pa.ArrowInvalid):
            arr = pa.array(values.astype(object).where(values.notna(), None).tolist())
    else:
        arr = pa.array([v if isinstance(v, str) else None for v in values])
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if arr.type != pa.large_string():
        arr = arr.cast(pa.large_string())
    return pc.fill_null(arr, "")


def tokenize(texts: Iterable[str | None] | pa.Array | pd.Series, normalized: bool = False) -> Tokens:
    """Split texts into accent-folded lowercase words, each hashed to a stable uint64.

    normalized=True: the texts already went through normalize_texts (saves a second pass).
    """
    norm = _as_arrow(texts) if normalized else normalize_texts(texts)
    n = len(norm)
    split = pc.utf8_split_whitespace(norm)
    flat = pc.list_flatten(split)
    parents = np.asarray(pc.list_parent_indices(split), dtype=np.int64)
    keep = np.asarray(pc.not_equal(pc.utf8_length(flat), 0), dtype=bool)
    flat = flat.filter(pa.array(keep))
    parents = parents[keep]
    counts = np.bincount(parents, minlength=n) if n else np.zeros(0, dtype=np.int64)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    # Fold accents and hash on the distinct spellings only, with vectorised kernels.
    enc = pc.dictionary_encode(flat)
    if isinstance(enc, pa.ChunkedArray):
        enc = enc.combine_chunks()
    folded = pc.replace_substring_regex(pc.utf8_normalize(enc.dictionary, "NFKD"), r"\pM+", "")
    words = np.asarray(folded.to_numpy(zero_copy_only=False), dtype=object)
    word_index = np.asarray(enc.indices, dtype=np.int64)
    word_hashes = hash_strings(words) if len(words) else np.zeros(0, np.uint64)
    return Tokens(offsets=offsets, hashes=word_hashes[word_index], words=words, word_index=word_index)


def mix64(x: np.ndarray) -> np.ndarray:
    """SplitMix64 finaliser: spreads bits so any slice of the result is a good hash."""
    x = x.astype(np.uint64, copy=True)
    with np.errstate(over="ignore"):
        x ^= x >> np.uint64(30)
        x *= np.uint64(0xBF58476D1CE4E5B9)
        x ^= x >> np.uint64(27)
        x *= np.uint64(0x94D049BB133111EB)
        x ^= x >> np.uint64(31)
    return x


def shingles(tokens: Tokens, k: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """Hash every run of k consecutive words of each document; returns (offsets, hashes).

    A document shorter than k words yields one shingle of all its words, so it is not empty.
    """
    lengths = tokens.lengths()
    n = tokens.n_docs
    h = tokens.hashes
    total = len(h)
    # Shingle j of a doc starts at token j; valid when the k words stay inside the doc.
    n_sh = np.where(lengths >= k, lengths - k + 1, np.minimum(lengths, 1))
    starts = np.repeat(tokens.offsets[:-1], n_sh)
    local = np.arange(len(starts), dtype=np.int64) - np.repeat(np.cumsum(n_sh) - n_sh, n_sh)
    starts = starts + local
    ends = np.repeat(tokens.offsets[1:], n_sh)
    acc = np.zeros(len(starts), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            pos = starts + j
            inside = pos < ends
            vals = h[np.minimum(pos, max(total - 1, 0))] if total else np.zeros(0, np.uint64)
            # Rotate by position so "a b" and "b a" differ; words past the doc end add nothing.
            rot = np.uint64((13 * j) % 64)
            rv = (vals << rot) | (vals >> (np.uint64(64) - rot)) if j else vals
            acc = acc * np.uint64(0x9E3779B97F4A7C15) + np.where(inside, rv, np.uint64(0))
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(n_sh, out=offsets[1:])
    return offsets, mix64(acc)


@lru_cache(maxsize=4)
def load_word_list(name: str) -> frozenset[str]:
    """Load a word list from transforms/data/<name> (YAML block of words), accent-folded."""
    data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    return frozenset(fold_word(w) for w in str(data["words"]).split())
