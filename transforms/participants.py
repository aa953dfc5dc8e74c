"""Who a parse token names: a canonical actor from a name, title, pronoun, possessive or demonym.

Wraps the actors stage (transforms.actors / DocumentActors); roles.py decides which tokens fill
which role of a trigger, this module turns those tokens into actors.
"""

from __future__ import annotations

import re

from bisect import bisect_right
from dataclasses import dataclass

from transforms.triggers import case_of, verb_lemma

# Dependents excluded from a noun phrase's span when we resolve it (relative clauses, appositions...).
_NP_STOP = {"acl", "acl:relcl", "appos", "punct", "conj", "cc", "advcl", "parataxis", "dep", "ccomp", "xcomp"}
# Verbs whose object is the understood subject of their infinitive ("accuser X DE FAIRE", "exhorter X A").
OBJECT_CONTROL = frozenset(
    "accuser exhorter convaincre appeler inviter pousser autoriser condamner sanctionner "
    "encourager inciter obliger forcer contraindre aider empêcher interdire demander presser sommer "
    "soupçonner persuader dissuader charger reprocher ordonner enjoindre permettre conseiller recommander".split()
)

# Partitive articles the tagger may label as prepositions ("DES habitants ont tapé").
_PARTITIVES = frozenset({"des", "du"})

# Nouns that count people: the participant is who they count.
_COUNT_NOUNS = frozenset("dizaine douzaine vingtaine trentaine cinquantaine centaine millier million foule multitude".split())

# Nouns through which someone speaks or acts: "par la VOIX de son ministre", "par l'INTERMÉDIAIRE de".
_VOICE_NOUNS = frozenset("voix bouche intermédiaire entremise truchement biais".split())

_PROXY_NOUNS = _COUNT_NOUNS | _VOICE_NOUNS

# Day words the parser takes for a verb's object ("a ordonné JEUDI à la Russie").
_TIME_WORDS = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui".split())

_PRONOUNS_3 = {"il", "elle", "ils", "elles", "lui", "celui-ci", "celle-ci"}
POSSESSIVES = {"sa", "son", "ses", "leur", "leurs"}
_RELATIVE = {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}
_NO_ACTOR_IDS = frozenset({"unk:government"})


@dataclass(frozen=True)
class RawActor:
    """A named entity kept as is when the actors stage is unavailable (same fields as actors.Actor)."""

    actor_id: str
    name: str
    country: str | None = None
    sector: str = "unknown"
    kind: str = "unknown"
    role: str | None = None


