"""Who claims an event, whether it is negated, and whether it happened (realized, future, hypothetical, proposed)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from dateline.errors import ConfigError
from transforms.participants import ActorResolver, resolve_participant, subject_tokens
from transforms.triggers import case_of

MODALITY_PATH = Path(__file__).resolve().parent / "data" / "modality_fr.yaml"
MODALITIES = ("realized", "future", "hypothetical", "proposed")
# Dependencies across which an embedding verb's modality does not reach: an adverbial clause
# ("lorsqu'il s'est rendu") or a relative clause is asserted on its own.
_MODAL_BARRIERS = {"advcl", "acl:relcl", "parataxis"}
# Prepositions of a temporal adjunct: an act they introduce is dated by it, not governed by the clause's mood.
_TIME_ADJUNCTS = frozenset({"après", "avant", "depuis", "lors de", "suite à", "dès"})
_NEGATIVE_DET = {"aucun", "aucune", "nul", "nulle"}
# Dependencies through which a governor's modality reaches its complement (not adjuncts: "lors de sa visite").
_COMPLEMENT_DEPS = {"xcomp", "ccomp", "obj", "obl:arg", "nmod", "acl", "csubj", "nsubj:pass", "conj", "iobj"}
# Dependencies through which a reporting head claims what it governs.
_CLAIM_DEPS = {"ccomp", "parataxis", "csubj", "xcomp", "acl", "acl:relcl", "obj"}
_COND_ENDINGS = ("rait", "raient", "rais", "rions", "riez")
_QUOTES = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")


class ModalityConfigError(ConfigError):
    """The modality cue file is missing or malformed."""


@dataclass(frozen=True)
class Cues:
    """Lists from modality_fr.yaml, as frozen sets of lemmas."""

    reporting: frozenset[str]
    source_preps: tuple[str, ...]
    negators: frozenset[str]
    negating: frozenset[str]
    proposed: frozenset[str]
    hypothetical: frozenset[str]
    future: frozenset[str]
    future_words: tuple[str, ...]
    opinion: frozenset[str]
    opinion_adjectives: frozenset[str]
    alleged_conditional: bool
    teaser_markers: tuple[str, ...]
    teaser_max_paragraphs: int
    first_person: frozenset[str]
    evidence: frozenset[str] = frozenset()
    presupposing: frozenset[str] = frozenset()
    ruling_out: frozenset[str] = frozenset()
    refraining: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_cues(path: Path = MODALITY_PATH) -> Cues:
    """Read modality_fr.yaml (cached per path)."""
    try:
        d = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        fs = lambda k: frozenset(str(w).lower() for w in d.get(k) or [])  # noqa: E731
        return Cues(
            reporting=fs("reporting_verbs"),
            source_preps=tuple(d["source_preps"]),
            negators=fs("negators"),
            negating=fs("negating_verbs"),
            refraining=fs("refraining_verbs"),
            proposed=fs("proposed_heads"),
            hypothetical=fs("hypothetical_heads"),
            future=fs("future_heads"),
            future_words=tuple(d.get("future_words") or ()),
            opinion=fs("opinion_heads"),
            opinion_adjectives=fs("opinion_adjectives"),
            alleged_conditional=bool(d.get("alleged_conditional", True)),
            teaser_markers=tuple(d.get("teaser_markers") or ()),
            teaser_max_paragraphs=int(d.get("teaser_max_paragraphs", 4)),
            first_person=fs("first_person"),
            evidence=fs("evidence_heads"),
            presupposing=fs("presupposing_heads"),
            ruling_out=fs("ruling_out_verbs"),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise ModalityConfigError(f"cannot read modality cues {path}: {exc}") from exc


@dataclass
class Modality:
    """The modality analysis of one trigger."""

    negated: bool = False
    modality: str = "realized"
    claimant: object = None  # Actor or None
    opinion: bool = False
    alleged: bool = False  # journalistic conditional: "aurait fourni"
    in_quote: bool = False


def is_negated(token, cues: Cues) -> bool:
    """True if the verb or noun is itself negated (ne ... pas, aucune livraison, sans)."""
    has_ne = False
    for child in token.children:
        low = child.lower_
        if low in ("ne", "n'", "n’"):
            has_ne = True
        elif low in cues.negators and low not in ("plus", "aucun", "aucune", "ni", "sans"):
            return True
        elif child.dep_ == "det" and low in _NEGATIVE_DET:
            return True
        elif low == "sans" and child.dep_ in ("mark", "case"):
            return True
    if has_ne:
        # "ne ... plus", "ne ... aucun X", "ne ... rien"; but not the restrictive "ne ... que".
        for desc in token.subtree:
            if desc.lower_ in ("plus", "jamais", "rien", "personne", "aucun", "aucune", "guère") and desc.i > token.i - 1:
                return True
    return False


# Heads whose object is an act that thereby happens: "a accepté LA DÉMISSION du gouvernement"
# (while "a accepté DE négocier" only promises).
_ACCEPTING = frozenset({"accepter"})
_WORD = re.compile(r"\w+")
_SPEECH_MIN_WORDS = 3


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages in a text.

    A quote that runs to the end of its paragraph without a closing mark stays open until "\\n\\n".
    A passage of one or two words (« solidarité », « sans fondement ») is a term the writer cites, not
    speech unless a colon introduces it: it is left out, so that no speaker is given to the sentence around it.
    """
    return [
        (m.start(), m.end()) for m in _QUOTES.finditer(text)
        if len(_WORD.findall(m.group())) >= _SPEECH_MIN_WORDS or text[:m.start()].rstrip().endswith(":")
    ]  # fmt: skip


