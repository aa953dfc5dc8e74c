"""Lexicon matching: find the tokens of a parsed French sentence that trigger a PLOVER event."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from dateline.errors import ConfigError

LEXICON_PATH = Path(__file__).resolve().parent / "data" / "event_lexicon_fr.yaml"

PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
)
DEFAULT_RECIPIENT = ("obj", "iobj", "à", "contre")
# Dependents that carry a trigger's object or the noun it is "of" (livraison D'ARMES, aide MILITAIRE).
_OBJECT_DEPS = {"obj", "obl:arg", "obl", "obl:mod", "nmod", "amod", "conj", "iobj", "nsubj:pass", "xcomp"}  # xcomp: "a cédé le pouvoir" misparsed
_NOMINAL = {"NOUN", "PROPN", "ADJ", "NUM"}


class LexiconError(ConfigError):
    """The event lexicon file is missing, malformed, or names an unknown PLOVER type."""


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a trigger lemma and the PLOVER coding it produces."""

    id: str
    lemma: str
    pos: str  # "VERB" or "NOUN"
    type: str
    mode: str | None
    object_in: frozenset[str] = frozenset()
    with_lemma: str | None = None
    with_case: str | None = None
    reflexive: bool = False
    recipient: tuple[str, ...] = DEFAULT_RECIPIENT
    reverse: bool = False
    symmetric: bool = False
    needs_recipient: bool = False
    de_pair: bool = False
    complement: str | None = None  # "infinitive": fires only with an infinitive complement (refuser DE);
    # "open_infinitive": only with one that is no trigger itself (s'engager À RÉDUIRE, not À SE RETIRER)
    modality: str | None = None  # a commitment is "proposed" whatever its tense
    not_case: frozenset[str] = frozenset()  # nouns: prepositions making an idiom ("à l'appui de")
    confidence: float = 0.8

    @property
    def rule(self) -> str:
        """Rule id written to event_mentions.rule ("v:accuser", "n:visite")."""
        return ("v:" if self.pos == "VERB" else "n:") + self.id


@dataclass
class Lexicon:
    """Trigger entries indexed by lemma, plus the lists the role finder needs."""

    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    support_verbs: frozenset[str] = frozenset()
    reverse_agent_preps: tuple[str, ...] = ()
    mode_by_object: dict[str, str] = field(default_factory=dict)
    quantity_nouns: frozenset[str] = frozenset()
    date_containers: frozenset[str] = frozenset()
    time_nouns: frozenset[str] = frozenset()
    act_nouns: frozenset[str] = frozenset()
    frame_nouns: frozenset[str] = frozenset()
    provided_nouns: frozenset[str] = frozenset()
    control_nouns: frozenset[str] = frozenset()
    comment_verbs: frozenset[str] = frozenset()

    def mode_for(self, token, entry: Entry) -> str | None:
        """The entry's mode, or one named by the trigger's object ("aide militaire" -> military)."""
        if entry.mode is not None or entry.type != "AID":
            return entry.mode
        for lemma in _object_lemmas(token):
            if lemma in self.mode_by_object:
                return self.mode_by_object[lemma]
        return None

    def candidates(self, token) -> list[Entry]:
        """Entries whose lemma and part of speech fit this token (conditions not yet checked)."""
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and (token.tag_ == "VERB" or _participle_in_conj(token))):
            found = self.verbs.get(lemma)
            if found is None and lemma == token.lower_:
                # the lemmatizer left a finite form as it was ("reproche", "presse"): its -er infinitive
                found = self.verbs.get(first_group_infinitive(lemma))
            return found or []
        if token.pos_ in ("NOUN", "PROPN"):
            return self.nouns.get(lemma) or self.nouns.get(token.lower_, [])
        return []


def _participle_in_conj(token) -> bool:
    """A past participle the tagger took for an adjective, coordinated with a verb ("a rappelé son
    ambassadeur et EXIGÉ que ...")."""
    return token.dep_ == "conj" and token.head.pos_ == "VERB" and token.lower_.endswith(("é", "ée", "és", "ées"))


# Endings of the finite forms of -er verbs that spaCy's French lemmatizer sometimes leaves unlemmatized.
_ER_ENDINGS = ("aient", "ait", "ent", "ées", "és", "ée", "é", "es", "e")


