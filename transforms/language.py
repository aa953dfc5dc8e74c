"""Guess the language of an article from stop-word profiles (no model, no download)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

_PROFILES_PATH = Path(__file__).parent / "data" / "language_profiles.yaml"
_TOKEN = re.compile(r"[^\W\d_]+")

# Below this many profile hits a text is too short to call.
MIN_HITS = 4
# The winner needs this share of the text's tokens to be its stop words...
MIN_SHARE = 0.15
# ...and this lead over the runner-up, since Romance languages share many words.
MIN_LEAD = 1.25


@lru_cache(maxsize=1)
def load_profiles() -> dict[str, frozenset[str]]:
    """Stop-word profiles from data/language_profiles.yaml, keyed by ISO 639-1 code."""
    data = yaml.safe_load(_PROFILES_PATH.read_text(encoding="utf-8"))
    profiles: dict[str, frozenset[str]] = {}
    for code, words in data.items():
        bad = [w for w in words if not isinstance(w, str)]
        if bad:
            # Unquoted yes/no/on/off become booleans in YAML: refuse rather than mis-score.
            raise ValueError(f"{_PROFILES_PATH.name}: non-string word(s) for {code}: {bad}")
        profiles[str(code)] = frozenset(w.lower() for w in words)
    return profiles


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or unclear."""
    tokens = _TOKEN.findall(text.lower())
    if not tokens:
        return None
    profiles = load_profiles()
    weights = _word_weights()
    hits = {code: [t for t in tokens if t in words] for code, words in profiles.items()}
    # A word shared by k languages is worth 1/k, so words specific to one language decide.
    scores = {code: sum(weights[t] for t in found) for code, found in hits.items()}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    (best, top), (_, second) = ranked[0], ranked[1]
    if len(hits[best]) < MIN_HITS or len(hits[best]) / len(tokens) < MIN_SHARE:
        return None
    if second and top / second < MIN_LEAD:
        return None
    return best


@lru_cache(maxsize=1)
def _word_weights() -> dict[str, float]:
    """1 / number of profiles a stop word belongs to."""
    counts: dict[str, int] = {}
    for words in load_profiles().values():
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    return {w: 1.0 / n for w, n in counts.items()}
