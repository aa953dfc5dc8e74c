"""Event coding: parse clean French articles once and turn their triggers into dated PLOVER event mentions.

Orchestration only: triggers.py finds the words, roles.py the actor and recipient, modality.py the
claimant, negation and modality; dates come from the temporal stage through transforms.anchor.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, replace

import pandas as pd

from transforms import modality as modality_mod
from transforms import parse_repair
from transforms.evidence import (
    clause_span,
    dating_timexes,
    dct_interval,
    modifier_clauses,
    own_clause,
    paragraph_spans,
    sentence_span,
    timex_objects,
)
from transforms.discourse import (
    ANAPHORIC_DET,
    both_sides,
    MATERIAL,
    PROVOKING,
    SPEECH_ACTS,
    entry_type,
    implicit_recipients,
    noun_controlled_subject,
    state_of,
    stranded_subject,
    surface_subjects,
)
from transforms.actor_context import focus_party, party_side
from transforms.anchor import around_act, before_statement, day_shift, since
from transforms.participants import ActorResolver, controller, coordinated_head, resolve_participant, subject_tokens
from transforms.roles import is_passive, nominal_roles, support_verb, verb_above_time_noun, verbal_roles
from transforms.triggers import Lexicon, case_of, load_lexicon, match_token

# Acts that always have a target: when the text names none, the article's focus is taken (see focus_party).
IMPLIED_TARGET = frozenset({
    "ACCUSE", "REQUEST", "THREATEN", "SANCTION", "REJECT", "SUPPORT", "ASSAULT", "MOBILIZE", "PROTEST", "COERCE", "AID", "RETREAT",
})  # fmt: skip

# Ties (agreements, talks, cooperation) and the acts that end them: the tie named as the object of
# such an act is not an event of its own.
_TIES = frozenset({"AGREE", "COOPERATE", "CONSULT"})
_BREAKS = frozenset({"SANCTION", "REJECT", "RETREAT"})

# Modes of acts that stay inside one country when no target is named (see _code_trigger).
DOMESTIC_MODES = frozenset({"demonstrate", "annul", "ban", "censor", "resign", "comply", "restrict"})

MENTION_COLUMNS = [
    "mention_id", "doc_id", "event_type", "event_mode",
    "actor", "actor_id", "actor_country", "recipient", "recipient_id", "recipient_country",
    "trigger", "sentence", "char_start", "char_end",
    "date_text", "date_start", "date_end", "date_precision", "date_method",
    "claimed_by", "claimed_by_id", "negated", "modality", "rule", "confidence",
]  # fmt: skip


def mention_id(doc_id: str, start: int, end: int, event_type: str, actor_id: str | None, recipient_id: str | None) -> str:
    """Stable id "m"+16 hex from the document, evidence span, type and participants."""
    key = f"{doc_id}|{start}|{end}|{event_type}|{actor_id or ''}|{recipient_id or ''}"
    return "m" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class _Context:
    """Per-document state shared by the coding of its triggers."""

    doc_id: str
    text: str
    paragraphs: list[tuple[int, int]]
    skip: list[tuple[int, int]]
    quotes: list[tuple[int, int]]
    timexes: list
    dct: object
    resolver: ActorResolver
    statements: list  # (token_i, speaker actor_id, DateChoice) of dated reporting verbs
    usable_timexes: list = None  # timexes allowed to date an event (see dating_timexes)
    recent: list = None  # (type, actor) of the events coded so far, in text order
    targeted: list = None  # (actor, recipient) of the provoking events coded so far, in text order
    pairs: list = None  # (actor, recipient) of every event coded so far, in text order
    symmetric_pairs: list = None  # (type, actor, recipient) of the symmetric events coded so far

    @property
    def paragraph_starts(self) -> list[int]:
        """Start offsets of the paragraphs."""
        return [p[0] for p in self.paragraphs]


def _paragraph_of(ctx: _Context, pos: int) -> tuple[int, int]:
    """The paragraph span containing a character offset."""
    starts = ctx.paragraph_starts
    k = max(0, bisect_right(starts, pos) - 1)
    return ctx.paragraphs[k]


def _choose_date(ctx: _Context, trigger_span, clause, sentence, skip: list | None = None):
    """DateChoice from the anchor stage (ignoring timexes inside the skip spans), or None without it."""
    try:
        from transforms.anchor import choose_date
    except ImportError:
        return None
    usable = ctx.usable_timexes
    if skip:
        usable = [t for t in usable if not any(lo <= t.char_start and t.char_end <= hi for lo, hi in skip)]
    return choose_date(usable, trigger_span, clause, sentence, _paragraph_of(ctx, trigger_span[0]), ctx.dct)


def _quote_speaker(sent, ctx: _Context, cues):
    """Speaker of a quote in this sentence: subject of a reporting verb outside the quotes, here or around."""
    doc = sent.doc
    sents = [sent]
    if sent.start > 0:
        sents.append(doc[sent.start - 1].sent)
    if sent.end < len(doc):
        sents.append(doc[sent.end].sent)
    for s in sents:
        for tok in s:
            if tok.lemma_.lower() in cues.reporting and tok.pos_ in ("VERB", "AUX"):
                if any(a <= tok.idx < b for a, b in ctx.quotes):
                    continue
                for sub in subject_tokens(tok):
                    actor = resolve_participant(sub, ctx.resolver)
                    if actor is not None:
                        return actor
    return None


def _previous_speaker(token, ctx: _Context, cues):
    """Subject of a reporting verb in the sentence before the token's, or None."""
    sent = token.sent
    if sent.start == 0:
        return None
    for tok in token.doc[sent.start - 1].sent:
        if tok.lemma_.lower() in cues.reporting and tok.pos_ in ("VERB", "AUX"):
            for sub in subject_tokens(tok):
                actor = resolve_participant(sub, ctx.resolver)
                if actor is not None:
                    return actor
    return None


