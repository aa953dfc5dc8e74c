"""Exact and near-duplicate detection on the sample and on real syndicated copies."""

from __future__ import annotations

import re

import pandas as pd
import pyarrow as pa
import pytest

from _dedup_docs import fixture_frame, sample_frame, with_copy_of_001
from transforms.dedup import DEFAULT_THRESHOLD, body_length, canonical_order, mark_duplicates
from transforms.shingles import shingles, tokenize

ID_001 = "001_3d75517a3287376c"


def _links(result: pd.DataFrame) -> dict[str, str]:
    return {r.doc_id: r.duplicate_of for r in result.itertuples() if r.duplicate_of is not None}


def test_output_shape_and_columns(sample_dir):
    docs = sample_frame(sample_dir)
    out = mark_duplicates(docs)
    assert list(out.columns) == ["doc_id", "duplicate_of", "dup_kind", "dup_similarity"]
    assert out["doc_id"].tolist() == docs["doc_id"].tolist()


def test_the_five_sample_articles_are_all_originals(sample_dir):
    out = mark_duplicates(sample_frame(sample_dir))
    assert out["duplicate_of"].isna().all()
    assert out["dup_kind"].isna().all()


def test_copy_of_001_with_other_leftovers_points_at_001(sample_dir, fixtures_dir):
    out = mark_duplicates(with_copy_of_001(sample_frame(sample_dir), fixtures_dir))
    assert _links(out) == {"005_copy_of_001": ID_001}
    row = out.set_index("doc_id").loc["005_copy_of_001"]
    assert row["dup_kind"] == "near"
    assert DEFAULT_THRESHOLD <= row["dup_similarity"] <= 1.0


def test_exact_copy_after_normalisation(sample_dir):
    docs = sample_frame(sample_dir)
    original = docs.iloc[0]
    # Same clean text with other spacing, case and typographic apostrophes.
    variant = re.sub(r"[ \t]+", "  ", original["text"]).upper().replace("'", "\u2019")
    extra = pd.DataFrame([{**original.to_dict(), "doc_id": "zz_recrawl", "text": variant}])
    out = mark_duplicates(pd.concat([docs, extra], ignore_index=True)).set_index("doc_id")
    assert out.loc["zz_recrawl", "duplicate_of"] == original["doc_id"]
    assert out.loc["zz_recrawl", "dup_kind"] == "exact"
    assert out.loc["zz_recrawl", "dup_similarity"] == 1.0


def test_agency_dispatch_copies_point_at_the_most_complete_one(fixtures_dir):
    out = mark_duplicates(fixture_frame(fixtures_dir))
    # Site C kept every paragraph and added one: it is the most complete text.
    assert _links(out) == {
        "crue_agence_site_a": "crue_agence_site_c",
        "crue_agence_site_b": "crue_agence_site_c",
    }


def test_independent_accounts_are_not_duplicates(fixtures_dir):
    out = mark_duplicates(fixture_frame(fixtures_dir)).set_index("doc_id")
    for doc_id in ("election_recit_a", "election_recit_b", "fond_ancien_evenement"):
        assert out.loc[doc_id, "duplicate_of"] is None


def test_threshold_is_a_real_policy(fixtures_dir):
    # Leftover-laden copies score about 0.8 containment: a 0.95 bar must refuse them.
    out = mark_duplicates(fixture_frame(fixtures_dir), threshold=0.95)
    assert out["duplicate_of"].isna().all()


def test_chains_collapse_on_the_canonical(sample_dir, fixtures_dir):
    docs = pd.concat([with_copy_of_001(sample_frame(sample_dir), fixtures_dir), fixture_frame(fixtures_dir)], ignore_index=True)
    # An exact re-crawl of the least complete copy: it must point at the group's canonical.
    site_b = docs.set_index("doc_id").loc["crue_agence_site_b"]
    docs = pd.concat([docs, pd.DataFrame([{**site_b.to_dict(), "doc_id": "crue_b_recrawl"}])], ignore_index=True)
    out = mark_duplicates(docs)
    links = _links(out)
    assert links["crue_b_recrawl"] == "crue_agence_site_c"
    assert set(links.values()).isdisjoint(links)  # no copy points at another copy


