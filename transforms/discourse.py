"""Discourse-level roles the parse leaves implicit: who a judgement or an answer is addressed to, and
the subject of a non-finite verb the parser cut off from its clause.

Pure functions over spaCy tokens, called by transforms/events.py with the document's coding history
(`recent`: (type, actor) of the events coded so far; `targeted`: their (actor, recipient) pairs).
"""

from __future__ import annotations

from transforms.actor_context import party_side
from transforms.participants import ActorResolver, resolve_participant, subject_tokens
from transforms.roles import verbal_roles
from transforms.triggers import Lexicon, case_of, match_token

# Determiners by which a noun refers back to something already said ("CETTE accusation", "LA dernière").
DEMONSTRATIVE = frozenset({"ce", "cet", "cette", "ces"})
ANAPHORIC_DET = frozenset({"la", "le", "l'", "l’", "cette", "ce", "cet", "ces", "les"})
# Acts others react to ("a condamné ce tir"): what a demonstrative object of a condemnation refers to.
MATERIAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "AID", "RETREAT"})
SPEECH_ACTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "PROTEST"})
# Answers that may leave their addressee implicit, and how many coded pairs back one may look for it.
REACTIONS = frozenset({"ACCUSE", "REJECT", "THREATEN", "PROTEST", "CONCEDE"})  # CONCEDE: "a cédé le pouvoir" to the attacker
REACTION_WINDOW = 6
# Acts that call for an answer from their target (agreements, talks and help do not provoke a rebuttal).
PROVOKING = frozenset({"ACCUSE", "SANCTION", "ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "REQUEST", "PROTEST", "REJECT"})
# Verbs that judge an act, whose object may name that act instead of its author ("a condamné l'attaque").
JUDGEMENTS = frozenset({"ACCUSE", "REJECT", "SUPPORT"})


def entry_type(token, lexicon: Lexicon) -> str | None:
    """PLOVER type a token triggers, or None."""
    entry = match_token(token, lexicon)
    return entry.type if entry is not None else None


def stranded_subject(verb, resolver: ActorResolver, reporting: frozenset, side) -> list:
    """Subject of a non-finite verb the parse cut off from its clause.

    "Des militaires ont annoncé à la télévision avoir renversé le président" (the infinitive hung under
    "télévision"): the subject of the nearest reporting verb before it; "X a imposé des taxes,
    accusant Pékin ..." (the participle hung under a noun): the subject of the nearest finite verb.
    """
    if verb.head.pos_ in ("VERB", "AUX") and verb.head is not verb:
        return []  # attached to a verb: the parse is right that the subject is unknown ("reprocher à X d'avoir")
    forms = verb.morph.get("VerbForm")
    if "Inf" in forms or any(a.dep_.startswith("aux") and "Inf" in a.morph.get("VerbForm") for a in verb.children):
        wanted = lambda t: t.lemma_.lower() in reporting  # noqa: E731
    elif "Part" in forms and "Pres" in verb.morph.get("Tense"):
        wanted = lambda t: "Fin" in t.morph.get("VerbForm") or any(a.dep_.startswith("aux") for a in t.children)  # noqa: E731
    else:
        return []
    for tok in reversed(verb.doc[verb.sent.start:verb.i]):
        if tok.pos_ == "VERB" and wanted(tok):
            found = [a for a in (resolve_participant(s, resolver, side) for s in subject_tokens(tok)) if a is not None]
            if found:
                return found[:1]
            return []
    return []


_DE = frozenset({"de", "d'", "d’", "du", "des"})
_INF_CLITICS = frozenset({"ne", "n'", "n’", "pas", "plus", "jamais", "se", "s'", "s’", "en", "y", "lui", "leur", "le", "la", "les", "l'", "l’"})


def noun_controlled_subject(verb, resolver: ActorResolver, lexicon: Lexicon) -> list:
    """Who does an infinitive governed by a control noun: the names between them ("la décision DE
    l'Arabie saoudite, des Émirats arabes unis et de l'Égypte DE rompre" -> the four states).

    Read off the surface, because spaCy hangs such infinitives on the last name of the list."""
    if "Inf" not in verb.morph.get("VerbForm"):
        return []
    doc = verb.doc
    i = verb.i - 1
    while i > 0 and doc[i].lower_ in _INF_CLITICS:
        i -= 1  # "de NE PAS fournir", "de SE retirer"
    if doc[i].lower_ not in _DE:
        return []
    j, found = i - 1, []
    while j >= 0 and doc[j].text not in (".", ";", ":", "!", "?"):
        actor = resolver.covering_actor(doc[j])
        if actor is not None:
            if all(actor.actor_id != a.actor_id for a in found):
                found.append(actor)
            start = resolver.covering_start(doc[j])
            while j >= 0 and doc[j].idx >= start:
                j -= 1
        elif doc[j].lower_ in (",", "et") or doc[j].pos_ == "DET" or doc[j].lower_ in _DE:
            j -= 1
        else:
            break
    if not found or j < 0 or doc[j].lemma_.lower() not in lexicon.control_nouns or doc[j + 1].lower_ not in _DE:
        return []
    return list(reversed(found))


def _referred_act(verb, lexicon: Lexicon):
    """(object noun, its determiners) of a judgement verb, through frame nouns ("la tentative DE coup")."""
    obj = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ == "NOUN"), None)
    if obj is None:
        return None, set()
    dets = {d.lower_ for d in obj.children if d.dep_ == "det"}
    if obj.lemma_.lower() in lexicon.frame_nouns:
        inner = next((c for c in obj.children if c.dep_ == "nmod" and case_of(c) == "de" and c.pos_ == "NOUN"), None)
        if inner is not None:
            obj = inner
    return obj, dets


