"""Loading the spaCy French pipeline once per process."""

from __future__ import annotations

from functools import lru_cache

DEFAULT_MODEL = "fr_core_news_md"


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL):
    """Load a spaCy pipeline installed as a package; cached so a process pays the ~4 s once."""
    import spacy

    return spacy.load(model)
