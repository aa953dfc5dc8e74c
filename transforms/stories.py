"""Story clustering: independent articles about the same news event share a story_id.

Two articles are linked when they share several *rare* terms (IDF over the batch's independent
articles: names like "Mkrtychev", "slovaque", numbers, key nouns) that make up a good part of
the rarer article's distinctive vocabulary, and their dates fall within a window. Background
mentions ("depuis le début de la guerre en Ukraine") are cheap terms in many articles, so they
weigh little and cannot alone link two stories. Blocking is an inverted index on rare terms
restricted to the time window, so the work grows with the number of plausible pairs, not n^2.
"""

from __future__ import annotations

import hashlib
import math

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from transforms.dedup import connected_components
from transforms.shingles import hash_strings, load_word_list, mix64, sorted_unique, text_array, tokenize

STOPWORDS_FILE = "stopwords_fr.yaml"
_UNDATED = np.iinfo(np.int64).max // 4  # day number for "no date": sorts after every real date


def story_id_for(anchor_doc_id: str) -> str:
    """Story id derived from its anchor member's doc_id: "s" + 16 hex digits."""
    return "s" + hashlib.blake2b(str(anchor_doc_id).encode("utf-8"), digest_size=8).hexdigest()


def _doc_terms(
    texts: pa.Array,
    titles: pa.Array | None,
    rows: np.ndarray,
    stopwords: frozenset[str],
    chunk_size: int,
    table_bits: int,
    bigrams: bool = True,
) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """Distinct content terms of title + text of `rows`, by chunk: (first doc, terms per doc, term ids).

    A term id is a `table_bits`-bit hash of the word (or of two adjacent words): a hashed
    vocabulary, so document frequencies fit one fixed array whatever the corpus size.
    """
    stop_hashes = hash_strings(sorted(stopwords))
    chunk_size = min(chunk_size, 1 << 16)
    out = []
    newline = pa.scalar("\n", pa.large_string())
    for start in range(0, len(rows), chunk_size):
        take = pa.array(rows[start : start + chunk_size])
        chunk = texts.take(take)
        if titles is not None:
            chunk = pc.binary_join_element_wise(titles.take(take), chunk, newline)
        tok = tokenize(chunk)
        warr = pa.array(tok.words, type=pa.string())
        lens = np.asarray(pc.utf8_length(warr), dtype=np.int64)
        digits = np.asarray(pc.utf8_is_digit(warr), dtype=bool)
        # A content term: not a stop word, and 3+ letters or a 2+ digit number ("2022", "54").
        good = ((lens >= 3) | (digits & (lens >= 2))) & ~np.isin(hash_strings(tok.words), stop_hashes)
        keep = good[tok.word_index]
        doc = np.repeat(np.arange(tok.n_docs, dtype=np.uint64), tok.lengths())[keep]
        h = tok.hashes[keep]
        if bigrams and len(h) > 1:
            # Adjacent content words ("types armes", "ressortissant slovaque") as extra terms:
            # shared phrases are far stronger evidence of the same news than shared words.
            same = doc[1:] == doc[:-1]
            with np.errstate(over="ignore"):
                bi = mix64(h[:-1] * np.uint64(0x9E3779B97F4A7C15) + h[1:])
            doc = np.concatenate([doc, doc[:-1][same]])
            h = np.concatenate([h, bi[same]])
        # Distinct (doc, term): the chunk-local doc rides in the top 16 bits, the term id below.
        keyed = sorted_unique((doc << np.uint64(48)) | (h >> np.uint64(64 - table_bits)))
        counts = np.bincount((keyed >> np.uint64(48)).astype(np.int64), minlength=tok.n_docs)
        out.append((start, counts.astype(np.int32), (keyed & np.uint64((1 << table_bits) - 1)).astype(np.uint32)))
    return out


def _day_numbers(values: pd.Series) -> np.ndarray:
    """Days since the epoch of each date; _UNDATED where missing."""
    ts = pd.to_datetime(values, errors="coerce")
    days = ts.to_numpy(dtype="datetime64[D]").astype(np.int64)
    return np.where(ts.isna().to_numpy(), _UNDATED, days)


