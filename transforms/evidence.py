"""Evidence of an event mention: its sentence and clause spans in the clean text, and the
temporal expressions allowed to date it (the anchor stage chooses among them)."""

from __future__ import annotations

import pandas as pd

from transforms.triggers import Lexicon


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs (separated by a blank line)."""
    spans, pos = [], 0
    for block in text.split("\n\n"):
        spans.append((pos, pos + len(block)))
        pos += len(block) + 2
    return spans


_TERMINAL = (".", "!", "?", "»", '"', "…", ":")


def sentence_span(token, paragraph: tuple[int, int]) -> tuple[int, int]:
    """Character span of a token's sentence, repaired and kept inside its paragraph.

    spaCy sometimes cuts a sentence where its parse breaks ("... Kim Jong | Un en juillet.") and
    sometimes runs one across a blank line: pieces are joined until one ends with final punctuation,
    then the span is clipped to the paragraph.
    """
    doc = token.doc
    sent = token.sent
    start, end = sent.start, sent.end
    while start > 0:
        prev = doc[start - 1].sent
        if prev.text.rstrip().endswith(_TERMINAL) or prev.end_char <= paragraph[0]:
            break
        start = prev.start
    while end < len(doc) and not doc[start:end].text.rstrip().endswith(_TERMINAL):
        nxt = doc[end].sent
        if nxt.start_char >= paragraph[1]:
            break
        end = nxt.end
    s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return max(s_char, paragraph[0]), min(e_char, paragraph[1])


def _clause_head(trigger):
    """The verb heading the trigger's clause: itself, or for a nominal event the verb governing it."""
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    # A nominal event is dated by the clause of the verb that governs it (at most 3 levels up).
    node = trigger
    for _ in range(3):
        if node.head is node:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return trigger


def clause_span(trigger, sentence: tuple[int, int]) -> tuple[int, int]:
    """Character span of the clause a trigger belongs to: its verb's subtree, within the sentence."""
    head = _clause_head(trigger)
    toks = [t for t in head.subtree if sentence[0] <= t.idx < sentence[1]] or [trigger]
    return toks[0].idx, min(toks[-1].idx + len(toks[-1]), sentence[1])


def modifier_clauses(trigger, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """Spans of clauses that modify another noun of the trigger's clause ("la levée des restrictions
    IMPOSÉES EN 2019"): their dates belong to that noun, not to the event (the trigger's own modifiers,
    "l'attaque MENÉE MARDI", are kept)."""
    out = []
    # the whole sentence: a gerund ("cédant ainsi à la demande") has no date of its own, and the one
    # the sentence falls back to must not be a noun's ("la mission DÉPLOYÉE AU MALI DEPUIS 2013")
    for tok in trigger.sent:
        noun_modifier = tok.dep_ in ("acl", "acl:relcl") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != trigger.i
        if not (noun_modifier or (_detached_participle(tok) and tok.i != trigger.i)):
            continue
        sub = list(tok.subtree)
        if any(t.i == trigger.i for t in sub):
            continue
        lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
        if sentence[0] <= lo < sentence[1]:
            out.append((lo, hi))
    return out


def _detached_participle(tok) -> bool:
    """A past participle the parser hangs on the verb although it qualifies a noun ("a libéré Alan
    Gross, ARRÊTÉ EN DÉCEMBRE 2009 par les autorités"): its dates are the noun's."""
    return (
        tok.dep_ == "advcl" and "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense")
        and not any(c.dep_.startswith("aux") for c in tok.children)
    )  # fmt: skip


def dating_timexes(doc, timexes: list, lexicon: Lexicon) -> list:
    """Timexes that can date an event: not those that only modify a noun ("l'accord DE 2015")."""
    out = []
    for t in timexes:
        span = doc.char_span(t.char_start, t.char_end, alignment_mode="expand")
        if span is None:
            out.append(t)
            continue
        root = span.root
        head = root.head
        introduced_by_de = any(c.dep_ == "case" and c.lower_ in ("de", "du", "d'", "d’", "des") for c in root.children)
        if (
            root.dep_ == "nmod" and introduced_by_de and head.pos_ in ("NOUN", "PROPN")
            and head.i not in range(span.start, span.end) and head.lemma_.lower() not in lexicon.date_containers
        ):
            continue
        since = any(c.dep_ == "case" and c.lower_ == "depuis" for c in root.children)
        if since and head.pos_ in ("NOUN", "PROPN", "ADJ") and head.i not in range(span.start, span.end):
            continue  # "le régime, au pouvoir DEPUIS 1969": how long a state has lasted, no date of an act
        out.append(t)
    return out


def own_clause(verb, sentence: tuple[int, int]) -> tuple[int, int]:
    """Span of a reporting verb with its own dependents but without its complement clause."""
    toks = [verb] + [t for c in verb.children if c.dep_ not in ("ccomp", "parataxis", "xcomp") for t in c.subtree]
    toks = [t for t in toks if sentence[0] <= t.idx < sentence[1]] or [verb]
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


def timex_objects(frame: pd.DataFrame) -> dict[str, list]:
    """Timex objects per doc_id from the temporal stage's frame."""
    if frame is None or frame.empty:
        return {}
    from transforms.temporal import Timex

    out: dict[str, list] = {}
    for row in frame.itertuples(index=False):
        out.setdefault(row.doc_id, []).append(
            Timex(int(row.char_start), int(row.char_end), row.text, row.kind,
                  as_date(row.date_start), as_date(row.date_end), row.date_precision, row.rule)
        )  # fmt: skip
    return out


def as_date(value):
    """A datetime.date from a date, Timestamp or None/NaT."""
    if value is None or (not hasattr(value, "year")) or pd.isna(value):
        return None
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def dct_interval(row) -> object:
    """The document creation time as a temporal Interval, or None."""
    from transforms.temporal import dct_of

    return dct_of(getattr(row, "published_start", None), getattr(row, "published_end", None),
                  getattr(row, "published_precision", None))
