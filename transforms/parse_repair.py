"""Repair the attachment errors fr_core_news_md makes most often in news sentences, before events are coded.

The parser takes a bare time noun after a verb for the head of the object that follows it ("a critiqué
DIMANCHE des bombardements": bombardements hangs under dimanche), an indefinite object after a place
adjunct for an apposition of that place ("ont conclu mardi À VIENNE un accord"), the main verb after a
subject's relative clause for a conjunct of that clause ("Les deux hommes, qui ..., SE SONT SERRÉ la
main"), and hangs names and second titles on the wrong title ("l'accord du président russe DMITRI
MEDVEDEV", "le président X ET LE CHEF des FARC, Y"). Every reader of the parse (triggers' object
conditions, roles, modality) then misses the object or the party. One pass here moves such words back,
so no reader needs its own workaround. Only attachments are changed; words, tags and entities stay as
spaCy made them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Determiners that open a new indefinite object: an apposition proper is definite or bare and set off
# by a comma ("à Vienne, la capitale autrichienne"); "à Vienne UN accord" is the verb's object.
_INDEFINITE = frozenset({"un", "une", "des", "du", "de", "d'", "d’", "plusieurs", "quelques", "toute", "tout", "tous", "toutes", "aucun", "aucune"})
_PARTITIVE = frozenset({"des", "du", "de", "d'", "d’"})
_OBJECT_DEPS = frozenset({"obj", "nmod", "appos"})


@dataclass(frozen=True)
class Repair:
    """One attachment moved: the word, its old head, its new head and new relation."""

    token: int
    old_head: int
    new_head: int
    dep: str


def _verb_object(verb, skip) -> object | None:
    """The verb's direct object other than `skip`, or None."""
    return next((c for c in verb.children if c.dep_ == "obj" and c.i != skip.i), None)


def _has_case(token) -> bool:
    """True if a preposition (not a partitive article) introduces the token."""
    return any(c.dep_ == "case" and c.lower_ not in _PARTITIVE for c in token.children)


def _reattach(token, verb) -> Repair:
    """Hang `token` under `verb` as its object; a partitive "des" tagged as a preposition becomes its determiner."""
    move = _move(token, verb, "obj")
    for c in token.children:
        if c.dep_ == "case" and c.lower_ in _PARTITIVE:
            c.dep_ = "det"
    return move


def _swallowed_by_time(tnoun, time_nouns) -> object | None:
    """The object a bare time noun right after its verb has swallowed ("a critiqué DIMANCHE des bombardements")."""
    verb = tnoun.head
    if tnoun.lemma_.lower() not in time_nouns or verb.pos_ not in ("VERB", "AUX") or verb.i > tnoun.i:
        return None
    if _has_case(tnoun) or tnoun.dep_ not in ("obj", "obl:mod", "obl", "nmod"):
        return None  # "en mars des sanctions": a dated adjunct, not a misparse of the bare-noun kind
    for c in tnoun.children:
        if c.i < tnoun.i or c.pos_ not in ("NOUN", "PROPN") or c.dep_ not in _OBJECT_DEPS:
            continue
        if c.lemma_.lower() in time_nouns or _has_case(c):
            return None  # "jeudi soir", "mardi de la semaine dernière"
        if any(t.is_punct for t in tnoun.doc[tnoun.i + 1 : c.i]):
            return None
        return c
    return None


def _swallowed_by_place(noun) -> object | None:
    """The verb whose indefinite object the parser hung as apposition of a place ("à Vienne UN accord")."""
    place = noun.head
    if noun.dep_ != "appos" or place.pos_ != "PROPN" or place.i > noun.i or not _has_case(place):
        return None
    if any(t.is_punct for t in noun.doc[place.i + 1 : noun.i]):
        return None
    det = next((c for c in noun.children if c.dep_ in ("det", "case") and c.i < noun.i), None)
    if det is None or det.lower_ not in _INDEFINITE:
        return None
    up = place.head
    while up.pos_ not in ("VERB", "AUX") and up.head is not up and up.i < noun.i:
        up = up.head  # the place may itself hang under the time noun ("mardi à Vienne")
    return up if up.pos_ in ("VERB", "AUX") and up.i < place.i else None


