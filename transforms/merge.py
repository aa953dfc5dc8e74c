"""Merge event mentions across articles into events.

The rule (data contract)
------------------------
Two mentions are the same event when all of these hold:

1. Same ``event_type``, same ``negated`` and same ``modality``: a denied, future, hypothetical or
   proposed mention never merges with a realized one, so the events table never reports a denied or
   hypothetical event as realized.
2. Same actor and same recipient by canonical identity (``actor_id``/``recipient_id``). For symmetric
   events (CONSULT other than a visit, AGREE, COOPERATE) the pair is unordered: "Kim meets Putin" is
   "Putin meets Kim".
3. Their date intervals overlap the event's current interval, which is the intersection of the
   intervals of all its dated mentions (the narrowest interval consistent with every mention). A
   mention without a date is consistent with any interval. A mention dated only by its article's
   publication window (``date_method`` "dct_window": the text gives no date for it) must overlap
   too, but does not narrow an event that another mention dates from the text: the window is a
   default, not evidence.
4. Underspecified participants: within one story cluster (``story_id``) only, a mention whose actor
   or recipient is unknown (None), or is a generic population of a country ("un ressortissant
   slovaque" -> SVK.civilians), or whose date is unknown, joins an event that is otherwise identical
   and names a specific participant of that country -- and only if exactly one such event exists.
   Exact matches are always preferred.

Mentions are visited in a deterministic order (dated first, originals before copies, publication
date, first ingestion, doc_id, character offset); the
``event_id`` is "e" + 16 hex derived from the event's first (canonical) mention id, so re-runs and
added articles keep ids unless a new mention sorts earlier. Counts: ``num_mentions`` every mention,
``num_documents`` distinct articles after mapping each copy to its original (``duplicate_of``),
``num_stories`` distinct ``story_id`` (a document without one counts as its own story). The event
takes the most specific participants, the intersected interval, the first claimant named, and the
highest mention confidence raised by corroboration (1 - prod(1 - c_i)), capped at 0.99.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

EVENT_COLUMNS = [
    "event_id", "event_type", "event_mode", "actor", "actor_id", "actor_country",
    "recipient", "recipient_id", "recipient_country", "date_start", "date_end", "date_precision",
    "summary", "modality", "negated", "claimed_by", "num_mentions", "num_documents", "num_stories",
    "confidence",
]  # fmt: skip
_SYMMETRIC_TYPES = frozenset({"AGREE", "COOPERATE"})
# Date methods that only default to the article's publication window (see rule 3).
DEFAULT_DATE_METHODS = frozenset({"dct_window"})
_VERBS = {
    "AGREE": "agrees with", "CONSULT": "consults", "SUPPORT": "supports", "CONCEDE": "concedes to",
    "COOPERATE": "cooperates with", "AID": "aids", "RETREAT": "retreats from", "REQUEST": "requests of",
    "ACCUSE": "accuses", "REJECT": "rejects", "THREATEN": "threatens", "PROTEST": "protests against",
    "SANCTION": "sanctions", "MOBILIZE": "mobilizes against", "COERCE": "coerces", "ASSAULT": "attacks",
}  # fmt: skip


@lru_cache(maxsize=1)
def _population_suffixes() -> frozenset[str]:
    """Actor-id suffixes that name a country's population rather than one actor (from the actors data)."""
    try:
        from transforms.actors import load_gazetteer

        labels = load_gazetteer().suffix_labels
        return frozenset(k for k, v in labels.items() if "person" in (v if isinstance(v, tuple) else (v,)))
    except (ImportError, OSError, AttributeError, TypeError):
        return frozenset({"civilians"})


def is_generic(actor_id: str | None) -> bool:
    """True for an id that names a population ("SVK.civilians"), not one actor."""
    if not actor_id or "." not in actor_id:
        return False
    return actor_id.split(".", 1)[1] in _population_suffixes()


def _isna(value) -> bool:
    """None, NaN or NaT."""
    return value is None or (not isinstance(value, str) and pd.isna(value))


@dataclass
class _Event:
    """A cluster of mentions being built."""

    key: tuple  # (event_type, negated, modality)
    actor: dict
    recipient: dict
    symmetric: bool
    textual: tuple | None = None  # intersection of the intervals the text gives
    default: tuple | None = None  # intersection of the publication-window defaults
    stories: set = field(default_factory=set)
    rows: list = field(default_factory=list)

    @property
    def start(self):
        """Start of the event's interval: the text's dates, else the publication-window defaults."""
        interval = self.textual or self.default
        return interval[0] if interval else None

    @property
    def end(self):
        """End of the event's interval (see start)."""
        interval = self.textual or self.default
        return interval[1] if interval else None