class ActorResolver:
    """Resolve parse tokens of one document to canonical actors via the actors stage."""

    def __init__(self, doc, gazetteer, doc_actors=None):
        """Wrap one parsed document; doc_actors is a transforms.actors.DocumentActors or None."""
        self.doc = doc
        self.gazetteer = gazetteer
        self.doc_actors = doc_actors
        self._ent_of = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self._ent_of[i] = ent
        self._cache: dict[tuple[int, int], object] = {}
        # Gazetteer matches over the whole text: they survive NER and parse errors ("Kim Jong | Un").
        if doc_actors is not None:  # the document's own matches include the bodies it defines ("(FACT)")
            self._matches = list(doc_actors.matches)
        else:
            self._matches = gazetteer.find_all(doc.text) if gazetteer is not None else []
        self._match_starts = [m[0] for m in self._matches]

    def _covering_match(self, token):
        """Gazetteer actor whose matched alias covers this token, or None."""
        k = bisect_right(self._match_starts, token.idx) - 1
        if k >= 0:
            start, end, actor = self._matches[k]
            if start <= token.idx < end:
                return actor
        return None

    def covering_actor(self, token):
        """Actor of the gazetteer name covering this token, or None (public: the surface fallbacks)."""
        return self._covering_match(token)

    def covering_start(self, token) -> int:
        """Start offset of the gazetteer name covering this token (the token's own start if none)."""
        k = bisect_right(self._match_starts, token.idx) - 1
        if k >= 0 and self._matches[k][0] <= token.idx < self._matches[k][1]:
            return self._matches[k][0]
        return token.idx

    def _resolve_chars(self, start: int, end: int):
        """Actor for a character span of the doc, or None (cached)."""
        key = (start, end)
        if key not in self._cache:
            actor = None
            if self.doc_actors is not None:
                actor = self.doc_actors.resolve(start, end)
            elif self.gazetteer is not None:
                actor = self.gazetteer.resolve(self.doc.text[start:end])
            if actor is None and self.doc_actors is None:
                # No coreference stage: keep named persons (or, without gazetteer, any entity) verbatim.
                for ent in self.doc.ents:
                    if (ent.start_char, ent.end_char) == (start, end) and (
                        ent.label_ == "PER" or self.gazetteer is None
                    ):
                        name = ent.text
                        prefix = "per:" if ent.label_ == "PER" else "ner:"
                        actor = RawActor(prefix + "_".join(name.lower().split()), name, kind="person" if ent.label_ == "PER" else "unknown")
            self._cache[key] = actor
        return self._cache[key]

    def _np_span(self, token) -> tuple[int, int]:
        """Character span of the noun phrase headed by token, without clauses or appositions."""
        lo = hi = token.i
        stack = [token]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                if child.dep_ in _NP_STOP or child.dep_.startswith("obl"):
                    continue
                if child.dep_ == "nmod" and case_of(child) not in ("de", ""):
                    continue  # "les forces russes EN UKRAINE" is not Ukraine
                if child.i < token.i and any(t.text == "," for t in self.doc[child.i:token.i]):
                    continue  # a fronted clause the parse hung on the noun ("Réunis à Abuja, les chefs")
                lo, hi = min(lo, child.i), max(hi, child.i)
                stack.append(child)
        # Leading prepositions ("à la Russie") are not part of the name.
        while lo < hi and self.doc[lo].dep_ in ("case", "mark", "det") and self.doc[lo].head.i == token.i:
            lo += 1
        return self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi])

    def resolve_head(self, token, cut):
        """Actor named by token's phrase cut before one of its dependents ("l'armée | de Mohamed Morsi")."""
        lo, _ = self._np_span(token)
        last = self.doc[cut.left_edge.i - 1]
        return self._resolve_chars(lo, last.idx + len(last)) if last.i >= token.i else None

    def resolve_token(self, token):
        """Canonical actor named by the noun phrase headed at token (entity, apposition, phrase), or None."""
        if token.pos_ == "NOUN":
            # "les militaires au pouvoir à Niamey": the place named wins over any guess from the document.
            ruled = self._rulers_of(token) or self._office_of_body(token)
            if ruled is not None:
                return ruled
            if not any(c.dep_ in ("appos", "flat:name") for c in token.children):
                # "les combattants DE WAGNER" (NER: PER): the group they fight for, before any span guess
                members_of = self._body_of_members(token)
                if members_of is not None:
                    return members_of
        if token.pos_ == "PROPN" or token.ent_type_:
            hit = self._covering_match(token)
            if hit is not None and _is_vague(hit) and token.pos_ == "NOUN":
                # "les ministres des Affaires étrangères du G7" (NER: ORG): the body they act for
                hit = self._body_of_members(token) or self._demonym(token) or hit
            if hit is not None:
                return hit
        elif token.pos_ == "NOUN":
            # A named body whose alias starts with a common noun ("l'administration Biden"): the
            # alias wins over the person name inside it; a role ("le ministre malien") does not.
            hit = self._covering_match(token)
            if hit is not None and hit.kind == "institution" and hit.role is None:
                return hit
        spans = []
        ent = self._ent_of.get(token.i)
        if ent is not None:
            spans.append((ent.start_char, ent.end_char))
        # An apposed name first: "le président russe, Vladimir Poutine" is Putin, not "the president".
        for child in token.children:
            # spaCy often tags a first name as a common noun ("le président Mohamed/NOUN Bazoum"):
            # an apposed token inside a person entity counts as a name too.
            named = child.pos_ == "PROPN" or (child.ent_type_ == "PER" and child.pos_ == "NOUN")
            if child.dep_ in ("appos", "flat:name") and named:
                hit = self._covering_match(child)
                if hit is not None:
                    return hit
                ent = self._ent_of.get(child.i)
                if ent is not None:
                    spans.append((ent.start_char, ent.end_char))
        np_lo, np_hi = self._np_span(token)
        spans.append((np_lo, np_hi))
        spans.append((token.idx, token.idx + len(token)))
        fallback = None
        for start, end in spans:
            actor = self._resolve_chars(start, end)
            if actor is not None and _is_vague(actor) and token.pos_ == "NOUN":
                # "un dépôt pétrolier du géant SAOUDIEN Aramco", tagged ORG: the demonym says whose
                owner = self._demonym(token) or self._body_of_members(token)
                if owner is not None:
                    return owner
            if actor is not None and _is_vague(actor) and (start < np_lo or end > np_hi):
                # NER may swallow a whole clause into one entity ("Réunis à Abuja, les chefs d'État
                # de la Cédéao"): an unknown non-person is kept only if no narrower span is known.
                fallback = fallback or actor
                continue
            if actor is not None:
                return actor
        return (
            self._covering_match(token) or self._demonym(token) or self._body_of_members(token)
            or self._rulers_of(token) or self._led_by(token) or fallback
        )

    def _office_of_body(self, token):
        """An international body whose office a title names: "le président en exercice DE L'UNION
        AFRICAINE, le Guinéen Alpha Condé" acts for the African Union, not for Guinea."""
        if self.gazetteer is None or self.gazetteer.role_only(token.text) is None:
            return None
        nmods = [c for c in token.children if c.dep_ == "nmod"]
        nmods += [g for c in nmods for g in c.children if g.dep_ == "nmod"]  # "président EN EXERCICE de l'UA"
        for child in nmods:
            if case_of(child) in ("de", "du", "des") and child.pos_ in ("PROPN", "NOUN"):
                body = self._covering_match(child)
                if body is not None and getattr(body, "sector", None) == "igo":
                    return body
        return None

    def _led_by(self, token):
        """The state or group leading an unnamed body: "la coalition DIRIGÉE PAR l'Arabie saoudite"."""
        if token.pos_ != "NOUN":
            return None
        for part in token.children:
            if part.dep_ == "acl" and part.lemma_.lower() in _LEADING_VERBS:
                for agent in part.children:
                    if agent.dep_ in ("obl:agent", "obl", "nmod") and case_of(agent) == "par":
                        actor = self.resolve_token(agent)
                        if actor is not None and getattr(actor, "kind", None) in ("country", "group", "institution"):
                            return actor
        return None

    def _rulers_of(self, token):
        """The country of those "au pouvoir à Y": "les militaires au pouvoir à Niamey" -> Niger."""
        if token.pos_ != "NOUN" or self.gazetteer is None:
            return None
        from transforms.actors import normalize

        for child in token.children:
            if normalize(child.text) not in self.gazetteer.in_power_words:
                continue
            for place in child.children:
                if place.pos_ == "PROPN" and case_of(place) in ("à", "en"):
                    actor = self.resolve_token(place)
                    if actor is not None and getattr(actor, "kind", None) == "country":
                        return actor
        return None

    def _body_of_members(self, token):
        """The named body members act for: "les chefs d'État DE LA CÉDÉAO", "une délégation DE L'ONU"."""
        if token.pos_ != "NOUN" or self.gazetteer is None:
            return None
        from transforms.actors import normalize

        if normalize(token.text) not in self.gazetteer.member_nouns and normalize(token.lemma_) not in self.gazetteer.member_nouns:
            return None
        for child in token.children:
            if child.dep_ != "nmod" or case_of(child) != "de":
                continue
            if child.pos_ == "NOUN" and normalize(child.text) in self.gazetteer.member_nouns:
                return self._body_of_members(child)  # "chefs d'ÉTAT de la Cédéao"
            if child.pos_ == "PROPN":
                actor = self.resolve_token(child)
                if actor is not None and getattr(actor, "kind", None) in ("institution", "country", "group"):
                    return actor
        # "les ministres des Affaires étrangères DU G7": past the portfolio, an international body
        for desc in token.subtree:
            if desc.i > token.i and desc.dep_ == "nmod" and desc.pos_ in ("PROPN", "NOUN", "NUM") and case_of(desc) in ("de", "du", "des"):
                actor = self.gazetteer.lookup(desc.text)
                if actor is not None and getattr(actor, "sector", None) == "igo":
                    return actor
        return None

    def _demonym(self, token, depth: int = 0):
        """A country named only by an adjective: "des produits AMÉRICAINS", "des militaires NIGÉRIENS",
        also through a group noun: "un groupe DE militaires GABONAIS", "une douzaine D'officiers maliens"."""
        if token.pos_ not in ("NOUN", "NUM") or self.gazetteer is None or (token.pos_ == "NUM" and depth == 0):
            return None
        from transforms.actors import country_of_adjective

        for child in token.children:
            if child.dep_ == "amod":
                iso = country_of_adjective(child.text)
                if iso is not None and iso in self.gazetteer.by_id:
                    return self.gazetteer.by_id[iso]
                group = self.gazetteer.lookup(child.text)  # "une délégation TALIBANE", "des combattants HOUTHIS"
                if group is not None and group.kind == "group":
                    return group
        if depth < 3:  # "34 milliards de dollars d'importations CHINOISES": down a chain of "de"
            for child in token.children:
                if child.dep_ == "nmod" and child.pos_ in ("NOUN", "NUM") and case_of(child) in ("de", "") and child.i > token.i:
                    found = self._demonym(child, depth + 1)
                    if found is not None:
                        return found
        return None