def implicit_recipients(token, entry, actors, resolver: ActorResolver, recent: list, targeted: list, lexicon: Lexicon, side) -> list:
    """Recipient a verb leaves implicit: the author of the act it judges, or its governing act's target."""
    others = lambda pool: [a for a in pool if all(a.actor_id != b.actor_id for b in actors)]  # noqa: E731
    if entry.type in JUDGEMENTS and recent:
        # "a condamné CE tir", "a rejeté CET appel", "a regretté LA décision": the last such act's author.
        obj, dets = _referred_act(token, lexicon)
        if obj is not None:
            wanted = entry_type(obj, lexicon)
            act_noun = obj.lemma_.lower() in lexicon.act_nouns
            refers = bool(dets & DEMONSTRATIVE) or (bool(dets & ANAPHORIC_DET) and (wanted or act_noun))
            if entry.type == "REJECT" and wanted in ("ACCUSE", "REQUEST", "THREATEN"):
                refers = True  # "a rejeté une accusation": a denial answers whoever made it
            if refers:
                if wanted:
                    pool = [a for t, a in recent if t == wanted]
                else:
                    pool = [a for t, a in recent if t in MATERIAL]
                pool = others(pool)
                if pool:
                    return [pool[-1]]
    if entry.type in ("ACCUSE", "THREATEN", "REQUEST", "REJECT") and token.dep_ == "advcl":
        # "a rompu ses relations avec Quito, DÉNONÇANT une violation": the governing act's target.
        head = token.head
        head_entry = match_token(head, lexicon) if head.pos_ == "VERB" else None
        if head_entry is not None and head_entry.type not in JUDGEMENTS:
            _, head_recips = verbal_roles(head, head_entry, resolver, lexicon, side)
            if others(head_recips):
                return others(head_recips)
    if entry.type == "REQUEST" and targeted:
        # "a exigé la libération du président": asked of whoever holds him, the author of the act against him.
        held = _released(token, resolver, lexicon)
        if held is not None:
            for author, target in reversed(targeted):
                if target.actor_id == held.actor_id and author.actor_id != held.actor_id:
                    return others([author])
    if entry.type in REACTIONS and targeted and entry.mode != "demonstrate":  # street protests are domestic
        # "Le Kremlin a démenti", "Pékin a dénoncé un protectionnisme": one who was just the target of
        # an act and answers without naming anyone answers its author.
        # yielding power to rebels of one's own country: there the armed group is a side of its own
        key = party_side if entry.type == "CONCEDE" else side_key
        sides = {key(a) for a in actors}
        for author, target in reversed(targeted[-REACTION_WINDOW:]):
            if key(target) in sides and key(author) not in sides:
                return [author]
    return []