def verb_lemma(token) -> str:
    """A verb's lemma, with the -er infinitive of a finite form the lemmatizer left as it was."""
    lemma = token.lemma_.lower()
    if lemma == token.lower_ and token.pos_ in ("VERB", "AUX") and not lemma.endswith(("er", "ir", "re")):
        return first_group_infinitive(lemma) or lemma
    return lemma


def first_group_infinitive(form: str) -> str | None:
    """The -er infinitive a finite form would have ("reproche" -> "reprocher"), or None."""
    for ending in _ER_ENDINGS:
        if form.endswith(ending) and len(form) > len(ending) + 2:
            return form[: -len(ending)] + "er"
    return None


def _entry(raw: dict, pos: str, classes: dict[str, list[str]]) -> Entry:
    """Build one Entry from its YAML mapping, expanding class names in object_in."""
    try:
        etype = raw["type"]
        if etype not in PLOVER_TYPES:
            raise LexiconError(f"entry {raw.get('id')}: unknown PLOVER type {etype!r}")
        objects: set[str] = set()
        for name in raw.get("object_in") or []:
            objects.update(classes.get(name, [name]))
        with_ = raw.get("with") or {}
        return Entry(
            id=str(raw["id"]),
            lemma=str(raw["lemma"]).lower(),
            pos=pos,
            type=etype,
            mode=raw.get("mode"),
            object_in=frozenset(o.lower() for o in objects),
            with_lemma=with_.get("lemma"),
            with_case=with_.get("case"),
            reflexive=bool(raw.get("reflexive", False)),
            recipient=tuple(raw["recipient"]) if "recipient" in raw else DEFAULT_RECIPIENT,
            reverse=bool(raw.get("reverse", False)),
            symmetric=bool(raw.get("symmetric", False)),
            needs_recipient=bool(raw.get("needs_recipient", False)),
            de_pair=bool(raw.get("de_pair", False)),
            complement=raw.get("complement"),
            modality=raw.get("modality"),
            not_case=frozenset(raw.get("not_case") or ()),
            confidence=float(raw.get("confidence", 0.8)),
        )
    except KeyError as exc:
        raise LexiconError(f"lexicon entry {raw!r} lacks {exc}") from exc


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read the event lexicon YAML into a Lexicon (cached per path)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"cannot read event lexicon {path}: {exc}") from exc
    classes = {k: [w.lower() for w in v] for k, v in (data.get("classes") or {}).items()}
    lex = Lexicon(
        support_verbs=frozenset(data.get("support_verbs") or []),
        reverse_agent_preps=tuple(data.get("reverse_agent_preps") or ()),
        mode_by_object={str(k).lower(): v for k, v in (data.get("mode_by_object") or {}).items()},
        quantity_nouns=frozenset(data.get("quantity_nouns") or []),
        date_containers=frozenset(data.get("date_containers") or []),
        time_nouns=frozenset(data.get("time_nouns") or []),
        act_nouns=frozenset(data.get("act_nouns") or []),
        frame_nouns=frozenset(data.get("frame_nouns") or []),
        provided_nouns=frozenset(data.get("provided_nouns") or []),
        control_nouns=frozenset(data.get("control_nouns") or []),
        comment_verbs=frozenset(data.get("comment_verbs") or []),
    )
    ids: set[str] = set()
    for key, pos, index in (("verbs", "VERB", lex.verbs), ("nouns", "NOUN", lex.nouns)):
        for raw in data.get(key) or []:
            entry = _entry(raw, pos, classes)
            if entry.rule in ids:
                raise LexiconError(f"duplicate lexicon id {entry.rule}")
            ids.add(entry.rule)
            index.setdefault(entry.lemma, []).append(entry)
    return lex


def case_of(token) -> str:
    """The preposition introducing a nominal dependent ("auprès de", "à", "en"), lower case, or ""."""
    parts = []
    for child in token.children:
        if child.dep_ in ("case", "mark") and child.i < token.i:
            words = [child.lower_] + [g.lower_ for g in child.children if g.dep_ == "fixed"]
            parts.append(" ".join(words))
    if not parts and token.dep_ in ("obl:arg", "obl:mod", "obl") and token.head.dep_ == "advmod":
        # "auprès de la Corée": spaCy hangs the noun under the adverb "auprès".
        return f"{token.head.lower_} {parts[0] if parts else 'de'}"
    text = " ".join(parts)
    # "du", "des", "au", "aux" are contracted de/à + article.
    return {"du": "de", "des": "de", "d'": "de", "d’": "de", "au": "à", "aux": "à"}.get(text, text)


