"""Per-document actor resolution with the simple coreference news uses.

"M. Kirby" / "Kirby" -> the person introduced as "John Kirby"; "le porte-parole" -> the last
person introduced with that role; a person named with a role apposition ("le ministre soudanais
des Affaires étrangères, Ali Youssef", "Ashot Mkrtychev, un ressortissant slovaque") takes the
country and sector of that role; an unknown named entity is kept with a NULL country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from transforms.actors import Actor, Gazetteer, slug, tokens
from transforms.actor_context import acronym_bodies, host_country, last_group, last_organisation
from transforms.actor_text import LEADING_FUNCTION_WORDS

# Titles written before a name; never part of the name itself.
_HONORIFICS = frozenset(
    "m mme mlle mm mmes dr pr me monsieur madame mademoiselle sir cheikh ayatollah".split()
    # military ranks NER keeps in the name ("le général Zúñiga" is "Juan José Zúñiga")
    + "general generale colonel capitaine commandant lieutenant marechal amiral".split()
)
# Sentence ends, except after "M." / "Mme." / an initial ("John F. Kennedy").
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMme)(?<!\bDr)[.!?]+[»\"”]?\s+|\n\s*")
# What may separate a name from a role written before it: "le président russe Vladimir Poutine".
_GAP_BEFORE = re.compile(r"[\s,:]*\Z")
# A place between role and name: "l'ambassadeur russe *à Pyongyang* Aleksandr Matsegora".
_LOCATIVE = re.compile(r"\s+(?:à|en|au|aux)\s+\Z", re.IGNORECASE)
# ... or after it: "John Kirby, du Conseil...", "Ashot Mkrtychev, un ressortissant slovaque".
_GAP_AFTER = re.compile(
    r"\s*,\s*(?:(?:un|une|le|la|les|l|du|de|des|d|ancien|ancienne|actuel|actuelle|alors|"
    r"nouveau|nouvelle|lui-même|elle-même)\s*['’]?\s*){0,3}\Z",
    re.IGNORECASE,
)


# A leader's title right before the group it heads: "le commandant DE L'", "le chef DU".
_LEADER_OF = re.compile(
    r"\b(?:chef|chefs|commandant|commandants|dirigeant|dirigeants|leader|leaders|porte-parole|fondateur|"
    r"numéro un|numéro deux|patron|émir|responsable|négociateur|négociateurs)\s+(?:de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)\Z",
    re.IGNORECASE,
)

# An article and a bare title ending right before a name: "le président ", "l'opposant ", "au président ".
# The leading ".*" takes the article nearest the name: in "du Bénin a infligé un revers au président ",
# the title is "au président", not everything after "du".
_TITLE_ONLY = re.compile(r".*(?:^|[\s,(])((?:le|la|les|l['’]|au|aux|du|des)\s*[^\W\d][\w'’ -]{2,40}?)\s+\Z", re.IGNORECASE | re.DOTALL)
# "les soldats", "les policiers": a definite plural of members of a force, read as that force.
# An indefinite phrase introduces someone new: "UN responsable", "UNE diplomate".
_INDEFINITE = re.compile(r"^(?:un|une)\s", re.IGNORECASE)
_INDEFINITE_BEFORE = re.compile(r"\b(?:un|une)\s+\Z", re.IGNORECASE)
# Adjectives that make a body an armed group's: "les autorités REBELLES".
_REBEL_ADJECTIVE = re.compile(r"\s+(?:rebelles?|insurgée?s?|séparatistes?|putschistes?)$", re.IGNORECASE)
# Adjectives that make forces the state's own, whatever the state: "les troupes LOYALISTES".
_OWN_STATE = re.compile(r"\s+(?:loyalistes?|gouvernementa(?:les?|ux)|régulières?|réguliers?)$", re.IGNORECASE)
_FORCES_PLURAL = re.compile(r"^(?:(?:les|ces|des)\s+)?\w+[sx]$", re.IGNORECASE)
# A paragraph that opens on a place: "À Erevan, ", "En Birmanie, ", "Au Niger, ", "Dans la capitale, ".
_SCENE = re.compile(r"(?:À|A|En|Au|Aux)\s+(?:l['’]|la\s+|le\s+|les\s+)?")
_SCENE_COMMA = re.compile(r"\s*,")
# A noun phrase naming several: "les/des/ces responsables", "trois ministres", "plusieurs diplomates".
_PLURAL_PHRASE = re.compile(
    r"\s*(?:les|des|ces|leurs|plusieurs|quelques|certains|certaines|nombreux|deux|trois|quatre|cinq|six|sept|"
    r"huit|neuf|dix|douze|quinze|vingt|cent|\d+)\b",
    re.IGNORECASE,
)
# A place named as where something happens: "À Minsk", "dans les rues de Minsk", "dans le sud de l'Ukraine".
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:à|dans|en|au|aux|sur)|(?:rues|ville|villes|région|capitale|sud|nord|est|ouest|centre|frontière)\s+d[eu']?)"
    r"\s*(?:l['’]|la\s+|le\s+|les\s+)?\Z",
    re.IGNORECASE,
)
# A trailing "de <Place>" the gazetteer may not know: "les habitants DE RANGOUN".
_UNKNOWN_PLACE = re.compile(r"\s+(?:de|d['’])\s*[A-ZÀ-Ý][\w'’-]*(?:[\s-][A-ZÀ-Ý][\w'’-]*)*\s*\Z")
# Bodies that act where they are: unnamed, they are the local ones.
_LOCAL_BODIES = frozenset({"police", "civilians"})
# Contracted articles ("au président", "du ministre") read as the plain article for the role lookup.
_CONTRACTED = re.compile(r"^(?:(au|du)|aux|des)\s+", re.IGNORECASE)

# Sectors of a state's offices: an untitled-country office holder belongs to the article's country.
_STATE_SECTORS = frozenset("government military intelligence diplomacy judiciary legislature finance".split())

# An honorific right before a span: "M. | Kurti" when NER leaves the title out of the name.
_TITLE_BEFORE = re.compile(r"\b(?:M|Mme|Mlle|Dr|Pr)\.?\s+\Z")


def bare_title(gaz: Gazetteer, span: str) -> str | None:
    """The office a span names if it is a bare title with no name ("Premier ministre", "le président"):
    the gazetteer reads it as an office and no capitalised word follows its first two ("Premier
    ministre NIKOL PACHINIAN" names someone); else None."""
    if any(w[:1].isupper() for w in span.split()[2:]):
        return None
    return gaz.role_only(span)


def _person_by_surname(gaz: Gazetteer, surname: str) -> Actor | None:
    """The one gazetteer person whose name ends with this folded surname ("kurti"), else None."""
    index = gaz.__dict__.get("_surnames")
    if index is None:  # built once per gazetteer
        index = {}
        for pid in gaz.person_records:
            name = tokens(gaz.by_id[pid].name)
            if len(name) > 1:
                index.setdefault(name[-1][2], []).append(gaz.by_id[pid])
        gaz.__dict__["_surnames"] = index
    found = index.get(surname, [])
    return found[0] if len(found) == 1 else None  # "M. Kim": several Kims, the document decides


@dataclass
class _Intro:
    """A person introduced in the document, with the folded tokens of their name."""

    start: int
    actor: Actor
    name_tokens: frozenset[str]


class DocumentActors:
    """Per-document resolver with simple coreference."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        text: str,
        entities: Sequence[tuple[int, int, str]],
        year: int | None = None,
    ):
        """Index the document: gazetteer matches, sentences, persons introduced (roles as of year)."""
        self.gaz = gazetteer
        self.year = year
        self.text = text
        self.entities = sorted((int(s), int(e), str(lab)) for s, e, lab in entities)
        known = gazetteer.find_all(text)
        self.matches = sorted(known + acronym_bodies(gazetteer, text, known), key=lambda m: m[:2])
        self.sentences = self._sentence_spans(text)
        self._intros: list[_Intro] = []
        self._person_mentions: list[tuple[int, int]] = []
        self._introduce_persons()

    # ---------------------------------------------------------------- setup
    @staticmethod
    def _sentence_spans(text: str) -> list[tuple[int, int]]:
        spans, start = [], 0
        for m in _SENTENCE_END.finditer(text):
            spans.append((start, m.end()))
            start = m.end()
        spans.append((start, len(text)))
        return spans

    def _sentence_of(self, offset: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= offset < e:
                return s, e
        return 0, len(self.text)

    @staticmethod
    def _name_tokens(span_text: str) -> list[str]:
        """Folded tokens of a name without its leading honorifics ('M. Kirby' -> ['kirby'])."""
        toks = [t[2] for t in tokens(span_text)]
        while toks and toks[0] in _HONORIFICS:
            toks.pop(0)
        return toks

    def _introduce_persons(self) -> None:
        """Register every person named in full (PER entities and gazetteer persons), in order."""
        known_spans = [(s, e) for s, e, a in self.matches if a.kind == "person"]
        mentions = set(known_spans)
        for s, e, lab in self.entities:
            # NER may clip a known name ("Kim Jong" for "Kim Jong Un"): the gazetteer span wins.
            if any(ks < e and s < ke for ks, ke in known_spans):
                continue
            if lab == "PER" and bare_title(self.gaz, self.text[s:e]) is not None:
                continue  # "du Premier ministre" tagged PER: a title, resolved by role coreference
            # a name right after a title is a person whatever NER calls it ("Le président sri-lankais
            # | Gotabaya Rajapaksa", tagged LOC), unless the gazetteer knows it as a place or a body
            if lab == "PER" or (lab in ("MISC", "LOC", "ORG") and self._titled_name(s, e)):
                mentions.add((s, e))
            elif lab in ("MISC", "LOC", "ORG"):
                named = self._name_inside_title(s, e)  # NER spanned "Premier ministre Ranil Wickremesinghe"
                if named is not None and self._titled_name(named, e):
                    mentions.add((named, e))
        self._person_mentions = sorted(mentions)
        for s, e in self._person_mentions:
            span = self.text[s:e]
            name = self._name_tokens(span)
            if not name:
                continue
            if len(name) == 1 and self._find_intro(name, s) is not None:
                continue  # "M. Abbas" after "Abbas Araghchi": the person already introduced
            known = self.gaz.lookup(span)
            if known is None:
                known = self.gaz.lookup(" ".join(name))
            if known is not None and known.kind != "person":
                continue  # NER tagged a place or body as PER ("Washington"): not a person
            if known is not None and self.year is not None:
                known = self.gaz.as_of(known, self.year)
            if known is None and (len(name) < 2 or self._find_intro(name, s) is not None):
                continue  # a bare surname: coreference, not an introduction
            role_actor = self._apposition(s, e) or self._bare_title(s)
            actor = known or Actor(f"unk:{slug(' '.join(name))}", " ".join(
                t[3] for t in tokens(span) if t[2] in name), None, "person", "person")
            if role_actor is not None:
                actor = self._with_role(actor, self._state_role(role_actor, s), keep_known=known is not None)
            elif known is None and (iso := self._demonym_before(s)):
                actor = replace(actor, country=iso)
            existing = self._same_person(actor, name)
            if existing is not None:
                if role_actor is not None and existing.actor.role is None:
                    existing.actor = actor
                continue
            self._intros.append(_Intro(s, actor, frozenset(name)))

    def _titled_name(self, start: int, end: int) -> bool:
        """A name NER did not label as a person ("Le président kazakh | Kassym-Jomart Tokaïev", tagged
        MISC or LOC): two to four capitalised words right after an office title."""
        words = self.text[start:end].split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            return False
        role = self._apposition(start, end) or self._bare_title(start)
        return role is not None and role.role is not None

    def _name_inside_title(self, start: int, end: int) -> int | None:
        """Where the name starts in an entity that also spans the title before it ("Premier ministre
        | Ranil Wickremesinghe"): after the longest office phrase its capitalised words follow, else None."""
        words = list(re.finditer(r"\S+", self.text[start:end]))
        for k in range(len(words) - 2, 0, -1):
            rest = words[k:]
            if 2 <= len(rest) <= 4 and all(w.group()[:1].isupper() for w in rest):
                if self.gaz.role_only(self.text[start:start + words[k - 1].end()]) is not None:
                    return start + words[k].start()
        return None

    def _same_person(self, actor: Actor, name: list[str]) -> _Intro | None:
        for intro in self._intros:
            if intro.actor.actor_id == actor.actor_id or intro.name_tokens == frozenset(name):
                return intro
        return None

    def _bare_title(self, start: int) -> Actor | None:
        """A title with no country right before a name ("le président | Evo Morales"): the article's country."""
        m = _TITLE_ONLY.search(self.text[max(0, start - 60):start])
        if m is None:
            return None
        title = _CONTRACTED.sub(lambda c: "le " if c.group(1) else "les ", m.group(1))
        office = self.gaz.role_only(title)
        host = self.host_country(start, whole=True) if office is not None else None
        return replace(host, role=office, sector="government") if host is not None else None

    def _state_role(self, role_actor: Actor, offset: int) -> Actor:
        """A state office written without its country ("le président Luis Arce") is the article's country's."""
        if role_actor.country is not None or role_actor.sector not in _STATE_SECTORS:
            return role_actor
        if role_actor.actor_id.startswith("org:"):
            return role_actor
        host = self.host_country(offset)
        return replace(role_actor, country=host.country) if host is not None else role_actor

    def _with_role(self, person: Actor, role_actor: Actor, keep_known: bool = False) -> Actor:
        """Give a person the country, sector and office of the role written beside the name."""
        if keep_known and person.role in self.gaz.office_synonyms.get(role_actor.role or "", []):
            return person  # "le dirigeant nord-coréen Kim Jong Un": 'head of state' is more precise
        sector = "government" if role_actor.sector == "state" else role_actor.sector
        return replace(
            person,
            country=person.country or role_actor.country,
            sector=sector,
            role=role_actor.role or person.role or "official",
            # "Le commandant de l'ELN, Antonio García": a leader of an armed group acts for the group
            body=role_actor if role_actor.sector == "armed_group" and person.body is None else person.body,
        )

    def _demonym_before(self, start: int) -> str | None:
        """ISO3 of a demonym that ends the title apposed before a name ("le chef du Conseil suprême de
        sécurité nationale IRANIEN, Ali Shamkhani"), else None."""
        lo = max(0, start - 40)
        words = tokens(self.text[lo:start])
        if not words or self.text[lo + words[-1][1] : start].strip() != "," or not words[-1][3].islower():
            return None
        return self.gaz.adjectives.get(words[-1][2])

    def _apposition(self, start: int, end: int) -> Actor | None:
        """The role or institution written right before or after a name in the same sentence."""
        s_start, s_end = self._sentence_of(start)
        before = [m for m in self.matches if s_start <= m[0] and m[1] <= start]
        if before:
            ms, me, actor = before[-1]
            if (
                actor.kind == "country"
                and len(before) > 1
                and _GAP_BEFORE.match(self.text, me, start)
                and _LOCATIVE.match(self.text, before[-2][1], ms)
            ):
                ms, me, actor = before[-2]
                me = start  # the location complement belongs to the role
            named_body = actor.kind == "institution" and actor.actor_id.startswith("org:")
            # "Le commandant de l'ELN, Antonio García": a group after a leader's title (not "Après
            # l'attaque du Hamas, Benjamin Netanyahu")
            led_group = actor.kind == "group" and _LEADER_OF.search(self.text[max(0, ms - 40):ms]) is not None
            if (actor.role or named_body or led_group) and _GAP_BEFORE.match(self.text, me, start):
                if actor.kind != "person":
                    return actor
        for ms, me, actor in self.matches:
            if ms >= end and me <= s_end:
                if actor.kind != "person" and _GAP_AFTER.match(self.text, end, ms):
                    if actor.role or actor.kind in ("institution", "group") or actor.sector == "igo":
                        return actor
                break
        return None

    def _find_intro(self, name: list[str], offset: int) -> _Intro | None:
        """Nearest person before offset (else after) whose name contains all these tokens."""
        wanted = set(name)
        candidates = [i for i in self._intros if wanted <= i.name_tokens]
        # A photo credit ("Kim Won Jin/AFP") must not capture "Kim": known persons first.
        known = [i for i in candidates if not i.actor.actor_id.startswith("unk:")]
        pool = known or candidates
        before = [i for i in pool if i.start <= offset]
        if before:
            return before[-1]
        return pool[0] if pool else None

    def _named_right_after(self, end: int) -> Actor | None:
        """The person whose name directly follows an office phrase, if any."""
        for s, e in self._person_mentions:
            if s >= end and _GAP_BEFORE.match(self.text, end, s):
                return self._resolve_person(s, e)
        return None

    def _by_role(self, office: str, country: str | None, offset: int, phrase: str = "") -> Actor | None:
        """The person named before offset who holds this office (and country if given): the one the
        phrase's tenure marker picks ("le président sortant": the earlier term), else the last mentioned."""
        accepted = {office, *self.gaz.office_synonyms.get(office, [])}
        holders: list[Actor] = []
        for intro in [i for i in self._intros if i.start <= offset]:
            role = intro.actor.role or ""
            if any(role == o or role.startswith(o + " ") for o in accepted):
                if country is None or intro.actor.country == country:
                    holders.append(intro.actor)
        if len(holders) < 2:
            return holders[0] if holders else None
        which = self.gaz.tenure(phrase) if phrase else None
        starts = [self.gaz.term_start(a, self.year) for a in holders]
        if which is not None and None not in starts and len(set(starts)) > 1:
            # Two presidents in the story: "sortant"/"déchu" is the one in office first, "élu" the newer.
            pick = min if which == "former" else max
            return holders[starts.index(pick(starts))]
        last_seen = self._last_mentions(offset)
        return max(enumerate(holders), key=lambda ia: (last_seen.get(ia[1].actor_id, -1), ia[0]))[1]

    def _last_mentions(self, offset: int) -> dict[str, int]:
        """actor_id -> offset of its last mention (full name or surname) before offset."""
        seen: dict[str, int] = {}
        for s, e in self._person_mentions:
            if s > offset:
                break
            name = self._name_tokens(self.text[s:e])
            intro = self._find_intro(name, s) if name else None
            if intro is not None:
                seen[intro.actor.actor_id] = s
        return seen

    # ---------------------------------------------------------------- API
    def resolve(self, start: int, end: int) -> Actor | None:
        """Resolve the text span [start, end) of the document to an actor (None if nothing)."""
        span = self.text[start:end]
        office = bare_title(self.gaz, span) if self._label_of(start, end) == "PER" else None
        if office is not None:
            # NER tags a capitalised title as a person ("du Premier ministre"): it is the office holder
            # introduced before, never a person named "Premier ministre"
            return self._by_role(office, None, start, span)
        per_inside = sorted(
            {(s, e) for s, e, lab in self.entities if lab == "PER" and start <= s and e <= end}
            | {(s, e) for s, e in self._person_mentions if start <= s and e <= end}
        )
        if per_inside:  # "le ministre ..., Sergueï Choïgou": the named person wins
            found = self._resolve_person(*per_inside[-1])
            if found is not None:
                return found
        covering = [m for m in self.matches if m[0] <= start and end <= m[1]]
        if covering:  # NER clipped a known phrase ("État" in "l'État hébreu"): the phrase wins
            ms, me, actor = covering[0]
            if actor.kind == "person":
                return self._resolve_person(ms, me)
            inside = (ms, me) != (start, end)
            if not (actor.role and not inside):
                return replace(actor, role=None) if inside else actor
        label = self._label_of(start, end)
        if label != "PER":
            actor = self.gaz.resolve(span)
            if actor is not None and actor.kind != "person":
                if actor.role and not _PLURAL_PHRASE.match(span):
                    # (not "trois responsables maliens": several officials are their state, no one person)
                    named = self._named_right_after(end)  # "le président russe Vladimir Poutine"
                    person = named or self._by_role(actor.role, actor.country, start, span)
                    if person is not None:
                        return person
                return actor
        person = self._resolve_person(start, end)
        if person is not None:
            return person
        if label == "PER":
            exact = self.gaz.lookup(span)  # NER calls "Wagner" or "Spoutnik" a person
            if exact is not None:
                return exact
        # Only what the text said BEFORE counts: "Des militaires ont renversé le président" opening an
        # article names no country yet, and none is guessed from later sentences.
        described = self.gaz.description(span)
        if described == "rulers":
            return self.host_country(start)
        if described == "armed_group":
            return last_group(self.matches, start) or self._unlisted_group(start, end)
        if described == "organisation":
            return last_organisation(self.matches, start)
        if described == "person":  # "L'intéressé a démenti": the person just named
            return next((self._resolve_person(s, e) for s, e in reversed(self._person_mentions) if e <= start), None)
        rebel = _REBEL_ADJECTIVE.search(span)
        if rebel is not None and self.gaz.role_suffix(span[: rebel.start()]):
            # "les autorités REBELLES", "les forces SÉPARATISTES": the armed group, not the state
            return last_group(self.matches, start) or self._unlisted_group(start, end)
        own_state = _OWN_STATE.search(span)
        forces = self.gaz.role_suffix(span[: own_state.start()]) if own_state is not None else None
        if forces in ("military", "police"):
            # "les troupes LOYALISTES", "les forces GOUVERNEMENTALES": the forces of the article's country
            host = self.local_country(start)
            return self.gaz.institution(host.country, forces) if host is not None else None
        office = self.gaz.role_only(span)
        if office is not None:
            # several office holders are no one person, and "UN responsable" is someone not named before
            indefinite = _INDEFINITE.match(span) or _INDEFINITE_BEFORE.search(self.text, max(0, start - 5), start)
            found = None if _PLURAL_PHRASE.match(span) or indefinite else self._by_role(office, None, start, span)
            suffix = self.gaz.role_suffix(span) if found is None else None
            if found is None and indefinite and suffix not in ("military", "police", "civilians"):
                # "En Arabie saoudite, UN RESPONSABLE a réclamé": an official of the country the sentence or
                # the paragraph is in
                host = self.sentence_place(start, home_ok=True) or self.host_country(start)
                return self.gaz.institution(host.country, suffix) if host is not None else None
            if (_FORCES_PLURAL.match(span) and suffix in ("military", "police")) or suffix == "civilians":
                # "arrêté par LES SOLDATS", "LES POLICIERS ont chargé": the forces of the article's country;
                # "le journaliste", "un habitant" no name was given for: one of its people
                host = self.local_country(start)
                found = self.gaz.institution(host.country, suffix) if host is not None else None
            return found
        body = self.gaz.bare_body(span)
        if body is None and _UNKNOWN_PLACE.search(span) and not self._known_inside(start, end):
            # "des habitants DE RANGOUN", "la police DE KHARKIV": a body of a place the gazetteer does
            # not know is the local one
            body = self.gaz.bare_body(_UNKNOWN_PLACE.sub("", span))
        if body is not None:
            found = self._last_body(body, start)
            if found is None and body != "government":
                # "la police", "le Congrès", "le parquet" never named before: the body of the country the
                # article is about (not "the government", which _last_body already takes from the text).
                host = self.local_country(start) if body in _LOCAL_BODIES else self.host_country(start)
                found = self.gaz.institution(host.country, body) if host is not None else None
            return found
        defined = [a for ms, me, a in self.matches if start <= ms and me <= end and a.actor_id.startswith("grp:")]
        if defined:  # NER spanned "rebelles de l'Union des forces de la résistance": the body it defines
            return defined[0]
        if label in ("PER", "ORG"):
            return self._unknown(start, end, label)
        return None

    def _known_inside(self, start: int, end: int) -> bool:
        """True if the gazetteer knows a name inside [start, end)."""
        return any(start <= ms and me <= end for ms, me, _a in self.matches)

    def host_country(self, offset: int, whole: bool = False) -> Actor | None:
        """The country the text is about at offset: the one a paragraph opens on ("À Erevan, ...",
        "En Birmanie, ..."), else the article's most cited (transforms.actor_context.host_country)."""
        return self._scene(offset) or host_country(self.gaz, self.matches, offset, whole=whole)

    def sentence_place(self, offset: int, home_ok: bool = False) -> Actor | None:
        """The country of a place the sentence at offset names with a locative ("à Balakot, DANS LE
        NORD-OUEST DU PAKISTAN"), or None; with home_ok, also a place its own officials speak from."""
        s_start, s_end = self._sentence_of(offset)
        for k, (ms, _me, _actor) in enumerate(self.matches):
            place = self._located_place(k, home_ok) if s_start <= ms < s_end else None
            if place is not None:
                return place
        return None

    def local_country(self, offset: int) -> Actor | None:
        """The country where what is said at offset happens: the last place its paragraph named with a
        locative before it ("dans les rues DE MINSK", "dans le sud DE L'UKRAINE"), else
        the article's country (host_country). For unnamed locals: police, crowds, the people."""
        para = self.text.rfind("\n\n", 0, offset)
        lo = para + 2 if para >= 0 else 0
        _, s_end = self._sentence_of(offset)
        # its own sentence first, the place it names after ("les manifestations ... à Bagdad") included
        order = [k for k in range(len(self.matches)) if offset <= self.matches[k][0] < s_end]
        order += [k for k in range(len(self.matches) - 1, -1, -1) if lo <= self.matches[k][0] < offset]
        for k in order:
            place = self._located_place(k)
            if place is not None:
                return place
        return self.host_country(offset)

    def _located_place(self, k: int, home_ok: bool = False) -> Actor | None:
        """The country of match k if the text names it as where something happens: a country or a seat
        of government after a locative ("à Minsk", "dans le nord de l'Irak"), not its officials' home
        (unless home_ok)."""
        ms, _me, actor = self.matches[k]
        if not actor.country or actor.role is not None:
            return None
        if not (actor.kind == "country" or (actor.kind == "institution" and actor.sector == "government")):
            return None
        if _LOCATIVE_BEFORE.search(self.text, max(0, ms - 30), ms) is None or (not home_ok and self._home_of_speaker(k)):
            return None
        return self.gaz.by_id.get(actor.country)

    def _home_of_speaker(self, k: int) -> bool:
        """True if the place of match k is followed by one of its own officials: "À Washington, Barack
        Obama a appelé les militaires à...": the leader speaks from home, the soldiers are not there."""
        ms, me, actor = self.matches[k]
        comma = _SCENE_COMMA.match(self.text, me)
        nxt = self.matches[k + 1] if k + 1 < len(self.matches) else None
        return (
            comma is not None and nxt is not None and nxt[0] - comma.end() < 40
            and nxt[2].country == actor.country and nxt[2].kind != "country"
        )  # fmt: skip

    def _scene(self, offset: int) -> Actor | None:
        """The country of a place a paragraph opens on with a locative and a comma ("À Erevan, l'annonce
        a provoqué la colère"): the paragraph's events happen there."""
        start = self.text.rfind("\n\n", 0, offset)
        start = 0 if start < 0 else start + 2
        m = _SCENE.match(self.text, start)
        if m is None:
            return None
        for k, (ms, me, actor) in enumerate(self.matches):
            if ms == m.end() and actor.country and actor.kind in ("country", "institution") and me < offset:
                if _SCENE_COMMA.match(self.text, me) is None or self._home_of_speaker(k):
                    return None
                return self.gaz.by_id.get(actor.country)
            if ms > m.end():
                break
        return None

    def _unlisted_group(self, start: int, end: int) -> Actor | None:
        """An armed group the article never names ("les gangs"): kept as a group of the country it is about."""
        toks = [t for t in tokens(self.text[start:end]) if t[2] not in LEADING_FUNCTION_WORDS]
        if not toks:
            return None
        host = self.host_country(start, whole=True)
        words = " ".join(t[3] for t in toks)
        return Actor(f"grp:{slug(words)}", words, host.country if host else None, "armed_group", "group")

    def _last_body(self, suffix: str, offset: int) -> Actor | None:
        """Last actor named before offset that is such a body ('le Trésor' -> USA.treasury)."""
        for _ms, me, actor in reversed(self.matches):
            if me > offset or actor.kind == "person":
                continue
            found = actor.actor_id.endswith("." + suffix) or self.gaz.by_id.get(
                f"{actor.country}.{suffix}"
            ) is actor
            if found or suffix == "government" and actor.sector == "government":
                return replace(actor, role=None)
        return None

    def _resolve_person(self, start: int, end: int) -> Actor | None:
        span = self.text[start:end]
        name = self._name_tokens(span)
        if not name:
            return None
        intro = self._find_intro(name, start)
        if intro is not None:
            return intro.actor
        known = self.gaz.lookup(span) or self.gaz.lookup(" ".join(name))
        if known is None and len(name) == 1 and (self._titled(span) or _TITLE_BEFORE.search(self.text, 0, start)):
            # "M. Kurti" when the article never gave his full name: a known person with that surname.
            known = _person_by_surname(self.gaz, name[0])
        if known is not None and known.kind == "person":
            return self.gaz.as_of(known, self.year) if self.year else known
        return None

    @staticmethod
    def _titled(span_text: str) -> bool:
        """True if the name is written after an honorific ("M. Kurti", "Mme Sandu")."""
        toks = [t[2] for t in tokens(span_text)]
        return len(toks) > 1 and toks[0] in _HONORIFICS

    def _label_of(self, start: int, end: int) -> str | None:
        """NER label of the entity covering (or covered by) the span, if any."""
        for s, e, lab in self.entities:
            if s <= start and end <= e or start <= s and e <= end:
                return lab
        return None

    def _unknown(self, start: int, end: int, label: str) -> Actor:
        """An entity unknown to the gazetteer: kept, country only from an apposition."""
        span = self.text[start:end].strip()
        is_person = label == "PER"
        actor = Actor(
            f"unk:{slug(span)}", span, None, "person" if is_person else "unknown",
            "person" if is_person else "unknown",
        )
        role_actor = self._apposition(start, end)
        if role_actor is None:
            if is_person:
                # "le chef du Conseil suprême de sécurité nationale IRANIEN, Ali Shamkhani": a title ending
                # on a demonym gives the unknown person its country
                iso = self._demonym_before(start)
                if iso:
                    return replace(actor, country=iso)
            if not is_person:
                # "l'Association des banques ALGÉRIENNES": a body named with a demonym belongs to that country.
                isos = {self.gaz.adjectives.get(t[2]) for t in tokens(span)} - {None}
                if len(isos) == 1:
                    return replace(actor, country=isos.pop())
            return actor
        if is_person:
            return self._with_role(actor, self._state_role(role_actor, start))
        return replace(actor, country=role_actor.country)

    def persons(self) -> list[Actor]:
        """Persons introduced in the document, in order of first mention."""
        return [i.actor for i in self._intros]
