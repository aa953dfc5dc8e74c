"""Exact and near-duplicate detection: which articles are copies of which.

Near duplicates are found with a vectorised one-permutation MinHash (one 64-bit hash per word
shingle, split into `num_perm` bins, minimum per bin) and LSH banding for candidates; each
candidate pair is then verified by the *containment* of the smaller shingle set in the larger
one, estimated from the sketch. Containment, not Jaccard, because syndicated copies differ by
leftovers and cut or added paragraphs: the copy's text is mostly inside the other, while their
Jaccard can fall to 0.5 (measured: bench/dedup.py --calibrate).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from transforms.shingles import (
    hash_strings,
    mix64,
    normalize_texts,
    shingles,
    sorted_unique,
    text_array,
    tokenize,
)

# Measured, not guessed (containment of word 5-gram sets, estimated from the sketch):
# - real copies (tests/fixtures/dedup): the agency dispatch on three sites with other leftovers
#   and a paragraph cut/added 0.80-0.82, the re-crawl of sample 001 0.92; independent accounts of
#   the same news (sample 000/002, the two election reports) <= 0.06.
# - generated corpus (bench/dedup.py --calibrate, 10k): true copies 1st percentile 0.78;
#   accounts of the same story that are not copies 99th percentile 0.55.
# 0.6 sits between the two populations.
DEFAULT_THRESHOLD = 0.6
_EMPTY = np.uint32(0xFFFFFFFF)  # bin that received no shingle
_CHUNK = 20_000  # docs per vectorised step: bounds the transient memory, not the result


def connected_components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Label of each of n nodes (the smallest node index of its component) given edges a-b."""
    labels = np.arange(n, dtype=np.int64)
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    if len(a) == 0:
        return labels
    while True:
        la, lb = labels[a], labels[b]
        low = np.minimum(la, lb)
        before = labels.copy()
        np.minimum.at(labels, la, low)
        np.minimum.at(labels, lb, low)
        # Pointer jumping: follow labels to their root so long chains collapse in log steps.
        while True:
            nxt = labels[labels]
            if np.array_equal(nxt, labels):
                break
            labels = nxt
        if np.array_equal(labels, before):
            return labels


