"""Score event extraction on the annotated development set: precision, recall, date accuracy, per type.

Usage:  .venv/bin/python bench/accuracy.py [--set devset|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|all] [--errors]

Eight annotated sets: tests/fixtures/devset (the development set, which error analysis may look at) and
tests/fixtures/heldout (written and annotated before any change it could have guided; it measures how
well fixes generalise), and tests/fixtures/heldout2 (a second held-out set written once the first had
been seen), tests/fixtures/heldout3 and tests/fixtures/heldout4 (a third and a fourth, each written
and annotated blind by someone who did not read the extractor, and scored before any change it
could guide), tests/fixtures/heldout5, tests/fixtures/heldout6 and tests/fixtures/heldout7 (a fifth, a sixth and a
seventh, written the same way; their blind scores are recorded in the README).
--set all (default) runs the pipeline once on every set and prints one table each.

Each article of the dev set is its own story; the pipeline (temporal -> extract_mentions ->
merge_mentions) runs on all of them and every event it outputs is compared with the gold events of
its article (rules in tests/fixtures/devset/gold.yaml's header). Precision: share of predicted events
that match a gold event of their article; recall: share of gold events matched by a predicted one
(a gold event with coordinated actors, "les États-Unis et le Royaume-Uni ont frappé", is matched by
each of the per-actor events the pipeline codes). A gold name also matches the actor the gazetteer
resolves it to (the gold writes "Prigojine", the pipeline codes per:yevgeny_prigozhin). A date is
right when the predicted interval overlaps the gold one and is at most 31 days wider than it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.actors import load_gazetteer  # noqa: E402
from transforms.events import extract_mentions  # noqa: E402
from transforms.merge import merge_mentions  # noqa: E402
from transforms.nlp import load_pipeline  # noqa: E402
from transforms.temporal import timexes_frame  # noqa: E402

DEVSET = ROOT / "tests" / "fixtures" / "devset"
SETS = {
    "devset": DEVSET, "heldout": ROOT / "tests" / "fixtures" / "heldout",
    "heldout2": ROOT / "tests" / "fixtures" / "heldout2", "heldout3": ROOT / "tests" / "fixtures" / "heldout3",
    "heldout4": ROOT / "tests" / "fixtures" / "heldout4", "heldout5": ROOT / "tests" / "fixtures" / "heldout5",
    "heldout6": ROOT / "tests" / "fixtures" / "heldout6", "heldout7": ROOT / "tests" / "fixtures" / "heldout7",
}  # fmt: skip
_MARKER = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s*\n")
_SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
_GAZ: dict = {}


def load_devset(folder: Path) -> tuple[pd.DataFrame, dict[str, list[dict]]]:
    """(docs frame, gold events by doc_id) of a dev-set folder."""
    rows = []
    for path in sorted(folder.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        m = _MARKER.match(raw)
        dct = date.fromisoformat(m.group(1)) if m else None
        rows.append({
            "doc_id": path.stem, "text": raw[m.end():].strip() if m else raw.strip(), "title": None,
            "language": "fr", "published_start": dct, "published_end": dct,
            "published_precision": "day" if dct else None, "duplicate_of": None, "story_id": path.stem,
        })  # fmt: skip
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    return pd.DataFrame(rows), gold


def _party_ok(gold, pid, country, name) -> bool:
    """True if a predicted participant fits the gold one (None gold accepts anything)."""
    if gold is None:
        return True
    for g in gold if isinstance(gold, list) else [gold]:
        g = str(g)
        if re.fullmatch(r"[A-Z0-9]{2,4}", g):  # a code: ISO3 ("USA") or an acronym ("RSF", "M23")
            parts = re.split(r"[:._]", pid.lower()) if isinstance(pid, str) else []
            if g in (pid, country) or (isinstance(pid, str) and pid.startswith(g + ".")) or g.lower() in parts:
                return True
        elif any(isinstance(v, str) and g.lower() in v.lower() for v in (name, pid)):
            return True
        elif isinstance(pid, str) and _canonical(g) == pid:
            return True  # the gold's French spelling of a listed name ("Prigojine" is per:yevgeny_prigozhin)
    return False


def _canonical(name: str) -> str | None:
    """The gazetteer id a gold name resolves to, or None."""
    gaz = _GAZ.get("g")
    if gaz is None:
        gaz = _GAZ["g"] = load_gazetteer()
    actor = gaz.lookup(name)
    return actor.actor_id if actor is not None else None


def _matches(g: dict, ev, lenient: bool = False) -> bool:
    """True if a predicted event is the gold event (lenient: a missing predicted recipient is accepted)."""
    if ev.event_type != g["type"] or bool(ev.negated) != bool(g.get("negated", False)):
        return False
    if ev.modality != g.get("modality", "realized"):
        return False
    a = (ev.actor_id, ev.actor_country, ev.actor)
    r = (ev.recipient_id, ev.recipient_country, ev.recipient)
    if lenient and _isna(ev.recipient_id):
        r = (None, None, None)
        if _party_ok(g["actor"], *a):
            return True
    if _party_ok(g["actor"], *a) and _party_ok(g.get("recipient"), *r):
        return True
    return g["type"] in _SYMMETRIC and _party_ok(g["actor"], *r) and _party_ok(g.get("recipient"), *a)


def _isna(value) -> bool:
    """None or NaN."""
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _date_ok(g: dict, ev) -> bool:
    """Predicted interval overlaps the gold one and is at most 31 days wider."""
    if ev.date_start is None or pd.isna(ev.date_start):
        return False
    gs, ge = g["start"], g["end"]
    ps, pe = pd.Timestamp(ev.date_start).date(), pd.Timestamp(ev.date_end).date()
    return ps <= ge and gs <= pe and (pe - ps).days <= (ge - gs).days + 31


def score(events: pd.DataFrame, mentions: pd.DataFrame, gold: dict[str, list[dict]], lenient: bool = False):
    """Per-type counts {type: [tp_pred, n_pred, tp_gold, n_gold, dates_ok]} and the error lists."""
    doc_of = mentions.groupby("event_id").doc_id.first()
    events = events.assign(doc_id=events.event_id.map(doc_of))
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    false_pos, misses = [], []
    for doc_id in sorted(set(gold) | set(events.doc_id)):
        preds = list(events[events.doc_id == doc_id].itertuples())
        golds = gold.get(doc_id) or []
        for g in golds:
            table[g["type"]][3] += 1
            hits = [ev for ev in preds if _matches(g, ev, lenient)]
            if not hits:
                misses.append((doc_id, g))
                continue
            table[g["type"]][2] += 1
            table[g["type"]][4] += any(_date_ok(g, ev) for ev in hits)
        for ev in preds:
            table[ev.event_type][1] += 1
            if any(_matches(g, ev, lenient) for g in golds):
                table[ev.event_type][0] += 1
            else:
                false_pos.append((doc_id, ev.summary, ev.modality, ev.negated))
    return dict(table), false_pos, misses


def print_table(table: dict[str, list[int]]) -> dict[str, float]:
    """Print precision / recall / date accuracy per type and overall; return the overall numbers."""
    print(f"{'type':<10} {'pred':>5} {'gold':>5} {'prec':>6} {'recall':>6} {'date':>6}")
    tot = [0, 0, 0, 0, 0]
    for etype in sorted(table):
        tp_p, n_p, tp_g, n_g, d = table[etype]
        tot = [a + b for a, b in zip(tot, table[etype])]
        prec = f"{tp_p / n_p:.2f}" if n_p else "-"
        rec = f"{tp_g / n_g:.2f}" if n_g else "-"
        dat = f"{d / tp_g:.2f}" if tp_g else "-"
        print(f"{etype:<10} {n_p:>5} {n_g:>5} {prec:>6} {rec:>6} {dat:>6}")
    tp_p, n_p, tp_g, n_g, d = tot
    overall = {
        "precision": tp_p / n_p if n_p else 0.0, "recall": tp_g / n_g if n_g else 0.0,
        "date_accuracy": d / tp_g if tp_g else 0.0,
    }  # fmt: skip
    print(f"{'ALL':<10} {n_p:>5} {n_g:>5} {overall['precision']:>6.2f} {overall['recall']:>6.2f} {overall['date_accuracy']:>6.2f}")
    return overall


def report(name: str, events: pd.DataFrame, mentions: pd.DataFrame, gold: dict, n_docs: int, errors: bool) -> dict:
    """Print the strict and lenient tables of one annotated set (and its errors); return the overall numbers."""
    events = events[events.event_id.map(mentions.groupby("event_id").doc_id.first()).isin(set(gold))]
    table, false_pos, misses = score(events, mentions, gold)
    n_pred = len(events)
    print(f"\n=== {name}: {n_docs} articles, {sum(len(v or []) for v in gold.values())} gold events, {n_pred} predicted events")
    print("\nSTRICT (type, polarity, modality, actor and recipient all right)")
    overall = print_table(table)
    lenient, _, _ = score(events, mentions, gold, lenient=True)
    print("\nLENIENT (an event whose recipient the pipeline left empty still counts)")
    overall["lenient"] = print_table(lenient)
    if errors:
        print("\nFALSE POSITIVES")
        for doc_id, summary, modality, negated in false_pos:
            print(f"  {doc_id}: {summary} [{modality}{', negated' if negated else ''}]")
        print("\nMISSES")
        for doc_id, g in misses:
            print(f"  {doc_id}: {g}")
    return overall


def main(argv: list[str] | None = None) -> dict[str, dict]:
    """Run the evaluation on the chosen set(s) and print the tables (and, with --errors, every miss and false alarm)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", dest="which", choices=[*SETS, "all"], default="all")
    ap.add_argument("--devset", type=Path, default=None, help="score this folder instead (overrides --set)")
    ap.add_argument("--errors", action="store_true", help="list false positives and misses")
    args = ap.parse_args(argv)
    if args.devset is not None:
        folders = {args.devset.name: args.devset}
    else:
        folders = {k: v for k, v in SETS.items() if args.which in (k, "all")}
    loaded = {name: load_devset(folder) for name, folder in folders.items()}
    docs = pd.concat([d for d, _ in loaded.values()], ignore_index=True)
    nlp = load_pipeline()
    # One pipeline run over every article: each is its own story, so the sets do not interact.
    mentions = extract_mentions(docs, timexes_frame(docs), nlp)
    events, mentions = merge_mentions(mentions, docs)
    return {name: report(name, events, mentions, gold, len(d), args.errors) for name, (d, gold) in loaded.items()}


if __name__ == "__main__":
    main()
