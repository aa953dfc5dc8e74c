"""Helpers of the end-to-end tests: run the real flow, query the real warehouse."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from dateline.settings import Settings
from flows.pipeline import dateline_flow

SNAPSHOT_TABLES = ("documents", "timexes", "events", "event_mentions")


def run_flow(raw: Path, data: Path, **settings) -> dict:
    """Run the real flow on a raw folder into a data folder; return the run record."""
    return dateline_flow(settings=Settings(raw_dir=raw, data_dir=data, **settings).to_params())


def query(data: Path, sql: str, params=()) -> list[tuple]:
    """Rows of a read-only query on the published warehouse."""
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def copy_sample(sample_dir: Path, raw: Path) -> Path:
    """Copy the bundled articles into a fresh raw folder, names unchanged."""
    raw.mkdir(parents=True, exist_ok=True)
    for path in sample_dir.glob("*.txt"):
        shutil.copy(path, raw / path.name)
    return raw