def _released(token, resolver: ActorResolver, lexicon: Lexicon):
    """The person a request asks to free ("exiger LA LIBÉRATION DE X", "appeler à LIBÉRER X"), or None."""
    release = lexicon.__dict__.get("_release_lemmas")
    if release is None:  # lemmas of the lexicon's release entries (libérer, libération, relâcher...)
        release = {e.lemma for es in (*lexicon.verbs.values(), *lexicon.nouns.values()) for e in es if e.mode == "release"}
        lexicon.__dict__["_release_lemmas"] = release
    for child in token.children:
        if child.lemma_.lower() not in release:
            continue
        for held in child.children:
            if held.dep_ in ("obj", "nmod") and held.pos_ in ("NOUN", "PROPN") and case_of(held) in ("", "de"):
                actor = resolve_participant(held, resolver)
                if actor is not None:
                    return actor
    return None


def state_of(actor, resolver: ActorResolver):
    """The country actor an actor belongs to (itself for a country), or None."""
    if actor.country is None or resolver.gazetteer is None:
        return None
    return resolver.gazetteer.by_id.get(actor.country)


def side_key(actor) -> str:
    """The side an actor stands for: its country when it has one (a minister is his state), else itself."""
    return actor.country or actor.actor_id


# Nouns by which "les deux X" can only mean two states.
_STATE_NOUNS = frozenset({"pays", "voisin", "état", "capitale", "gouvernement", "nation"})


def _is_state_side(actor) -> bool:
    """A state or one of its organs or officials (not an organisation, a rebel group or an unknown body)."""
    return bool(actor.country) and getattr(actor, "kind", None) in ("country", "institution", "person")


def both_sides(verb, targeted: list, recent: list, deps: tuple[str, ...] = ("nsubj", "nsubj:pass"), exclude=()) -> list:
    """The two sides "les deux parties / pays / dirigeants" (the verb's subject, or its object with
    deps=("obj",)) refers back to: the last pair of distinct sides coded before (an author and its
    target), else the last two distinct sides that acted; sides in `exclude` are skipped."""
    noun = next((c for c in verb.children if c.dep_ in deps), None)
    if noun is None or noun.pos_ != "NOUN" or "Plur" not in noun.morph.get("Number"):
        return []
    if not any(c.dep_ == "nummod" and c.lower_ == "deux" for c in noun.children):
        return []
    skip = {side_key(a) for a in exclude}
    targeted = [(a, t) for a, t in targeted if side_key(a) not in skip and side_key(t) not in skip]
    recent = [(k, a) for k, a in recent if side_key(a) not in skip]
    if noun.lemma_.lower() in _STATE_NOUNS:
        # "les deux pays / voisins / capitales" are two states: an organisation or a rebel group is no side.
        targeted = [(a, t) for a, t in targeted if _is_state_side(a) and _is_state_side(t)]
        recent = [(k, a) for k, a in recent if _is_state_side(a)]
    for author, target in reversed(targeted):
        if side_key(author) != side_key(target):
            return [author, target]
    sides: list = []
    for _, actor in reversed(recent):
        if all(side_key(actor) != side_key(a) for a in sides):
            sides.append(actor)
        if len(sides) == 2:
            return sides[::-1]
    return []


# Words that may stand between a subject and its verb: auxiliaries, adverbs, clitics ("ont", "se", "ne").
_BETWEEN_POS = frozenset({"AUX", "ADV", "PART"})
_CLITICS = frozenset({"se", "s'", "s’", "ne", "n'", "n’", "y", "en", "lui", "leur", "l'", "l’", "le", "la", "les"})


