"""Actor and recipient of a trigger, read from the dependency parse and resolved to canonical actors."""

from __future__ import annotations

from transforms.participants import (
    POSSESSIVES,
    ActorResolver,
    antecedent,
    conjuncts,
    plural_parties,
    resolve_participant,
    subject_tokens,
)
from transforms.triggers import Entry, case_of, match_token


def is_passive(verb) -> bool:
    """True for a passive verb ("ont été livrés"), not a reciprocal one ("se sont rencontrés")."""
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    reflexive = any(c.lower_ in ("se", "s'", "s’") for c in verb.children)
    if any(c.dep_.startswith("aux") and c.lemma_ == "avoir" for c in verb.children):
        return False  # "la Chine/nsubj:pass A rejeté": an active compound tense the parser mislabelled
    if participial_passive(verb) or any(c.dep_ == "obl:agent" for c in verb.children):
        return True  # "accusé PAR Riyad de ...": an agent complement only comes with a passive
    return not reflexive and any(c.dep_ == "nsubj:pass" for c in verb.children)


def participial_passive(verb) -> bool:
    """A past participle modifying a noun ("Doha, ACCUSÉ par ces pays de ...", "Sonko, EMPRISONNÉ depuis
    juillet"): a passive whose subject is that noun."""
    if "Part" not in verb.morph.get("VerbForm") or "Past" not in verb.morph.get("Tense"):
        return False
    if any(c.dep_.startswith("aux") for c in verb.children):
        return False
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return True
    # "a libéré Alan Gross, ARRÊTÉ PAR les autorités": hung on the verb, said of its object
    return verb.dep_ == "advcl" and any(c.dep_ == "obl:agent" for c in verb.children) and _object_of(verb.head) is not None


def dependents(token):
    """Children of a token, plus those hung under an adverb ("auprès DE la Corée")."""
    for child in token.children:
        yield child
        if child.dep_ == "advmod" and child.pos_ == "ADV":
            yield from child.children


def slot_groups(token, slots: tuple[str, ...], exclude: set[int], depth: int = 4) -> list[list]:
    """Candidate token groups for the recipient slots of an entry, best first (obj, iobj, a preposition).

    spaCy often hangs "à la Russie" under the object ("vendu des centaines de drones à la Russie"),
    so prepositional slots are also searched down the object's nominal dependents.
    """
    groups = []
    deps = [c for c in dependents(token) if c.i not in exclude and (c.pos_ in ("NOUN", "PROPN", "PRON") or _nominalized(c))]
    for slot in slots:
        found = []
        for child in deps:
            if slot in ("obj", "iobj"):
                if child.dep_ == slot and child.lower_ not in ("que", "qu'", "qu’"):
                    found.append(child)
                elif child.dep_ == slot and token.dep_ == "acl:relcl" and token.head.pos_ in ("NOUN", "PROPN"):
                    found.append(token.head)  # "le Congrès, QU'il accuse de...": the noun the relative hangs on
            elif child.dep_ not in ("nsubj", "nsubj:pass", "obj") and case_of(child) == slot:
                found.append(child)
        if slot == "obj" and not found:
            # "a suspendu MERCREDI la Guinée": the parse hangs the bare object on the date before it.
            for child in deps:
                if child.dep_ == "obl:mod" and child.pos_ == "NOUN":
                    found.extend(
                        g for g in child.children
                        if g.dep_ in ("nmod", "obj") and g.pos_ in ("NOUN", "PROPN") and g.i not in exclude
                        and not any(x.dep_ == "case" for x in g.children)
                    )
        if found:
            groups.append([t for f in found for t in conjuncts(f)])
    inner_slots = tuple(s for s in slots if s not in ("obj", "iobj", "de"))
    if depth > 1 and inner_slots:
        for child in deps:
            if child.dep_ in ("obj", "obl:arg", "nmod", "obl:mod", "nsubj:pass"):
                groups.extend(slot_groups(child, inner_slots, exclude, depth - 1))
                # "lever les sanctions IMPOSÉES contre l'Australie": the target sits in the object's participle.
                for part in child.children:
                    if part.dep_ == "acl" and part.pos_ == "VERB" and "Part" in part.morph.get("VerbForm"):
                        groups.extend(slot_groups(part, inner_slots, exclude, depth - 1))
    return groups


