"""Benchmark of the dedup + story stage: quality (pairwise P/R) and scale (time, peak memory).

Usage:
  python bench/dedup.py --sizes 10000 100000 1000000        # one child process per size
  python bench/dedup.py --calibrate --sizes 10000           # similarity of true copies vs others

Each size runs in its own process (so peak RSS is the stage's, not the previous size's): the
corpus is generated (or read from bench/out/), then mark_duplicates + cluster_stories are
timed. Peak memory is VmHWM of that process after its counter is reset once the corpus is
loaded (Linux /proc/self/clear_refs), i.e. corpus + everything the stage allocates; "loaded MB"
is the RSS with just the corpus in memory, before the stage. Run with
`nice -n 19` on a shared machine. Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def pairwise_pr(pred: np.ndarray, true: np.ndarray) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering `pred` against `true` labels."""
    df = pd.DataFrame({"p": pd.factorize(pred)[0], "t": pd.factorize(true)[0]})

    def pairs(sizes: pd.Series) -> float:
        s = sizes.to_numpy(dtype=np.float64)
        return float((s * (s - 1) / 2).sum())

    tp = pairs(df.groupby(["p", "t"]).size())
    pp = pairs(df.groupby("p").size())
    tt = pairs(df.groupby("t").size())
    return (tp / pp if pp else 1.0), (tp / tt if tt else 1.0)


def _rss_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load_corpus(n: int, seed: int) -> pd.DataFrame:
    """Read bench/out/corpus_<n>_s<seed>.parquet, generating it first if missing."""
    from corpus import write_corpus

    path = ROOT / "bench" / "out" / f"corpus_{n}_s{seed}.parquet"
    if not path.exists():
        write_corpus(n, seed, path)
    return pd.read_parquet(path)


def run_one(n: int, seed: int) -> dict:
    """Time the stage on one corpus size, in this process; returns the measured numbers."""
    from transforms.dedup import mark_duplicates
    from transforms.stories import cluster_stories

    docs = load_corpus(n, seed)
    truth = docs[["true_dup_group", "true_story"]].copy()
    docs = docs.drop(columns=["true_dup_group", "true_story"])
    rss_before = _rss_mb("VmRSS")
    try:  # reset the peak-RSS counter so VmHWM is the stage's peak (corpus included)
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass
    t0 = time.perf_counter()
    dups = mark_duplicates(docs)
    t1 = time.perf_counter()
    docs["duplicate_of"] = dups["duplicate_of"].to_numpy()
    stories = cluster_stories(docs)
    t2 = time.perf_counter()
    peak = _rss_mb("VmHWM")
    ids = docs["doc_id"].to_numpy()
    dup_group = np.where(docs["duplicate_of"].isna(), ids, docs["duplicate_of"].astype(object))
    dp, dr = pairwise_pr(dup_group, truth["true_dup_group"].to_numpy())
    sp, sr = pairwise_pr(stories["story_id"].to_numpy(), truth["true_story"].to_numpy())
    return dict(
        n=n, dedup_s=t1 - t0, stories_s=t2 - t1, time_s=t2 - t0, rss_before_mb=rss_before, peak_mb=peak,
        dup_p=dp, dup_r=dr, story_p=sp, story_r=sr,
        n_copies=int(docs["duplicate_of"].notna().sum()), n_stories=int(stories["story_id"].nunique()),
    )


def calibrate_real() -> None:
    """Containment / Jaccard of every pair of real articles (sample + fixtures), with the truth."""
    import pyarrow as pa
    import yaml

    from transforms.dedup import estimate_overlap, minhash_signatures

    fixtures = ROOT / "tests" / "fixtures" / "dedup"
    paths = sorted((ROOT / "data" / "raw").glob("*.txt")) + sorted(fixtures.glob("*.txt"))
    copy_of = {Path(e["file"]).stem: e["copy_of"] for e in yaml.safe_load((fixtures / "manifest.yaml").read_text())}
    copy_of["copy_of_001_other_leftovers"] = "001"
    group = [copy_of.get(p.stem) or p.stem[:3] for p in paths]
    sig, sizes = minhash_signatures(pa.array([p.read_text(encoding="utf-8") for p in paths], type=pa.large_string()))
    a, b = np.triu_indices(len(paths), 1)
    jac, cont = estimate_overlap(sig, sizes, a, b)
    print("real pairs with containment > 0.03 (copy = same agency text / same article):")
    for i, j, c, jj in sorted(zip(a, b, cont, jac), key=lambda r: -r[2]):
        if c > 0.03:
            kind = "COPY " if group[i] == group[j] else "other"
            print(f"  {kind} containment={c:.3f} jaccard={jj:.3f}  {paths[i].stem} ~ {paths[j].stem}")


def calibrate(n: int, seed: int) -> None:
    """Print the containment / Jaccard of true copies vs. other LSH candidates (threshold choice)."""
    import pyarrow as pa

    from transforms.dedup import estimate_overlap, lsh_candidates, minhash_signatures

    docs = load_corpus(n, seed)
    sig, sizes = minhash_signatures(pa.array(docs["text"].tolist(), type=pa.large_string()))
    a, b = lsh_candidates(sig)
    jac, cont = estimate_overlap(sig, sizes, a, b)
    g = docs["true_dup_group"].to_numpy()
    s = docs["true_story"].to_numpy()
    same = g[a] == g[b]
    story = (s[a] == s[b]) & ~same
    qs = [0.0, 0.01, 0.05, 0.5, 0.95, 0.99, 1.0]
    for name, mask in (("true copies", same), ("same story, not copies", story), ("unrelated", ~same & ~story)):
        if mask.any():
            print(f"{name:24s} pairs={mask.sum():8d} containment q{qs}={np.round(np.quantile(cont[mask], qs), 3).tolist()}"
                  f" jaccard median={np.median(jac[mask]):.3f}")
    true_pairs = sum(k * (k - 1) // 2 for k in pd.Series(g).value_counts())
    print(f"LSH candidate recall of true copy pairs: {same.sum()}/{true_pairs}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process mode
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return
    if args.calibrate:
        calibrate_real()
        for n in args.sizes:
            calibrate(n, args.seed)
        return
    rows = []
    header = (
        f"{'N':>9} {'time s':>8} {'dedup s':>8} {'story s':>8} {'loaded MB':>9} {'peak MB':>9} "
        f"{'dupP':>6} {'dupR':>6} {'stoP':>6} {'stoR':>6}"
    )
    print(header, flush=True)
    for n in args.sizes:
        proc = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)], capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stderr[-3000:], file=sys.stderr)
            raise SystemExit(proc.returncode)
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        rows.append(r)
        print(f"{r['n']:>9} {r['time_s']:>8.2f} {r['dedup_s']:>8.2f} {r['stories_s']:>8.2f} {r['rss_before_mb']:>9.0f} {r['peak_mb']:>9.0f} "
              f"{r['dup_p']:>6.3f} {r['dup_r']:>6.3f} {r['story_p']:>6.3f} {r['story_r']:>6.3f}", flush=True)
    if len(rows) >= 2:
        x = np.log([r["n"] for r in rows])
        y = np.log([r["time_s"] for r in rows])
        slope = np.polyfit(x, y, 1)[0]
        ratios = ", ".join(
            f"{rows[i + 1]['n'] // rows[i]['n']}x docs -> {rows[i + 1]['time_s'] / rows[i]['time_s']:.1f}x time"
            for i in range(len(rows) - 1)
        )
        print(f"time ~ N^{slope:.2f} (least-squares fit on log-log); {ratios}")


if __name__ == "__main__":
    main()