def _window_pairs(
    term_rank: np.ndarray, doc: np.ndarray, start: np.ndarray, end: np.ndarray, window_days: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of postings of the same term whose date intervals are within window_days.

    Postings come sorted by (term, start). Undated postings pair with every posting of the term:
    an undated article is placed by content alone.
    """
    n = len(doc)
    if n < 2:
        e = np.zeros(0, np.int64)
        return e, e, e
    big = np.int64(1 << 24)  # > any day number we shift by; terms are ranks < 2^38
    dated = start != _UNDATED
    key = term_rank * big + np.where(dated, start, big - 1)
    reach = np.where(dated, np.minimum(end, big - 2) + window_days, big - 1)
    upper = np.searchsorted(key, term_rank * big + reach, side="right")
    # Undated postings sort last within their term; they also reach back to the term's start.
    term_first = np.searchsorted(term_rank, term_rank, side="left")
    lo = np.where(dated, np.arange(n) + 1, term_first)
    hi = np.where(dated, upper, np.searchsorted(term_rank, term_rank, side="right"))
    count = np.maximum(hi - lo, 0)
    i = np.repeat(np.arange(n, dtype=np.int64), count)
    j = np.arange(len(i), dtype=np.int64) - np.repeat(np.cumsum(count) - count, count) + np.repeat(lo, count)
    not_self = i != j
    i, j = i[not_self], j[not_self]
    # Undated x undated pairs are emitted from both ends: keep one.
    both_undated = ~dated[i] & ~dated[j]
    keep = ~both_undated | (i < j)
    i, j = i[keep], j[keep]
    return doc[i], doc[j], term_rank[i]


def _undated_best_edges(a: np.ndarray, b: np.ndarray, score: np.ndarray, undated: np.ndarray) -> np.ndarray:
    """Mask of edges to keep: all dated-dated edges; for an undated doc, only its best edge.

    Without a date an article cannot be checked against the window, so it joins the single
    story it matches best instead of bridging two stories it matches both a little.
    """
    keep = ~undated[a] & ~undated[b]
    if len(a) == 0 or keep.all():
        return keep
    ends = np.concatenate([a, b])
    edge = np.concatenate([np.arange(len(a)), np.arange(len(a))])
    s = np.concatenate([score, score])
    partner = np.concatenate([b, a])
    cand = undated[ends]
    ends, edge, s, partner = ends[cand], edge[cand], s[cand], partner[cand]
    order = np.lexsort((partner, -s, ends))
    first = np.ones(len(order), dtype=bool)
    first[1:] = ends[order][1:] != ends[order][:-1]
    keep[edge[order][first]] = True
    return keep


def cluster_stories(
    docs: pd.DataFrame,
    window_days: int = 3,
    min_shared_terms: int = 5,
    min_similarity: float = 0.1,
    max_terms_per_doc: int = 300,
    max_df_ratio: float = 0.01,
    max_df_floor: int = 5,
    max_term_df: int = 50,
    stopwords_file: str = STOPWORDS_FILE,
    chunk_size: int = 20_000,
    df_table_bits: int = 27,
) -> pd.DataFrame:
    """Give every doc a story_id; copies (duplicate_of set) join their canonical's story.

    Policies: two independent articles are linked when their dates (interval overlap, widened by
    window_days) agree or one is undated, they share >= min_shared_terms rare terms (among each
    one's max_terms_per_doc rarest), and those carry >= min_similarity of the IDF weight of the
    smaller article's distinctive vocabulary (its terms in <= max_df articles, its own included).
    A term is rare when it appears in at least 2 and at most max_df =
    max(max_df_floor, min(max_term_df, max_df_ratio * n)) independent articles: a story's own
    names recur in its few accounts, a topic's words in a large share of the batch. Stories are
    the connected components (an undated article keeps only its best link).
    """
    n = len(docs)
    ids = docs["doc_id"].astype(str).to_numpy()
    if n == 0:
        return pd.DataFrame({"doc_id": docs["doc_id"].to_numpy(), "story_id": pd.Series([], dtype=object)})
    dup_of = docs["duplicate_of"] if "duplicate_of" in docs else pd.Series([None] * n, index=docs.index)
    # Position of each doc's canonical (-1: independent, or its canonical is not in the batch).
    pos_of = pd.Series(np.arange(n), index=ids)
    target = dup_of.astype(object).where(dup_of.notna(), None).to_numpy()
    dup_pos = pos_of.reindex([str(t) if t is not None else "\0" for t in target]).fillna(-1).to_numpy(np.int64)
    dup_pos[dup_pos == np.arange(n)] = -1
    # Follow chains (a copy of a copy) to the root; mark_duplicates never emits them, others might.
    for _ in range(32):
        nxt = np.where(dup_pos >= 0, dup_pos[np.maximum(dup_pos, 0)], -1)
        step = (dup_pos >= 0) & (nxt >= 0)
        if not step.any():
            break
        dup_pos = np.where(step, nxt, dup_pos)
    independent = dup_pos < 0
    ind = np.flatnonzero(independent)
    m = len(ind)

    text = text_array(docs["text"])
    title = text_array(docs["title"]) if "title" in docs else None
    # Hashed vocabulary: about 4 slots per posting (2 per token: words + pairs), capped.
    n_chars = int(pc.sum(pc.utf8_length(text)).as_py() or 0)
    table_bits = int(min(df_table_bits, max(16, math.ceil(math.log2(max(n_chars, 1) / 6 * 2 * 4)))))
    chunks = _doc_terms(text, title, ind, load_word_list(stopwords_file), chunk_size, table_bits)
    del text, title

    # IDF over independent articles only: copies must not make a story's names look common.
    df_table = np.zeros(1 << table_bits, dtype=np.uint32)
    for _, _, terms in chunks:
        np.add.at(df_table, terms, 1)
    max_df = max(max_df_floor, min(max_term_df, int(max_df_ratio * m)))
    log_m = math.log(max(m, 2))
    weight_total = np.zeros(m, dtype=np.float64)
    kept_doc, kept_term = [], []
    for start, counts, terms in chunks:
        doc = np.repeat(np.arange(start, start + len(counts), dtype=np.int64), counts)
        df = df_table[terms]
        idf = log_m - np.log(df)
        # A doc's distinctive vocabulary includes the terms only it uses: they are the best
        # evidence that it covers something else, so they weigh in the normaliser (not blocking).
        distinctive = df <= max_df
        weight_total += np.bincount(doc[distinctive], weights=idf[distinctive], minlength=m)
        rare = distinctive & (df >= 2)
        doc, term, idf = doc[rare], terms[rare].astype(np.int64), idf[rare]
        # Keep each doc's rarest terms (ties broken by term id, so the choice is reproducible).
        order = np.lexsort((term, -idf, doc))
        doc, term = doc[order], term[order]
        first = np.searchsorted(doc, doc, side="left")
        top = (np.arange(len(doc)) - first) < max_terms_per_doc
        kept_doc.append(doc[top])
        kept_term.append(term[top])
    del chunks
    doc = np.concatenate(kept_doc) if kept_doc else np.zeros(0, np.int64)
    term_idx = np.concatenate(kept_term) if kept_term else np.zeros(0, np.int64)

    start = _day_numbers(docs["published_start"]).astype(np.int64)[ind]
    end_col = docs["published_end"] if "published_end" in docs else docs["published_start"]
    end = _day_numbers(end_col).astype(np.int64)[ind]
    end = np.where(end == _UNDATED, start, np.maximum(end, start))
    end = np.where(start == _UNDATED, _UNDATED, end)

    # Inverted index on rare terms, paired only inside the time window.
    order = np.lexsort((doc, start[doc], term_idx))
    p_doc, p_term = doc[order], term_idx[order].astype(np.int64)
    a, b, t = _window_pairs(p_term, p_doc, start[p_doc], end[p_doc], window_days)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    key = lo * np.int64(m) + hi
    pair_key, inv = np.unique(key, return_inverse=True)
    inv = inv.reshape(-1)
    shared_w = np.bincount(inv, weights=log_m - np.log(df_table[t].astype(np.float64)), minlength=len(pair_key))
    shared_n = np.bincount(inv, minlength=len(pair_key))
    pa_, pb_ = pair_key // m, pair_key % m
    score = shared_w / np.maximum(np.minimum(weight_total[pa_], weight_total[pb_]), 1e-12)
    ok = (shared_n >= min_shared_terms) & (score >= min_similarity)
    ea, eb, es = pa_[ok], pb_[ok], score[ok]
    keep = _undated_best_edges(ea, eb, es, start == _UNDATED)
    comp = connected_components(m, ea[keep], eb[keep])

    # Every doc's component: its own if independent, else its canonical's.
    comp_all = np.full(n, -1, dtype=np.int64)
    comp_all[ind] = comp
    copies = np.flatnonzero(~independent)
    canon = dup_pos[copies]
    comp_all[copies] = comp_all[canon]
    # Anchor = earliest member (undated last), then smallest doc_id, over all members.
    day_all = _day_numbers(docs["published_start"])
    frame = pd.DataFrame({"comp": comp_all, "day": day_all, "doc_id": ids})
    anchor = frame.sort_values(["comp", "day", "doc_id"], kind="stable").groupby("comp")["doc_id"].first()
    sid = {c: story_id_for(d) for c, d in anchor.items()}
    return pd.DataFrame({"doc_id": docs["doc_id"].to_numpy(), "story_id": [sid[c] for c in comp_all]})


def summarize_stories(docs: pd.DataFrame, stories: pd.DataFrame) -> pd.DataFrame:
    """Per story: num_documents (independent articles only), num_copies, first/last published."""
    df = docs[["doc_id", "duplicate_of", "published_start"]].merge(stories, on="doc_id")
    df["independent"] = df["duplicate_of"].isna()
    df["published_start"] = pd.to_datetime(df["published_start"], errors="coerce")
    g = df.groupby("story_id")
    return pd.DataFrame(
        {
            "num_documents": g["independent"].sum().astype("int64"),
            "num_copies": (g.size() - g["independent"].sum()).astype("int64"),
            "first_published": g["published_start"].min(),
            "last_published": g["published_start"].max(),
        }
    ).reset_index()