def _speaker_side(actor, resolver: ActorResolver):
    """What a quoted "nous" stands for: a person's country (the government they speak for), else the actor."""
    if actor is None:
        return None
    if getattr(actor, "kind", None) == "person" and actor.country and resolver.gazetteer is not None:
        return resolver.gazetteer.by_id.get(actor.country, actor)
    return actor


def _statement_dates(doc, ctx: _Context, cues) -> list:
    """Dated reporting verbs of the document with their speaker: dates quoted performatives ("Nous exhortons")."""
    out = []
    for tok in doc:
        if tok.lemma_.lower() not in cues.reporting or tok.pos_ not in ("VERB", "AUX"):
            continue
        speaker = None
        for sub in subject_tokens(tok):
            speaker = resolve_participant(sub, ctx.resolver)
            if speaker is not None:
                break
        if speaker is None:
            continue
        sent_span = sentence_span(tok, _paragraph_of(ctx, tok.idx))
        choice = _choose_date(ctx, (tok.idx, tok.idx + len(tok)), own_clause(tok, sent_span), sent_span)
        if choice is not None and choice.method == "clause" and choice.start is not None:
            out.append((tok.idx, speaker.actor_id, choice))
    return out


def _display(actor) -> tuple[str | None, str | None, str | None]:
    """(name, id, country) of an actor or three Nones."""
    if actor is None:
        return None, None, None
    body = getattr(actor, "body", None)
    if body is not None:  # "António Guterres" acts for the UN: code the organisation, as a minister codes his state
        return body.name, body.actor_id, body.country
    return actor.name, actor.actor_id, actor.country


