"""Settings: environment read once at the entry point, explicit flags on top, bad values refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import ConfigError
from dateline.settings import Settings


def test_flags_override_environment(tmp_path):
    env = {"DATELINE_RAW_DIR": "/from/env", "DATELINE_DATA_DIR": str(tmp_path), "DATELINE_MAX_FILE_BYTES": "1234"}
    s = Settings.from_env(env, raw_dir=Path("/from/flag"))
    assert s.raw_dir == Path("/from/flag")
    assert s.data_dir == tmp_path
    assert s.max_file_bytes == 1234


def test_params_round_trip_for_prefect(tmp_path):
    s = Settings(raw_dir=tmp_path, data_dir=tmp_path / "out", fail_on_quarantine=True)
    assert Settings.from_params(s.to_params()) == s


def test_unknown_setting_is_refused():
    with pytest.raises(ConfigError, match="unknown"):
        Settings.from_params({"raw_folder": "x"})


def test_missing_raw_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="raw folder"):
        Settings(raw_dir=tmp_path / "nope").validated()


def test_manifest_defaults_to_one_in_raw_folder(tmp_path):
    assert Settings(raw_dir=tmp_path).manifest_path is None
    (tmp_path / "manifest.csv").write_text("path,url,outlet,published\n", encoding="utf-8")
    assert Settings(raw_dir=tmp_path).manifest_path == tmp_path / "manifest.csv"


def test_derived_paths():
    s = Settings(data_dir=Path("/srv/dateline"))
    assert s.warehouse_path == Path("/srv/dateline/warehouse.duckdb")
    assert s.lake_dir == Path("/srv/dateline/lake")