def _source_claimant(node, cues: Cues, resolver: ActorResolver):
    """Actor named by "selon X" / "d'après X" under this node, or None."""
    for child in node.children:
        if child.pos_ not in ("NOUN", "PROPN"):
            continue
        case = case_of(child)
        if case in cues.source_preps or case.replace("’", "'") in cues.source_preps:
            actor = resolver.resolve_token(child)
            if actor is None:
                # "d'après les informations DU RENSEIGNEMENT AMÉRICAIN": the source is the owner.
                for sub in child.children:
                    if sub.dep_ == "nmod":
                        actor = resolver.resolve_token(sub)
                        if actor is not None:
                            break
            if actor is not None:
                return actor
    return None


def _incise_claimant(node, cues: Cues, resolver: ActorResolver):
    """Speaker of a reporting incise hung under the clause: "..., a affirmé lundi le ministre"."""
    for child in node.children:
        if child.dep_ not in ("parataxis", "conj") or child.i < node.i or child.lemma_.lower() not in cues.reporting:
            continue
        left = child.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        if left is None or left.text != ",":
            continue
        speakers = [c for c in child.children if c.dep_ in ("nsubj", "obj") and c.i > child.i]
        if any(c.dep_ == "nsubj" and c.i < child.i for c in child.children):
            continue  # "..., et X a annoncé": a new sentence, not an incise
        for sp in speakers:
            actor = resolver.resolve_token(sp)
            if actor is not None:
                return actor
    return None


def _reporting_claimant(head, cues: Cues, resolver: ActorResolver):
    """Speaker of a reporting verb or of a reporting noun ("des preuves que" -> who presents them)."""
    if head.pos_ in ("VERB", "AUX"):
        subs = subject_tokens(head)
        if not subs:  # inverted subject of an incise, often parsed as object: "a affirmé le ministre"
            subs = [c for c in head.children if c.dep_ == "obj" and c.i > head.i]
        for sub in subs:
            actor = resolve_participant(sub, resolver)
            if actor is not None:
                return actor
        return None
    for child in head.children:  # "les informations du renseignement américain"
        if child.dep_ == "nmod" and case_of(child) == "de":
            actor = resolver.resolve_token(child)
            if actor is not None:
                return actor
    gov = head.head
    if gov is not head and gov.pos_ in ("VERB", "AUX"):
        return _reporting_claimant(gov, cues, resolver)
    return None