def _nominalized(token) -> bool:
    """A participle the tagger kept as a verb though a determiner makes it a noun: "a arrêté L'OPPOSANT
    Raila Odinga", "LES manifestants"."""
    return token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm") and any(
        c.dep_ == "det" and c.i < token.i for c in token.children
    )


def _first_resolved(groups: list[list], resolver: "ActorResolver", speaker) -> list:
    """Actors of the first candidate group that resolves to at least one actor."""
    for group in groups:
        actors = []
        for tok in group:
            several = plural_parties(tok, resolver)
            if several:
                actors.extend(several)
                continue
            actor = resolve_participant(tok, resolver, speaker)
            if actor is not None:
                actors.append(actor)
        if actors:
            return actors
    return []


def verb_above_time_noun(noun, lexicon):
    """The verb a noun belongs to when spaCy hangs it under a time noun between them ("a imposé
    VENDREDI des droits de douane", "a rompu JEUDI ses accords"), else None."""
    head = noun.head
    if head.lemma_.lower() in lexicon.time_nouns and head.head.pos_ == "VERB":
        return head.head
    return None


def support_verb(noun, lexicon):
    """The support verb governing a noun trigger ("a IMPOSÉ des sanctions", "ont REPRIS lundi à Caracas
    des négociations"), or None when the noun's governor is not one of the lexicon's support verbs."""
    top = noun
    while top.dep_ == "nmod" and top.head.lemma_.lower() in lexicon.quantity_nouns:
        top = top.head  # "l'ensemble des sanctions": the verb governs the quantity noun
    gov = top.head if top.dep_ in ("obj", "nsubj:pass", "obl:arg") else None
    if top.dep_ == "nmod":
        gov = verb_above_time_noun(top, lexicon) or gov  # "a imposé vendredi des droits de douane"
    if gov is None and top.dep_ in ("nmod", "obl", "obl:mod", "obl:arg") and case_of(top) in ("", "de", "un"):
        # "ont repris lundi à Caracas des négociations": the parser hangs the noun under a place or a
        # time; the support verb a few links up still governs it (not "LORS D'un rassemblement": an
        # adjunct introduced by its own preposition is not an object)
        up, steps = top.head, 0
        while up.pos_ not in ("VERB", "AUX") and up.head is not up and steps < 3:
            if up.pos_ != "PROPN" and up.lemma_.lower() not in lexicon.time_nouns:
                break  # under a common noun it is that noun's complement ("l'organisation d'un rassemblement")
            up, steps = up.head, steps + 1
        if up.pos_ in ("VERB", "AUX") and up.i < noun.i:
            gov = up
    if gov is not None and gov.lemma_.lower() not in lexicon.support_verbs:
        gov = None
    return gov