def minhash_signatures(
    texts,
    num_perm: int = 128,
    shingle_size: int = 5,
    chunk_size: int = 20_000,
    normalized: bool = False,
    rows: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """One-permutation MinHash of each text's word shingles: (uint32 [n, num_perm], set sizes).

    rows: only these positions of `texts`, in this order (taken chunk by chunk, no full copy).
    """
    arr = texts if isinstance(texts, pa.Array) else text_array(texts)
    rows = np.arange(len(arr)) if rows is None else np.asarray(rows, dtype=np.int64)
    n = len(rows)
    chunk_size = min(chunk_size, 1 << 16)  # the chunk-local doc number must fit in 16 bits
    sig = np.full((n, num_perm), _EMPTY, dtype=np.uint32)
    sizes = np.zeros(n, dtype=np.int64)
    for start in range(0, n, chunk_size):
        chunk = arr.take(pa.array(rows[start : start + chunk_size]))
        offsets, hashes = shingles(tokenize(chunk, normalized=normalized), shingle_size)
        m = len(offsets) - 1
        doc = np.repeat(np.arange(m, dtype=np.uint64), np.diff(offsets))
        # Unique shingles per doc (a set: a headline repeated three times counts once); the doc
        # number rides in the top 16 bits so one flat sort does it.
        keyed = sorted_unique((doc << np.uint64(48)) | (hashes >> np.uint64(16)))
        del doc, hashes, offsets
        local = (keyed >> np.uint64(48)).astype(np.int64)
        h = mix64(keyed & np.uint64(0xFFFFFFFFFFFF))
        del keyed
        sizes[start : start + m] = np.bincount(local, minlength=m)
        slot = local * num_perm + (h % np.uint64(num_perm)).astype(np.int64)
        vals = np.minimum((h >> np.uint64(32)).astype(np.uint32), _EMPTY - np.uint32(1))
        flat = np.full(m * num_perm, _EMPTY, dtype=np.uint32)
        np.minimum.at(flat, slot, vals)  # the sentinel stays only in bins no shingle fell in
        sig[start : start + m] = flat.reshape(m, num_perm)
    return sig, sizes


def estimate_overlap(
    sig: np.ndarray, sizes: np.ndarray, a: np.ndarray, b: np.ndarray, batch: int = 200_000
) -> tuple[np.ndarray, np.ndarray]:
    """Estimated (Jaccard, containment of the smaller set in the larger) for pairs a-b."""
    jac = np.zeros(len(a), dtype=np.float64)
    for s in range(0, len(a), batch):
        sa, sb = sig[a[s : s + batch]], sig[b[s : s + batch]]
        filled = (sa != _EMPTY) | (sb != _EMPTY)
        same = (sa == sb) & (sa != _EMPTY)
        jac[s : s + batch] = same.sum(axis=1) / np.maximum(filled.sum(axis=1), 1)
    na, nb = sizes[a].astype(np.float64), sizes[b].astype(np.float64)
    inter = jac * (na + nb) / (1.0 + jac)
    cont = np.clip(inter / np.maximum(np.minimum(na, nb), 1.0), 0.0, 1.0)
    return jac, cont


def lsh_candidates(sig: np.ndarray, rows_per_band: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs from LSH banding; each bucket links its members to its first (star).

    A star instead of all pairs keeps the candidate count below bands x n even when a bucket is
    huge (boilerplate shared by thousands of pages); true copies meet in many bands anyway.
    """
    n, num_perm = sig.shape
    pa_list, pb_list = [], []
    for start in range(0, num_perm - rows_per_band + 1, rows_per_band):
        band = sig[:, start : start + rows_per_band].astype(np.uint64)
        empty = (band == np.uint64(_EMPTY)).all(axis=1)
        key = np.full(n, np.uint64(start + 1), dtype=np.uint64)
        with np.errstate(over="ignore"):
            for j in range(rows_per_band):
                key = mix64(key ^ band[:, j])
        idx = np.flatnonzero(~empty)
        if len(idx) < 2:
            continue
        order = idx[np.argsort(key[idx], kind="stable")]
        k = key[order]
        new = np.ones(len(order), dtype=bool)
        new[1:] = k[1:] != k[:-1]
        group_first = np.maximum.accumulate(np.where(new, np.arange(len(order)), 0))
        member = ~new
        pa_list.append(order[group_first[member]])
        pb_list.append(order[member])
    if not pa_list:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    a = np.concatenate(pa_list)
    b = np.concatenate(pb_list)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    pairs = sorted_unique(lo * np.int64(n) + hi)
    return pairs // n, pairs % n


def body_length(texts: pa.Array, min_line_words: int = 10) -> np.ndarray:
    """Non-space characters in the body lines of each text: `min_line_words`+ words, ending a sentence.

    Leftovers (site names, bylines, "Lire aussi", share buttons) and headlines are short or do
    not end with sentence punctuation, so a copy with more of them is not "more complete".
    Spaces are not counted: a re-crawl with other spacing is not "longer".
    """
    split = pc.split_pattern(pc.fill_null(texts, ""), "\n")
    lines = pc.list_flatten(split)
    parent = np.asarray(pc.list_parent_indices(split), dtype=np.int64)
    spaces = np.asarray(pc.count_substring(lines, " "), dtype=np.int64)
    length = np.asarray(pc.utf8_length(lines), dtype=np.int64)
    last = pc.utf8_slice_codeunits(lines, -1)
    ends_sentence = np.asarray(pc.is_in(last, value_set=pa.array(list(".!?»\"…)"))), dtype=bool)
    body = np.where((spaces + 1 >= min_line_words) & ends_sentence, length - spaces, 0)
    return np.bincount(parent, weights=body, minlength=len(texts)).astype(np.int64)


def _time_key(values: pd.Series) -> np.ndarray:
    """Sortable int64 of dates or timestamps; missing ones sort last."""
    stamps = pd.to_datetime(values, errors="coerce")
    key = stamps.to_numpy(dtype="datetime64[ns]").astype(np.int64)
    return np.where(stamps.isna().to_numpy(), np.iinfo(np.int64).max, key)


def canonical_order(docs: pd.DataFrame, body: np.ndarray) -> np.ndarray:
    """Rank of each doc under the canonical rule; the smallest rank in a group is canonical.

    Rule: the most complete text (longest body, leftover lines excluded: see body_length), then
    the earliest published_start (undated last), then the earliest ingested_at when the frame has
    it (a copy that arrives later never displaces the document analysts already had), then the
    smallest doc_id.
    """
    date_key = _time_key(docs["published_start"])
    seen_key = _time_key(docs["ingested_at"]) if "ingested_at" in docs.columns else np.zeros(len(docs), np.int64)
    ids = docs["doc_id"].astype(str).to_numpy()
    order = np.lexsort((ids, seen_key, date_key, -body))
    rank = np.empty(len(docs), dtype=np.int64)
    rank[order] = np.arange(len(docs))
    return rank


def mark_duplicates(
    docs: pd.DataFrame,
    threshold: float = DEFAULT_THRESHOLD,
    num_perm: int = 128,
    shingle_size: int = 5,
    rows_per_band: int = 3,
    min_body_line_words: int = 10,
) -> pd.DataFrame:
    """Link every exact or near copy to its group's canonical doc (nothing is dropped).

    Exact: same text after lowercasing and collapsing punctuation/spacing. Near: estimated
    containment of word `shingle_size`-grams >= threshold (LSH on `num_perm` one-permutation
    MinHash bins, `rows_per_band` bins a band). Groups are connected components, so a chain of
    copies collapses: every copy points at the group's canonical (see canonical_order).
    The title is not used: syndicated copies change headlines, not bodies.
    """
    n = len(docs)
    out = pd.DataFrame({"doc_id": docs["doc_id"].to_numpy(), "duplicate_of": None, "dup_kind": None, "dup_similarity": np.nan})
    out = out.astype({"duplicate_of": object, "dup_kind": object, "dup_similarity": "float64"})
    if n == 0:
        return out
    texts = text_array(docs["text"])
    rank = canonical_order(docs, body_length(texts, min_body_line_words))
    # One pass, chunk by chunk: normalise once for the exact key and the MinHash sketch, so the
    # normalised corpus never sits in memory whole.
    exact_key = np.zeros(n, dtype=np.uint64)
    nonempty = np.zeros(n, dtype=bool)
    sig = np.empty((n, num_perm), dtype=np.uint32)
    sizes = np.zeros(n, dtype=np.int64)
    for s in range(0, n, _CHUNK):
        norm = normalize_texts(texts.slice(s, _CHUNK))
        exact_key[s : s + len(norm)] = hash_strings(norm.to_numpy(zero_copy_only=False))
        nonempty[s : s + len(norm)] = np.asarray(pc.not_equal(pc.utf8_length(norm), 0), dtype=bool)
        sig[s : s + len(norm)], sizes[s : s + len(norm)] = minhash_signatures(
            norm, num_perm, shingle_size, chunk_size=_CHUNK, normalized=True
        )
    del texts, norm

    # Exact groups: one representative (best rank) per normalised text goes on to LSH.
    ex = pd.DataFrame({"key": exact_key, "rank": rank, "i": np.arange(n)})[nonempty]
    ex = ex.sort_values(["key", "rank"], kind="stable")
    rep_of = np.arange(n, dtype=np.int64)
    first = ex.groupby("key", sort=False)["i"].transform("first").to_numpy()
    rep_of[ex["i"].to_numpy()] = first
    reps = np.unique(first)

    # Near groups among representatives: LSH candidates, verified by estimated containment.
    sig, sizes = sig[reps], sizes[reps]
    ca, cb = lsh_candidates(sig, rows_per_band)
    _, cont = estimate_overlap(sig, sizes, ca, cb)
    ok = cont >= threshold
    comp = connected_components(len(reps), ca[ok], cb[ok])

    # Every doc's group = its representative's near component; canonical = best rank in it.
    rep_pos = np.full(n, -1, dtype=np.int64)
    rep_pos[reps] = np.arange(len(reps))
    group = np.where(nonempty, reps[comp[rep_pos[rep_of]]] if len(reps) else -1, -1)
    grouped = np.flatnonzero(group >= 0)
    g = pd.DataFrame({"group": group[grouped], "rank": rank[grouped], "i": grouped})
    best = g.loc[g.groupby("group")["rank"].idxmin(), ["group", "i"]].set_index("group")["i"]
    canon = np.arange(n, dtype=np.int64)
    canon[grouped] = best.reindex(group[grouped]).to_numpy()

    is_copy = canon != np.arange(n)
    copies = np.flatnonzero(is_copy)
    exact = is_copy & (exact_key == exact_key[canon])
    sim = np.where(exact, 1.0, np.nan)
    near = np.flatnonzero(is_copy & ~exact)
    if len(near):
        _, c = estimate_overlap(sig, sizes, rep_pos[rep_of[near]], rep_pos[rep_of[canon[near]]])
        sim[near] = np.round(c, 4)
    ids = docs["doc_id"].to_numpy()
    out.loc[copies, "duplicate_of"] = ids[canon[copies]]
    out.loc[copies, "dup_kind"] = np.where(exact[copies], "exact", "near")
    out["dup_similarity"] = np.where(is_copy, sim, np.nan)
    out["dup_similarity"] = out["dup_similarity"].astype(object).where(is_copy, None)
    return out
