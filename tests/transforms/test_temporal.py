"""Tests of transforms/temporal.py: every rule's examples, the fixture set, the bundled sample's resolutions."""

from __future__ import annotations

import time
from datetime import date

import pandas as pd
import pytest
import yaml

from transforms.pubdate import interval_of
from transforms.temporal import PRECISIONS, Interval, Timex, find_timexes, timex_id, timexes_frame
from transforms.timex_rules import load_rules


def check(case: dict) -> str | None:
    """None when the engine resolves `case` as expected, else what went wrong."""
    found = find_timexes(case["text"], interval_of(case.get("dct")))
    if case.get("expect") is None:
        dated = [t for t in found if t.kind in ("date", "future")]
        return f"unexpected {dated}" if dated else None
    hits = [t for t in found if t.text == str(case["expect"])]
    if not hits:
        return f"{case['expect']!r} not found in {[(t.text, t.rule) for t in found]}"
    t = hits[0]
    if t.kind != case.get("kind", t.kind if t.kind in ("date", "future") else "date"):
        return f"kind {t.kind} != {case.get('kind', 'date')}"
    if "start" in case and (t.start, t.end, t.precision) != (case["start"], case["end"], case["precision"]):
        return f"got {t.start}..{t.end} {t.precision}, want {case['start']}..{case['end']} {case['precision']}"
    return None


RULES = load_rules("fr")
RULE_EXAMPLES = [(r.id, e) for r in RULES.rules for e in r.examples] + [("ranges", e) for e in RULES.range_examples]


@pytest.mark.parametrize("rule_id,case", RULE_EXAMPLES, ids=[f"{r}-{i}" for i, (r, _) in enumerate(RULE_EXAMPLES)])
def test_rule_examples(rule_id, case):
    assert check(case) is None, (rule_id, case["text"], check(case))


def test_every_rule_has_examples():
    assert all(r.examples for r in RULES.rules), [r.id for r in RULES.rules if not r.examples]
    assert RULES.range_examples


def test_every_rule_example_is_produced_by_its_rule():
    for rule in RULES.rules:
        for case in rule.examples:
            if case.get("expect") is None:
                continue
            rules = {t.rule for t in find_timexes(case["text"], interval_of(case.get("dct"))) if t.text == str(case["expect"])}
            assert rules == {rule.id}, (rule.id, case["text"], rules)


def test_fixture_set(fixtures_dir):
    cases = yaml.safe_load((fixtures_dir / "temporal" / "expressions_fr.yaml").read_text(encoding="utf-8"))
    assert len(cases) >= 150
    failures = [(c["text"], msg) for c in cases if (msg := check(c)) is not None]
    assert failures == []


def test_fixture_set_covers_every_rule(fixtures_dir):
    cases = yaml.safe_load((fixtures_dir / "temporal" / "expressions_fr.yaml").read_text(encoding="utf-8"))
    used = {t.rule for c in cases for t in find_timexes(c["text"], interval_of(c.get("dct"))) if t.text == str(c["expect"])}
    assert {r.id for r in RULES.rules} - used == set()
    assert {rid for rid in used if rid.startswith("range_")} >= {"range_entre", "range_du"}


# ---------------------------------------------------------------- the bundled sample

SAMPLE_DCT = {
    "000": interval_of("2023-03"), "001": Interval(date(2023, 8, 31), date(2023, 8, 31), "day"),
    "002": interval_of("2023-03"), "003": interval_of("2023-10"), "004": interval_of("2023-08"),
}


def resolved(sample_texts, key: str) -> dict[str, Timex]:
    return {t.text: t for t in find_timexes(sample_texts[key], SAMPLE_DCT[key])}


@pytest.mark.parametrize("key,text,start,end,precision", [
    ("001", "mercredi", date(2023, 8, 30), date(2023, 8, 30), "day"),
    ("001", "en juillet", date(2023, 7, 1), date(2023, 7, 31), "month"),
    ("001", "L'année dernière", date(2022, 1, 1), date(2022, 12, 31), "year"),
    ("003", "vendredi", date(2023, 10, 6), date(2023, 10, 27), "month"),
    ("003", "le mois dernier", date(2023, 9, 1), date(2023, 9, 30), "month"),
    ("003", "en Février de l'année dernière", date(2022, 2, 1), date(2022, 2, 28), "month"),
    ("000", "jeudi", date(2023, 3, 2), date(2023, 3, 30), "month"),
    ("000", "en novembre 2022", date(2022, 11, 1), date(2022, 11, 30), "month"),
    ("000", "entre la fin de 2022 et le début de 2023", date(2022, 10, 1), date(2023, 3, 31), "quarter"),
    ("002", "le mois dernier", date(2023, 2, 1), date(2023, 2, 28), "month"),
    ("002", "au cours de l'été", date(2022, 6, 1), date(2022, 8, 31), "quarter"),
    ("004", "Plus tôt cette année", date(2023, 1, 1), date(2023, 8, 31), "year"),
    ("004", "1950-1953", date(1950, 1, 1), date(1953, 12, 31), "year"),
])
def test_sample_resolutions(sample_texts, key, text, start, end, precision):
    t = resolved(sample_texts, key)[text]
    assert (t.kind, t.start, t.end, t.precision) == ("date", start, end, precision)


def test_sample_durations_are_not_dates(sample_texts):
    found = find_timexes(sample_texts["002"], SAMPLE_DCT["002"])
    durations = {t.text: t for t in found if t.kind == "duration"}
    assert set(durations) >= {"vieille de 13 mois", "de 11 ans"}
    assert all(t.start is None and t.end is None for t in durations.values())