def nominal_roles(noun, entry: Entry, resolver: ActorResolver, lexicon, speaker=None):
    """(actors, recipients) of a noun trigger: "la visite DE X À Y", possessive, demonym, support verb."""
    actors, recipients, patients = [], [], []
    de_is_recipient = "de" in entry.recipient
    if entry.de_pair:
        # "le retrait de la France du Mali": the first named "de X" acts, the last is the recipient.
        des = [c for c in noun.children if c.dep_ in ("nmod", "obl:arg") and case_of(c) == "de" and c.pos_ == "PROPN"]
        if len(des) == 1:  # spaCy chains them: "de la France (du Niger)"
            des += [c for c in des[0].children if c.dep_ == "nmod" and case_of(c) == "de" and c.pos_ == "PROPN"]
        if len(des) >= 2:
            first, last = resolver.resolve_token(des[0]), resolver.resolve_token(des[-1])
            if first is not None and last is not None:
                return [first], [last]
    for child in _own_dependents(noun, entry):
        if child.dep_ == "det" and child.lower_ in POSSESSIVES:
            owners = _plural_owners(noun, child, resolver, speaker)
            if owners:
                actors.extend(owners)  # "Le Mali, le Burkina et le Niger ont annoncé LEUR retrait"
                continue
            a = antecedent(child, resolver)
            if a is not None:
                actors.append(a)
        elif child.dep_ == "amod" and resolver.gazetteer is not None:
            from transforms.actors import country_of_adjective

            iso = country_of_adjective(child.text)
            if iso is not None:
                a = resolver.gazetteer.by_id.get(iso)
                if a is not None:
                    actors.append(a)
        elif child.dep_ in ("nmod", "obl:arg", "obl:agent") and case_of(child) == "par":
            for t in conjuncts(child):
                patient = _patient_after_agent(t, entry, resolver)
                if patient is not None:  # "la destitution par l'armée DE MOHAMED MORSI"
                    patients.append(patient[1])
                a = resolver.resolve_head(t, patient[0]) if patient is not None else resolver.resolve_token(t)
                if a is None and patient is not None and patient[1].country and resolver.gazetteer is not None:
                    # "par l'armée" before any country was named: the body of the country of the one it seized
                    body = resolver.gazetteer.bare_body(t.text)
                    a = resolver.gazetteer.institution(patient[1].country, body) if body else None
                if a is not None:
                    actors.append(a)
        elif child.dep_ in ("nmod", "obl:arg") and case_of(child) == "de" and not de_is_recipient:
            if child.pos_ == "PROPN" or child.ent_type_:
                for t in conjuncts(child):
                    a = resolver.resolve_token(t)
                    if a is not None:
                        actors.append(a)
            elif child.pos_ == "NOUN" and entry.type == "ASSAULT":
                # "un raid DE L'AVIATION INDIENNE", "l'offensive DE L'ARMÉE russe": forces attack
                a = resolver.resolve_token(child)
                if a is not None and (a.sector in ("military", "armed_group") or a.kind == "group"):
                    actors.append(a)
            elif child.pos_ == "NOUN" and entry.type in _SPEAKER_ACTS:
                # "la visite DU VICE-PRÉSIDENT AMÉRICAIN Joe Biden": an office phrase names the actor too
                # (of talks and statements only: "l'expulsion DES DIPLOMATES russes" names who is expelled)
                a = resolver.resolve_token(child)
                if a is not None and a.kind in ("person", "country", "institution"):
                    actors.append(a)
    slots = tuple(s for s in entry.recipient if s not in ("obj", "iobj"))
    recipients = _first_resolved(slot_groups(noun, slots, set(), depth=2), resolver, speaker)
    if not recipients:
        recipients = patients
    if not recipients:
        # "des sanctions VISANT des secteurs clés de l'économie bélarusse": what the measure targets
        for part in (c for c in noun.children if c.dep_ in ("acl", "acl:relcl") and c.lemma_.lower() in _TARGETING):
            targets = [t for t in part.children if t.dep_ in ("obj", "obl:arg") and t.pos_ in ("NOUN", "PROPN")]
            recipients = _first_resolved([[a for t in targets for a in conjuncts(t)]], resolver, speaker)
            if recipients:
                break
    if not recipients and entry.de_pair:
        # "leur retrait « sans délai » de la Cédéao": the parse hangs the place left under the aside
        recipients = [r for r in surface_slot(noun, ("de",), resolver, skip_quotes=True) if r not in actors]
    if not recipients and noun.head.lemma_.lower() in lexicon.quantity_nouns:
        # "une série de frappes SUR Sanaa": the parser hangs the target on the quantity noun
        recipients = _first_resolved(slot_groups(noun.head, slots, {noun.i}, depth=2), resolver, speaker)
    if not actors:
        # "l'attaque MENÉE le 25 mars PAR les houthis CONTRE un dépôt": the participle's agent acts
        for part in (c for c in noun.children if c.dep_ == "acl" and "Part" in c.morph.get("VerbForm")):
            agents = [t for t in part.subtree if t.dep_ in ("obl:agent", "nmod", "obl", "obl:mod") and case_of(t) == "par" and t.pos_ in ("NOUN", "PROPN")]
            actors = _first_resolved([[a for t in agents[:1] for a in conjuncts(t)]], resolver, speaker)
            if actors and not recipients:
                recipients = _first_resolved(slot_groups(part, slots, set(), depth=2), resolver, speaker)
            if actors:
                break
    if entry.symmetric and "entre" in slots:
        between = _between_parties(noun, resolver, speaker)
        if len(between) > len(recipients):
            recipients = between
    if not recipients and entry.type == "ACCUSE":
        # "l'accusation selon laquelle la Russie ...": the accused is the subject of the content clause.
        for child in noun.children:
            if child.dep_ in ("dep", "acl", "acl:relcl", "ccomp"):
                cands = [child] if child.pos_ == "PROPN" else [c for c in child.children if c.dep_ == "nsubj"]
                recipients = [r for r in (resolver.resolve_token(c) for c in cands) if r is not None]
                if recipients:
                    break
    if not recipients and entry.type == "REQUEST" and case_of(noun) in ("à", "sur") and noun.head.pos_ in ("VERB", "AUX"):
        # "le Conseil s'est réuni À LA DEMANDE d'Israël": the request was that the verb's subject act
        recipients = [a for a in (resolve_participant(t, resolver, speaker) for t in subject_tokens(noun.head)) if a is not None]
    if not actors and entry.type in _TROOP_MOVES and recipients and all(r.sector in ("military", "armed_group") for r in recipients):
        actors, recipients = recipients, []  # "le retrait DES TROUPES AMÉRICAINES": the troops move
    gov = support_verb(noun, lexicon)
    if not recipients and gov is not None and not is_passive(gov):
        # "a imposé des droits de douane SUR 5 milliards de dollars d'importations américaines": the
        # parser hangs the noun's complement on the support verb.
        recipients = _first_resolved(slot_groups(gov, slots, {noun.i}, depth=1), resolver, speaker)
    if not actors:
        # "Washington a annoncé des sanctions contre X": the support verb's subject acts.
        if gov is not None:
            if is_passive(gov):  # "des sanctions ont été imposées à X par Y"
                agents = [c for c in gov.children if c.dep_ == "obl:agent" or case_of(c) == "par"]
                actors = _first_resolved([[t for a in agents for t in conjuncts(a)]], resolver, speaker)
                if not recipients:
                    recipients = _first_resolved(slot_groups(gov, slots, {noun.i}, depth=1), resolver, speaker)
            else:
                for sub in subject_tokens(gov):
                    a = resolve_participant(sub, resolver, speaker)
                    if a is not None:
                        actors.append(a)
    return actors, recipients


