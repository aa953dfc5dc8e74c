"""Docs frames for the event tests: the bundled sample with its dates, and one-off dispatches."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from transforms.clean import clean_text
from transforms.events import extract_mentions
from transforms.temporal import timexes_frame

# Publication dates of the sample: the " date YYYY-MM" marker where there is one, 001's byline
# (31 Août 2023), and for 002 the month its "guerre vieille de 13 mois" and "jeudi" (same day as 000) give.
SAMPLE_DCT = {
    "000": ("2023-03-01", "2023-03-31", "month"),
    "001": ("2023-08-31", "2023-08-31", "day"),
    "002": ("2023-03-01", "2023-03-31", "month"),
    "003": ("2023-10-01", "2023-10-31", "month"),
    "004": ("2023-08-01", "2023-08-31", "month"),
}
_MARKER = re.compile(r"^\s*date \d{4}-\d{2}\s*")


def make_docs(texts: dict[str, str], dct: dict[str, tuple], story: dict[str, str] | None = None) -> pd.DataFrame:
    """The docs frame the flow hands to extract_mentions, from clean texts."""
    rows = []
    for doc_id, text in texts.items():
        start, end, precision = dct.get(doc_id, (None, None, None))
        rows.append({
            "doc_id": doc_id, "text": text, "title": None, "language": "fr",
            "published_start": date.fromisoformat(start) if start else None,
            "published_end": date.fromisoformat(end) if end else None,
            "published_precision": precision, "duplicate_of": None,
            "story_id": (story or {}).get(doc_id, doc_id),
        })  # fmt: skip
    return pd.DataFrame(rows)


def sample_docs(sample_texts: dict[str, str]) -> pd.DataFrame:
    """The five sample articles, cleaned, with their publication dates; all one story."""
    texts = {k: clean_text(_MARKER.sub("", raw)).text for k, raw in sample_texts.items()}
    return make_docs(texts, SAMPLE_DCT, {k: "story-nk-arms" for k in texts})


def code(nlp, text: str, dct: str = "2024-05-16") -> pd.DataFrame:
    """Mentions of one short dispatch published on a given day (2024-05-16 is a Thursday)."""
    docs = make_docs({"d": text}, {"d": (dct, dct, "day")})
    return extract_mentions(docs, timexes_frame(docs), nlp)