def _mood_of(token) -> tuple[str | None, bool]:
    """("Cnd"/"Fut"/None, is_compound) from the verb or its auxiliary."""
    auxes = [c for c in token.children if c.dep_.startswith("aux")]
    for aux in auxes:
        if "Cnd" in aux.morph.get("Mood"):
            return "Cnd", True
        if "Fut" in aux.morph.get("Tense") and aux.lemma_ != "être":
            return "Fut", True
    if "Cnd" in token.morph.get("Mood") or _looks_conditional(token):
        return "Cnd", False
    if "Fut" in token.morph.get("Tense") and "Ind" in token.morph.get("Mood"):
        return "Fut", False
    return None, False


def _looks_conditional(token) -> bool:
    """Present conditional by its ending, which the tagger often reads as imperfect ("recevrait")."""
    form, lemma = token.lower_, token.lemma_.lower()
    if "Fin" not in token.morph.get("VerbForm") or not form.endswith(_COND_ENDINGS):
        return False
    for ending in _COND_ENDINGS:
        if form.endswith(ending):
            # "livrait" (imperfect of livrer) also ends in -rait: the conditional keeps the infinitive's -er.
            return not (lemma.endswith("er") and form == lemma[:-2] + ending[1:])
    return False


def _rank(current: str, new: str) -> str:
    """Keep the strongest non-realized modality: hypothetical > proposed > future > realized."""
    order = {"realized": 0, "future": 1, "proposed": 2, "hypothetical": 3}
    return new if order[new] > order[current] else current


