"""The CLI: every command has help with an example; errors are messages, not tracebacks."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dateline.cli import app

runner = CliRunner()
COMMANDS = ["run", "sql", "serve"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: dateline " + command in " ".join(result.output.split())


def test_sql_without_warehouse_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["sql", "SELECT 1", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "dateline run" in result.output


def test_run_with_missing_raw_dir_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["run", "--raw-dir", str(tmp_path / "nope"), "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "raw folder" in result.output


@pytest.fixture()
def tiny_warehouse(tmp_path):
    """A published warehouse with one event, built by the real publisher."""
    from datetime import date

    import pandas as pd

    from warehouse.publish import publish

    event = {"event_id": "e1", "event_type": "CONSULT", "event_mode": "visit", "actor": "Emmanuel Macron",
             "actor_country": "FRA", "recipient": "China", "recipient_country": "CHN",
             "date_start": date(2023, 4, 5), "date_end": date(2023, 4, 7), "date_precision": "day",
             "num_mentions": 1, "num_documents": 1, "num_stories": 1, "negated": False, "modality": "realized"}
    publish(tmp_path / "warehouse.duckdb", {"events": pd.DataFrame([event])})
    return tmp_path


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("csv", "event_type,actor,date_start\nCONSULT,Emmanuel Macron,2023-04-05\n"),
        ("json", '[\n {\n  "event_type": "CONSULT",\n  "actor": "Emmanuel Macron",\n  "date_start": "2023-04-05"\n }\n]\n'),
    ],
)
def test_sql_formats_print_dates_as_dates(tiny_warehouse, fmt, expected):
    result = runner.invoke(app, ["sql", "SELECT event_type, actor, date_start FROM events",
                                 "--data-dir", str(tiny_warehouse), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.output == expected


def test_sql_table_format_counts_rows(tiny_warehouse):
    result = runner.invoke(app, ["sql", "SELECT actor, date_start FROM v_timeline", "--data-dir", str(tiny_warehouse)])
    assert result.exit_code == 0
    assert "Emmanuel Macron" in result.output and result.output.rstrip().endswith("1 rows")


def test_serve_without_a_prefect_server_refuses_instead_of_never_firing(tmp_path, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    result = runner.invoke(app, ["serve", "--raw-dir", str(tmp_path), "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "PREFECT_API_URL" in result.output
