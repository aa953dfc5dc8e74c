"""End to end: the Prefect flow on real files, into a real DuckDB warehouse, under Prefect's test harness."""

from __future__ import annotations

from datetime import date

import pyarrow.parquet as pq
import pytest

from dateline.errors import QuarantineError
from dateline.settings import Settings

from tests.flows.helpers import SNAPSHOT_TABLES, query as _q, run_flow as _run


def test_sample_run_accounts_for_every_file(sample_run):
    _, data, first, _, _ = sample_run
    assert first["files_seen"] == 5 and first["files_ingested"] == 5 and first["files_rejected"] == 0
    assert _q(data, "SELECT count(*) FROM documents")[0][0] == 5


def test_sample_events_are_read_from_the_text(sample_run):
    _, data, _, _, _ = sample_run
    rows = _q(data, "SELECT event_type, actor_country, recipient_country FROM events")
    assert len(rows) >= 5
    types = {r[0] for r in rows}
    assert {"ACCUSE", "SANCTION"} <= types
    # every mention's evidence is a real substring of its document's clean text
    bad = _q(data, """
        SELECT m.mention_id FROM event_mentions m JOIN documents d USING (doc_id)
        WHERE substr(d.text, m.char_start + 1, m.char_end - m.char_start) = '' """)
    assert bad == []


def test_second_run_changes_nothing_but_history(sample_run):
    _, data, first, second, snapshot = sample_run
    assert first["run_id"] != second["run_id"]
    for table, rows in snapshot.items():
        assert _q(data, f"SELECT * FROM {table} ORDER BY ALL") == rows, f"{table} changed on re-run"
    per_run = _q(data, "SELECT run_id, count(*) FROM files GROUP BY run_id ORDER BY run_id")
    assert [n for _, n in per_run] == [5, 5]
    assert _q(data, "SELECT count(*) FROM runs")[0][0] == 2


def test_lake_holds_bronze_bytes_and_snapshots(sample_run):
    raw, data, _, _, _ = sample_run
    bronze = pq.read_table(data / "lake" / "bronze" / "raw_files").to_pandas()
    assert len(bronze) == 5  # second run added nothing: content-addressed
    original = (raw / "001_3d75517a3287376c.txt").read_bytes()
    assert original in set(bronze["raw"])
    for layer, name in [("silver", "documents"), ("silver", "timexes"), ("gold", "events"), ("history", "files")]:
        assert (data / "lake" / layer / f"{name}.parquet").exists()


def test_bad_files_are_rejected_with_reasons_and_the_rest_read(tmp_path, fixtures_dir):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    (raw / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)))
    latin1 = ("Le Parlement européen a adopté mardi à Strasbourg une résolution condamnant la répression "
              "des manifestations en Géorgie, où des milliers de personnes défilent depuis la mi-novembre.")
    (raw / "latin1.txt").write_bytes(latin1.encode("latin-1"))
    mojibake = ("Le gouvernement kényan a annoncé jeudi l'envoi de policiers en Haïti, "
                "après l'accord conclu à Nairobi avec le Premier ministre haïtien.")
    (raw / "mojibake.txt").write_bytes(mojibake.encode("utf-8").decode("latin-1").encode("utf-8"))
    data = tmp_path / "data"
    record = _run(raw, data)
    assert record["files_seen"] == 4
    files = dict(_q(data, "SELECT source_path, status FROM files"))
    assert files == {"empty.txt": "rejected", "image.txt": "rejected", "latin1.txt": "ingested", "mojibake.txt": "ingested"}
    reasons = dict(_q(data, "SELECT source_path, reason FROM files WHERE status = 'rejected'"))
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["image.txt"]
    texts = {p: t for p, t in _q(data, "SELECT source_path, text FROM documents")}
    assert "Parlement européen a adopté mardi" in texts["latin1.txt"]
    assert "gouvernement kényan" in texts["mojibake.txt"] and "Ã" not in texts["mojibake.txt"]