def test_no_weekday_from_possessive_sa(sample_texts):
    text = sample_texts["001"]
    for t in find_timexes(text, SAMPLE_DCT["001"]):
        assert t.text.lower() != "sa" and " sa " not in f" {t.text.lower()} ", t
    assert "sa guerre" in text.lower()


def test_future_is_marked(sample_texts):
    t = resolved(sample_texts, "001")["dans les mois à venir"]
    assert t.kind == "future" and t.start == date(2023, 8, 31)


def test_unresolved_without_dct():
    found = {t.text: t for t in find_timexes("Le mois dernier, il a démissionné ; jeudi il est parti.", None)}
    assert found["Le mois dernier"].start is None and found["Le mois dernier"].kind == "date"
    assert found["jeudi"].start is None


def test_results_sorted_and_non_overlapping(sample_texts):
    for key, text in sample_texts.items():
        found = find_timexes(text, SAMPLE_DCT[key])
        assert found, key
        for a, b in zip(found, found[1:]):
            assert a.char_end <= b.char_start
        for t in found:
            assert text[t.char_start:t.char_end] == t.text
            assert t.precision is None or t.precision in PRECISIONS


def test_curly_apostrophe_matches():
    t = find_timexes("L’année dernière, le PIB a reculé.", interval_of("2019-05"))[0]
    assert (t.text, t.start) == ("L’année dernière", date(2018, 1, 1))


def test_impossible_date_is_dropped():
    assert [t.text for t in find_timexes("Le 31 février 2019 n'existe pas.", None) if t.kind == "date"] == []


def test_unknown_language_is_a_config_error():
    from dateline.errors import ConfigError

    with pytest.raises(ConfigError):
        find_timexes("hier", None, lang="xx")


# ---------------------------------------------------------------- the frame


def test_timexes_frame(sample_texts):
    docs = pd.DataFrame({
        "doc_id": ["001", "002"],
        "text": [sample_texts["001"], sample_texts["002"]],
        "published_start": [pd.Timestamp("2023-08-31"), pd.NaT],
        "published_end": [pd.Timestamp("2023-08-31"), pd.NaT],
        "published_precision": ["day", None],
    })
    frame = timexes_frame(docs)
    assert list(frame.columns) == ["doc_id", "timex_id", "char_start", "char_end", "text", "kind",
                                   "date_start", "date_end", "date_precision", "rule"]
    row = frame[(frame.doc_id == "001") & (frame.text == "mercredi")].iloc[0]
    assert (row.date_start, row.date_end, row.date_precision, row.rule) == (date(2023, 8, 30), date(2023, 8, 30), "day", "weekday")
    undated = frame[(frame.doc_id == "002") & (frame.text == "le mois dernier")].iloc[0]
    assert undated.date_start is None and undated.kind == "date"
    assert frame.timex_id.str.fullmatch(r"t[0-9a-f]{16}").all() and frame.timex_id.is_unique
    assert row.timex_id == timex_id("001", int(row.char_start), int(row.char_end), "mercredi")
    assert timexes_frame(docs).timex_id.tolist() == frame.timex_id.tolist()


def test_speed(sample_texts):
    texts = list(sample_texts.values()) * 20
    dct = interval_of("2023-03")
    t0 = time.perf_counter()
    for text in texts:
        find_timexes(text, dct)
    rate = len(texts) / (time.perf_counter() - t0)
    assert rate > 100, rate  # loose bound: the machine is shared; the bench measures properly


def test_anchor_windows_lose_nothing(sample_texts, fixtures_dir):
    """Running rules only near their anchor words finds exactly what a full scan finds."""
    import dataclasses

    from transforms.temporal import find_with_rules

    cases = yaml.safe_load((fixtures_dir / "temporal" / "expressions_fr.yaml").read_text(encoding="utf-8"))
    texts = [(c["text"], interval_of(c.get("dct"))) for c in cases] + [(t, SAMPLE_DCT[k]) for k, t in sample_texts.items()]
    full_scan = dataclasses.replace(RULES, rules=tuple(dataclasses.replace(r, anchors=()) for r in RULES.rules))
    assert all(r.anchors for r in RULES.rules)
    for text, dct in texts:
        assert find_timexes(text, dct) == find_with_rules(text, dct, full_scan), text


def test_empty_inputs():
    assert find_timexes("", None) == []
    empty = timexes_frame(pd.DataFrame({"doc_id": ["x"], "text": [None], "published_start": [None],
                                        "published_end": [None], "published_precision": [None]}))
    assert empty.empty and list(empty.columns)[:2] == ["doc_id", "timex_id"]


def test_dct_of_tolerates_missing_and_swapped_values():
    from transforms.temporal import dct_of

    assert dct_of(pd.NaT, None, None) is None
    assert dct_of("2023-03-31", "2023-03-01", None) == Interval(date(2023, 3, 1), date(2023, 3, 31), "month")
    assert dct_of(pd.Timestamp("2023-08-31"), pd.NaT, "day") == Interval(date(2023, 8, 31), date(2023, 8, 31), "day")


def test_an_adverb_between_auxiliary_and_participle_keeps_the_past_tense():
    # a Tuesday article: "s'est toutefois gardé mardi" is that very Tuesday, not the one before
    dct = Interval(date(2021, 2, 2), date(2021, 2, 2), "day")
    found = {t.text: t for t in find_timexes("Pékin s'est toutefois gardé mardi de réagir.", dct)}
    assert found["mardi"].start == date(2021, 2, 2)