def _patient_after_agent(agent, entry: Entry, resolver: ActorResolver):
    """(token, person) of the one a seizure is done to when the parse hangs them on its agent: in "la
    destitution par l'armée DE MOHAMED MORSI" French puts the patient after the agent; (None if not).
    Only for acts done to someone (COERCE, SANCTION: "l'expulsion par les gendarmes DE DÉPUTÉS de
    l'opposition"): "l'offensive par les forces de Kadhafi" names their owner."""
    if entry.type not in ("COERCE", "SANCTION"):
        return None
    for child in agent.children:
        if child.i > agent.i and child.dep_ == "nmod" and case_of(child) == "de":
            patient = resolver.resolve_token(child)
            if patient is not None and (patient.kind == "person" or child.pos_ == "NOUN"):
                return child, patient
    return None


def _own_dependents(noun, entry: Entry):
    """A noun trigger's dependents, with the bare word that completes its wording ("coup D'ÉTAT") replaced
    by that word's own dependents: in "le coup d'État DE L'ARMÉE" the army acts, "État" is no actor
    ("le déploiement de SES policiers" keeps its possessive on the policemen)."""
    for child in noun.children:
        if (
            child.dep_ == "nmod" and case_of(child) == "de" and child.lemma_.lower() in entry.object_in
            and child.pos_ == "NOUN" and not any(g.dep_ == "det" for g in child.children)
            and any(g.dep_ == "case" and g.lower_ in ("de", "d'", "d’") for g in child.children)  # not "du"
        ):  # fmt: skip
            yield from (g for g in child.children if g.dep_ != "case")
        else:
            yield child


