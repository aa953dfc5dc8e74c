"""Story clustering on the sample and on independent accounts of other news."""

from __future__ import annotations

import itertools
import re

import pandas as pd

from _dedup_docs import fixture_frame, sample_frame, with_copy_of_001
from transforms.dedup import mark_duplicates
from transforms.stories import cluster_stories, story_id_for, summarize_stories

ID_000, ID_001, ID_002 = "000_9d64b1169d0cfd89", "001_3d75517a3287376c", "002_32a8c315f75d9149"


def _pipeline(docs: pd.DataFrame, **kwargs) -> pd.DataFrame:
    dups = mark_duplicates(docs)
    docs = docs.assign(duplicate_of=dups["duplicate_of"].to_numpy())
    return docs.merge(cluster_stories(docs, **kwargs), on="doc_id")


def _same_story_pairs(out: pd.DataFrame) -> set[frozenset[str]]:
    pairs = set()
    for _, group in out.groupby("story_id"):
        pairs |= {frozenset(p) for p in itertools.combinations(sorted(group["doc_id"]), 2)}
    return pairs


def test_sample_only_000_and_002_share_a_story(sample_dir):
    out = _pipeline(sample_frame(sample_dir))
    assert _same_story_pairs(out) == {frozenset({ID_000, ID_002})}
    assert all(re.fullmatch(r"s[0-9a-f]{16}", s) for s in out["story_id"])


def test_fixture_stories_match_the_manifest(fixtures_dir):
    docs = fixture_frame(fixtures_dir)
    out = _pipeline(docs.drop(columns="expected_story"))
    expected = dict(zip(docs["doc_id"], docs["expected_story"]))
    want = {frozenset(p) for p in itertools.combinations(expected, 2) if expected[p[0]] == expected[p[1]]}
    assert _same_story_pairs(out) == want


def test_background_mention_of_an_old_event_does_not_merge(fixtures_dir):
    # Without its date the citadel article can only be placed by content: its paragraph
    # recalling the 2023 flood must not pull it into the flood story.
    docs = fixture_frame(fixtures_dir).drop(columns="expected_story")
    docs.loc[docs["doc_id"] == "fond_ancien_evenement", ["published_start", "published_end"]] = pd.NaT
    out = _pipeline(docs).set_index("doc_id")["story_id"]
    assert out["fond_ancien_evenement"] != out["crue_agence_site_c"]
    assert out["crue_agence_site_a"] == out["crue_agence_site_c"]


def test_time_window_separates_same_words_a_month_apart(fixtures_dir):
    docs = fixture_frame(fixtures_dir).drop(columns="expected_story")
    docs.loc[docs["doc_id"] == "election_recit_b", ["published_start", "published_end"]] = pd.Timestamp("2024-01-20")
    out = _pipeline(docs, window_days=3).set_index("doc_id")["story_id"]
    assert out["election_recit_a"] != out["election_recit_b"]
    wide = _pipeline(docs, window_days=60).set_index("doc_id")["story_id"]
    assert wide["election_recit_a"] == wide["election_recit_b"]


def test_copy_added_later_joins_001_and_keeps_every_id(sample_dir, fixtures_dir):
    before = _pipeline(sample_frame(sample_dir)).set_index("doc_id")["story_id"]
    after = _pipeline(with_copy_of_001(sample_frame(sample_dir), fixtures_dir)).set_index("doc_id")["story_id"]
    assert after["005_copy_of_001"] == after[ID_001]
    pd.testing.assert_series_equal(before, after.drop("005_copy_of_001"))


def test_story_id_is_derived_from_the_earliest_member(sample_dir):
    out = _pipeline(sample_frame(sample_dir)).set_index("doc_id")["story_id"]
    # 000 is dated (March 2023), 002 is not: the dated one anchors the story.
    assert out[ID_000] == out[ID_002] == story_id_for(ID_000)
    assert out[ID_001] == story_id_for(ID_001)


def test_stable_under_rerun_and_row_order(sample_dir, fixtures_dir):
    docs = pd.concat(
        [with_copy_of_001(sample_frame(sample_dir), fixtures_dir), fixture_frame(fixtures_dir).drop(columns="expected_story")],
        ignore_index=True,
    )
    first = _pipeline(docs).set_index("doc_id")["story_id"].sort_index()
    again = _pipeline(docs.sample(frac=1.0, random_state=11)).set_index("doc_id")["story_id"].sort_index()
    pd.testing.assert_series_equal(first, again)


def test_num_documents_counts_independent_articles_only(sample_dir, fixtures_dir):
    docs = pd.concat(
        [with_copy_of_001(sample_frame(sample_dir), fixtures_dir), fixture_frame(fixtures_dir).drop(columns="expected_story")],
        ignore_index=True,
    )
    out = _pipeline(docs)
    summary = summarize_stories(out, out[["doc_id", "story_id"]]).set_index("story_id")
    flood = summary.loc[out.set_index("doc_id").loc["crue_agence_site_c", "story_id"]]
    assert (flood["num_documents"], flood["num_copies"]) == (1, 2)
    s001 = summary.loc[story_id_for(ID_001)]
    assert (s001["num_documents"], s001["num_copies"]) == (1, 1)
    s000 = summary.loc[story_id_for(ID_000)]
    assert (s000["num_documents"], s000["num_copies"]) == (2, 0)
    assert summary["num_documents"].sum() + summary["num_copies"].sum() == len(docs)


def test_without_duplicate_column_every_doc_is_independent(sample_dir):
    out = cluster_stories(sample_frame(sample_dir))
    assert out["story_id"].nunique() == 4


def test_copy_of_a_copy_still_joins_the_root_story(sample_dir):
    docs = sample_frame(sample_dir)
    extra = docs.iloc[[0, 0]].assign(doc_id=["zz_copy", "zz_copy_of_copy"])
    docs = pd.concat([docs, extra], ignore_index=True)
    docs["duplicate_of"] = None
    docs.loc[docs["doc_id"] == "zz_copy", "duplicate_of"] = ID_000
    docs.loc[docs["doc_id"] == "zz_copy_of_copy", "duplicate_of"] = "zz_copy"
    out = cluster_stories(docs).set_index("doc_id")["story_id"]
    assert out["zz_copy_of_copy"] == out["zz_copy"] == out[ID_000] == out[ID_002]
