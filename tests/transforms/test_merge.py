"""Merging mentions across articles: the sample's cross-article events and the rule's edge cases."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from transforms.events import MENTION_COLUMNS, extract_mentions
from transforms.merge import EVENT_COLUMNS, is_generic, merge_mentions
from transforms.temporal import timexes_frame

from _event_docs import sample_docs

@pytest.fixture(scope="module")
def merged(sample_texts, nlp):
    """(events, mentions) of the bundled sample, all in one story."""
    docs = sample_docs(sample_texts)
    mentions = extract_mentions(docs, timexes_frame(docs), nlp)
    return merge_mentions(mentions, docs)


def _one(events: pd.DataFrame, **where) -> pd.Series:
    """The single event matching the filters (fails if there are 0 or several)."""
    mask = pd.Series(True, index=events.index)
    for col, val in where.items():
        mask &= events[col] == val
    found = events[mask]
    assert len(found) == 1, found[["summary", "modality", "negated"]].to_string()
    return found.iloc[0]


def test_columns_and_ids(merged):
    events, mentions = merged
    assert list(events.columns) == EVENT_COLUMNS
    assert events.event_id.is_unique and all(re.fullmatch(r"e[0-9a-f]{16}", e) for e in events.event_id)
    assert set(mentions.event_id) == set(events.event_id)
    assert events.num_mentions.sum() == len(mentions)


def test_accusation_merged_across_000_and_002(merged):
    events, _ = merged
    ev = _one(events, event_type="ACCUSE", actor_id="USA", recipient_id="RUS", modality="realized", negated=False)
    assert (ev.num_mentions, ev.num_documents, ev.num_stories) == (2, 2, 1)
    assert (ev.date_start, ev.date_end) == (date(2023, 3, 1), date(2023, 3, 31))
    assert ev.summary == "United States accuses Russia (2023-03)"


def test_sanction_on_mkrtychev_is_one_event(merged):
    events, _ = merged
    ev = _one(events, event_type="SANCTION", actor_id="USA.treasury", modality="realized")
    assert ev.recipient == "Ashot Mkrtychev" and ev.num_documents == 2
    assert ev.date_start.year == 2023 and ev.date_start.month == 3


def test_denial_in_november(merged):
    events, _ = merged
    ev = _one(events, event_type="REJECT", actor_id="PRK", date_start=date(2022, 11, 1))
    assert ev.date_end == date(2022, 11, 30) and not ev.negated


def test_request_to_north_korea_on_30_august(merged):
    events, _ = merged
    ev = _one(events, event_type="REQUEST", actor_id="USA", recipient_id="PRK")
    assert (ev.date_start, ev.date_end) == (date(2023, 8, 30), date(2023, 8, 30))


def test_shoigu_visit_from_001_and_004(merged):
    events, _ = merged
    ev = _one(events, event_type="CONSULT", event_mode="visit", recipient_id="PRK")
    assert ev.actor == "Sergei Shoigu" and ev.num_documents == 2
    # July (001) intersected with "la semaine dernière" before a "jeudi" of August (004).
    assert ev.date_start >= date(2023, 7, 1) and ev.date_end <= date(2023, 7, 31)


def test_delivery_claimed_by_united_states(merged):
    events, _ = merged
    ev = _one(events, event_type="AID", actor_id="PRK", recipient_id="RUS", modality="realized",
              negated=False, date_end=date(2023, 10, 27))  # fmt: skip
    assert ev.claimed_by == "United States" and ev.num_mentions >= 2
    # "a annoncé vendredi que la Corée du Nord avait livré": the weeks before that Friday, not the
    # Friday itself, and the mentions dated only by the October window do not narrow it to October.
    assert date(2023, 9, 1) <= ev.date_start < date(2023, 10, 1)


def test_kim_putin_meeting(merged):
    events, _ = merged
    ev = _one(events, event_type="CONSULT", date_start=date(2023, 9, 1))
    assert {ev.actor, ev.recipient} == {"Kim Jong Un", "Vladimir Putin"}


def test_invasion_merged_with_offensive(merged):
    events, _ = merged
    ev = _one(events, event_type="ASSAULT", actor_id="RUS", recipient_id="UKR")
    assert (ev.date_start, ev.date_end, ev.num_documents) == (date(2022, 2, 1), date(2022, 2, 28), 2)


def test_iranian_drones(merged):
    events, _ = merged
    ev = _one(events, event_type="AID", actor_id="IRN", recipient_id="RUS")
    assert ev.claimed_by == "Biden administration" and ev.date_start == date(2022, 6, 1)


def test_denied_and_hypothetical_never_reported_as_realized(merged):
    events, mentions = merged
    for eid, group in mentions.groupby("event_id"):
        ev = events.set_index("event_id").loc[eid]
        assert set(group.modality) == {ev.modality}
        assert set(group.negated) == {ev.negated}


# ---------------------------------------------------------------- the rule on hand-made mentions
def _mention(mid, doc, etype="SANCTION", actor=("EU", "org:eu", None), recipient=("Iran", "IRN", "IRN"),
             start=None, end=None, negated=False, modality="realized"):
    """One mention row with the columns extract_mentions produces."""
    row = dict.fromkeys(MENTION_COLUMNS)
    row.update(mention_id=mid, doc_id=doc, event_type=etype, actor=actor[0], actor_id=actor[1],
               actor_country=actor[2], recipient=recipient[0], recipient_id=recipient[1],
               recipient_country=recipient[2], date_start=start, date_end=end, negated=negated,
               modality=modality, confidence=0.8, char_start=0, char_end=5, date_precision="month")  # fmt: skip
    return row


DOCS = pd.DataFrame({
    "doc_id": ["a", "b", "c", "d"], "duplicate_of": [None, "a", None, None],
    "story_id": ["s1", "s1", "s1", "s2"],
    "published_start": [date(2024, 1, 2), date(2024, 1, 2), date(2024, 1, 3), date(2024, 1, 4)],
})  # fmt: skip


def test_copies_count_once_and_intervals_narrow():
    m = pd.DataFrame([
        _mention("m1", "a", start=date(2024, 1, 1), end=date(2024, 1, 31)),
        _mention("m2", "b", start=date(2024, 1, 1), end=date(2024, 1, 31)),
        _mention("m3", "c", start=date(2024, 1, 10), end=date(2024, 1, 10)),
        _mention("m4", "d", start=date(2024, 1, 5), end=date(2024, 1, 12)),
    ])
    events, out = merge_mentions(m, DOCS)
    assert len(events) == 1
    ev = events.iloc[0]
    assert (ev.num_mentions, ev.num_documents, ev.num_stories) == (4, 3, 2)
    assert (ev.date_start, ev.date_end, ev.date_precision) == (date(2024, 1, 10), date(2024, 1, 10), "day")
    assert set(out.event_id) == {ev.event_id}


def test_disjoint_dates_polarity_and_modality_stay_apart():
    m = pd.DataFrame([
        _mention("m1", "a", start=date(2024, 1, 1), end=date(2024, 1, 31)),
        _mention("m2", "c", start=date(2023, 5, 1), end=date(2023, 5, 31)),
        _mention("m3", "c", start=date(2024, 1, 1), end=date(2024, 1, 31), negated=True),
        _mention("m4", "c", start=date(2024, 1, 1), end=date(2024, 1, 31), modality="hypothetical"),
    ])
    events, _ = merge_mentions(m, DOCS)
    assert len(events) == 4


def test_unknown_and_generic_participants_join_only_within_a_story():
    specific = ("Ashot Mkrtychev", "unk:ashot_mkrtychev", "SVK")
    generic = ("Slovakia civilians", "SVK.civilians", "SVK")
    m = pd.DataFrame([
        _mention("m1", "a", recipient=specific, start=date(2023, 3, 1), end=date(2023, 3, 31)),
        _mention("m2", "c", recipient=generic, start=date(2023, 3, 30), end=date(2023, 3, 30)),
        _mention("m3", "d", recipient=generic, start=date(2023, 3, 30), end=date(2023, 3, 30)),
    ])
    events, _ = merge_mentions(m, DOCS)
    assert sorted(events.num_mentions) == [1, 2]
    big = events[events.num_mentions == 2].iloc[0]
    assert big.recipient == "Ashot Mkrtychev" and big.date_start == date(2023, 3, 30)


def test_symmetric_meeting_is_unordered_and_ids_stable():
    kim, putin = ("Kim Jong Un", "per:kim_jong_un", "PRK"), ("Vladimir Putin", "per:vladimir_putin", "RUS")
    m = pd.DataFrame([
        _mention("m1", "a", etype="CONSULT", actor=kim, recipient=putin),
        _mention("m2", "c", etype="CONSULT", actor=putin, recipient=kim),
    ])
    m["event_mode"] = "meet"
    events, _ = merge_mentions(m, DOCS)
    again, _ = merge_mentions(m.iloc[::-1].reset_index(drop=True), DOCS)
    assert len(events) == 1 and list(events.event_id) == list(again.event_id)


def test_population_ids():
    assert is_generic("SVK.civilians") and not is_generic("USA.treasury") and not is_generic(None)


def test_no_mentions():
    events, out = merge_mentions(pd.DataFrame(columns=MENTION_COLUMNS), DOCS)
    assert events.empty and list(events.columns) == EVENT_COLUMNS and "event_id" in out.columns


def test_summary_shortens_only_a_whole_month_or_year(merged):
    events, _ = merged
    ev = _one(events, event_type="ACCUSE", actor_id="USA.treasury")
    assert ev.summary.endswith("(2022-10-01..2023-03-31)")  # "entre la fin de 2022 et le début de 2023"
    ev = _one(events, event_type="REJECT", actor_id="PRK")
    assert ev.summary.endswith("(2022-11)")