def test_canonical_rule_ties_go_to_earliest_then_smallest_id():
    text = "La Canche est sortie de son lit à Montreuil-sur-Mer, obligeant à évacuer 1 200 foyers.\n"
    docs = pd.DataFrame(
        {
            "doc_id": ["c", "b", "a"],
            "text": [text, text, text],
            "published_start": [pd.Timestamp("2023-11-14"), pd.Timestamp("2023-11-13"), pd.NaT],
        }
    )
    body = body_length(pa.array(docs["text"].tolist()))
    assert body.tolist() == [len(text.strip()) - text.strip().count(" ")] * 3
    assert canonical_order(docs, body).tolist() == [1, 0, 2]  # earliest, then dated before undated
    same_day = docs.assign(published_start=pd.Timestamp("2023-11-14"))
    assert _links(mark_duplicates(same_day)) == {"b": "a", "c": "a"}


def test_leftover_lines_do_not_make_a_copy_more_complete(sample_dir, fixtures_dir):

    docs = with_copy_of_001(sample_frame(sample_dir), fixtures_dir).set_index("doc_id")
    body = body_length(pa.array([docs.loc[ID_001, "text"], docs.loc["005_copy_of_001", "text"]]))
    assert body[0] == body[1]  # same article body; headlines and menus are not counted
    assert len(docs.loc["005_copy_of_001", "text"]) != len(docs.loc[ID_001, "text"])


def test_stable_under_rerun_and_row_order(sample_dir, fixtures_dir):
    docs = pd.concat([with_copy_of_001(sample_frame(sample_dir), fixtures_dir), fixture_frame(fixtures_dir)], ignore_index=True)
    first = mark_duplicates(docs).set_index("doc_id").sort_index()
    shuffled = docs.sample(frac=1.0, random_state=3).reset_index(drop=True)
    again = mark_duplicates(shuffled).set_index("doc_id").sort_index()
    pd.testing.assert_frame_equal(first, again)


def test_empty_texts_are_not_copies_of_each_other():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["", None, "  "], "published_start": [None] * 3})
    out = mark_duplicates(docs)
    assert out["duplicate_of"].isna().all()


@pytest.mark.parametrize("n", [0, 1])
def test_tiny_inputs(n, sample_dir):
    docs = sample_frame(sample_dir).head(n)
    out = mark_duplicates(docs)
    assert len(out) == n


def test_tokens_fold_case_accents_and_punctuation(sample_texts):
    a = tokenize(["Le Trésor a sanctionné « Ashot Mkrtychev », un ressortissant slovaque."])
    b = tokenize(["le TRESOR a sanctionne Ashot-Mkrtychev, un ressortissant  slovaque"])
    assert a.hashes.tolist() == b.hashes.tolist()
    assert len(a.hashes) == 9
    # Hashes do not depend on the batch: the same article alone or among others.
    alone = shingles(tokenize([sample_texts["002"]]))[1]
    batch = tokenize([sample_texts["000"], sample_texts["002"]])
    offsets, hashes = shingles(batch)
    assert hashes[offsets[1] : offsets[2]].tolist() == alone.tolist()


def test_a_copy_ingested_later_never_displaces_the_first_one():
    text = ("Le Parlement kényan a adopté mardi une loi de finances contestée, malgré les manifestations "
            "qui ont fait plusieurs morts à Nairobi depuis la semaine dernière, selon les ONG locales.")
    docs = pd.DataFrame({
        "doc_id": ["d0000000000000001", "d0000000000000002"],
        "text": [text, text],
        "published_start": [None, None],
        "ingested_at": pd.to_datetime(["2024-06-26 10:00", "2024-06-25 08:00"]),
    })
    assert _links(mark_duplicates(docs)) == {"d0000000000000001": "d0000000000000002"}
