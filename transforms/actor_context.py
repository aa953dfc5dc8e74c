"""What a document itself says about its actors: bodies it defines by an acronym, the country it is
about, the last armed group or organisation it named. Used by transforms/coref.py to resolve
descriptions ("la junte", "les rebelles", "l'organisation") that name no one.

Every function takes the document's gazetteer matches: (start, end, Actor) sorted by start.
"""

from __future__ import annotations

import re

from transforms.actor_text import fold, slug, tokens
from transforms.actors import Actor, Gazetteer

# "Front pour l'alternance et la concorde au Tchad (FACT)": an acronym defined in parentheses.
_ACRONYM_DEF = re.compile(r"\s\(([A-Z][A-Z0-9-]{1,7})\)")
# Words around a defined acronym that make it an armed group (folded): "les rebelles du Front ... (FACT)".
_ARMED_CUES = frozenset(
    "rebelles rebelle rebellion arme armes armee milice miliciens jihadiste jihadistes djihadiste "
    "djihadistes insurges gang gangs".split()
)


def acronym_bodies(gaz: Gazetteer, text: str, known: list) -> list[tuple[int, int, Actor]]:
    """Unlisted bodies the article defines by "Long Name (ACRONYM)": every mention of either names them."""
    out: list[tuple[int, int, Actor]] = []
    seen: set[str] = set()
    for m in _ACRONYM_DEF.finditer(text):
        acr = m.group(1)
        if acr in seen or gaz.lookup(acr) is not None or any(s <= m.start(1) < e for s, e, _ in known):
            continue
        base = max(0, m.start() - 120)
        words = list(re.finditer(r"[\w-]+", text[base:m.start()]))[-14:]
        # The long name starts at the first capitalised word with the acronym's initial.
        heads = [w for w in words if w.group()[0].isupper() and fold(w.group()[0]) == fold(acr[0])]
        if not heads:
            continue
        lo, long_end = base + heads[0].start(), base + words[-1].end()
        around = tokens(text[max(0, lo - 40):long_end])
        armed = any(t[2] in _ARMED_CUES or (t[2],) in gaz.descriptions for t in around)
        actor = Actor(
            f"grp:{slug(acr)}", acr, None, "armed_group" if armed else "unknown",
            "group" if armed else "institution",
        )
        seen.add(acr)
        out.append((lo, long_end, actor))
        for use in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", text):
            if not any(s <= use.start() < e for s, e, _ in known):
                out.append((use.start(), use.end(), actor))
    return out


def host_country(gaz: Gazetteer, matches: list, offset: int, whole: bool = False) -> Actor | None:
    """The country the article is about before offset: most cited (persons and state bodies count for
    theirs), first cited on ties; with whole, the whole text when none is named before ("Les gangs ont
    attaqué ... au Honduras"). Not the last one named: in "La Chine a appelé la junte", the junta is not Chinese."""
    counts: dict[str, int] = {}
    for limit in (offset, float("inf")) if whole else (offset,):
        for ms, _me, actor in matches:
            if ms >= limit:
                break
            if actor.country and actor.kind in ("country", "person", "institution"):
                counts[actor.country] = counts.get(actor.country, 0) + 1
        if counts:
            break
    if not counts:
        return None
    best = max(counts.values())
    iso = next(c for c in counts if counts[c] == best)  # dicts keep first-mention order
    return gaz.by_id.get(iso)


def last_group(matches: list, offset: int) -> Actor | None:
    """Last armed group named before offset ("les rebelles" after "le FACT")."""
    for ms, _me, actor in reversed(matches):
        if ms < offset and actor.kind == "group" and actor.sector == "armed_group":
            return actor
    return None


def last_organisation(matches: list, offset: int) -> Actor | None:
    """Last international organisation named before offset ("l'organisation" after "la Cédéao")."""
    for ms, _me, actor in reversed(matches):
        if ms < offset and actor.kind == "institution" and actor.sector == "igo":
            return actor
    return None


def party_side(actor: Actor) -> str:
    """The side an actor stands for: its country when it has one, else itself; an armed group is its
    own side even when it has a country (Wagner against the Russian army, the M23 against Kinshasa).
    Unlike transforms.discourse.side_key, which pairs up the two sides of a dispute the article has
    already coded and so keeps a group with its country's side."""
    if actor.kind == "group":
        return actor.actor_id
    return actor.country or actor.actor_id


def focus_party(gaz: Gazetteer, matches: list, exclude: set[str]) -> Actor | None:
    """The party the article is mostly about, other than the sides in exclude (ISO codes or actor ids):
    a state counts every mention of it and of its organs and officials, an organisation or armed group
    its own; the most cited wins, then the first cited. Used as the implicit target of an act that names
    none ("Guterres a condamné toute prise du pouvoir par la force" in an article on Guinea). Counting
    the whole article beat preferring a party of the event's own sentence on all three annotated sets."""
    counts: dict[str, int] = {}
    first: dict[str, Actor] = {}
    for _ms, _me, actor in matches:
        if actor.kind not in ("country", "person", "institution", "group"):
            continue
        key = party_side(actor)
        if key in exclude:
            continue
        counts[key] = counts.get(key, 0) + 1
        if key not in first:
            first[key] = gaz.by_id.get(actor.country, actor) if key == actor.country else actor
    if not counts:
        return None
    # a state or an armed group before an international body: an organisation is rarely the unnamed
    # target of a condemnation or an attack, however often the article names it
    states = [k for k in first if first[k].kind in ("country", "group") or first[k].sector not in ("igo", "ngo")]
    pool = states or list(first)
    best = max(counts[k] for k in pool)
    return next(first[k] for k in pool if counts[k] == best)  # dicts keep first-mention order