def _code_trigger(token, entry, ctx: _Context, lexicon: Lexicon, cues) -> list[dict]:
    """Mentions (one per actor/recipient pair) coded from one trigger token."""
    if any(a <= token.idx < b for a, b in ctx.skip):
        return []
    sent = token.sent
    in_quote = any(a <= token.idx < b for a, b in ctx.quotes)
    implied_actor = False
    speaker = _quote_speaker(sent, ctx, cues) if in_quote else None
    side = _speaker_side(speaker, ctx.resolver)
    if entry.pos == "VERB":
        actors, recips = verbal_roles(token, entry, ctx.resolver, lexicon, side)
        if not actors and is_passive(token) and entry.type in ("ASSAULT", "COERCE"):
            actors = _attack_authors(token, ctx, lexicon, side)  # "tué DANS UNE FRAPPE AMÉRICAINE"
        if not actors and not is_passive(token):
            actors = stranded_subject(token, ctx.resolver, cues.reporting, side)
        if not actors:
            actors = noun_controlled_subject(token, ctx.resolver, lexicon)  # "la décision de X de rompre"
        if (not actors or (entry.symmetric and len(actors) == 1 and not recips) or _cut_subject(token, actors)) and not is_passive(token):
            # a broken parse of the names before the verb: read them off the surface
            surface = surface_subjects(controller(token), ctx.resolver)
            own_subject = any(c.dep_.startswith("nsubj") for c in token.children)
            if not surface and token.dep_ == "conj" and not own_subject and not entry.reverse:
                surface = surface_subjects(coordinated_head(token), ctx.resolver)  # "Pékin a accusé ... et a exhorté"
            if entry.symmetric and actors:
                # "Le président serbe X et le Premier ministre kosovar Y": the parse keeps one, the words the other
                surface = actors + [a for a in surface if all(a.actor_id != b.actor_id for b in actors)]
            if len(surface) > len(actors):
                actors = surface
        if not actors and entry.symmetric:
            holder = controller(token)
            if holder.dep_ == "advcl" and "Inf" in holder.morph.get("VerbForm"):
                holder = holder.head  # "les deux hommes se sont serré la main avant DE S'ENTRETENIR"
            actors = both_sides(holder, ctx.pairs, ctx.recent)  # "les deux parties ont convenu"
        if actors and not recips and "obj" in entry.recipient:
            recips = both_sides(token, ctx.pairs, ctx.recent, ("obj",), actors)  # "a appelé les deux pays"
        if actors and entry.type in ("ACCUSE", "PROTEST"):
            recips = _judged_authors(token, actors, ctx, lexicon, side) or recips  # "protester CONTRE LE PUTSCH"
    else:
        actors, recips = nominal_roles(token, entry, ctx.resolver, lexicon, side)
        gov = support_verb(token, lexicon) if entry.symmetric and len(actors) + len(recips) < 2 else None
        if gov is not None and not is_passive(gov):
            # "Le gouvernement colombien et l'ELN ont repris des négociations", parsed as two sentences:
            # the names written before the support verb
            surface = surface_subjects(gov, ctx.resolver)
            if len(surface) >= 2:
                actors, recips = surface, []
    if entry.symmetric and not actors and len(recips) > 1:
        actors, recips = recips[:1], recips[1:]  # "la rencontre entre X et Y"
    if entry.symmetric and not actors and not recips and token.pos_ == "NOUN" and _reported_done(token, lexicon):
        # "le compromis CONCLU le 2 avril à Lausanne", "les négociations OUVERTES en 2012": an earlier
        # round between the parties of the last agreement or talks of that kind
        last = next(((a, r) for t, a, r in reversed(ctx.symmetric_pairs) if t == entry.type), None)
        if last is not None:
            actors, recips = [last[0]], [last[1]]
    definite = any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DET for c in token.children)
    if not actors and token.pos_ == "NOUN" and entry.type in SPEECH_ACTS and definite and entry.mode != "demonstrate":
        # "C'est la dernière accusation ...": a bare speech-act noun refers back to the last speaker.
        prev = _previous_speaker(token, ctx, cues)
        if prev is not None:
            actors = [prev]
    if actors and not recips and token.pos_ == "VERB":
        recips = implicit_recipients(token, entry, actors, ctx.resolver, ctx.recent, ctx.targeted, lexicon, side)
    if actors and not recips and entry.type == "COERCE" and entry.mode == "seize":
        # A coup without a named victim ("des militaires ont pris le pouvoir") is against their own state.
        state = state_of(actors[0], ctx.resolver)
        if state is not None and state.actor_id != actors[0].actor_id:
            recips = [state]
    if not actors and recips and entry.type == "COERCE" and is_passive(token) and ctx.resolver.doc_actors is not None:
        # "X a été arrêté" with no agent: an arrest or a removal is the act of the state the article is about.
        host = ctx.resolver.doc_actors.local_country(token.idx)
        if host is not None and host.actor_id not in {r.actor_id for r in recips}:
            actors = [host]
    if (
        not actors and entry.mode == "demonstrate" and ctx.resolver.doc_actors is not None
        and "Inf" not in token.morph.get("VerbForm")  # "a appelé à manifester": no crowd has marched yet
    ):
        # "Des milliers de manifestants ont défilé à Tbilissi": the unnamed crowd is the people of the
        # country they protest against, else of the country the article is about
        # (not of a foreign embassy's country: the crowd that storms it is local)
        state = next((state_of(r, ctx.resolver) for r in recips if r.country and r.sector != "diplomacy"), None)
        state = state or ctx.resolver.doc_actors.local_country(token.idx)
        if state is not None:
            actors = [ctx.resolver.gazetteer.institution(state.country, "civilians")]
            implied_actor = True
    if entry.type == "ASSAULT" and actors and all(a.actor_id.endswith(".civilians") for a in actors) and recips and all(
        r.country == actors[0].country for r in recips
    ):
        # "des centaines de manifestants ont envahi le Parlement": a crowd storming its own state's
        # buildings riots, it wages no war (PROTEST, as the annotators coded it; an attack on a foreign
        # embassy stays an ASSAULT)
        entry = replace(entry, id=entry.id + "_par_la_foule", type="PROTEST", mode="riot")
    if not actors and not recips:
        return []
    if (entry.needs_recipient and not recips) or (entry.symmetric and len(actors) + len(recips) < 2 and not _sitting_body(token, entry, actors)):
        return []
    if not actors and not (token.pos_ == "VERB" and any(c.dep_ == "aux:pass" for c in token.children)):
        # An active verb whose subject we cannot name, or a bare noun ("l'offensive en Ukraine"):
        # the event has no known author; only a passive verb ("X a été sanctionné") is kept.
        return []
    mod = modality_mod.analyse(
        token, ctx.resolver, cues, ctx.quotes, speaker,
        irrealis_head=lambda t: entry_type(t, lexicon) in ("REQUEST", "THREATEN"),
        support_verbs=lexicon.support_verbs, bounds=_paragraph_of(ctx, token.idx),
    )  # fmt: skip
    if token.pos_ == "NOUN" and token.dep_ == "obj" and token.head.lemma_.lower() in cues.presupposing:
        mod.modality = "realized"  # "pour tenter d'enrayer LES MANIFESTATIONS": they are happening
    if entry.type == "REJECT" and mod.negated and token.lemma_.lower() in cues.ruling_out:
        return []  # "n'a pas exclu de nouvelles sanctions": nothing ruled out; the sanctions stay open
    if entry.modality and mod.modality == "realized":
        mod.modality = entry.modality  # "s'est engagé à réduire": a commitment, not the act
    sentence = sentence_span(token, _paragraph_of(ctx, token.idx))
    implied = False
    # A nominal attack ("l'offensive russe", "la guerre") is mostly background whose target is not the
    # article's focus ("n'a jamais condamné l'offensive russe" in an article on North Korea).
    background = token.pos_ == "NOUN" and entry.type == "ASSAULT"
    judged = background and token.head.pos_ == "VERB" and match_token(token.head, lexicon) is not None
    if actors and not recips and entry.type == "ASSAULT" and ctx.resolver.doc_actors is not None and not judged:
        # "des frappes ... à Balakot, dans le nord-ouest DU PAKISTAN": an attack hits where it lands (not
        # an attack another act names, "n'a jamais condamné l'offensive russe", in a sentence on Ukraine)
        place = ctx.resolver.doc_actors.sentence_place(token.idx)
        if place is not None and all(party_side(a) != party_side(place) for a in actors):
            recips, implied = [place], True
    if actors and not recips and entry.type in IMPLIED_TARGET and ctx.resolver.doc_actors is not None and not background:
        # An act aimed at no one named ("a condamné toute prise du pouvoir par la force") is aimed at the
        # party the article is about; marked in `rule` and with a lower confidence so it can be told apart.
        if entry.type == "RETREAT":
            # "le retrait des troupes américaines": troops leave the country the text is about, not a party
            da = ctx.resolver.doc_actors
            place = da.sentence_place(token.idx) or da.host_country(token.idx, whole=True)
            target = place if place is not None and all(party_side(a) != party_side(place) for a in actors) else None
        elif entry.type == "COERCE" or entry.mode in DOMESTIC_MODES:
            # Arrests, crackdowns and street protests are domestic unless a target is named: the police
            # arrest in their own country, demonstrators march against their own government.
            target = state_of(actors[0], ctx.resolver)
        else:
            exclude = {party_side(a) for a in actors} | {party_side(x) for x in (mod.claimant, speaker) if x is not None}
            target = focus_party(ctx.resolver.gazetteer, ctx.resolver.doc_actors.matches, exclude)
        if target is not None:
            recips, implied = [target], True
    clause = clause_span(token, sentence)
    trig = (token.idx, token.idx + len(token))
    choice = _choose_date(ctx, trig, clause, sentence, modifier_clauses(token, sentence))
    if choice is not None and choice.method in ("clause", "sentence") and mod.modality == "realized":
        choice = since(choice, ctx.text, ctx.dct)  # "a accordé DEPUIS JANVIER": from January to now
    if choice is not None:
        choice = day_shift(choice, ctx.text[clause[0]:clause[1]])  # "Dès LE LENDEMAIN, la coalition a riposté"
        own = (token.left_edge.idx, token.right_edge.idx + len(token.right_edge))
        if token.pos_ == "NOUN" and case_of(token) == "de" and not (own[0] <= (choice.char_start or -1) < own[1]):
            # "jeudi, au lendemain DE LA DESTITUTION" (not "au lendemain de frappes menées DIMANCHE")
            choice = around_act(choice, token.head.lemma_.lower())
    method = getattr(choice, "method", None)
    if mod.opinion:
        ahead = method == "clause" and ctx.dct is not None and choice.start is not None and choice.start >= ctx.dct.start
        if ahead:
            # "Le Conseil de sécurité DOIT se réunir LUNDI", "X doit se rendre en Éthiopie samedi, selon
            # des responsables": a date ahead makes "devoir" a schedule, whoever reports it
            mod.opinion, mod.modality = False, "future"
        elif mod.claimant is None:
            return []  # the writer's own recommendation ("les deux pays doivent ..."), not news
    if in_quote and speaker is not None and method in (None, "paragraph", "dct_window", "none") and token.pos_ == "VERB":
        # A quoted present-tense act ("Nous exhortons") happens when it is said: date it by the
        # speaker's latest dated statement before it in the article.
        dated = [c for i, sid, c in ctx.statements if sid == speaker.actor_id and i <= token.idx]
        if dated and mod.modality == "realized":
            choice = dated[-1]
            method = "speaker_statement"
    if (
        choice is not None and choice.start is not None and method in ("sentence", "paragraph", "speaker_statement")
        and token.pos_ == "VERB" and mod.modality == "realized" and modality_mod.is_pluperfect(token)
        and modality_mod.reporting_head(token, cues) is not None
    ):
        # "La Maison-Blanche a annoncé VENDREDI que la Corée du Nord AVAIT LIVRÉ": the day dates the
        # announcement; the delivery it reports came before it.
        choice = before_statement(choice)
        method = choice.method
    pairs = []
    if entry.symmetric and len(actors) > 1 and not recips:
        recips = actors[1:]
        actors = actors[:1]
    for a in actors or [None]:
        for r in recips or [None]:
            if a is not None and r is not None and a.actor_id == r.actor_id and not implied:
                continue
            if entry.symmetric and a is not None and r is not None and (
                (r.kind == "country" and a.country == r.actor_id) or (a.kind == "country" and r.kind == "person" and r.country == a.actor_id)
            ):
                continue  # "s'est rendu à l'ambassade du Mexique À LIMA": one's own country is no partner
            if entry.type == "RETREAT" and a is not None and r is not None and a.kind == "person" and r.kind == "country":
                continue  # "le président a quitté le pays": a person leaving a country travels or flees
            pairs.append((a, r))
    if not pairs:
        return []
    mode = lexicon.mode_for(token, entry)
    confidence = entry.confidence * (0.85 if mod.alleged else 1.0) * (0.9 if not actors else 1.0) * (0.8 if implied else 1.0) * (0.8 if implied_actor else 1.0)
    if actors and (entry.type not in MATERIAL or (mod.modality == "realized" and not mod.negated)):
        ctx.recent.append((entry.type, actors[0]))
    ctx.pairs.extend((a, r) for a, r in pairs if a is not None and r is not None)
    if entry.symmetric:
        ctx.symmetric_pairs.extend((entry.type, a, r) for a, r in pairs if a is not None and r is not None)
    if entry.type in PROVOKING and not entry.symmetric:
        ctx.targeted.extend((a, r) for a, r in pairs if a is not None and r is not None)
    claimed = mod.claimant
    rows = []
    ev_start, ev_end = clause
    for a, r in pairs:
        an, aid, ac = _display(a)
        rn, rid, rc = _display(r)
        cn, cid, _ = _display(claimed)
        if cid is not None and (cid == aid or (entry.type in SPEECH_ACTS and a is side)):
            cn = cid = None  # one does not "claim" one's own act; a speaker's "nous" is the speaker
        rows.append({
            "mention_id": mention_id(ctx.doc_id, ev_start, ev_end, entry.type, aid, rid),
            "doc_id": ctx.doc_id, "event_type": entry.type, "event_mode": mode,
            "actor": an, "actor_id": aid, "actor_country": ac,
            "recipient": rn, "recipient_id": rid, "recipient_country": rc,
            "trigger": token.text, "sentence": ctx.text[sentence[0]:sentence[1]], "char_start": ev_start, "char_end": ev_end,
            "date_text": getattr(choice, "date_text", None),
            "date_start": getattr(choice, "start", None), "date_end": getattr(choice, "end", None),
            "date_precision": getattr(choice, "precision", None), "date_method": method,
            "claimed_by": cn, "claimed_by_id": cid, "negated": bool(mod.negated),
            "modality": "future" if getattr(choice, "future", False) and mod.modality == "realized" else mod.modality,
            "rule": entry.rule + ("+implied_actor" if implied_actor else "") + ("+implied_recipient" if implied else ""),
            "confidence": round(confidence, 3),
        })  # fmt: skip
    return rows