# Participles by which a measure names its target: "des sanctions VISANT X", "des frappes CIBLANT X".
_TARGETING = frozenset({"viser", "cibler", "frapper", "toucher", "concerner"})

# Nominal acts whose "de + forces" is who moves: "le retrait des troupes américaines", "le déploiement de soldats russes".
_TROOP_MOVES = frozenset({"RETREAT", "MOBILIZE"})


# Nominal acts whose "de + office phrase" is their author: talks, visits, statements.
_SPEAKER_ACTS = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "CONCEDE"})


def _between_parties(noun, resolver: ActorResolver, speaker=None) -> list:
    """Every party of "entre X, Y et Z": the parser chains a list of three as apposition and conjunct
    ("l'Égypte, le Soudan (appos) et l'Éthiopie (conj of Soudan)"), so the whole chain is read."""
    for child in noun.children:
        if child.dep_ == "nmod" and case_of(child) == "entre":
            chain, todo = [], [child]
            while todo:
                tok = todo.pop(0)
                chain.append(tok)
                todo.extend(c for c in tok.children if c.dep_ in ("conj", "appos") and c.pos_ in ("NOUN", "PROPN"))
            found = []
            for tok in chain:
                actor = resolve_participant(tok, resolver, speaker)
                if actor is not None and all(actor.actor_id != f.actor_id for f in found):
                    found.append(actor)
            return found
    return []


def _plural_owners(noun, possessive, resolver: ActorResolver, speaker=None) -> list:
    """The coordinated subjects of the verb governing "LEUR(S) + noun", when there are several."""
    if possessive.lower_ not in ("leur", "leurs") or noun.head.pos_ not in ("VERB", "AUX"):
        return []
    owners = [a for a in (resolve_participant(t, resolver, speaker) for t in subject_tokens(noun.head)) if a is not None]
    return owners if len(owners) > 1 else []


def passive_agents(verb) -> list:
    """The "par X" agents of a passive verb or participle ("a été frappé PAR l'armée", "présenté PAR X")."""
    return [c for c in verb.children if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_of(c) == "par")]


