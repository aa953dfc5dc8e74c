"""Actor gazetteer: resolve what French news names (countries, capitals, institutions, offices,
persons, armed groups) to a canonical actor with an ISO 3166-1 alpha-3 country and a sector.

Knowledge lives in transforms/data/actors_*.yaml|csv and actor_roles_fr.yaml; this module only
normalizes, indexes and scans. Per-document coreference is in transforms/coref.py
(DocumentActors, re-exported here).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from transforms.actor_text import (  # noqa: F401  (fold, slug, plural_forms: public re-exports)
    GAP_OK,
    LEADING_FUNCTION_WORDS,
    OF_ARTICLES,
    OF_WORDS,
    TokenTrie,
    fold,
    normalize,
    plural_forms,
    read_commented_csv,
    slug,
    split_cell,
    tokens,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
COUNTRIES_FILE = DATA_DIR / "actors_countries.csv"
INSTITUTIONS_FILE = DATA_DIR / "actors_institutions.yaml"
PERSONS_FILE = DATA_DIR / "actors_persons.yaml"
ROLES_FILE = DATA_DIR / "actor_roles_fr.yaml"

SECTORS = frozenset(
    "state government military intelligence diplomacy media judiciary legislature finance "
    "igo ngo armed_group business person unknown".split()
)
KINDS = frozenset({"country", "institution", "person", "group", "unknown"})

# libyaml's parser when PyYAML was built with it: the gazetteer files are the largest data files,
# and the pure-Python parser takes most of the load time (same output, safe loader either way).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(path: Path):
    """Parse one YAML data file with the fastest safe loader available."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506 - a safe loader


def _first_content(toks: list) -> int:
    """Index of the first token after leading articles and prepositions (keeping at least one)."""
    i = 0
    while i < len(toks) - 1 and toks[i][2] in LEADING_FUNCTION_WORDS:
        i += 1
    return i


class GazetteerError(ValueError):
    """The actor data files are inconsistent (bad code, sector, duplicate alias...)."""


@dataclass(frozen=True)
class Actor:
    """A canonical actor: who acts or is acted upon."""

    actor_id: str
    name: str
    country: str | None
    sector: str
    kind: str
    role: str | None = None
    body: "Actor | None" = None  # the organisation a person's office acts for (Guterres -> the UN)


@dataclass(frozen=True)
class _Entry:
    """One alias target: the actor and whether the text must be capitalized to match."""

    actor: Actor | None  # None: declared ambiguous without default, never resolves
    capitalized: bool
    adjective: bool = False


@dataclass(frozen=True)
class _Role:
    """An office or body noun ('ministre', 'armée') from actor_roles_fr.yaml."""

    suffix: str
    office: str | None  # English label when it denotes a person, else None
    country_suffix: dict[str, str]


@dataclass(frozen=True)
class _Portfolio:
    """A portfolio complement ('de la Défense') selecting the institution."""

    suffix: str
    office: str