def _party(row, prefix: str) -> dict:
    """{name, id, country} of the actor or recipient of a mention row."""
    pid = getattr(row, f"{prefix}_id")
    return {
        "name": None if _isna(getattr(row, prefix)) else getattr(row, prefix),
        "id": None if _isna(pid) else pid,
        "country": None if _isna(getattr(row, f"{prefix}_country")) else getattr(row, f"{prefix}_country"),
    }


def _party_match(event_party: dict, party: dict) -> str | None:
    """"exact", "loose" (unknown or population vs. a specific actor of that country) or None."""
    a, b = event_party["id"], party["id"]
    if a == b:
        return "exact"
    if a is None or b is None:
        return "loose"
    if is_generic(a) != is_generic(b) and event_party["country"] and event_party["country"] == party["country"]:
        return "loose"
    return None


def _intersect(current: tuple | None, start, end) -> tuple:
    """[start, end] intersected with the current interval (None: no interval yet)."""
    if current is None:
        return (start, end)
    return (max(current[0], start), min(current[1], end))


def _overlap(ev: _Event, start, end) -> bool:
    """True if [start, end] is consistent with the event's interval (unknown dates always are)."""
    if start is None or ev.start is None:
        return True
    return start <= ev.end and ev.start <= end


def _match(ev: _Event, actor: dict, recipient: dict, start, end) -> str | None:
    """How a mention fits an event: "exact", "loose" or None."""
    if not _overlap(ev, start, end):
        return None
    pairs = [(actor, recipient)]
    if ev.symmetric:
        pairs.append((recipient, actor))
    best = None
    for a, r in pairs:
        ma, mr = _party_match(ev.actor, a), _party_match(ev.recipient, r)
        if ma and mr:
            if ma == mr == "exact" and (start is not None) == (ev.start is not None):
                return "exact"
            best = "loose"
    return best


def _specific(current: dict, new: dict) -> dict:
    """The more specific of two descriptions of the same participant."""
    if current["id"] is None or (is_generic(current["id"]) and new["id"] is not None and not is_generic(new["id"])):
        return new
    return current


def _precision(start, end, precisions: list[str]) -> str | None:
    """Precision of the merged interval (the temporal stage's rule), else the finest among mentions."""
    if start is None:
        return None
    try:
        from transforms.temporal import precision_of_span

        return precision_of_span(start, end)
    except ImportError:
        order = ["day", "week", "month", "quarter", "season", "year"]
        known = [p for p in precisions if p in order]
        return min(known, key=order.index) if known else None


def _summary(etype: str, actor: str | None, recipient: str | None, start, end, precision) -> str:
    """One line: "United States accuses Russia (2023-03)"."""
    verb = _VERBS.get(etype, etype.lower())
    who = actor or "Someone"
    text = f"{who} {verb} {recipient}" if recipient else f"{who}: {etype.lower()}"
    if start is not None:
        when = start.isoformat()
        whole_month = end is not None and start.day == 1 and (end + timedelta(days=1)).day == 1 and (start.year, start.month) == (end.year, end.month)
        whole_year = end is not None and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year
        # the short forms only for an interval that is exactly that month or year: Oct 2022 - Mar 2023
        # is written out, not shortened to "2022"
        if precision == "month" and whole_month:
            when = start.strftime("%Y-%m")
        elif precision == "year" and whole_year:
            when = str(start.year)
        elif end is not None and end != start:
            when = f"{start.isoformat()}..{end.isoformat()}"
        text += f" ({when})"
    return text