def analyse(
    trigger, resolver: ActorResolver, cues: Cues, quotes: list[tuple[int, int]], speaker=None,
    irrealis_head=lambda tok: False, support_verbs=frozenset(), bounds: tuple[int, int] | None = None,
) -> Modality:
    """Negation, modality and claimant of the event a trigger denotes, from its chain of governors.

    irrealis_head(token) says whether a governor is itself a REQUEST/THREATEN trigger: what one asks
    for or warns against has not happened ("mettre en garde contre la vente" -> the sale is proposed).
    """
    m = Modality()
    m.negated = is_negated(trigger, cues)
    m.in_quote = any(s <= trigger.idx < e for s, e in quotes)
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("tout", "toute") for c in trigger.children):
        if not any(c.lemma_.lower() in cues.negating for c in [trigger.head]):
            m.modality = "hypothetical"  # "tout accord serait ...": any such event, none in particular
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
    if verb is not None:
        mood, compound = _mood_of(verb)
        if mood == "Cnd":
            if compound and cues.alleged_conditional:
                m.alleged = True
            elif not compound and not m.in_quote and _reported_in_past(verb, cues):
                m.modality = "future"  # "a indiqué que X se conformerait": the future seen from a past statement
            else:
                m.modality = "hypothetical"
        elif mood == "Fut":
            m.modality = "future"
    node = trigger
    modal_open = True
    own = True  # still on the trigger's own predicate (itself or its support verb)?
    steps = 0
    while steps < 12:
        steps += 1
        # A negation above another act's verb is that act's: in "s'est gardé de condamner l'offensive"
        # the condemnation did not happen, the offensive did.
        own = own and (node is trigger or node.pos_ not in ("VERB", "AUX") or node.lemma_.lower() in support_verbs)
        if m.claimant is None:
            m.claimant = _source_claimant(node, cues, resolver) or _incise_claimant(node, cues, resolver)
        head = node.head
        if head is node or (bounds is not None and not bounds[0] <= head.idx < bounds[1]):
            break  # the root, or a parse that runs across a paragraph break
        dep = node.dep_
        lemma = head.lemma_.lower()
        purpose = dep == "advcl" and lemma in cues.proposed and any(
            c.dep_ == "mark" and c.lower_ in ("pour", "afin") for c in node.children
        )  # "préparait des plans POUR ATTAQUER": the purpose of a plan is not done yet
        if dep in _MODAL_BARRIERS and not purpose:
            modal_open = False
        if node.pos_ in ("NOUN", "PROPN") and case_of(node) in _TIME_ADJUNCTS:
            modal_open = False  # "allait saisir la CIJ APRÈS L'ASSAUT de la police": the assault took place
        # A conjunct's head is its sibling ("a démenti ... et accusé"): it passes nothing on, except
        # the negation two coordinated infinitives share ("ne pas fournir ou vendre").
        complement = (dep in _COMPLEMENT_DEPS and dep != "conj") or purpose
        if dep == "conj" and _shares_negation(node) and is_negated(head, cues):
            m.negated = True
        negating = complement and (lemma in cues.negating or (lemma in cues.refraining and dep == "xcomp"))
        incise = dep in ("advcl", "dep") and head.i > node.i and head.pos_ in ("VERB", "AUX")
        reporting = (
            not negating and lemma in cues.reporting and (dep in _CLAIM_DEPS or incise)
            and (dep != "obj" or node.pos_ in ("VERB", "AUX", "SCONJ"))
            # "a menacé DE suspendre": a threatened act, not a report ("a menacé QUE" reports)
            and not (dep == "xcomp" and lemma in cues.proposed)
        )
        if modal_open and lemma == "exister" and is_negated(head, cues):
            m.negated = True  # "il n'existait aucun accord sur les livraisons": nothing of it happened
        if modal_open and not reporting and complement:
            if negating and own and is_negated(head, cues):
                # "n'excluait pas de développer", "n'a pas démenti avoir livré": left open, not denied
                m.modality = _rank(m.modality, "hypothetical")
            elif negating and own:
                m.negated = True
            elif own and is_negated(head, cues) and (
                dep == "xcomp" or lemma in ("exister", "avoir") or (lemma in support_verbs and trigger is node)
                or (head.pos_ == "NOUN" and dep == "nmod")
            ):
                m.negated = True  # "n'a pas l'intention de", "il n'existait aucun", "n'a pas imposé de sanctions"
            if irrealis_head(head):
                m.modality = _rank(m.modality, "proposed")
            if lemma in cues.opinion or (head.pos_ == "ADJ" and lemma in cues.opinion_adjectives):
                m.opinion = True
                m.modality = _rank(m.modality, "proposed")
            elif lemma in cues.hypothetical or (lemma in cues.evidence and dep == "ccomp" and _denied(head, cues)):
                m.modality = _rank(m.modality, "hypothetical")
            elif (lemma in cues.proposed or ("s'" + lemma in cues.proposed and _reflexive(head))) and not (
                dep == "obj" and lemma in _ACCEPTING
            ):
                m.modality = _rank(m.modality, "proposed")
            elif lemma in cues.future and (dep == "xcomp" or (dep == "obj" and node.pos_ == "NOUN" and lemma != "aller")):
                # "va suspendre", and what a plan provides for: "le texte PRÉVOIT le retrait des forces"
                m.modality = _rank(m.modality, "future")
            elif head.pos_ in ("VERB", "AUX") and dep in ("xcomp", "ccomp"):
                mood, compound = _mood_of(head)
                if mood == "Cnd" and not compound:
                    m.modality = _rank(m.modality, "hypothetical")
        if reporting:
            if m.claimant is None:
                m.claimant = _reporting_claimant(head, cues, resolver)
            if modal_open and head.pos_ == "NOUN" and is_negated(head.head, cues):
                m.modality = _rank(m.modality, "hypothetical")  # "pas vu la preuve que ...": unverified
            modal_open = False
        node = head
    if m.claimant is None and m.in_quote:
        m.claimant = speaker
    span_text = trigger.sent.text.lower()
    if m.modality == "realized" and any(w in span_text for w in cues.future_words) and _future_word_near(trigger, cues):
        m.modality = "future"
    return m


def _reflexive(verb) -> bool:
    """True if a verb carries the reflexive clitic ("s'engager")."""
    return any(c.lower_ in ("se", "s'", "s’") for c in verb.children)