def _reported_done(noun, lexicon) -> bool:
    """True if a past participle of a support verb says the act was carried out ("l'accord CONCLU le 24
    août", "les négociations OUVERTES à La Havane"), not merely named."""
    return any(
        c.dep_ == "acl" and c.pos_ == "VERB" and "Part" in c.morph.get("VerbForm") and "Past" in c.morph.get("Tense")
        and (c.lemma_.lower() in lexicon.support_verbs or c.lemma_.lower() in _OPENING)
        for c in noun.children
    )


# Participles by which talks or a text are said to have started or been reached.
_OPENING = frozenset({"ouvrir", "entamer", "engager", "trouver", "parapher", "sceller", "négocier"})


def _unknown_place_talks(visit, matches, resolver) -> bool:
    """True if a trip goes to a place the gazetteer does not know and its purpose clause is talks
    ("s'est rendu à Benghazi pour s'entretenir avec X"); a known place stays a visit to that state."""
    talks = any(c.dep_ == "advcl" and c.i in matches and matches[c.i].type == "CONSULT" for c in visit.children)
    near = [g for c in visit.children for g in [c, *c.children]]  # "vendredi À PORT-SOUDAN" hangs on the date
    places = [t for t in near if t.pos_ == "PROPN" and t.dep_ in ("obl", "obl:mod", "obl:arg", "nmod") and case_of(t) in ("à", "en", "au")]
    return talks and bool(places) and all(resolver.covering_actor(p) is None for p in places)