def merge_mentions(mentions: pd.DataFrame, docs: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group mentions into events by the module's rule; returns (events, mentions with event_id)."""
    if mentions.empty:
        out = mentions.copy()
        out["event_id"] = pd.Series(dtype=object)
        return pd.DataFrame(columns=EVENT_COLUMNS), out
    meta = docs.set_index("doc_id")
    canon = {d: (d if _isna(r.duplicate_of) else r.duplicate_of) for d, r in meta.iterrows()}
    story = {d: (d if _isna(r.story_id) else r.story_id) for d, r in meta.iterrows()}
    published = {d: (pd.Timestamp.max if _isna(r.published_start) else pd.Timestamp(r.published_start)) for d, r in meta.iterrows()}
    first_seen = (
        {d: (pd.Timestamp.max if _isna(v) else pd.Timestamp(v)) for d, v in meta["ingested_at"].items()}
        if "ingested_at" in meta.columns else {}
    )
    # Copies sort after originals and later arrivals after earlier ones, so a copy or a new
    # article added later does not become an event's first mention and change its id.
    order = mentions.assign(
        _pub=mentions["doc_id"].map(lambda d: published.get(d, pd.Timestamp.max)),
        _dated=mentions["date_start"].map(_isna),
        _copy=mentions["doc_id"].map(lambda d: canon.get(d, d) != d),
        _seen=mentions["doc_id"].map(lambda d: first_seen.get(d, pd.Timestamp.max)),
    ).sort_values(["_dated", "_copy", "_pub", "_seen", "doc_id", "char_start", "mention_id"], kind="stable")
    events: list[_Event] = []
    assignment: dict[str, int] = {}
    for row in order.itertuples(index=False):
        key = (row.event_type, bool(row.negated), row.modality)
        actor, recipient = _party(row, "actor"), _party(row, "recipient")
        start = None if _isna(row.date_start) else pd.Timestamp(row.date_start).date()
        end = None if _isna(row.date_end) else pd.Timestamp(row.date_end).date()
        sid = story.get(row.doc_id, row.doc_id)
        symmetric = row.event_type in _SYMMETRIC_TYPES or (row.event_type == "CONSULT" and row.event_mode != "visit")
        exact, loose = [], []
        for k, ev in enumerate(events):
            if ev.key != key:
                continue
            how = _match(ev, actor, recipient, start, end)
            if how == "exact":
                exact.append(k)
            elif how == "loose" and sid in ev.stories:
                loose.append(k)
        if exact:
            k = exact[0]
        elif len(loose) == 1:
            k = loose[0]
        else:
            events.append(_Event(key, actor, recipient, symmetric))
            k = len(events) - 1
        ev = events[k]
        if ev.rows and ev.symmetric and _party_match(ev.actor, actor) is None:
            actor, recipient = recipient, actor
        ev.actor, ev.recipient = _specific(ev.actor, actor), _specific(ev.recipient, recipient)
        if start is not None:
            if getattr(row, "date_method", None) in DEFAULT_DATE_METHODS:
                ev.default = _intersect(ev.default, start, end)
            else:
                ev.textual = _intersect(ev.textual, start, end)
        ev.stories.add(sid)
        ev.rows.append(row)
        assignment[row.mention_id] = k
    records, ids = [], {}
    for k, ev in enumerate(events):
        first = ev.rows[0]
        eid = "e" + hashlib.sha1(first.mention_id.encode("utf-8")).hexdigest()[:16]
        ids[k] = eid
        precision = _precision(ev.start, ev.end, [r.date_precision for r in ev.rows if not _isna(r.date_precision)])
        modes = Counter(r.event_mode for r in ev.rows if not _isna(r.event_mode))
        claims = [r.claimed_by for r in ev.rows if not _isna(r.claimed_by)]
        conf = 1.0
        for r in ev.rows:
            conf *= 1.0 - float(r.confidence)
        records.append({
            "event_id": eid, "event_type": ev.key[0], "event_mode": modes.most_common(1)[0][0] if modes else None,
            "actor": ev.actor["name"], "actor_id": ev.actor["id"], "actor_country": ev.actor["country"],
            "recipient": ev.recipient["name"], "recipient_id": ev.recipient["id"],
            "recipient_country": ev.recipient["country"],
            "date_start": ev.start, "date_end": ev.end, "date_precision": precision,
            "summary": _summary(ev.key[0], ev.actor["name"], ev.recipient["name"], ev.start, ev.end, precision),
            "modality": ev.key[2], "negated": ev.key[1], "claimed_by": claims[0] if claims else None,
            "num_mentions": len(ev.rows),
            "num_documents": len({canon.get(r.doc_id, r.doc_id) for r in ev.rows}),
            "num_stories": len({story.get(r.doc_id, r.doc_id) for r in ev.rows}),
            "confidence": round(min(0.99, max(1.0 - conf, max(float(r.confidence) for r in ev.rows))), 3),
        })  # fmt: skip
    events_df = pd.DataFrame(records, columns=EVENT_COLUMNS)
    out = mentions.copy()
    out["event_id"] = out["mention_id"].map(lambda m: ids[assignment[m]])
    return events_df, out