def _reported_in_past(verb, cues: Cues) -> bool:
    """True if a verb is the complement clause of a reporting verb in a past tense ("La présidence A
    INDIQUÉ que Macky Sall se conformerait"): there the conditional is the future of indirect speech."""
    head = reporting_head(verb, cues)
    if head is None:
        return False
    if "Past" in head.morph.get("Tense") and "Part" not in head.morph.get("VerbForm"):
        return True  # passé simple, imparfait
    return any(c.dep_ == "aux:tense" for c in head.children)  # passé composé, plus-que-parfait


def _denied(verb, cues: Cues) -> bool:
    """Negated, also when the parser hangs "pas" on an adverb ("n'avaient pas encore vu"): "ne" suffices."""
    return is_negated(verb, cues) or any(c.lower_ in ("ne", "n'", "n’") for c in verb.children)


def _shares_negation(conjunct) -> bool:
    """True if a coordinated verb has neither subject nor auxiliary of its own ("ne pas fournir ou
    VENDRE"): it is under its sibling's negation. The tagger does not always mark such an infinitive."""
    if "Inf" in conjunct.morph.get("VerbForm"):
        return True
    return conjunct.pos_ == "VERB" and not any(c.dep_.startswith(("nsubj", "aux")) for c in conjunct.children) and (
        "Fin" not in conjunct.morph.get("VerbForm") and "Part" not in conjunct.morph.get("VerbForm")
    )


def is_pluperfect(verb) -> bool:
    """True for a plus-que-parfait ("avait livré", "était arrivé"): an act anterior to its context."""
    return any(
        c.dep_ in ("aux:tense", "aux") and c.lemma_ in ("avoir", "être") and "Imp" in c.morph.get("Tense")
        for c in verb.children
    )


def reporting_head(verb, cues: Cues):
    """The reporting verb whose complement clause this verb is ("a annoncé que X AVAIT LIVRÉ"), or None."""
    head = verb.head
    if verb.dep_ != "ccomp" or head is verb:
        # a parse that hangs the que-clause elsewhere ("a indiqué vendredi que ..." under "vendredi"):
        # the nearest verb before its "que" in the sentence governs it
        mark = next((c for c in verb.children if c.i < verb.i and c.lower_ in ("que", "qu'", "qu’")), None)
        if mark is None:
            return None
        head = next((t for t in reversed(list(verb.doc[verb.sent.start:mark.i])) if t.pos_ == "VERB"), None)
        if head is None:
            return None
    return head if head.lemma_.lower() in cues.reporting else None


def _future_word_near(trigger, cues: Cues) -> bool:
    """True if a future phrase ("à l'avenir", "prochainement") sits in the trigger's own clause."""
    sub = trigger.subtree
    toks = list(sub)
    if not toks:
        return False
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    text = trigger.doc.text[start:end].lower()
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text) for w in cues.future_words)


def teaser_spans(text: str, cues: Cues) -> list[tuple[int, int]]:
    """Character spans of teaser blocks for other stories (REGARDER | ..., LIRE AUSSI ...)."""
    spans = []
    pos = 0
    paras = []
    for block in text.split("\n\n"):
        paras.append((pos, pos + len(block), block))
        pos += len(block) + 2
    i = 0
    # Teaser markers are written in capitals and followed by "|" or ":" ("REGARDER | ...").
    marker = re.compile(r"^\s*(?:" + "|".join(re.escape(m) for m in cues.teaser_markers) + r")\s*[|:]")
    while i < len(paras):
        start, end, block = paras[i]
        if marker.match(block):
            last = end
            taken = 0
            j = i + 1
            while j < len(paras) and taken < cues.teaser_max_paragraphs:
                body = paras[j][2].strip()
                if body and taken > 0 and not body.endswith((".", "!", "?", "»", '"', ":")):
                    break  # a heading: the article goes on
                last = paras[j][1]
                taken += 1 if body else 0
                j += 1
            spans.append((start, last))
            i = j
        else:
            i += 1
    return spans
