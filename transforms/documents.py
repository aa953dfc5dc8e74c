"""Assembling the `documents` table: publication dates, first-seen lineage, and the contract's columns."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from transforms.pubdate import publication_date

DOCUMENT_COLUMNS = [
    "doc_id", "source_path", "record_key", "content_sha256", "format", "encoding", "mojibake_fixed", "url",
    "title", "outlet", "language", "published_start", "published_end", "published_precision",
    "published_source", "published_evidence", "text", "removed_count", "duplicate_of", "dup_kind",
    "dup_similarity", "story_id", "ingested_at", "run_id",
]


def date_documents(docs: pd.DataFrame) -> pd.DataFrame:
    """Add published_start/end/precision/source/evidence from each document's hint or raw text."""
    dated = [
        publication_date(raw, hint if isinstance(hint, str) else None, src if isinstance(src, str) else None)
        for raw, hint, src in zip(docs["raw_text"], docs["published_hint"], docs["published_hint_source"])
    ]
    out = docs.copy()
    out["published_start"] = [d.start for d in dated]
    out["published_end"] = [d.end for d in dated]
    out["published_precision"] = [d.precision for d in dated]
    out["published_source"] = [d.source for d in dated]
    out["published_evidence"] = [d.evidence for d in dated]
    return out


def carry_first_seen(docs: pd.DataFrame, previous: pd.DataFrame | None, run_id: str, now: datetime) -> pd.DataFrame:
    """Keep each document's first ingestion time and run across runs, so re-runs leave rows unchanged."""
    out = docs.copy()
    first_at: dict[str, object] = {}
    first_run: dict[str, object] = {}
    if previous is not None and len(previous):
        first_at = dict(zip(previous["doc_id"], previous["ingested_at"]))
        first_run = dict(zip(previous["doc_id"], previous["run_id"]))
    out["ingested_at"] = [first_at.get(d, now) for d in out["doc_id"]]
    out["run_id"] = [first_run.get(d, run_id) for d in out["doc_id"]]
    return out


def documents_table(docs: pd.DataFrame) -> pd.DataFrame:
    """Select and order the contract's columns (missing optional ones become NULL)."""
    out = docs.copy()
    for col in DOCUMENT_COLUMNS:
        if col not in out.columns:
            out[col] = None
    return out[DOCUMENT_COLUMNS].sort_values("doc_id", kind="stable").reset_index(drop=True)