def _object_lemmas(token, depth: int = 3) -> set[str]:
    """Lemmas of the object-like dependents of a trigger, down to `depth` levels (des centaines DE DRONES)."""
    found: set[str] = set()
    frontier = [token]
    for _ in range(depth):
        nxt = []
        for tok in frontier:
            for child in tok.children:
                if child.dep_ in _OBJECT_DEPS and child.pos_ in _NOMINAL:
                    found.add(child.lemma_.lower())
                    found.add(child.lower_)
                    nxt.append(child)
        frontier = nxt
    if token.pos_ == "VERB" and not any(c.dep_ == "obj" for c in token.children):
        # "ont signé dans la nuit de lundi à mardi, sous l'égide de la Russie, UN ACCORD": a verb with no
        # parsed object whose object the parser hung elsewhere; the first bare noun phrase after it in
        # its clause (a determiner, no preposition) is read as the object
        doc = token.doc
        for tok in doc[token.i + 1:min(token.sent.end, token.i + 20)]:
            if tok.pos_ in ("VERB", "AUX") or tok.text in (".", ";", ":"):
                break
            if tok.pos_ == "NOUN" and any(c.dep_ == "det" for c in tok.children) and not any(
                c.dep_ == "case" for c in tok.children
            ) and tok.head.i != token.i:
                found.add(tok.lemma_.lower())
                found.add(tok.lower_)
                break
    return found


def _has_with(token, entry: Entry) -> bool:
    """True if the multi-word part of the entry is there ("mettre EN GARDE")."""
    for child in token.children:
        if entry.with_lemma == "*" and child.dep_ not in ("nsubj", "obj", "punct"):
            if case_of(child) == entry.with_case:
                return True
        elif child.lemma_.lower() == entry.with_lemma:
            return entry.with_case is None or case_of(child) == entry.with_case
    return False


def _is_reflexive(token) -> bool:
    """True if the verb carries the reflexive clitic "se"/"s'"."""
    return any(
        c.lower_ in ("se", "s'", "s’", "me", "m'", "nous", "vous") and c.dep_.startswith(("expl", "obj", "iobj"))
        for c in token.children
    )


def _joint_subject(token) -> bool:
    """True if the verb's subject is coordinated ("Kishida ET Yoon se sont engagés")."""
    subjects = [c for c in token.children if c.dep_.startswith("nsubj")]
    return len(subjects) > 1 or any(g.dep_ == "conj" for c in subjects for g in c.children)  # two subjects: a split parse


def match_token(token, lexicon: Lexicon) -> Entry | None:
    """The first lexicon entry whose lemma and conditions fit this token, or None."""
    for entry in lexicon.candidates(token):
        if entry.reflexive and not _is_reflexive(token):
            continue
        if entry.with_lemma and not _has_with(token, entry):
            continue
        if entry.object_in and not (_object_lemmas(token) & entry.object_in):
            continue
        if entry.complement == "infinitive" and infinitive_complement(token, lexicon) is None:
            continue
        if entry.complement == "open_infinitive":
            content = infinitive_complement(token, lexicon)
            if content is None or match_token(content, lexicon) is not None or _joint_subject(token):
                continue  # "X et Y se sont engagés à": a joint commitment is their agreement (s_engager)
        if entry.not_case and case_of(token) in entry.not_case:
            continue
        return entry
    return None


def infinitive_complement(token, lexicon: Lexicon):
    """The infinitive a verb governs as its content ("a refusé DE DÉMISSIONNER"), unless a verb of saying."""
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp", "obj", "advcl") and child.i > token.i and "Inf" in child.morph.get("VerbForm"):
            if verb_lemma(child) not in lexicon.comment_verbs:
                return child
    return None


def find_triggers(span, lexicon: Lexicon) -> list[tuple[object, Entry]]:
    """(token, entry) for every trigger in a sentence span, in text order."""
    out = []
    for token in span:
        entry = match_token(token, lexicon)
        if entry is not None:
            out.append((token, entry))
    return out
