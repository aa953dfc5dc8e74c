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
