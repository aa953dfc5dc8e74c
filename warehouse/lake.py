"""The Parquet lake: bronze (raw bytes, content-addressed), silver and gold snapshots, per-run history."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

BRONZE_SCHEMA = pa.schema(
    [
        ("content_sha256", pa.string()),
        ("source_path", pa.string()),
        ("size_bytes", pa.int64()),
        ("raw", pa.binary()),
        ("run_id", pa.string()),
    ]
)


def _write_atomic(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def bronze_known_hashes(lake_dir: Path) -> set[str]:
    """Content hashes already kept in the bronze layer."""
    folder = lake_dir / "bronze" / "raw_files"
    if not folder.exists():
        return set()
    hashes: set[str] = set()
    for part in sorted(folder.glob("*.parquet")):
        hashes.update(pq.read_table(part, columns=["content_sha256"]).column(0).to_pylist())
    return hashes


def write_bronze(lake_dir: Path, run_id: str, rows: Iterable[tuple[str, str, bytes]]) -> int:
    """Keep the raw bytes of files not yet in bronze, one part file per run; returns how many were added."""
    known = bronze_known_hashes(lake_dir)
    new: dict[str, tuple[str, bytes]] = {}
    for sha, source_path, data in rows:
        if sha not in known and sha not in new:
            new[sha] = (source_path, data)
    if not new:
        return 0
    shas = sorted(new)
    table = pa.Table.from_pydict(
        {
            "content_sha256": shas,
            "source_path": [new[s][0] for s in shas],
            "size_bytes": [len(new[s][1]) for s in shas],
            "raw": [new[s][1] for s in shas],
            "run_id": [run_id] * len(shas),
        },
        schema=BRONZE_SCHEMA,
    )
    _write_atomic(table, lake_dir / "bronze" / "raw_files" / f"run_{run_id}.parquet")
    return len(shas)


def write_snapshot(lake_dir: Path, layer: str, name: str, table: pa.Table) -> Path:
    """Replace the current snapshot of one table in a layer (silver, gold, history)."""
    path = lake_dir / layer / f"{name}.parquet"
    _write_atomic(table, path)
    return path

