"""Fixtures of the end-to-end tests: one Prefect test API and one run of the bundled sample per session."""

from __future__ import annotations

import pytest
from prefect.testing.utilities import prefect_test_harness

from tests.flows.helpers import SNAPSHOT_TABLES, copy_sample, query, run_flow


@pytest.fixture(scope="session", autouse=True)
def prefect_harness():
    """One temporary Prefect API for the whole session (its start-up costs ~10 s)."""
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory, sample_dir):
    """The bundled sample, run twice into the same data folder, with the tables after the first run."""
    raw = copy_sample(sample_dir, tmp_path_factory.mktemp("sample") / "raw")
    data = tmp_path_factory.mktemp("sample_data")
    first = run_flow(raw, data)
    snapshot = {table: query(data, f"SELECT * FROM {table} ORDER BY ALL") for table in SNAPSHOT_TABLES}
    second = run_flow(raw, data)
    return raw, data, first, second, snapshot