def test_a_document_with_only_leftovers_is_quarantined_not_dropped(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "junk.txt").write_text("Publicité\n\nLoading...\n", encoding="utf-8")
    (raw / "real.txt").write_text(
        " date 2024-05-14 Le président sud-africain Cyril Ramaphosa a rencontré mardi à Pretoria "
        "son homologue kényan William Ruto pour discuter du commerce entre les deux pays.",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    record = _run(raw, data)
    assert record["quarantined_rows"] >= 1
    assert record["status"] == "completed_with_quarantine"
    q = _q(data, "SELECT table_name, expectation FROM quarantine")
    assert ("documents", "expect_column_value_lengths_to_be_between") in q
    assert _q(data, "SELECT count(*) FROM documents")[0][0] == 1


def test_scheduled_deployment_carries_cron_and_settings(tmp_path):
    from flows.pipeline import scheduled_deployment

    settings = Settings(raw_dir=tmp_path, data_dir=tmp_path / "out")
    deployment = scheduled_deployment(settings, "0 * * * *")
    assert [s.schedule.cron for s in deployment.schedules] == ["0 * * * *"]
    assert Settings.from_params(deployment.parameters["settings"]) == settings


def test_unreadable_and_oversized_files_are_rejected_not_lost(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "ok.txt").write_text(
        " date 2021-08-15 Les talibans sont entrés dimanche dans Kaboul, a annoncé un porte-parole du mouvement.",
        encoding="utf-8",
    )
    (raw / "dump.txt").write_text("Le Conseil de l'Europe a publié son rapport annuel. " * 200, encoding="utf-8")
    (raw / "gone.txt").symlink_to(tmp_path / "deleted-by-the-crawler.txt")
    data = tmp_path / "data"
    record = _run(raw, data, max_file_bytes=2_000)
    assert record["files_seen"] == 3
    files = {p: (s, r) for p, s, r in _q(data, "SELECT source_path, status, reason FROM files")}
    assert files["ok.txt"] == ("ingested", None)
    assert files["dump.txt"][0] == "rejected" and files["dump.txt"][1].startswith("too large: 10600 bytes")
    assert files["gone.txt"][0] == "rejected" and files["gone.txt"][1].startswith("unreadable")


def test_manifest_gives_date_outlet_and_url_and_is_not_an_article(tmp_path):
    raw = tmp_path / "raw"
    (raw / "2024").mkdir(parents=True)
    (raw / "2024" / "haiti.txt").write_text(
        "Le Conseil présidentiel de transition a prêté serment jeudi à Port-au-Prince, "
        "après la démission du Premier ministre Ariel Henry.",
        encoding="utf-8",
    )
    (raw / "manifest.csv").write_text(
        "path,url,outlet,published\n2024/haiti.txt,https://example.org/haiti-transition,Le Nouvelliste,2024-04-25\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    record = _run(raw, data)
    assert record["files_seen"] == 1  # the manifest is metadata, not an article
    row = _q(data, "SELECT outlet, url, published_start, published_precision, published_source FROM documents")
    assert row == [("Le Nouvelliste", "https://example.org/haiti-transition", date(2024, 4, 25), "day", "manifest")]
    # "jeudi" resolves against the manifest's date: Thursday 25 April 2024 is that very day
    assert _q(data, "SELECT date_start FROM timexes WHERE text = 'jeudi'") == [(date(2024, 4, 25),)]


def test_strict_run_fails_on_quarantine_after_publishing(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "junk.txt").write_text("Publicité\n\nLoading...\n", encoding="utf-8")
    data = tmp_path / "data"
    with pytest.raises(QuarantineError):
        _run(raw, data, fail_on_quarantine=True)
    # the run still published what was valid, and the reason is there to read
    assert _q(data, "SELECT table_name, expectation FROM quarantine") == [
        ("documents", "expect_column_value_lengths_to_be_between")
    ]