def _stranded_main_verb(noun) -> object | None:
    """The main verb the parser hung as a conjunct of the relative clause on its subject ("Les deux
    hommes, qui échangeaient des invectives, SE SONT SERRÉ la main": the noun left as root)."""
    if noun.dep_ != "ROOT" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    for rel in noun.children:
        if rel.dep_ != "acl:relcl" or rel.i < noun.i:
            continue
        for verb in rel.children:
            if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or verb.i < rel.i:
                continue
            if any(c.dep_.startswith("nsubj") for c in verb.children):
                return None  # a second relative verb with its own subject
            left = verb.left_edge
            if left.text != "," and (left.i == 0 or verb.doc[left.i - 1].text != ","):
                return None  # not set off by a comma: a verb of the relative clause itself
            if "Fin" not in verb.morph.get("VerbForm") and not any(
                c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm") for c in verb.children
            ):
                return None  # "..., avant de partir": no finite verb, no main clause
            return verb
    return None


def _promote(verb, noun) -> Repair:
    """Make `verb` the sentence's root with `noun` as its subject."""
    move = _move(verb, verb, "ROOT")  # the verb first: hung under the noun, it would make a cycle
    _move(noun, verb, "nsubj")
    return move


def _misplaced_conjunct(token) -> object | None:
    """The titled noun a coordinated title belongs with when the parser hung it on the name apposed to
    the first ("Le président colombien Juan Manuel Santos ET LE CHEF des FARC": chef is no conjunct of
    Santos but of président)."""
    name = token.head
    if token.dep_ != "conj" or token.pos_ != "NOUN" or name.dep_ not in ("appos", "flat:name") or name.pos_ != "PROPN":
        return None
    if not token.is_lower or not any(c.dep_ == "det" for c in token.children):
        return None
    title = name.head
    if title.pos_ != "NOUN" or not title.is_lower or not title.i < name.i < token.i:
        return None
    return title if _adjectives_only(title, name) else None


def _adjectives_only(title, name) -> bool:
    """True if only the title's adjectives stand between it and the name ("le président RUSSE Dmitri")."""
    return all(t.head.i == title.i and t.dep_ == "amod" for t in title.doc[title.i + 1 : name.i])


def _title_of_name(name) -> object | None:
    """The title a name follows when the parser hung the name on the noun above that title ("l'accord du
    président russe DMITRI MEDVEDEV": Medvedev is the president, not the agreement)."""
    if name.dep_ != "appos" or name.pos_ != "PROPN" or name.head.i > name.i:
        return None
    for title in name.head.children:
        if title.dep_ != "nmod" or title.pos_ != "NOUN" or not title.is_lower or not title.i < name.i:
            continue  # a lower-case title ("du président"), not a name part ("secrétaire d'ÉTAT John Kerry")
        definite = any(c.dep_ == "det" or "Def" in c.morph.get("Definite") for c in title.children if c.i < title.i)
        if definite and _adjectives_only(title, name):
            return title
    return None


def _move(token, head, dep: str) -> Repair:
    """Hang `token` under `head` with relation `dep`."""
    old = token.head.i
    token.head = head
    token.dep_ = dep
    return Repair(token.i, old, head.i, dep)


def repair(doc, time_nouns: frozenset[str]) -> list[Repair]:
    """Move objects swallowed by a time noun or a place adjunct back under their verb, and a main verb
    stranded in a relative clause back to the root, in place; return the moves."""
    moves: list[Repair] = []
    for token in doc:
        title = _misplaced_conjunct(token)
        if title is not None:
            moves.append(_move(token, title, "conj"))
            for app in list(title.children):
                if app.dep_ in ("appos", "conj") and app.pos_ == "PROPN" and app.i > token.i and doc[app.i - 1].text == ",":
                    moves.append(_move(app, token, "appos"))  # "..., Rodrigo Londoño": the second title's name
        title = _title_of_name(token)
        if title is not None:
            moves.append(_move(token, title, "appos"))
    for token in doc:
        main = _stranded_main_verb(token)
        if main is not None:
            moves.append(_promote(main, token))
    for token in doc:
        if token.dep_ == "obj" and token.lemma_.lower() in time_nouns and _verb_object(token.head, token) is not None:
            token.dep_ = "obl:mod"  # "ont signé MARDI à Singapour un document": the date is no object
        obj = _swallowed_by_time(token, time_nouns)
        if obj is not None:
            verb = token.head
            other = _verb_object(verb, token)
            if other is None or other.i == obj.i:
                if token.dep_ == "obj":
                    token.dep_ = "obl:mod"
                moves.append(_reattach(obj, verb))
            continue
        verb = _swallowed_by_place(token)
        other = _verb_object(verb, token) if verb is not None else None
        if verb is not None and (other is None or other.lemma_.lower() in time_nouns):
            for c in verb.children:
                if c.dep_ == "obj" and c.lemma_.lower() in time_nouns:
                    c.dep_ = "obl:mod"
            moves.append(_reattach(token, verb))
    return moves