class Gazetteer:
    """All known actors, their aliases, and the office/body patterns, indexed for fast scans."""

    def __init__(self) -> None:
        self.by_id: dict[str, Actor] = {}
        self.aliases = TokenTrie()
        self.roles = TokenTrie()
        self.portfolios = TokenTrie()
        self.adjectives: dict[str, str] = {}  # folded adjective form -> ISO3
        self.member_nouns: frozenset[str] = frozenset()  # "chefs (d'État) de X" act for X
        self.in_power_words: frozenset[str] = frozenset()  # "les militaires AU POUVOIR à X" rule X
        self.site_nouns: frozenset[str] = frozenset()  # "un camp DU JeM" targets the JeM (participants)
        self.tenure_markers: dict[str, str] = {}  # "sortant" -> former, "élu" -> incoming (coref)
        self.descriptions: dict[tuple[str, ...], str] = {}  # folded "les putschistes" -> rulers | armed_group
        self.person_records: dict[str, dict] = {}  # per:<id> -> raw YAML record (roles, years)
        self.suffix_labels: dict[str, tuple[str, str, str]] = {}  # suffix -> (label, sector, kind)
        self.ambiguous: dict[str, str | None] = {}
        self.office_synonyms: dict[str, list[str]] = {}  # office -> offices it may refer to
        self._alias_owner: dict[str, str | None] = {}
        self.n_aliases = 0

    # ---------------------------------------------------------------- loading
    @classmethod
    def load(cls) -> "Gazetteer":
        """Read and index every actor data file (use load_gazetteer() for the cached one)."""
        gaz = cls()
        roles = _load_yaml(ROLES_FILE)
        gaz.ambiguous = {normalize(k): v for k, v in (roles.get("ambiguous") or {}).items()}
        gaz.member_nouns = frozenset(normalize(w) for w in roles.get("member_nouns") or [])
        gaz.in_power_words = frozenset(normalize(w) for w in roles.get("in_power_words") or [])
        gaz.site_nouns = frozenset(normalize(w) for w in roles.get("site_nouns") or [])
        gaz.tenure_markers = {
            normalize(w): which for which, words in (roles.get("tenure_markers") or {}).items() for w in words
        }
        for kind, forms in (roles.get("descriptions") or {}).items():
            for form in forms:
                gaz.descriptions[tuple(t[2] for t in tokens(form))] = kind
        gaz._load_countries()
        gaz._load_institutions()
        gaz._load_persons()
        gaz._load_roles(roles)
        gaz._add_ambiguous(roles.get("ambiguous") or {})
        return gaz

    def _add_actor(self, actor: Actor) -> None:
        if actor.sector not in SECTORS or actor.kind not in KINDS:
            raise GazetteerError(f"{actor.actor_id}: bad sector/kind {actor.sector}/{actor.kind}")
        if actor.actor_id in self.by_id:
            raise GazetteerError(f"duplicate actor id {actor.actor_id}")
        self.by_id[actor.actor_id] = actor

    def _add_alias(self, alias: str, actor: Actor, adjective: bool = False) -> None:
        key = normalize(alias)
        if not key or key in self.ambiguous:  # ambiguous aliases are added by _add_ambiguous
            return
        owner = self._alias_owner.get(key)
        if owner == actor.actor_id and not adjective:
            return
        if owner and owner != actor.actor_id:
            raise GazetteerError(
                f"alias {alias!r} maps to {owner} and {actor.actor_id}; declare it under 'ambiguous'"
            )
        if owner == actor.actor_id and key in self.adjectives:
            return
        self._alias_owner[key] = actor.actor_id
        self.aliases.add(tuple(key.split()), None).append(
            _Entry(actor, alias[:1].isupper(), adjective)
        )
        if adjective:
            self.adjectives[key] = actor.actor_id
        self.n_aliases += 1

    def _add_ambiguous(self, raw: dict[str, str | None]) -> None:
        """Register declared ambiguous aliases with their default actor (or none)."""
        for alias, default in raw.items():
            if default is not None and default not in self.by_id:
                raise GazetteerError(f"ambiguous alias {alias!r}: unknown default {default}")
            actor = self.by_id[default] if default else None
            key = normalize(alias)
            self._alias_owner[key] = default
            self.aliases.add(tuple(key.split()), None).append(
                _Entry(actor, alias[:1].isupper(), False)
            )
            self.n_aliases += 1

    def _load_countries(self) -> None:
        for row in read_commented_csv(COUNTRIES_FILE):
            iso = row["iso3"].strip()
            actor = Actor(iso, row["name_en"].strip(), iso, "state", "country")
            self._add_actor(actor)
            for alias in [row["name_fr"], *split_cell(row["aliases_fr"])]:
                self._add_alias(alias, actor)
            # A capital or seat of power used as a metonym speaks for the government.
            seat = replace(actor, sector="government")
            for alias in split_cell(row["capitals_seats"]):
                self._add_alias(alias, seat)
            forms = plural_forms(row["adj_m"].strip(), row["adj_f"].strip())
            for adj in forms + split_cell(row.get("adj_other") or ""):
                self._add_alias(adj, actor, adjective=True)

    def _load_institutions(self) -> None:
        data = _load_yaml(INSTITUTIONS_FILE)
        for rec in data["institutions"]:
            kind = rec.get("kind", "institution")
            actor = Actor(rec["id"], rec["name"], rec.get("country"), rec["sector"], kind)
            self._add_actor(actor)
            for other in rec.get("also_ids", []):
                self.by_id[other] = actor
            for alias in rec.get("aliases", []):
                self._add_alias(alias, actor)

    def _load_persons(self) -> None:
        data = _load_yaml(PERSONS_FILE)
        for rec in data["persons"]:
            current = rec["roles"][-1]
            actor = Actor(
                rec["id"], rec["name"], rec.get("country"), current["sector"], "person", current["role"],
                self.by_id.get(current.get("body") or ""),
            )
            self._add_actor(actor)
            self.person_records[actor.actor_id] = rec
            for alias in [rec["name"], *rec.get("aliases", [])]:
                self._add_alias(alias, actor)

    def _load_roles(self, roles: dict) -> None:
        for suffix, spec in roles["suffixes"].items():
            if spec["sector"] not in SECTORS:
                raise GazetteerError(f"suffix {suffix}: bad sector {spec['sector']}")
            self.suffix_labels[suffix] = (spec["label"], spec["sector"], spec.get("kind", "institution"))
        for rec in roles["roles"]:
            role = _Role(rec["suffix"], rec.get("office"), rec.get("by_country") or {})
            if role.suffix not in self.suffix_labels:
                raise GazetteerError(f"role {rec['forms']}: unknown suffix {role.suffix}")
            for form in rec["forms"]:
                self.roles.add(tuple(normalize(form).split()), None).append(role)
        self.office_synonyms = {k: list(v) for k, v in (roles.get("office_synonyms") or {}).items()}
        for rec in roles["portfolios"]:
            pf = _Portfolio(rec["suffix"], rec["office"])
            if pf.suffix not in self.suffix_labels:
                raise GazetteerError(f"portfolio {rec['forms']}: unknown suffix {pf.suffix}")
            for form in rec["forms"]:
                self.portfolios.add(tuple(t[2] for t in tokens(form)), None).append(pf)

    # ---------------------------------------------------------------- matching
    def _alias_at(self, toks, i, text, adjectives: bool) -> tuple[int, Actor] | None:
        """Longest alias match starting at token i, honouring capitalization rules."""
        best = None
        for j, entries in self.aliases.walk(toks, i, text):
            for entry in entries:
                if entry.actor is None:
                    continue
                first = toks[i][3]
                if entry.capitalized and not first[:1].isupper():
                    continue
                if entry.adjective and not adjectives:
                    # A capitalized lone demonym is a noun: "les Russes" means the country.
                    if not (first[:1].isupper() and first[1:].islower() and j == i + 1):
                        continue
                best = (j, entry.actor)
        return best

    def _adjective_at(self, toks, i, text) -> tuple[int, str] | None:
        """Longest demonym adjective (possibly hyphenated: 'nord-coréens') at token i."""
        best = None
        for j, entries in self.aliases.walk(toks, i, text):
            for entry in entries:
                if entry.adjective and entry.actor is not None:
                    best = (j, entry.actor.actor_id)
        return best

    def _country_at(self, toks, i, text) -> tuple[int, Actor] | None:
        """A country (by name or capital) introduced by de/du/des at token i."""
        if i >= len(toks) or toks[i][2] not in OF_WORDS:
            return None
        k = i + 1
        if k < len(toks) and toks[i][2] == "de" and toks[k][2] in OF_ARTICLES:
            k += 1
        hit = self._alias_at(toks, k, text, adjectives=False) if k < len(toks) else None
        return hit if hit else None

    def _pattern_at(self, toks, i, text) -> tuple[int, Actor] | None:
        """Match '<role> [adjective] [portfolio] [adjective] [de <country|institution>]' at i."""
        role_hit = None
        for j, roles in self.roles.walk(toks, i, text):
            role_hit = (j, roles[0])
        if role_hit is None:
            return None
        j, role = role_hit
        country = inst = portfolio = None
        end = None
        for _ in range(5):
            if j >= len(toks) or not GAP_OK.match(text, toks[j - 1][1], toks[j][0]):
                break
            adj = self._adjective_at(toks, j, text)
            if adj and country in (None, adj[1]):
                j, country = adj
                end = j
                continue
            pf = None
            for k, pfs in self.portfolios.walk(toks, j, text):
                pf = (k, pfs[0])
            if pf and portfolio is None:
                j, portfolio = pf
                end = j
                continue
            hit = self._country_at(toks, j, text)
            if hit and inst is None:
                k, actor = hit
                if actor.kind == "country" and country in (None, actor.country):
                    country, j, end = actor.country, k, k
                    continue
                if actor.kind == "institution" and country in (None, actor.country):
                    inst, country, j, end = actor, actor.country, k, k
                    continue
            break
        if end is None or country is None and inst is None:
            return None
        return end, self._compose(role, portfolio, country, inst)

    def _compose(self, role: _Role, portfolio, country: str | None, inst: Actor | None) -> Actor:
        """Build the actor an office/body phrase denotes."""
        if inst is not None and portfolio is None:
            base = inst
        else:
            suffix = portfolio.suffix if portfolio else role.country_suffix.get(country, role.suffix)
            base = self.institution(country, suffix)
        if role.office:
            office = f"{role.office} {portfolio.office}" if portfolio else role.office
            return replace(base, role=office)
        return base

    def institution(self, country: str | None, suffix: str) -> Actor:
        """The actor for a country's body of a given suffix ('RUS', 'defense' -> RUS.defense)."""
        if country is None:
            return Actor("unk:government", "government", None, "government", "unknown")
        if suffix == "government":  # a country and its government share one id (spec)
            return replace(self.by_id[country], sector="government")
        key = f"{country}.{suffix}"
        if key in self.by_id:
            return self.by_id[key]
        label, sector, kind = self.suffix_labels[suffix]
        return Actor(key, f"{self.by_id[country].name} {label}", country, sector, kind)

    def find_all(self, text: str, *, adjectives: bool = False) -> list[tuple[int, int, Actor]]:
        """Longest non-overlapping matches of aliases and office patterns, sorted by offset.

        Lower-case demonym adjectives ("les sanctions américaines") are skipped unless
        adjectives=True; capitalized demonym nouns ("les Russes") always match.
        """
        toks = tokens(text)
        out: list[tuple[int, int, Actor]] = []
        i = 0
        while i < len(toks):
            best = self._alias_at(toks, i, text, adjectives)
            pat = self._pattern_at(toks, i, text)
            if pat and (best is None or pat[0] > best[0]):
                best = pat
            if best is None:
                i += 1
                continue
            j, actor = best
            out.append((toks[i][0], toks[j - 1][1], actor))
            i = j
        return out

    def lookup(self, name: str) -> Actor | None:
        """Exact alias match of a whole name after normalization (case, accents, articles)."""
        toks = tokens(name)
        toks = toks[_first_content(toks):]
        if not toks:
            return None
        for j, entries in self.aliases.walk(toks, 0, name):
            if j == len(toks):
                found = [e.actor for e in entries if e.actor is not None]
                return found[0] if found else None
        return None

    def resolve(self, phrase: str) -> Actor | None:
        """Resolve a noun phrase: exact alias, else office pattern, else its first named actor."""
        exact = self.lookup(phrase)
        if exact is not None:
            return exact
        toks = tokens(phrase)
        i = _first_content(toks)
        pat = self._pattern_at(toks, i, phrase) if toks else None
        if pat:
            return pat[1]
        hits = self.find_all(phrase)
        return hits[0][2] if hits else None

    def as_of(self, person: Actor, year: int) -> Actor:
        """A known person with the role they held in that year (office holders change)."""
        rec = self.person_records.get(person.actor_id)
        if rec is None:
            return person
        for spec in rec["roles"]:
            if (spec.get("from") or 0) <= year <= (spec.get("to") or 9999):
                return replace(person, role=spec["role"], sector=spec["sector"], body=self.by_id.get(spec.get("body") or ""))
        return person

    def term_start(self, person: Actor, year: int | None) -> int | None:
        """The year a known person took the office they held in that year (None if not recorded)."""
        rec = self.person_records.get(person.actor_id)
        if rec is None:
            return None
        for spec in rec["roles"]:
            if year is None or (spec.get("from") or 0) <= year <= (spec.get("to") or 9999):
                return spec.get("from")
        return None

    def tenure(self, phrase: str) -> str | None:
        """'former' or 'incoming' if a role phrase says which holder it means ('le président sortant')."""
        for tok in tokens(phrase):
            which = self.tenure_markers.get(tok[2])
            if which is not None:
                return which
        return None

    def bare_body(self, phrase: str) -> str | None:
        """The body suffix of a phrase naming a body without its country ('le Trésor')."""
        toks = tokens(phrase)
        i = _first_content(toks)
        hit = None
        for j, roles in self.roles.walk(toks, i, phrase):
            if roles[0].office is not None:
                continue
            if j == len(toks):
                hit = roles[0].suffix
            else:  # "le ministère DE L'INTÉRIEUR": a ministry named by its portfolio
                for k, pfs in self.portfolios.walk(toks, j, phrase):
                    if k == len(toks):
                        hit = pfs[0].suffix
        return hit

    def description(self, phrase: str) -> str | None:
        """The kind of a countryless description ('les putschistes' -> 'rulers'), else None."""
        toks = tokens(phrase)
        return self.descriptions.get(tuple(t[2] for t in toks[_first_content(toks):]))

    def role_suffix(self, phrase: str) -> str | None:
        """The body suffix of a bare role phrase ('les soldats' -> 'military'), else None."""
        toks = tokens(phrase)
        hit = None
        for _j, roles in self.roles.walk(toks, _first_content(toks), phrase):
            hit = roles[0]
        return hit.suffix if hit is not None else None

    def role_only(self, phrase: str) -> str | None:
        """The office label of a bare role phrase ('le porte-parole' -> 'spokesperson')."""
        toks = tokens(phrase)
        i = _first_content(toks)
        while i < len(toks) - 1 and toks[i][2] in self.tenure_markers:
            i += 1  # "le NOUVEAU président", "l'ANCIEN Premier ministre"
        hit = None
        for j, roles in self.roles.walk(toks, i, phrase):
            hit = (j, roles[0])
        if hit is None or hit[1].office is None:
            return None
        j, role = hit
        pf = None
        for _k, pfs in self.portfolios.walk(toks, j, phrase):
            pf = pfs[0]
        return f"{role.office} {pf.office}" if pf else role.office


def country_of_adjective(word: str) -> str | None:
    """ISO3 of a French demonym adjective in any form ('nord-coréennes' -> 'PRK')."""
    return load_gazetteer().adjectives.get(normalize(word))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded once."""
    return Gazetteer.load()


def __getattr__(name: str):
    """Re-export DocumentActors lazily: coref.py imports this module."""
    if name == "DocumentActors":
        from transforms.coref import DocumentActors

        return DocumentActors
    raise AttributeError(name)
