"""GX validation: failing rows are quarantined with the expectation they failed, passing rows go on."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd

from expectations.validate import load_suites, validate_table, validate_tables

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _event(event_id: str, **kw) -> dict:
    base = {"event_id": event_id, "event_type": "SANCTION", "event_mode": None, "actor": "European Union",
            "actor_id": "EU", "actor_country": None, "recipient": "Belarus", "recipient_id": "BLR",
            "recipient_country": "BLR", "date_start": date(2021, 6, 24), "date_end": date(2021, 6, 24),
            "date_precision": "day", "summary": "European Union sanctions Belarus (2021-06-24)",
            "modality": "realized", "negated": False, "claimed_by": None, "num_mentions": 2,
            "num_documents": 2, "num_stories": 1, "confidence": 0.8}
    base.update(kw)
    return base


def test_every_table_of_the_contract_has_a_suite():
    assert set(load_suites()) == {"documents", "timexes", "events", "event_mentions", "files"}


def test_events_suite_knows_exactly_ploverss_sixteen_types():
    spec = load_suites()["events"]
    sets = [e["kwargs"]["value_set"] for e in spec.expectations
            if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"]["column"] == "event_type"]
    assert set(sets[0]) == PLOVER


def test_bad_rows_are_quarantined_with_reason_and_good_rows_pass():
    frame = pd.DataFrame([
        _event("e1"),
        _event("e2", event_type="INVADE"),  # not a PLOVER type
        _event("e3", date_start=date(2021, 7, 1), date_end=date(2021, 6, 1)),  # ends before it starts
        _event("e4", actor_country="France"),  # not ISO alpha-3
    ])
    valid, quarantined, results = validate_table("events", frame)
    assert valid["event_id"].tolist() == ["e1"]
    reasons = dict(zip(quarantined["row_key"], quarantined["expectation"]))
    assert reasons["e2"] == "expect_column_values_to_be_in_set"
    assert reasons["e3"] == "expect_column_pair_values_a_to_be_greater_than_b"
    assert reasons["e4"] == "expect_column_values_to_match_regex"
    assert json.loads(quarantined.set_index("row_key").at["e2", "row_json"])["event_type"] == "INVADE"
    assert any(not r["success"] for r in results)


def test_nulls_in_optional_columns_pass():
    valid, quarantined, _ = validate_table("events", pd.DataFrame([_event("e1", actor_country=None, date_precision=None)]))
    assert len(valid) == 1 and quarantined.empty


def test_rejected_file_without_reason_is_quarantined():
    files = pd.DataFrame([
        {"source_path": "a.txt", "status": "ingested", "reason": None},
        {"source_path": "b.bin", "status": "rejected", "reason": None},
        {"source_path": "c.txt", "status": "rejected", "reason": "empty file"},
    ])
    valid, quarantined, _ = validate_table("files", files)
    assert valid["source_path"].tolist() == ["a.txt", "c.txt"]
    assert quarantined["row_key"].tolist() == ["b.bin"]


def test_validate_tables_passes_through_tables_without_suite():
    outcome = validate_tables({"runs": pd.DataFrame({"run_id": ["r1"]}), "events": pd.DataFrame([_event("e1")])})
    assert outcome.success
    assert outcome.valid["runs"]["run_id"].tolist() == ["r1"]
    assert outcome.quarantine.empty


def test_mentions_of_a_quarantined_event_follow_it_into_quarantine():
    mention = {"mention_id": "m1", "event_id": "e2", "doc_id": "d0000000000000001", "sentence": "x",
               "char_start": 0, "char_end": 1, "modality": "realized", "negated": False}
    outcome = validate_tables({
        "events": pd.DataFrame([_event("e1"), _event("e2", event_type="INVADE")]),
        "event_mentions": pd.DataFrame([mention, {**mention, "mention_id": "m2", "event_id": "e1"}]),
    })
    assert outcome.valid["event_mentions"]["mention_id"].tolist() == ["m2"]
    orphan = outcome.quarantine[outcome.quarantine["table_name"] == "event_mentions"]
    assert orphan[["row_key", "expectation", "column_name"]].values.tolist() == [["m1", "parent_quarantined", "event_id"]]
