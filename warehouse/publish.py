"""Publishing the warehouse as a whole: build a new file beside the old one, then swap it in atomically.

A reader (BI tool, `dateline sql`) opens the file read-only per query and sees either the
previous state or the new one, never half a load. A run that dies midway leaves the previous
file untouched. DuckDB 2.0 locks a file against every other process while a read-write
connection is open, so the only read-write connection ever opened is on the temporary file.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from dateline.errors import WarehouseError, WarehouseLockedError
from warehouse.schema import HISTORY_TABLES, quote_ident, table_ddl, table_names, view_ddl


def _is_lock_error(exc: Exception) -> bool:
    return "lock" in str(exc).lower()


def read_table(path: Path, table: str) -> pd.DataFrame | None:
    """Read one table of a published warehouse read-only; None when there is no warehouse or no such table."""
    if not path.exists():
        return None
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            exists = con.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]
            ).fetchone()[0]
            if not exists:
                return None
            return con.execute(f"SELECT * FROM {quote_ident(table)}").df()
    except duckdb.IOException as exc:
        if _is_lock_error(exc):
            raise WarehouseLockedError(f"{path} is locked by another process: {exc}") from exc
        raise WarehouseError(f"cannot read {path}: {exc}") from exc


def read_history(path: Path) -> dict[str, pd.DataFrame]:
    """The accumulated tables (files, runs, quarantine) and documents' first-seen data of the previous warehouse."""
    out: dict[str, pd.DataFrame] = {}
    for table in (*HISTORY_TABLES, "documents"):
        df = read_table(path, table)
        if df is not None:
            out[table] = df[["doc_id", "ingested_at", "run_id"]] if table == "documents" else df
    return out


def _load(con: duckdb.DuckDBPyConnection, table: str, df: pd.DataFrame) -> None:
    staged = f"_staged_{table}"
    con.register(staged, df)
    try:
        # BY NAME: the frame may carry extra columns or another order; the DDL decides.
        columns = con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
        wanted = [c for (c,) in columns if c in df.columns]
        cols = ", ".join('"' + c + '"' for c in wanted)
        con.execute(f"INSERT INTO {quote_ident(table)} ({cols}) SELECT {cols} FROM {quote_ident(staged)}")
    finally:
        con.unregister(staged)


def build_warehouse(
    path: Path, tables: Mapping[str, pd.DataFrame], storage_compatibility: str = "v1.0.0"
) -> dict[str, pa.Table]:
    """Create a complete warehouse file at `path` from the given frames; return each table as loaded (typed)."""
    unknown = set(tables) - set(table_names())
    if unknown:
        raise WarehouseError(f"no such warehouse tables: {sorted(unknown)}")
    con = duckdb.connect(str(path), config={"storage_compatibility_version": storage_compatibility})
    try:
        for name, ddl in table_ddl():
            con.execute(ddl)
            frame = tables.get(name)
            if frame is not None and len(frame):
                _load(con, name, frame)
        for _, ddl in view_ddl():
            con.execute(ddl)
        con.execute("CHECKPOINT")
        return {name: con.sql(f"SELECT * FROM {quote_ident(name)}").to_arrow_table() for name in table_names()}
    finally:
        con.close()


def publish(
    target: Path,
    tables: Mapping[str, pd.DataFrame],
    storage_compatibility: str = "v1.0.0",
    before_swap: Callable[[dict[str, pa.Table]], None] | None = None,
) -> dict[str, pa.Table]:
    """Build the warehouse in a temporary file beside `target`, then atomically replace `target` with it.

    `before_swap` receives the typed tables (the Parquet lake is written from them) and runs
    before the swap, so a failure there leaves the previous warehouse published.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        built = build_warehouse(tmp, tables, storage_compatibility)
        if before_swap is not None:
            before_swap(built)
        tmp_wal = Path(str(tmp) + ".wal")
        if tmp_wal.exists():  # CHECKPOINT + close should have folded it in; never ship a file that needs its WAL
            raise WarehouseError(f"write-ahead log left beside {tmp}")
        # A stale WAL beside the target (a writer that died) would be replayed against the new
        # file and make every later open fail ("WAL does not match database file").
        stale_wal = Path(str(target) + ".wal")
        if stale_wal.exists():
            stale_wal.unlink()
        os.replace(tmp, target)
        return built
    except duckdb.Error as exc:
        raise WarehouseError(f"building the warehouse failed: {exc}") from exc
    finally:
        for leftover in (tmp, Path(str(tmp) + ".wal")):
            if leftover.exists():
                leftover.unlink()
