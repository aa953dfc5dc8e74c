"""Bench: Dateline's temporal engine against dateparser.search.search_dates(languages=['fr']).

Run: .venv/bin/python bench/temporal.py [--seconds N]
Prints, for both engines, documents per second on the bundled sample articles (one core, same process)
and the share of the fixture expressions (tests/fixtures/temporal/expressions_fr.yaml) resolved correctly.
Dateline is scored strictly (exact interval and precision); dateparser generously (any date it returns
for the expression that falls inside the expected interval counts; for durations, sets, open futures,
unresolvable and non-dates, returning no date for the expression counts).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.pubdate import publication_date  # noqa: E402
from transforms.pubdate import interval_of
from transforms.temporal import Interval, find_timexes  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "temporal" / "expressions_fr.yaml"
HELDOUT = ROOT / "tests" / "fixtures" / "temporal" / "heldout_fr.yaml"
SAMPLE = ROOT / "data" / "raw"


def wants_dates(case: dict) -> bool:
    """True when the case expects a resolved interval."""
    return case.get("expect") is not None and case.get("start") is not None


def dateline_correct(case: dict) -> bool:
    """Strict: the expression found with the exact expected interval, precision and kind."""
    found = find_timexes(case["text"], interval_of(case.get("dct")))
    if case.get("expect") is None:
        return not any(t.kind in ("date", "future") for t in found)
    hits = [t for t in found if t.text == str(case["expect"])]
    if not hits:
        return False
    t = hits[0]
    if case.get("kind") in ("duration", "set") and t.kind != case["kind"]:
        return False
    if "start" in case:
        return (t.start, t.end, t.precision) == (case["start"], case["end"], case["precision"])
    return t.start is None


def _dp_settings(dct: Interval | None) -> dict:
    settings = {"PREFER_DATES_FROM": "past"}
    if dct is not None:
        settings["RELATIVE_BASE"] = datetime.combine(dct.end, datetime.min.time())
    return settings


def dateparser_correct(case: dict, search_dates) -> bool:
    """Generous: a date returned for (part of) the expression inside the expected interval."""
    text, expect = case["text"], case.get("expect")
    found = search_dates(text, languages=["fr"], settings=_dp_settings(interval_of(case.get("dct")))) or []
    if expect is None:
        return not found
    expect = str(expect)
    lo = text.find(expect)
    hi = lo + len(expect)
    mine = []
    for sub, when in found:
        pos = text.find(sub)
        if pos < hi and pos + len(sub) > lo:
            mine.append(when.date())
    if not wants_dates(case):
        return not mine
    return any(case["start"] <= d <= case["end"] for d in mine)


def rate(fn, texts: list[tuple[str, Interval | None]], seconds: float) -> float:
    """Documents per second of fn(text, dct) over `texts`, repeated for at least `seconds`."""
    done, t0 = 0, time.perf_counter()
    while True:
        for text, dct in texts:
            fn(text, dct)
            done += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= seconds:
            return done / elapsed


def main() -> None:
    """Run both engines over the same texts and print speed, accuracy and ratios."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=3.0, help="minimum timing per engine")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    from dateparser.search import search_dates

    raws = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    docs = [(raw, publication_date(raw).interval()) for raw in raws]
    cases = yaml.safe_load(FIXTURES.read_text(encoding="utf-8"))
    size = sum(len(t) for t, _ in docs) / len(docs)

    search_dates("Le 3 mars 2021.", languages=["fr"])  # warm-up: dateparser builds its tables lazily
    find_timexes("Le 3 mars 2021.", None)

    ours = rate(lambda t, d: find_timexes(t, d), docs, args.seconds)
    theirs = rate(lambda t, d: search_dates(t, languages=["fr"], settings=_dp_settings(d)), docs, args.seconds)
    acc_ours = sum(dateline_correct(c) for c in cases) / len(cases)
    acc_theirs = sum(dateparser_correct(c, search_dates) for c in cases) / len(cases)
    held = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))
    held_ours = sum(dateline_correct(c) for c in held) / len(held)
    held_theirs = sum(dateparser_correct(c, search_dates) for c in held) / len(held)

    print(f"texts: {len(docs)} sample articles (mean {size:.0f} chars); fixture expressions: {len(cases)}")
    print(f"{'engine':<12}{'docs/s':>10}{'kB/s':>10}{'fixtures':>10}{'held-out':>10}")
    for name, speed, acc, hacc in (("dateline", ours, acc_ours, held_ours), ("dateparser", theirs, acc_theirs, held_theirs)):
        print(f"{name:<12}{speed:>10.1f}{speed * size / 1000:>10.0f}{acc:>10.1%}{hacc:>10.1%}")
    print(f"(held-out set: {len(held)} expressions written after the rules, see {HELDOUT.name})")
    print(f"speed ratio: {ours / theirs:.1f}x   accuracy: {acc_ours:.1%} vs {acc_theirs:.1%} "
          f"({(acc_ours - acc_theirs) * 100:+.1f} points)")


if __name__ == "__main__":
    main()
