"""The run record and the summary printed at the end of a run."""

from __future__ import annotations

from datetime import datetime

import pandas as pd


def run_record(
    run_id: str,
    started_at: datetime,
    finished_at: datetime,
    raw_dir: str,
    files_seen: int,
    tables: dict[str, pd.DataFrame],
    quarantine: pd.DataFrame,
    failed_expectations: int,
) -> dict[str, object]:
    """One row of the `runs` table, counted from the tables the run publishes."""
    files = tables.get("files", pd.DataFrame(columns=["status"]))
    docs = tables.get("documents", pd.DataFrame(columns=["duplicate_of", "story_id"]))
    status_counts = files["status"].value_counts().to_dict() if len(files) else {}
    quarantined = int(len(quarantine))
    return {
        "run_id": run_id,
        "started_at": started_at,
        "finished_at": finished_at,
        "status": "completed" if quarantined == 0 and failed_expectations == 0 else "completed_with_quarantine",
        "raw_dir": raw_dir,
        "files_seen": int(files_seen),
        "files_ingested": int(status_counts.get("ingested", 0)),
        "files_duplicate": int(status_counts.get("duplicate", 0)),
        "files_rejected": int(status_counts.get("rejected", 0)),
        "documents": int(len(docs)),
        "duplicate_documents": int(docs["duplicate_of"].notna().sum()) if len(docs) else 0,
        "stories": int(docs["story_id"].nunique()) if len(docs) else 0,
        "timexes": int(len(tables.get("timexes", ()))),
        "mentions": int(len(tables.get("event_mentions", ()))),
        "events": int(len(tables.get("events", ()))),
        "quarantined_rows": quarantined,
        "failed_expectations": int(failed_expectations),
        "validation_success": failed_expectations == 0,
    }