def code_document(doc, doc_id: str, timexes: list, dct, gazetteer, lexicon: Lexicon | None = None) -> list[dict]:
    """Mentions of one parsed document (spaCy Doc of the clean text)."""
    lexicon = lexicon or load_lexicon()
    cues = modality_mod.load_cues()
    parse_repair.repair(doc, lexicon.time_nouns)
    text = doc.text
    doc_actors = _document_actors(gazetteer, doc)
    ctx = _Context(
        doc_id=doc_id, text=text, paragraphs=paragraph_spans(text),
        skip=modality_mod.teaser_spans(text, cues), quotes=modality_mod.quote_spans(text),
        timexes=timexes, dct=dct, resolver=ActorResolver(doc, gazetteer, doc_actors), statements=[],
    )  # fmt: skip
    ctx.usable_timexes = dating_timexes(doc, timexes, lexicon)
    ctx.recent = []
    ctx.targeted = []
    ctx.pairs = []
    ctx.symmetric_pairs = []
    ctx.statements = _statement_dates(doc, ctx, cues)
    rows: list[dict] = []
    matches = {}
    for token in doc:
        entry = match_token(token, lexicon)
        if entry is not None:
            matches[token.i] = entry
    for i, entry in matches.items():
        token = doc[i]
        head_entry = matches.get(token.head.i)
        if entry.pos == "NOUN" and head_entry is not None and token.head.i != i and (
            head_entry.type == entry.type or (token.dep_ == "obj" and token.lemma_.lower() in head_entry.object_in)
        ):
            continue  # "lancer une offensive", "RETIRER LA PLAINTE": the verb entry codes the event
        if entry.pos == "NOUN" and entry.type in _TIES and _ended_by(token, matches, lexicon):
            continue  # "a rompu ses accords militaires", "a suspendu le dialogue": a tie ended, not made
        if entry.type == "AGREE" and not entry.symmetric and any(
            (c.dep_ == "xcomp" and c.pos_ == "VERB") or (c.i in matches and c.dep_ == "obj" and matches[c.i].type == "CONCEDE")
            for c in token.children
        ):
            # "a accepté DE SUSPENDRE son projet", "LA DÉMISSION du gouvernement": the act is coded on its
            # own; "a accepté DE PARTIR": what is accepted is no agreement with anyone
            continue
        if entry.type == "CONSULT" and entry.mode == "visit" and _unknown_place_talks(token, matches, ctx.resolver):
            continue  # "s'est rendu à Benghazi POUR S'ENTRETENIR avec le maréchal": the talks name the partner
        if _state_not_act(token):
            continue  # "l'espace aérien restait fermé", "les frontières restent fermées": a state, not an act
        if _demanded(token, matches):
            continue  # "a menacé DE FRAPPER", "a exhorté X À CESSER": the threat or demand carries its content
        rows.extend(_code_trigger(token, entry, ctx, lexicon, cues))
    seen, out = set(), []
    for row in rows:
        if row["mention_id"] not in seen:
            seen.add(row["mention_id"])
            out.append(row)
    return out