_LEADING_VERBS = frozenset({"diriger", "mener", "conduire", "commander", "emmener"})


def _is_vague(actor) -> bool:
    """An unknown entity that is not a person (its name is whatever NER spanned)."""
    return actor.actor_id.startswith("unk:") and getattr(actor, "kind", None) != "person"


def conjuncts(token) -> list:
    """The token and its coordinated siblings ("la Corée du Nord et la Russie").

    A "conj" without "et"/"ou"/"ni" is an apposition the parser mislabelled ("le secrétaire
    général, Antonio Guterres,"): it names the same participant and is not a second one, unless it
    sits inside a list that "et" closes ("le Mali, le Burkina Faso et le Niger").
    """
    conj = [c for c in token.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")]
    joined = [c for c in conj if any(g.dep_ == "cc" and g.lower_ in ("et", "ou", "ni") for g in c.children)]
    if not joined:
        return [token]
    # "le Mali, LE BURKINA FASO et le Niger": a member set off by a comma belongs to a list closed by "et"
    last = max(c.i for c in joined)
    listed = [c for c in conj if c in joined or (c.i < last and any(g.text == "," for g in c.children))]
    return [token] + listed

# Verbs whose "il" is impersonal ("il faut", "il existe", "il s'agit", "il y a", "il est clair").
_IMPERSONAL = frozenset("falloir exister agir avoir être sembler paraître rester suffire manquer valoir importer convenir arriver".split())


def _personal_expletive(pron, verb) -> bool:
    """True if a pronoun spaCy labels expl:subj is the verb's real subject ("Il n'a pas remis sa lettre")."""
    return (
        pron.dep_ == "expl:subj" and pron.lower_ in ("il", "elle", "ils", "elles")
        and verb.lemma_.lower() not in _IMPERSONAL and not any(c.lower_ == "y" for c in verb.children)
    )  # fmt: skip


def subject_tokens(verb, depth: int = 0) -> list:
    """Grammatical subjects of a verb, inherited through coordination, control and relatives."""
    if depth > 5:
        return []
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") or _personal_expletive(c, verb)]
    # A "subject" introduced by a preposition is a misparsed adjunct ("AVANT l'arrivée de M. Yoon,
    # la Corée du Nord a tiré"): a real subject never has one.
    # (not the partitive article the tagger calls a preposition: "DES habitants de Rangoun ont tapé")
    prep = lambda c: any(g.dep_ == "case" and g.i < c.i and g.lower_ not in _PARTITIVES for g in c.children)  # noqa: E731
    if subs and all(prep(c) for c in subs):
        return []
    subs = [c for c in subs if not prep(c)]
    if subs:
        if subs[0].lower_ in _RELATIVE and verb.dep_ == "acl:relcl":
            if verb.head.pos_ in ("NOUN", "PROPN"):
                return conjuncts(verb.head)
            # "se sont tournés vers la Russie, QUI leur a livré": the parser hangs the relative clause on
            # the verb; the antecedent is the noun written right before the relative pronoun
            k = subs[0].i - 1
            while k >= verb.sent.start and verb.doc[k].pos_ == "PUNCT":
                k -= 1
            if k >= verb.sent.start and verb.doc[k].pos_ in ("NOUN", "PROPN"):
                return [verb.doc[k]]
            return []
        return [t for s in subs for t in conjuncts(s)]
    head = verb.head
    if head is verb:
        return []
    if verb.dep_ == "conj":
        return subject_tokens(coordinated_head(verb), depth + 1)
    if verb.dep_ == "xcomp":
        if head.pos_ == "ADJ":
            return subject_tokens(head, depth + 1)  # "Pékin est PRÊT à développer": the copula's subject
        if head.pos_ not in ("VERB", "AUX"):
            return []  # "les engagements de ne pas fournir": whose, the parse does not say
        if verb_lemma(head) in OBJECT_CONTROL:
            # "exhorte X à", "reproche AU GOUVERNEMENT d'avoir": the object does the infinitive
            objs = [
                c for c in head.children
                if (c.dep_ in ("obj", "iobj") or (c.dep_ == "obl:arg" and case_of(c) in ("à", "au", "aux")))
                and c.lower_ not in _TIME_WORDS  # "a ordonné JEUDI à la Russie de": a date taken for the object
            ]
            if objs:
                return conjuncts(objs[0])
        return subject_tokens(head, depth + 1)
    if verb.dep_ == "acl" and "Inf" in verb.morph.get("VerbForm") and any(c.lower_ in ("pour", "afin") for c in verb.children):
        # "ont tapé sur des casseroles pendant de longues minutes POUR PROTESTER": a purpose clause the
        # parse hangs on a noun has the subject of the clause it serves
        node = verb.head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        return subject_tokens(node, depth + 1) if node.pos_ in ("VERB", "AUX") else []
    if verb.dep_ == "acl:relcl" or (verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm")):
        return [] if verb.dep_ == "acl" else conjuncts(head)
    if verb.dep_ == "advcl" and verb.morph.get("VerbForm") in (["Part"], ["Inf"]) and head.pos_ in ("VERB", "AUX"):
        if verb_lemma(head) in OBJECT_CONTROL:  # "condamner X pour avoir fourni": X did it
            objs = [c for c in head.children if c.dep_ == "obj"]
            if objs:
                return conjuncts(objs[0])
        return subject_tokens(head, depth + 1)  # "..., alléguant que", "pour présenter": same subject
    return []

def controller(verb):
    """The verb whose subject an infinitive complement shares ("L'Iran a PROPOSÉ d'acheminer"), through
    chains of them; the verb itself when it has its own clause or an object controls it."""
    steps = 0
    while (
        verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX") and verb.head is not verb and steps < 4
        and verb_lemma(verb.head) not in OBJECT_CONTROL
    ):  # fmt: skip
        verb, steps = verb.head, steps + 1
    return verb


def coordinated_head(verb):
    """The verb a conjunct shares its subject with: its parse head, except that a finite verb is not
    coordinated with the infinitive or gerund the parser hangs it on ("a accusé X d'avoir pénétré ...
    et A EXHORTÉ Manille", "a rejeté ..., les qualifiant de ..., et A ACCUSÉ") but with the finite
    verb above them."""
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ not in ("VERB", "AUX"):
        # "a condamné cette tentative ... et EXIGÉ la libération": hung on the object noun, the
        # participle shares the subject of the verb above that noun
        anc, steps = head, 0
        while anc.head is not anc and anc.pos_ not in ("VERB", "AUX") and steps < 4:
            anc, steps = anc.head, steps + 1
        return anc if anc.pos_ in ("VERB", "AUX") else head
    if verb.dep_ != "conj" or not _finite(verb) or _finite(head):
        return head
    anc, steps = head, 0
    while anc.head is not anc and not _finite(anc) and steps < 5:
        anc, steps = anc.head, steps + 1
    return anc if _finite(anc) and anc.pos_ in ("VERB", "AUX") else head


def _finite(verb) -> bool:
    """True if a verb carries its own tense: a finite form or an auxiliary ("a accusé", "sont convenus")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux:tense", "aux:pass", "aux")]
    if auxes:  # "a accusé" is finite, "(d')avoir pénétré" is not
        return any("Inf" not in c.morph.get("VerbForm") and not c.lower_.endswith("ant") for c in auxes)
    # the tagger marks some gerunds finite ("qualifiant": Tense=Fut): a form in -ant is not
    return "Fin" in verb.morph.get("VerbForm") and not verb.lower_.endswith("ant")


def _governing_plural_subject(token):
    """A plural noun subject of a clause above the pronoun, in its sentence, or None."""
    node, steps = token.head, 0
    while steps < 6:
        for c in node.children:
            if c.i != token.i and c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN") and (
                "Plur" in c.morph.get("Number") or len(conjuncts(c)) > 1
            ):
                return c
        if node.head is node:
            return None
        node, steps = node.head, steps + 1
    return None


def plural_parties(token, resolver: "ActorResolver") -> list:
    """Actors of a plural noun that names two sides: "les présidents DU Venezuela ET DU Guyana",
    "les délégations RUSSE ET UKRAINIENNE" (empty if the noun names fewer than two)."""
    if token.pos_ == "PRON" and (
        (token.lower_ in ("ils", "elles") and token.dep_.startswith("nsubj"))
        or (token.lower_ in ("leur", "eux") and token.dep_ in ("iobj", "obj", "obl:arg"))
    ):
        # "Ils ont rompu ...", "la Russie, qui LEUR a livré des armes": the states listed before, unless a
        # plural subject of a governing clause is there to stand for ("les troupes loyalistes sont
        # entrées dans les faubourgs, qu'ELLES ont pilonnés": antecedent() takes it)
        if token.lower_ in ("ils", "elles") and _governing_plural_subject(token) is not None:
            return []
        return _listed_states(token, resolver, lookback=6)
    if token.pos_ != "NOUN" or "Plur" not in token.morph.get("Number"):
        return []
    counted = _counted_states(token, resolver) or _listed_states(token, resolver)
    if counted:
        return counted
    for child in token.children:
        if child.dep_ == "nmod" and case_of(child) == "de" and child.pos_ == "PROPN":
            names = conjuncts(child)
            if len(names) > 1:
                found = [a for a in (resolver.resolve_token(n) for n in names) if a is not None]
                return found if len(found) > 1 else []
        if child.dep_ == "amod" and resolver.gazetteer is not None:
            adjs = [child] + [c for c in child.children if c.dep_ == "conj"]
            if len(adjs) > 1:
                from transforms.actors import country_of_adjective

                isos = [country_of_adjective(a.text) for a in adjs]
                found = [resolver.gazetteer.by_id[i] for i in isos if i in resolver.gazetteer.by_id]
                return found if len(found) > 1 else []
    return _surface_demonyms(token, resolver)


# "les trois pays", "les quatre voisins", "les trois juntes": a count of states the text named before.
_COUNTS = {"trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10}
_COUNTED_PERSONS = frozenset("dirigeant président chef".split())
_COUNTED_NOUNS = frozenset(
    "pays voisin état capitale gouvernement nation junte dirigeant président chef régime allié membre".split()
)


def _counted_states(token, resolver: ActorResolver) -> list:
    """The N states "les N pays" refers back to (N >= 3): the last earlier sentence that names exactly N
    states ("Le Mali, le Burkina Faso et le Niger ont quitté ..."), not the last N states named, which
    may be their partners ("... rompu avec la France et se sont tournés vers la Russie"). Two ("les
    deux pays") is left to the events stage, which prefers the last pair of opposed sides."""
    if token.lemma_.lower() not in _COUNTED_NOUNS or resolver.doc_actors is None or resolver.gazetteer is None:
        return []
    n = next((_COUNTS.get(c.lower_) or (int(c.text) if c.text.isdigit() else 0)
              for c in token.children if c.dep_ == "nummod"), 0)  # fmt: skip
    if n < 3:
        return []
    # "les trois pays" counts states named as such ("des diplomates russes" is no fourth country);
    # "les trois dirigeants" counts the persons named
    kinds = ("person",) if token.lemma_.lower() in _COUNTED_PERSONS else ("country",)
    for s_start, s_end in reversed([sp for sp in resolver.doc_actors.sentences if sp[1] <= token.sent.start_char]):
        found: list = []
        for start, _end, actor in resolver.doc_actors.matches:
            if s_start <= start < s_end and actor.country and actor.kind in kinds:
                state = resolver.gazetteer.by_id.get(actor.country)
                if state is not None and all(state.actor_id != f.actor_id for f in found):
                    found.append(state)
        if len(found) == n:
            return found
    return []


_LIST_GLUE = re.compile(r"^(?:\s|,|et\b|de\b|des\b|du\b|d['’]|l['’]|la\b|le\b|les\b)*$", re.IGNORECASE)


def _listed_states(token, resolver: ActorResolver, lookback: int = 1) -> list:
    """The states "CES pays" (or a subject "ils") refers back to: the last list of two or more states
    written before it in its sentence or the `lookback` ones before ("l'Arabie saoudite, les Émirats et
    Bahreïn ... accusé par ces pays")."""
    if resolver.doc_actors is None or resolver.gazetteer is None:
        return []
    if token.pos_ != "PRON" and (
        token.lemma_.lower() not in _COUNTED_NOUNS or not any(c.dep_ == "det" and c.lower_ == "ces" for c in token.children)
    ):
        return []
    text, sents = token.doc.text, resolver.doc_actors.sentences
    k = max((n for n, sp in enumerate(sents) if sp[0] <= token.idx), default=0)
    lo = sents[max(k - lookback, 0)][0] if sents else 0
    before = [(s, e, a) for s, e, a in resolver.doc_actors.matches if lo <= s and e <= token.idx]
    run: list = []
    for start, end, actor in reversed(before):
        state = resolver.gazetteer.by_id.get(actor.country) if actor.country and actor.kind == "country" else None
        if run and not _LIST_GLUE.match(text[end:run[-1][0]]):
            if len(run) >= 2:
                break
            run = []
        if state is None:
            if len(run) >= 2:
                break
            run = []
            continue
        if all(state.actor_id != r[2].actor_id for r in run):
            run.append((start, end, state))
    return [r[2] for r in reversed(run)] if len(run) >= 2 else []


def _surface_demonyms(token, resolver: ActorResolver) -> list:
    """Demonyms coordinated right after a plural noun, read off the words when the parse scattered
    them ("des délégations russe ET ukrainienne", "ukrainienne" hung on the verb)."""
    if resolver.gazetteer is None:
        return []
    from transforms.actors import country_of_adjective

    doc, found, j = token.doc, [], token.i + 1
    while j < len(doc) and (doc[j].lower_ in (",", "et") or country_of_adjective(doc[j].text)):
        iso = country_of_adjective(doc[j].text)
        if iso and iso in resolver.gazetteer.by_id and all(a.actor_id != iso for a in found):
            found.append(resolver.gazetteer.by_id[iso])
        j += 1
    return found if len(found) > 1 and doc[j - 1].lower_ not in (",", "et") else []


def antecedent(token, resolver: ActorResolver):
    """Actor a third-person pronoun or possessive stands for: the subject of the governing clause,
    else the first resolvable subject of the previous sentence."""
    node = token.head
    seen = 0
    clitic_object = token.dep_ in ("obj", "iobj") and token.pos_ == "PRON"
    while node is not None and seen < 8:
        seen += 1
        # an object clitic never stands for its own clause's subject ("la Russie, qui LEUR a livré")
        subjects = [] if clitic_object and node is token.head else subject_tokens(node)
        for sub in subjects:
            if sub.i != token.i and sub.lower_ not in _PRONOUNS_3 | _RELATIVE:
                actor = resolver.resolve_token(sub)
                if actor is not None:
                    return actor
        if node.head is node:
            break
        node = node.head
    sent = token.sent
    if sent.start > 0:
        prev = resolver.doc[sent.start - 1].sent
        for tok in prev:
            if tok.dep_ == "nsubj" and tok.lower_ not in _PRONOUNS_3:
                actor = resolver.resolve_token(tok)
                if actor is not None:
                    return actor
    return None

_LOCATIVE_CASES = frozenset({"à", "en", "dans", "vers", "depuis", "au", "aux"})


def _object_antecedent(token, resolver: ActorResolver):
    """Actor an object clitic (l', le, la, lui, les) stands for: the last object or oblique named before
    it in its sentence ("s'est entretenue avec Poutine et LUI a demandé"), else the previous sentence's object."""
    sent = token.sent
    own = {t.i for t in subject_tokens(token.head)}  # "la Russie, qui LEUR a livré": not Russia itself
    if token.lower_ in ("leur", "les"):
        # a plural clitic after coordinated subjects ("Le Mali, le Burkina et le Niger ... la Russie, qui
        # LEUR a livré des armes") stands for them: the first of them resolves
        for tok in resolver.doc[sent.start:token.i]:
            if tok.dep_ in ("nsubj", "nsubj:pass") and tok.i not in own and len(conjuncts(tok)) > 1:
                actor = resolver.resolve_token(tok)
                if actor is not None:
                    return actor
    for tok in reversed(resolver.doc[sent.start:token.i]):
        if tok.i in own:
            continue
        if tok.dep_ in ("obj", "obl:arg", "obl:mod", "iobj") and tok.pos_ in ("PROPN", "NOUN"):
            actor = resolver.resolve_token(tok)
            if actor is not None and actor.kind == "country" and case_of(tok) in _LOCATIVE_CASES:
                continue  # "s'est réfugié À MOSCOU, où la Russie LUI a accordé": a place, not a person
            if actor is not None:
                return actor
    if token.lower_ in ("lui", "l'", "l’", "le", "la"):
        # no object before it: the person the sentence is about ("Bachar al-Assad a fui ... et la Russie LUI a")
        for tok in resolver.doc[sent.start:token.i]:
            if tok.dep_ in ("nsubj", "nsubj:pass") and tok.i not in own:
                actor = resolver.resolve_token(tok)
                if actor is not None and actor.kind == "person":
                    return actor
    if sent.start == 0:
        return None
    for tok in resolver.doc[sent.start - 1].sent:
        if tok.dep_ == "obj" and tok.pos_ in ("PROPN", "NOUN"):
            actor = resolver.resolve_token(tok)
            if actor is not None:
                return actor
    return None

def resolve_participant(token, resolver: ActorResolver, speaker=None):
    """Actor for a participant token, following pronouns, possessives and the quoted "nous"."""
    low = token.lower_
    if low in ("nous", "on", "je") and speaker is not None:
        return speaker
    if token.pos_ == "PRON" and token.dep_ in ("obj", "iobj") and low in ("l'", "l’", "le", "la", "les", "lui", "leur"):
        return _object_antecedent(token, resolver)
    if low in _PRONOUNS_3 or low in POSSESSIVES:
        return antecedent(token, resolver)
    if token.pos_ in ("NOUN", "NUM") and token.lemma_.lower() in _PROXY_NOUNS:
        # "DES CENTAINES de manifestants ont envahi": the people counted; "PAR LA VOIX de son ministre": him
        counted = next((c for c in token.children if c.dep_ == "nmod" and case_of(c) == "de" and c.pos_ == "NOUN"), None)
        if counted is not None:
            return resolve_participant(counted, resolver, speaker)
    actor = resolver.resolve_token(token)
    if actor is None and token.pos_ == "NOUN" and resolver.gazetteer is not None and token.lower_ in resolver.gazetteer.site_nouns:
        # "contre un camp DU GROUPE JAISH-E-MOHAMMED", "les positions DES REBELLES": the site's owner
        owner = next((c for c in token.children if c.dep_ == "nmod" and case_of(c) == "de"), None)
        actor = resolve_participant(owner, resolver, speaker) if owner is not None else None
    # "a government" whose country the phrase does not say is no participant.
    return None if actor is not None and actor.actor_id in _NO_ACTOR_IDS else actor
