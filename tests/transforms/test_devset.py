"""The annotated development set is well formed (bench/accuracy.py scores the pipeline on it)."""

from __future__ import annotations

import re
from datetime import date

import pytest
import yaml

from transforms.triggers import PLOVER_TYPES


@pytest.mark.parametrize("name, minimum", [("devset", 30), ("heldout", 12), ("heldout2", 8), ("heldout3", 8), ("heldout4", 8), ("heldout5", 8), ("heldout6", 8), ("heldout7", 8)])
def test_gold_annotations_are_well_formed(fixtures_dir, name, minimum):
    folder = fixtures_dir / name
    texts = sorted(folder.glob("*.txt"))
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    assert len(texts) >= minimum and set(gold) == {p.stem for p in texts}
    for path in texts:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert re.fullmatch(r" date \d{4}-\d{2}-\d{2}", first), path.name
    for stem, events in gold.items():
        for ev in events:
            assert ev["type"] in PLOVER_TYPES, (stem, ev)
            assert isinstance(ev["start"], date) and ev["start"] <= ev["end"], (stem, ev)
            assert ev.get("modality", "realized") in ("realized", "future", "hypothetical", "proposed")
            assert ev["actor"], (stem, ev)