# Acts whose infinitive complement is their content, not an act of its own.
_DEMANDS = frozenset({"THREATEN", "REQUEST"})


def _cut_subject(verb, actors: list) -> bool:
    """True if the parse cut the sentence inside its subject: the verb's one subject is not the sentence's
    first word and the parse made a root of what came before ("Le président russe Vladimir Poutine et
    son homologue chinois | Xi Jinping l'ont félicité")."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(actors) != 1 or len(subj) != 1 or verb.dep_ != "ROOT":
        return False
    first = subj[0].left_edge
    if first.i == 0:
        return False
    before = verb.doc[first.i - 1]
    if before.lower_ in (".", "!", "?", ";") or "\n" in before.text:
        return False
    root = before
    while root.head.i != root.i:
        root = root.head
    return root.i != verb.i


def _attack_authors(verb, ctx: _Context, lexicon: Lexicon, side) -> list:
    """Who did it when a passive names the attack instead of the agent: "a été tué vendredi DANS UNE
    FRAPPE AMÉRICAINE", "lors d'un raid de l'armée" -> the attack's author."""
    for child in verb.children:
        if child.dep_.startswith("obl") and child.pos_ == "NOUN" and case_of(child) in ("dans", "lors de", "par", "sous"):
            entry = match_token(child, lexicon)
            if entry is not None and entry.type == "ASSAULT":
                authors, _ = nominal_roles(child, entry, ctx.resolver, lexicon, side)
                if authors:
                    return authors
    return []