def verbal_roles(verb, entry: Entry, resolver: ActorResolver, lexicon, speaker=None):
    """(actors, recipients) of a verb trigger, with passive voice and reversed verbs (acheter auprès de)."""
    passive = is_passive(verb)
    subjects = _participle_subjects(verb, lexicon) if participial_passive(verb) else subject_tokens(verb)
    exclude = {s.i for s in subjects}
    if passive:
        agents = passive_agents(verb)
        actor_groups = [[t for a in agents for t in conjuncts(a)]]
        recip_groups = [subjects] if entry.recipient[:1] == ("obj",) else slot_groups(verb, entry.recipient, exclude)
    elif entry.reverse:
        recip_groups = [subjects]
        actor_groups = slot_groups(verb, tuple(lexicon.reverse_agent_preps), exclude)
    else:
        actor_groups = [subjects]
        recip_groups = slot_groups(verb, entry.recipient, exclude) if entry.recipient else []
    actors = _first_resolved(actor_groups, resolver, speaker)
    if not actors and entry.reverse:
        # "n'a reçu aucun soutien DE WASHINGTON", "a reçu des drones DE L'IRAN": the giver hangs on the gift
        gifts = [c for c in verb.children if c.dep_ == "obj"]
        givers = [g for c in gifts for g in c.children if _of_name(g)]
        actors = _first_resolved([[t for g in givers for t in conjuncts(g)]], resolver, speaker)
    recips = _first_resolved(recip_groups, resolver, speaker)
    if not recips and entry.with_lemma and "obj" in entry.recipient and not passive:
        # "a mis en garde ALGER": the parser hangs the object on the locution's noun
        fixed = [c for c in verb.children if c.lemma_.lower() == entry.with_lemma]
        names = [g for f in fixed for g in f.children if g.dep_ in ("nmod", "appos") and g.pos_ == "PROPN" and not case_of(g)]
        recips = _first_resolved([names], resolver, speaker)
    if not recips and (entry.recipient or entry.type == "REJECT") and not passive and not entry.reverse:
        # "a rejeté la proposition AMÉRICAINE": a denial has no object slot but its object has an owner
        recips = _event_owner(verb, resolver) if entry.type in ("ACCUSE", "SUPPORT", "REJECT", "AGREE") else []
        if not recips and entry.type == "THREATEN":
            recips = [a for a in _threatened_party(verb, resolver, lexicon) if a not in actors]
        if not recips and entry.type == "REJECT":
            recips = [a for a in _rejected_partner(verb, resolver, lexicon) if a not in actors]
        if not recips and entry.type in ("THREATEN", "ACCUSE", "REQUEST"):
            sides = {b.country or b.actor_id for b in actors}  # "Blinken a averti que Washington ...": his own side
            recips = [a for a in _clause_subject(verb, resolver, speaker) if (a.country or a.actor_id) not in sides]
        if not recips and entry.type == "REQUEST":
            recips = [a for a in _provider(verb, resolver, lexicon) or _asked_party(verb, resolver, lexicon) if a not in actors]
        if not recips and "obj" in entry.recipient:
            recips = [a for a in _relative_antecedent(verb, resolver, speaker) if a not in actors]
        if not recips and entry.recipient:
            recips = [a for a in surface_slot(verb, entry.recipient, resolver) if a not in actors]
        if not recips and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
            # "suspendre les relations avec les Émirats ET rappeler son ambassadeur": two acts of one
            # kind against one target
            sibling = match_token(verb.head, lexicon)
            if sibling is not None and sibling.type == entry.type and not sibling.symmetric:
                recips = [a for a in verbal_roles(verb.head, sibling, resolver, lexicon, speaker)[1] if a not in actors]
    return actors, recips


def _named(token) -> bool:
    """A name, or a title with its name apposed ("du président russe Dmitri Medvedev")."""
    return token.pos_ == "PROPN" or any(c.dep_ in ("appos", "flat:name") and c.pos_ == "PROPN" for c in token.children)


def _of_name(token) -> bool:
    """A named "de X" complement, however parsed ("du chancelier allemand Olaf Scholz" may hang as an
    apposition whose subtree starts with "du")."""
    if token.dep_ == "nmod" and case_of(token) == "de":
        return _named(token)
    return token.dep_ == "appos" and token.pos_ == "PROPN" and token.doc[token.left_edge.i].lower_ in ("de", "du", "d'", "d’", "des")


def _object_of(verb):
    """The direct object of a verb, or None."""
    return next((c for c in verb.children if c.dep_ == "obj"), None)


def _participle_subjects(verb, lexicon) -> list:
    """What a past participle modifying a noun is said of: that noun, or, when the parser hangs the
    participle on a time noun ("Mugabe restait JEUDI assigné à résidence"), the subject of the verb
    above, or on a verb, that verb's object."""
    head = verb.head
    if verb.dep_ == "advcl":
        return conjuncts(_object_of(head))
    if head.lemma_.lower() in lexicon.time_nouns and head.head is not head and head.head.pos_ in ("VERB", "AUX"):
        return subject_tokens(head.head)
    return conjuncts(head)


def _object_acts(verb, lexicon, accept, adjunct: bool = False):
    """(noun, entry) for each object noun of a verb that triggers an act `accept` takes; with adjunct,
    also a bare noun hung as an adjunct ("a rejeté vendredi toute négociation", after the weekday)."""
    for obj in verb.children:
        if obj.pos_ != "NOUN" or not (obj.dep_ == "obj" or (adjunct and obj.dep_ == "obl:mod" and not case_of(obj))):
            continue
        inner = match_token(obj, lexicon)
        if inner is not None and accept(inner):
            yield obj, inner


