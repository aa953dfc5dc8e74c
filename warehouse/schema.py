"""The warehouse's relations, read from the SQL files beside this module (one relation per file)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# Tables whose rows accumulate across runs; every other table is a snapshot of the current state.
HISTORY_TABLES = ("files", "runs", "quarantine")

_NAME = re.compile(r"CREATE\s+(?:TABLE|VIEW)\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)


def _sql_files(kind: str) -> list[tuple[str, str]]:
    folder = resources.files("warehouse") / "sql" / kind
    out = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".sql"):
            sql = entry.read_text(encoding="utf-8")
            match = _NAME.search(sql)
            if match is None:
                raise ValueError(f"{kind}/{entry.name} defines no relation")
            out.append((match.group(1), sql))
    return out


@lru_cache(maxsize=1)
def table_ddl() -> tuple[tuple[str, str], ...]:
    """(table name, CREATE TABLE statement) in dependency order."""
    return tuple(_sql_files("tables"))


@lru_cache(maxsize=1)
def view_ddl() -> tuple[tuple[str, str], ...]:
    """(view name, CREATE VIEW statement) for the BI layer."""
    return tuple(_sql_files("views"))


def table_names() -> tuple[str, ...]:
    """Names of the warehouse tables."""
    return tuple(name for name, _ in table_ddl())


def quote_ident(name: str) -> str:
    """Quote an identifier that comes from our own schema (never from user input)."""
    if name not in table_names() and not name.startswith("_staged"):
        raise ValueError(f"not a warehouse relation: {name!r}")
    return '"' + name.replace('"', '""') + '"'