def _judged_authors(verb, actors: list, ctx: _Context, lexicon: Lexicon, side) -> list:
    """Who did the act a condemnation or a protest names: "a condamné l'arrestation PAR LA POLICE de
    X", "a dénoncé l'invasion RUSSE de l'Ukraine" are aimed at the police and at Russia (house
    convention), not at the phrase's last name; [] when the act's author is not written."""
    obj = next((c for c in verb.children if c.pos_ == "NOUN" and (c.dep_ == "obj" or case_of(c) == "contre")), None)
    entry = match_token(obj, lexicon) if obj is not None else None
    if entry is None or entry.type in SPEECH_ACTS:
        return []
    authors, _ = nominal_roles(obj, entry, ctx.resolver, lexicon, side)
    return [a for a in authors if all(a.actor_id != b.actor_id for b in actors)]


def _state_not_act(token) -> bool:
    """True if a past participle describes how something stays ("restait fermé", "demeurent suspendues")."""
    if "Part" not in token.morph.get("VerbForm"):
        return False
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in _STAYING:
        return True
    return any(c.lemma_.lower() in _STAYING and c.i < token.i for c in token.children)


_STAYING = frozenset({"rester", "demeurer"})


def _demanded(token, matches: dict) -> bool:
    """True if a verb is the content of a threat, a demand or a refusal coded on its governor: its infinitive
    complement, or an infinitive coordinated with it ("a menacé de suspendre ... ET DE RAPPELER")."""
    head = token.head
    if token.pos_ == "NOUN" and token.dep_ == "obj" and head.pos_ == "VERB" and head.i not in matches and head is not token:
        return _demanded(head, matches)  # "a menacé de RÉTABLIR les SANCTIONS": the object of the content
    if head.i not in matches or head is token:
        return False
    if matches[head.i].type not in _DEMANDS and matches[head.i].complement is None:
        return False
    if token.dep_ == "xcomp":
        return True
    return (
        token.dep_ == "conj" and "Inf" in token.morph.get("VerbForm")
        and any(c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’", "à") for c in token.children)
    )  # fmt: skip


def _sitting_body(token, entry, actors: list) -> bool:
    """True if a body of members meets ("le Conseil de sécurité doit se réunir", "l'OTAN s'est réunie"):
    its members meet, no partner is needed. Only a verb says it met; "une réunion du Conseil" is mostly
    what someone asked for or the background of another act."""
    return token.pos_ == "VERB" and entry.mode == "meet" and len(actors) == 1 and actors[0].sector == "igo"


def _ended_by(noun, matches: dict, lexicon: Lexicon) -> bool:
    """True if a tie noun is the object of a verb that ends it ("a rompu [jeudi] ses accords"), also
    when the parser hangs it under a time noun between them."""
    head = verb_above_time_noun(noun, lexicon)
    if head is None:
        if noun.dep_ != "obj":
            return False
        head = noun.head
    entry = matches.get(head.i)
    return entry is not None and entry.type in _BREAKS


def _document_actors(gazetteer, doc):
    """The actors stage's per-document resolver (coreference), or None if it is not available."""
    if gazetteer is None:
        return None
    try:
        from transforms.actors import DocumentActors
    except (ImportError, AttributeError):
        return None
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    return DocumentActors(gazetteer, doc.text, entities=ents)


def extract_mentions(docs: pd.DataFrame, timexes: pd.DataFrame, nlp, batch_size: int = 16) -> pd.DataFrame:
    """Event mentions of every document: one nlp.pipe pass, then lexicon + parse coding."""
    try:
        from transforms.actors import load_gazetteer

        gazetteer = load_gazetteer()
    except (ImportError, OSError):  # the actors stage is missing or incomplete: raw entities
        gazetteer = None
    lexicon = load_lexicon()
    by_doc = timex_objects(timexes)
    texts = [t if isinstance(t, str) else "" for t in docs["text"].tolist()]
    rows: list[dict] = []
    for row, doc in zip(docs.itertuples(index=False), nlp.pipe(texts, batch_size=batch_size)):
        rows.extend(code_document(doc, row.doc_id, by_doc.get(row.doc_id, []), dct_interval(row), gazetteer, lexicon))
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    frame["negated"] = frame["negated"].astype(bool)
    return frame
