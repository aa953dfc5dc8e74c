"""Read-only queries on the published warehouse, for the CLI and readers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from dateline.errors import WarehouseError, WarehouseLockedError


def run_query(path: Path, sql: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
    """Run one SQL statement on a read-only connection that lives only for this query."""
    if not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `dateline run` first")
    try:
        # Opening per query lets the loader swap the file in between queries (STACK.md, "Locks").
        with duckdb.connect(str(path), read_only=True) as con:
            cursor = con.execute(sql, list(params or []))
            columns = [d[0] for d in cursor.description or []]
            # Records, not .df(): DATE stays a date (pandas would widen it to a timestamp).
            return pd.DataFrame.from_records(cursor.fetchall(), columns=columns)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseLockedError(f"{path} is locked by another process, try again: {exc}") from exc
        raise WarehouseError(str(exc)) from exc
    except duckdb.Error as exc:
        raise WarehouseError(str(exc)) from exc
