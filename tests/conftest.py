"""Shared fixtures: the bundled sample and one spaCy pipeline per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "data" / "raw"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    """The five bundled articles, as shipped in data/raw."""
    return SAMPLE_DIR


@pytest.fixture(scope="session")
def sample_texts() -> dict[str, str]:
    """Raw text of each bundled article, keyed by its three-digit prefix ("000".."004")."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SAMPLE_DIR.glob("*.txt"))}


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """Folder of small real fixtures written for the tests."""
    return FIXTURES


@pytest.fixture(scope="session")
def nlp():
    """fr_core_news_md, loaded once per session (about 4 s)."""
    from transforms.nlp import load_pipeline

    return load_pipeline()
