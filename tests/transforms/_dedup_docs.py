"""Building the input frames of the dedup/stories tests from the sample and fixtures."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

# Dates of the bundled sample as the temporal stage reads them (markers " date 2023-03" are a
# whole month; 001 prints "31 Août 2023"; 002 carries no date at all).
SAMPLE_DATES = {
    "000": ("2023-03-01", "2023-03-31"),
    "001": ("2023-08-31", "2023-08-31"),
    "002": (None, None),
    "003": ("2023-10-01", "2023-10-31"),
    "004": ("2023-08-01", "2023-08-31"),
}


def sample_frame(sample_dir: Path) -> pd.DataFrame:
    """The five sample articles as pipeline docs; doc_id is the file stem."""
    rows = []
    for path in sorted(sample_dir.glob("*.txt")):
        start, end = SAMPLE_DATES[path.name[:3]]
        rows.append(
            {
                "doc_id": path.stem,
                "text": path.read_text(encoding="utf-8"),
                "title": None,
                "published_start": pd.Timestamp(start) if start else pd.NaT,
                "published_end": pd.Timestamp(end) if end else pd.NaT,
            }
        )
    return pd.DataFrame(rows)


def fixture_frame(fixtures_dir: Path, *, include_copy_of_001: bool = False) -> pd.DataFrame:
    """The dedup fixtures (tests/fixtures/dedup/manifest.yaml) as pipeline docs."""
    folder = fixtures_dir / "dedup"
    rows = []
    for entry in yaml.safe_load((folder / "manifest.yaml").read_text(encoding="utf-8")):
        if entry["copy_of"] == "sample_001" and not include_copy_of_001:
            continue
        start, end = entry["published_start"], entry["published_end"]
        rows.append(
            {
                "doc_id": Path(entry["file"]).stem,
                "text": (folder / entry["file"]).read_text(encoding="utf-8"),
                "title": None,
                "published_start": pd.Timestamp(start) if start else pd.NaT,
                "published_end": pd.Timestamp(end) if end else pd.NaT,
                "expected_story": entry["story"],
            }
        )
    return pd.DataFrame(rows)


def with_copy_of_001(sample: pd.DataFrame, fixtures_dir: Path, doc_id: str = "005_copy_of_001") -> pd.DataFrame:
    """The sample plus a re-crawl of 001 from another site, as if dropped in data/raw later."""
    text = (fixtures_dir / "dedup" / "copy_of_001_other_leftovers.txt").read_text(encoding="utf-8")
    row = {
        "doc_id": doc_id,
        "text": text,
        "title": None,
        "published_start": pd.Timestamp("2023-08-31"),
        "published_end": pd.Timestamp("2023-08-31"),
    }
    return pd.concat([sample, pd.DataFrame([row])], ignore_index=True)