def _threatened_party(verb, resolver: ActorResolver, lexicon) -> list:
    """Whom a threat is aimed at when it names only the act threatened: "a menacé DE SUSPENDRE ses
    relations AVEC LES ÉMIRATS", "de rétablir LES SANCTIONS CONTRE la Birmanie" -> that act's recipient."""
    other = lambda e: e.type != "THREATEN"  # noqa: E731
    for child in verb.children:
        if child.dep_ != "xcomp" or child.pos_ != "VERB":
            continue
        entry = match_token(child, lexicon)
        if entry is not None and other(entry):
            _, recips = verbal_roles(child, entry, resolver, lexicon)
            if recips:
                return recips
        for obj, inner in _object_acts(child, lexicon, other):
            _, recips = nominal_roles(obj, inner, resolver, lexicon)
            if recips:
                return recips
    return []


def _rejected_partner(verb, resolver: ActorResolver, lexicon) -> list:
    """Whom one refuses to deal with: "a rejeté toute négociation AVEC LES MANIFESTANTS" -> them."""
    for obj, inner in _object_acts(verb, lexicon, lambda e: e.symmetric, adjunct=True):
        _, recips = nominal_roles(obj, inner, resolver, lexicon)
        if recips:
            return recips
    return []


def _asked_party(verb, resolver: ActorResolver, lexicon) -> list:
    """Who is asked to act when a demand names the act: "a exigé LA DÉMISSION DU PREMIER MINISTRE",
    "réclame LE RETRAIT DES TROUPES RUSSES" -> the author of that act."""
    asked = lambda e: e.type not in ("REQUEST", "THREATEN") and "de" not in e.recipient  # noqa: E731
    for obj, inner in _object_acts(verb, lexicon, asked):
        actors, _ = nominal_roles(obj, inner, resolver, lexicon)
        if actors:
            return actors
    return []


def _provider(verb, resolver: ActorResolver, lexicon) -> list:
    """Whom a request asks for help: "a demandé L'AIDE DE l'OTSC" -> the CSTO (see provided_nouns)."""
    for obj in (c for c in verb.children if c.dep_ == "obj" and c.lemma_.lower() in lexicon.provided_nouns):
        for child in obj.children:
            if child.dep_ == "nmod" and case_of(child) == "de" and child.pos_ in ("PROPN", "NOUN"):
                actor = resolver.resolve_token(child)
                if actor is not None:
                    return [actor]
    return []


def _relative_antecedent(verb, resolver: ActorResolver, speaker=None) -> list:
    """The noun a relative object pronoun stands for, when the parse misses the relative clause.

    "a critiqué le Congrès, QU'il accuse de...": spaCy often makes "qu'" a mark and the verb a ccomp;
    a "que" right after a comma that follows a noun is the object relative of that noun.
    """
    doc = verb.doc
    for child in verb.children:
        if child.lower_ not in ("que", "qu'", "qu’") or child.pos_ != "PRON" or child.i < 2 or child.i > verb.i:
            continue
        if doc[child.i - 1].text != ",":
            continue
        noun = doc[child.i - 2]
        while noun.dep_ in ("amod", "flat:name", "nmod") and noun.pos_ not in ("NOUN",) and noun.head.i < noun.i:
            noun = noun.head  # "le Congrès péruvien," -> Congrès
        if noun.pos_ in ("NOUN", "PROPN"):
            actor = resolve_participant(noun, resolver, speaker)
            return [actor] if actor is not None else []
    return []


def _clause_subject(verb, resolver: ActorResolver, speaker=None) -> list:
    """Who a warning is about: "a averti QUE TÉHÉRAN paiera" -> Iran (the subject of the que-clause)."""
    for child in verb.children:
        if child.dep_ == "ccomp" and any(m.lower_ in ("que", "qu'", "qu’") for m in child.children if m.dep_ == "mark"):
            subs = [s for s in child.children if s.dep_ in ("nsubj", "nsubj:pass") and s.pos_ == "PROPN"]
            return [a for a in (resolve_participant(s, resolver, speaker) for s in subs) if a is not None]
    return []