# Three-word adverbials French puts between a subject and its verb.
_STANCE_PHRASES = frozenset({
    "pour sa part", "pour leur part", "de son côté", "de leur côté", "à son tour", "à leur tour",
    "quant à lui", "quant à elle", "quant à eux", "quant à elles",
})  # fmt: skip
# Two-word adverbials between a subject and its verb.
_ADVERBIAL_PAIRS = frozenset({"par ailleurs", "de nouveau", "à nouveau", "en outre", "en effet", "en revanche", "lui aussi", "elle aussi", "eux aussi"})
_ASIDE_MAX = 5  # words of an aside between a subject and its verb: ", de son côté,", ", pour sa part,"
_RELATIVE_ASIDE_MAX = 15  # words of a relative clause there: ", qui se pose en premier soutien de son voisin,"


def _before_aside(doc, i: int, lo: int) -> int:
    """Index of the last word before an aside between commas that ends at doc[i] ("L'Iran, DE SON
    CÔTÉ, a proposé", "New Delhi, QUI SE POSE EN SOUTIEN DE SON VOISIN, a accordé"), else i. A short
    aside holding a verb or a name is a clause or an apposition; a relative clause may hold both."""
    if i < lo or doc[i].text != ",":
        return i
    j, clause = i - 1, False
    while j >= lo and i - j <= _RELATIVE_ASIDE_MAX + 1 and doc[j].text != ",":
        clause = clause or doc[j].pos_ in ("VERB", "AUX", "PROPN")
        j -= 1
    if j < lo or doc[j].text != "," or j == i - 1:
        return i
    relative = doc[j + 1].lower_ in ("qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles")
    if not relative and (clause or i - j > _ASIDE_MAX + 1):
        return i
    return j - 1


def surface_subjects(verb, resolver: ActorResolver) -> list:
    """Names written right before a verb whose parsed subject is broken ("Vladimir Poutine et Kim Jong
    Un ont signé": spaCy takes "Un" for a pronoun subject): the gazetteer names ending just before the
    verb's auxiliaries, with a name coordinated to them by "et"."""
    doc = verb.doc
    lo = verb.i  # the parser may cut the sentence inside the names: bound by punctuation instead
    while lo > 0 and doc[lo - 1].text not in (".", "!", "?", ";") and "\n" not in doc[lo - 1].text:
        lo -= 1
    i = verb.i - 1
    while i >= lo:
        if i - 1 >= lo and " ".join(t.lower_ for t in doc[i - 1:i + 1]) in _ADVERBIAL_PAIRS:
            i -= 2  # "L'Iran et l'AIEA ont PAR AILLEURS signé"
        elif doc[i].pos_ in _BETWEEN_POS or doc[i].lower_ in _CLITICS:
            i -= 1
        elif i - 2 >= lo and " ".join(t.lower_ for t in doc[i - 2:i + 1]) in _STANCE_PHRASES:
            i -= 3  # "Washington a POUR SA PART relâché"
        else:
            break
    i = _before_aside(doc, i, lo)
    found = []
    seen_et = False
    while i >= lo:
        actor = resolver.covering_actor(doc[i])
        if actor is None:
            break
        found.append(actor)
        start = resolver.covering_start(doc[i])
        j = i
        while j >= lo and (doc[j].idx >= start or doc[j].pos_ == "DET"):
            j -= 1  # past the name and its article: "et L'Arabie saoudite"
        k, steps = j, 0
        while k >= lo and steps < 4 and doc[k].pos_ in ("NOUN", "ADJ", "DET") and resolver.covering_actor(doc[k]) is None:
            k, steps = k - 1, steps + 1  # past a title: "Vladimir Poutine et SON HOMOLOGUE CHINOIS Xi Jinping"
        if steps and k >= lo and doc[k].lower_ == "et":
            j = k
        # a comma continues a list only left of its "et" ("X, Y et Z ont"), not an apposition or an
        # adjunct ("Avant la visite de M. Blinken, la Chine a")
        if j < lo or not (doc[j].lower_ == "et" or (doc[j].lower_ == "," and seen_et)):
            break
        seen_et = seen_et or doc[j].lower_ == "et"
        i = j - 1
    out = []
    for a in reversed(found):
        if all(a.actor_id != b.actor_id for b in out):
            out.append(a)
    return out
