"""Publishing: a whole warehouse appears atomically, readable by DuckDB 1.x readers, and history is kept."""

from __future__ import annotations

import struct
from datetime import date, datetime

import duckdb
import pandas as pd
import pytest

from dateline.errors import WarehouseError
from warehouse.publish import build_warehouse, publish, read_history, read_table
from warehouse.query import run_query
from warehouse.schema import table_names, view_ddl

DOC = {
    "doc_id": "d00000000000000a1", "source_path": "2019/sahel.txt", "record_key": "", "content_sha256": "ab" * 32,
    "format": "txt", "encoding": "utf-8", "mojibake_fixed": False, "url": None, "title": "Coup d'État au Niger",
    "outlet": "RFI", "language": "fr", "published_start": date(2023, 7, 27), "published_end": date(2023, 7, 27),
    "published_precision": "day", "published_source": "marker", "published_evidence": " date 2023-07-27",
    "text": "Des militaires ont annoncé mercredi soir avoir renversé le président Mohamed Bazoum.",
    "removed_count": 0, "duplicate_of": None, "dup_kind": None, "dup_similarity": None,
    "story_id": "s00000000000000a1", "ingested_at": datetime(2026, 1, 1, 12), "run_id": "r1",
}


def _tables(run_id: str = "r1") -> dict[str, pd.DataFrame]:
    return {
        "documents": pd.DataFrame([DOC]),
        "files": pd.DataFrame([{"run_id": run_id, "source_path": "2019/sahel.txt", "content_sha256": "ab" * 32,
                                "status": "ingested", "reason": None, "num_records": 1}]),
        "runs": pd.DataFrame([{"run_id": run_id, "started_at": datetime(2026, 1, 1), "status": "completed"}]),
    }


def _storage_version(path) -> int:
    # The DuckDB file header stores the storage format number at byte 12; DuckDB 1.x reads 64..67.
    with open(path, "rb") as fh:
        header = fh.read(20)
    assert header[8:12] == b"DUCK"
    return struct.unpack("<Q", header[12:20])[0]


def test_publish_writes_every_table_and_view(tmp_path):
    target = tmp_path / "warehouse.duckdb"
    publish(target, _tables())
    with duckdb.connect(str(target), read_only=True) as con:
        names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert set(table_names()) | {name for name, _ in view_ddl()} <= names
        assert con.execute("SELECT published_start FROM documents").fetchone()[0] == date(2023, 7, 27)
        assert con.execute("SELECT count(*) FROM v_stories").fetchone()[0] == 1
    assert not (tmp_path / "warehouse.duckdb.wal").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["warehouse.duckdb"]  # no temporary file left


def test_published_file_is_readable_by_duckdb_1x(tmp_path):
    target = tmp_path / "warehouse.duckdb"
    publish(target, _tables())
    assert 64 <= _storage_version(target) <= 67


def test_failed_build_leaves_previous_warehouse_readable(tmp_path):
    target = tmp_path / "warehouse.duckdb"
    publish(target, _tables())
    broken = _tables()
    broken["documents"] = pd.DataFrame([{**DOC, "text": None}])  # violates NOT NULL
    with pytest.raises(WarehouseError):
        publish(target, broken)
    assert run_query(target, "SELECT count(*) AS n FROM documents")["n"].tolist() == [1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["warehouse.duckdb"]


def test_lake_hook_failure_keeps_previous_state(tmp_path):
    target = tmp_path / "warehouse.duckdb"
    publish(target, _tables("r1"))

    def explode(_built):
        raise OSError("disk full")

    with pytest.raises(OSError):
        publish(target, _tables("r2"), before_swap=explode)
    assert run_query(target, "SELECT run_id FROM runs")["run_id"].tolist() == ["r1"]


def test_stale_wal_beside_target_is_not_replayed(tmp_path):
    target = tmp_path / "warehouse.duckdb"
    publish(target, _tables())
    (tmp_path / "warehouse.duckdb.wal").write_bytes(b"left by a writer that died")
    publish(target, _tables())
    assert run_query(target, "SELECT count(*) AS n FROM documents")["n"].tolist() == [1]


def test_reader_connection_open_during_publish_keeps_old_state_then_sees_new(tmp_path):
    target = tmp_path / "warehouse.duckdb"
    publish(target, _tables("r1"))
    reader = duckdb.connect(str(target), read_only=True)
    try:
        publish(target, {**_tables("r2"), "documents": pd.DataFrame([DOC, {**DOC, "doc_id": "d00000000000000a2"}])})
        assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    finally:
        reader.close()
    assert run_query(target, "SELECT count(*) AS n FROM documents")["n"].tolist() == [2]


def test_read_history_returns_accumulated_tables_and_first_seen(tmp_path):
    target = tmp_path / "warehouse.duckdb"
    assert read_history(target) == {}
    publish(target, _tables())
    history = read_history(target)
    assert history["files"]["run_id"].tolist() == ["r1"]
    assert list(history["documents"].columns) == ["doc_id", "ingested_at", "run_id"]
    assert read_table(target, "no_such_table") is None


def test_unknown_table_is_an_error(tmp_path):
    with pytest.raises(WarehouseError):
        build_warehouse(tmp_path / "w.duckdb", {"not_a_table": pd.DataFrame({"a": [1]})})


def test_query_without_warehouse_says_to_run_first(tmp_path):
    with pytest.raises(WarehouseError, match="dateline run"):
        run_query(tmp_path / "missing.duckdb", "SELECT 1")


def test_query_binds_parameters(tmp_path):
    target = tmp_path / "warehouse.duckdb"
    publish(target, _tables())
    df = run_query(target, "SELECT title FROM documents WHERE outlet = ?", ["RFI"])
    assert df["title"].tolist() == ["Coup d'État au Niger"]
    with pytest.raises(WarehouseError):
        run_query(target, "DELETE FROM documents")  # read-only connection