_SURFACE_STOP = {",", ";", ":", "(", ")", "«", "»", '"', "."}


def surface_slot(verb, slots: tuple[str, ...], resolver: ActorResolver, skip_quotes: bool = False) -> list:
    """Recipient read off the words after the verb when the parse misattaches it.

    "va livrer des chars Leopard à l'Ukraine" (spaCy hangs "Ukraine" under "Leopard"): the first
    name introduced by one of the entry's prepositions (or, for "obj", right after the verb), before
    the next comma or verb, within 12 words.
    """
    doc = verb.doc
    end = min(verb.i + 13, verb.sent.end)
    forms = {"à": ("à", "au", "aux"), "de": ("de", "du", "des", "d'", "d’")}
    i = verb.i + 1
    while i < end:
        tok = doc[i]
        if skip_quotes and tok.text == "«":
            close = next((k for k in range(i + 1, min(i + 6, end)) if doc[k].text == "»"), None)
            if close is not None:  # "leur retrait « sans délai » de la Cédéao": a short quoted aside
                i = close + 1
                continue
        if tok.text in _SURFACE_STOP or (tok.pos_ == "VERB" and tok.i != verb.i and tok.dep_ != "amod"):
            break
        nxt = i + 1
        while nxt < end and doc[nxt].pos_ == "DET":
            nxt += 1
        between = doc[verb.i + 1:i]
        adjacent = all(  # only adverbs between the verb and the name: "accuse PAR AILLEURS Bamako"
            t.pos_ == "ADV" or (t.pos_ == "ADP" and t.i + 1 < i and doc[t.i + 1].pos_ == "ADV") for t in between
        )
        for slot in slots:
            if slot == "obj" and adjacent and tok.pos_ == "PROPN":
                actor = resolver.resolve_token(tok)
                return [actor] if actor is not None else []
            if slot not in ("obj", "iobj") and tok.lower_ in forms.get(slot, (slot,)) and nxt < end:
                if doc[nxt].pos_ == "PROPN" or doc[nxt].ent_type_ in ("ORG", "LOC"):
                    actor = resolver.resolve_token(doc[nxt])
                    return [actor] if actor is not None else []
        i += 1
    return []


def _event_owner(verb, resolver: ActorResolver) -> list:
    """Who did or offered what a verb judges or accepts: "a condamné l'attaque ISRAÉLIENNE / de la Russie",
    "ont accepté le plan de paix DE SARKOZY", "un plan PRÉSENTÉ PAR le président français"."""
    for obj in (c for c in verb.children if c.dep_ == "obj" and c.pos_ == "NOUN"):
        # "le plan de paix DE Sarkozy": the owner may hang one noun down
        inner = [g for c in obj.children if c.dep_ == "nmod" and c.pos_ == "NOUN" and case_of(c) == "de" for g in c.children]
        for child in list(obj.children) + [g for g in inner if g.dep_ == "nmod" and case_of(g) == "de" and g.pos_ == "PROPN"]:
            if child.dep_ == "amod" and resolver.gazetteer is not None:
                from transforms.actors import country_of_adjective

                iso = country_of_adjective(child.text)
                if iso and iso in resolver.gazetteer.by_id:
                    return [resolver.gazetteer.by_id[iso]]
            if child.dep_ == "nmod" and case_of(child) == "de" and child.pos_ == "PROPN":
                actor = resolver.resolve_token(child)
                if actor is not None:
                    return [actor]
        for acl in (c for c in obj.children if c.dep_ == "acl" and c.lemma_.lower() in _AUTHORING):
            found = [x for x in (resolver.resolve_token(a) for a in passive_agents(acl)) if x is not None]
            if found:
                return found  # "un plan PRÉSENTÉ PAR le président français" (not "soutenu par": a backer)
    return []


# Participles that name the author of a text or an offer: "le plan PRÉSENTÉ PAR X".
_AUTHORING = frozenset({"présenter", "proposer", "soumettre", "avancer", "élaborer", "rédiger", "formuler", "parrainer"})
