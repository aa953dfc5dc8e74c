"""Throughput of the extract stage (parse + event coding) against spaCy's own nlp.pipe on the same texts.

Usage:  .venv/bin/python bench/extract.py [--repeat 3] [--batch-size 16]

The corpus is the bundled sample plus the development set, repeated --repeat times (distinct doc ids).
Three timings, each best of two runs: nlp.pipe alone; extract_mentions (which runs nlp.pipe once and
codes the events); and the coding alone on pre-parsed docs. The coding should cost well under the parse.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from accuracy import load_devset  # noqa: E402

from transforms.actors import load_gazetteer  # noqa: E402
from transforms.events import code_document, extract_mentions  # noqa: E402
from transforms.evidence import dct_interval, timex_objects  # noqa: E402
from transforms.nlp import load_pipeline  # noqa: E402
from transforms.temporal import timexes_frame  # noqa: E402
from transforms.triggers import load_lexicon  # noqa: E402

SAMPLE = ROOT / "data" / "raw"


def corpus(repeat: int) -> pd.DataFrame:
    """Sample + dev-set documents, repeated under distinct ids."""
    from transforms.clean import clean_text

    docs, _ = load_devset(ROOT / "tests" / "fixtures" / "devset")
    sample = pd.DataFrame([
        {"doc_id": p.stem, "text": clean_text(p.read_text(encoding="utf-8")).text, "title": None, "language": "fr",
         "published_start": None, "published_end": None, "published_precision": None,
         "duplicate_of": None, "story_id": "sample"}
        for p in sorted(SAMPLE.glob("*.txt"))
    ])  # fmt: skip
    base = pd.concat([sample, docs], ignore_index=True)
    return pd.concat([base.assign(doc_id=base.doc_id + f"#{k}") for k in range(repeat)], ignore_index=True)


def _best(fn, runs: int = 2) -> float:
    """Best wall time of a few runs, in seconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Time the three stages and print documents per second and the ratio to nlp.pipe."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args(argv)
    docs = corpus(args.repeat)
    texts = docs.text.tolist()
    nlp = load_pipeline()
    timexes = timexes_frame(docs)
    gaz, lex = load_gazetteer(), load_lexicon()
    list(nlp.pipe(texts[:4]))  # warm up
    extract_mentions(docs.head(4), timexes, nlp)
    t_parse = _best(lambda: list(nlp.pipe(texts, batch_size=args.batch_size)))
    t_extract = _best(lambda: extract_mentions(docs, timexes, nlp, batch_size=args.batch_size))
    parsed = list(nlp.pipe(texts, batch_size=args.batch_size))
    by_doc = timex_objects(timexes)
    rows = list(docs.itertuples(index=False))
    t_code = _best(lambda: [code_document(d, r.doc_id, by_doc.get(r.doc_id, []), dct_interval(r), gaz, lex)
                            for d, r in zip(parsed, rows)])  # fmt: skip
    n = len(docs)
    words = sum(len(t.split()) for t in texts)
    out = {
        "docs": n, "words": words, "parse_docs_per_s": n / t_parse, "extract_docs_per_s": n / t_extract,
        "coding_docs_per_s": n / t_code, "extract_over_parse_time": t_extract / t_parse,
        "coding_share_of_extract": t_code / t_extract,
    }  # fmt: skip
    print(f"{n} documents, {words} words (batch size {args.batch_size})")
    print(f"nlp.pipe alone        {t_parse:7.2f} s  {out['parse_docs_per_s']:6.1f} docs/s")
    print(f"extract_mentions      {t_extract:7.2f} s  {out['extract_docs_per_s']:6.1f} docs/s")
    print(f"coding only (parsed)  {t_code:7.2f} s  {out['coding_docs_per_s']:6.1f} docs/s")
    print(f"extract / parse time  {out['extract_over_parse_time']:.2f}   "
          f"coding share of extract {out['coding_share_of_extract']:.0%}")  # fmt: skip
    return out


if __name__ == "__main__":
    main()
