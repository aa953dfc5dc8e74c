"""Actors: gazetteer data integrity, resolution of what French news names, coreference.

Real text only: the bundled sample and fixtures about other stories (Sudan, Gaza, Sahel, EU
trade) in tests/fixtures/actors/.
"""

from __future__ import annotations

import csv
import re
import statistics
import time
from pathlib import Path

import pytest
import yaml

from transforms import actors as actors_mod
from transforms.actors import (
    Actor,
    Gazetteer,
    GazetteerError,
    country_of_adjective,
    load_gazetteer,
    plural_forms,
)
from transforms.coref import DocumentActors

DATA = Path(actors_mod.__file__).resolve().parent / "data"

# The 193 UN member states, written out here independently of the data file.
UN_MEMBERS = """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE PRK
DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR
LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL
NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT
WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA
TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE""".split()
EXTRA_STATES = {"PSE", "VAT", "TWN", "XKX"}  # observers + commonly named; XKX is the usual Kosovo code


def _country_rows() -> list[dict[str, str]]:
    lines = [ln for ln in DATA.joinpath("actors_countries.csv").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter=";"))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def fixture_texts(fixtures_dir) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((fixtures_dir / "actors").glob("*.txt"))}


def _doc(nlp, gaz, text: str, year: int | None = None) -> DocumentActors:
    doc = nlp(text)
    return DocumentActors(gaz, text, [(e.start_char, e.end_char, e.label_) for e in doc.ents], year=year)


def _span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
    return starts[nth], starts[nth] + len(phrase)


# ------------------------------------------------------------------ data integrity
def test_every_data_file_has_a_header_comment():
    for name in ["actors_countries.csv", "actors_institutions.yaml", "actors_persons.yaml", "actor_roles_fr.yaml"]:
        head = DATA.joinpath(name).read_text(encoding="utf-8").splitlines()[:3]
        assert all(line.startswith("#") for line in head), name


def test_iso_codes_are_valid_unique_and_cover_every_un_member():
    codes = [r["iso3"] for r in _country_rows()]
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert len(codes) == len(set(codes))
    assert len(UN_MEMBERS) == 193
    assert set(UN_MEMBERS) - set(codes) == set()
    assert set(codes) - set(UN_MEMBERS) == EXTRA_STATES


@pytest.mark.parametrize("row", _country_rows(), ids=lambda r: r["iso3"])
def test_every_state_resolves_from_its_french_name_and_adjective(gaz, row):
    iso = row["iso3"]
    ambiguous = set(gaz.ambiguous)
    assert gaz.lookup(row["name_fr"]).actor_id == iso
    assert gaz.lookup("le " + row["name_fr"]).actor_id == iso  # articles are ignored
    for adj in plural_forms(row["adj_m"], row["adj_f"]):
        if adj not in ambiguous:
            assert country_of_adjective(adj) == iso, adj
            assert country_of_adjective(adj.upper()) == iso, adj
    for cap in filter(None, row["capitals_seats"].split("|")):
        actor = gaz.lookup(cap)
        assert actor.country == iso and actor.sector == "government", cap


def test_every_institution_and_person_has_valid_country_sector_and_id(gaz):
    isos = {r["iso3"] for r in _country_rows()}
    inst = yaml.safe_load(DATA.joinpath("actors_institutions.yaml").read_text(encoding="utf-8"))
    for rec in inst["institutions"]:
        assert rec["country"] is None or rec["country"] in isos, rec["id"]
        assert rec["sector"] in actors_mod.SECTORS, rec["id"]
        assert rec["id"].startswith("org:") or rec["id"].split(".")[0] == rec["country"], rec["id"]
    pers = yaml.safe_load(DATA.joinpath("actors_persons.yaml").read_text(encoding="utf-8"))
    for rec in pers["persons"]:
        assert re.fullmatch(r"per:[a-z_]+", rec["id"]), rec["id"]
        assert rec["country"] is None or rec["country"] in isos, rec["id"]
        years = [(r["from"], r["to"] or 9999) for r in rec["roles"]]
        assert all(a <= b for a, b in years) and years == sorted(years), rec["id"]
        assert all(r["sector"] in actors_mod.SECTORS for r in rec["roles"]), rec["id"]


def test_every_institution_and_person_alias_resolves_to_its_own_actor(gaz):
    inst = yaml.safe_load(DATA.joinpath("actors_institutions.yaml").read_text(encoding="utf-8"))
    pers = yaml.safe_load(DATA.joinpath("actors_persons.yaml").read_text(encoding="utf-8"))
    records = inst["institutions"] + pers["persons"]
    wrong = [
        (alias, rec["id"])
        for rec in records
        for alias in rec.get("aliases", []) + [rec["name"]] * ("per:" in rec["id"])
        if (gaz.lookup(alias) or Actor("?", "", None, "unknown", "unknown")).actor_id != rec["id"]
    ]
    assert wrong == []


def test_an_alias_mapping_to_two_actors_is_refused_unless_declared_ambiguous(gaz):
    fresh = Gazetteer()
    usa = Actor("USA", "United States", "USA", "state", "country")
    rus = Actor("RUS", "Russia", "RUS", "state", "country")
    fresh._add_alias("Washington", usa)
    with pytest.raises(GazetteerError):
        fresh._add_alias("washington", rus)
    # Declared ambiguous aliases never silently pick one side.
    assert gaz.lookup("le Congo") is None
    assert gaz.lookup("la République démocratique du Congo").actor_id == "COD"
    assert gaz.lookup("RSF") is None


def test_gazetteer_loads_fast_and_is_broad():
    t0 = time.perf_counter()
    fresh = Gazetteer.load()
    assert time.perf_counter() - t0 < 1.0
    persons = [a for a in fresh.by_id.values() if a.kind == "person"]
    institutions = [a for a in fresh.by_id.values() if a.kind in ("institution", "group")]
    assert len(persons) >= 80 and len(institutions) >= 100 and fresh.n_aliases >= 1500


# ------------------------------------------------------------------ lookup / resolve
@pytest.mark.parametrize(
    "phrase, actor_id, country, sector",
    [
        ("Washington", "USA", "USA", "government"),
        ("le Kremlin", "RUS", "RUS", "government"),
        ("Pyongyang", "PRK", "PRK", "government"),
        ("la RPDC", "PRK", "PRK", "state"),
        ("la République populaire démocratique de Corée", "PRK", "PRK", "state"),
        ("les Etats-Unis", "USA", "USA", "state"),
        ("LES ÉTATS-UNIS", "USA", "USA", "state"),
        ("la Maison Blanche", "USA", "USA", "government"),
        ("la Maison-Blanche", "USA", "USA", "government"),
        ("le département américain du Trésor", "USA.treasury", "USA", "finance"),
        ("OFAC", "USA.treasury", "USA", "finance"),  # OFAC is a Treasury bureau: same actor
        ("le Bureau du contrôle des avoirs étrangers du département du Trésor américain", "USA.treasury", "USA", "finance"),
        ("KCNA", "PRK.media", "PRK", "media"),
        ("l'Agence centrale de presse coréenne", "PRK.media", "PRK", "media"),
        ("l’ONU", "org:un", None, "igo"),
        ("les Nations unies", "org:un", None, "igo"),
        ("le Conseil de sécurité nationale", "USA.nsc", "USA", "government"),
        ("des responsables nord-coréens", "PRK", "PRK", "government"),
        ("les forces armées russes", "RUS.military", "RUS", "military"),
        ("le ministre russe de la Défense", "RUS.defense", "RUS", "military"),
        ("le ministre de la Défense russe", "RUS.defense", "RUS", "military"),
        ("le ministère des Affaires étrangères de la Russie", "RUS.foreign", "RUS", "diplomacy"),
        ("les médias d'État nord-coréens", "PRK.media", "PRK", "media"),
        ("les services de renseignement américains", "USA.intelligence", "USA", "intelligence"),
        ("le secrétaire d'État américain", "USA.foreign", "USA", "diplomacy"),
        ("l'armée ukrainienne", "UKR.military", "UKR", "military"),
        ("Kyiv", "UKR", "UKR", "government"),
        ("Bruxelles", "org:eu", None, "igo"),
        ("le groupe Wagner", "org:wagner", "RUS", "armed_group"),
        ("Tsahal", "ISR.military", "ISR", "military"),
        ("les Gardiens de la révolution", "IRN.irgc", "IRN", "military"),
        ("l'Occident", "org:west", None, "state"),
        ("le Pentagone", "USA.defense", "USA", "military"),
        ("le Quai d'Orsay", "FRA.foreign", "FRA", "diplomacy"),
        ("la banque centrale turque", "TUR.central_bank", "TUR", "finance"),
        ("le parlement hongrois", "HUN.legislature", "HUN", "legislature"),
        ("l'ambassadeur russe", "RUS.embassy", "RUS", "diplomacy"),
        ("le Conseil de sécurité", "org:unsc", None, "igo"),
        ("le Conseil de sécurité russe", "RUS.nsc", "RUS", "government"),
        ("le patron de la CIA", "USA.intelligence", "USA", "intelligence"),
        ("l'Amérique latine", "org:latin_america", None, None),  # not "l'Amérique" (USA)
        ("le Washington Post", "org:us_press", "USA", "media"),  # not Washington
        ("le chef de la diplomatie chinoise", "CHN.foreign", "CHN", "diplomacy"),
        ("Kim Jong-un", "per:kim_jong_un", "PRK", "government"),
        ("Sergueï Choïgou", "per:sergei_shoigu", "RUS", None),
        ("Poutine", "per:vladimir_putin", "RUS", "government"),
        ("l'Organisation du traité de sécurité collective", "org:csto", None, "igo"),
        ("la Communauté caribéenne", "org:caricom", None, "igo"),
        ("l'Autorité intergouvernementale pour le développement", "org:igad", None, "igo"),
        ("Frontex", "org:frontex", None, "igo"),
        ("le Haut-Commissariat aux droits de l'homme", "org:ohchr", None, "igo"),  # not the Council
    ],
)
def test_resolve_names_news_uses(gaz, phrase, actor_id, country, sector):
    actor = gaz.resolve(phrase)
    assert actor is not None, phrase
    assert (actor.actor_id, actor.country) == (actor_id, country)
    if sector:
        assert actor.sector == sector


def test_office_phrases_carry_the_role(gaz):
    assert gaz.resolve("le ministre russe de la Défense").role == "minister of defence"
    assert gaz.resolve("le porte-parole de la Maison Blanche").role == "spokesperson"
    assert gaz.resolve("la secrétaire américaine au Trésor").actor_id == "USA.treasury"
    # A bare role without any country is not an actor by itself (left to coreference).
    assert gaz.resolve("le porte-parole") is None
    assert gaz.role_only("le porte-parole") == "spokesperson"


def test_adjectives_in_all_forms(gaz):
    for word, iso in [("américain", "USA"), ("américaine", "USA"), ("américains", "USA"), ("américaines", "USA"),
                      ("nord-coréen", "PRK"), ("nord-coréenne", "PRK"), ("nord-coréens", "PRK"), ("Nord-Coréennes", "PRK"),
                      ("russe", "RUS"), ("russes", "RUS"), ("ukrainienne", "UKR"), ("sud-soudanais", "SSD"),
                      ("soudanais", "SDN"), ("nigérien", "NER"), ("nigériane", "NGA"), ("burkinabè", "BFA")]:
        assert country_of_adjective(word) == iso, word
    assert country_of_adjective("coréen") is None  # declared ambiguous
    assert country_of_adjective("maison") is None


def test_person_validity_years(gaz):
    shoigu = gaz.lookup("Choïgou")
    assert gaz.as_of(shoigu, 2023).role == "minister of defence"
    assert gaz.as_of(shoigu, 2025).role != "minister of defence"


# ------------------------------------------------------------------ find_all
def test_find_all_on_sample_000(gaz, sample_texts):
    text = sample_texts["000"]
    found = {text[s:e]: a.actor_id for s, e, a in gaz.find_all(text)}
    assert found["Maison-Blanche"] == "USA"
    assert found["département américain du Trésor"] == "USA.treasury"
    assert found["renseignement américain"] == "USA.intelligence"
    assert found["John Kirby"] == "per:john_kirby"
    assert found["Agence centrale de presse coréenne"] == "PRK.media"
    assert found["Pyongyang"] == "PRK" and found["Moscou"] == "RUS"
    assert found["Russes"] == "RUS"  # capitalized demonym = noun = the country
    spans = [(s, e) for s, e, _ in gaz.find_all(text)]
    assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_find_all_respects_case_and_word_boundaries(gaz):
    text = "Un responsable a dit que la paix est mâle. Maurice Chevalier chantait; la Géorgie aussi. Le pays continue."
    found = {text[s:e]: a.actor_id for s, e, a in gaz.find_all(text)}
    assert "Un" not in found and "continue" not in found
    assert found.get("Géorgie") == "GEO"
    # Lower-case adjectives are not actors in a scan; they are on request.
    text2 = "Les sanctions américaines visent le pétrole iranien."
    assert gaz.find_all(text2) == []
    # ... but an office or body with a demonym is: "des entreprises iraniennes" -> Iran business.
    assert gaz.resolve("des entreprises iraniennes").actor_id == "IRN.business"
    assert {a.actor_id for _, _, a in gaz.find_all(text2, adjectives=True)} == {"USA", "IRN"}


def test_find_all_speed_on_a_4kb_article(gaz, sample_texts):
    text = (sample_texts["002"] + sample_texts["000"])[:4096]
    gaz.find_all(text)
    runs = []
    for _ in range(15):
        t0 = time.perf_counter()
        gaz.find_all(text)
        runs.append(time.perf_counter() - t0)
    assert statistics.median(runs) < 0.005


# ------------------------------------------------------------------ document coreference
def test_sample_001_kirby_kim_and_the_spokesperson(nlp, gaz, sample_texts):
    text = sample_texts["001"]
    doc = _doc(nlp, gaz, text)
    kirby = doc.resolve(*_span(text, "M. Kirby"))
    assert (kirby.actor_id, kirby.country) == ("per:john_kirby", "USA")
    assert doc.resolve(*_span(text, "M. Kim")).actor_id == "per:kim_jong_un"
    # "Le porte-parole de la Maison Blanche a refusé..." -> the spokesperson introduced before.
    assert doc.resolve(*_span(text, "Le porte-parole de la Maison Blanche", 1)).actor_id == "per:john_kirby"
    assert doc.resolve(*_span(text, "Pyongyang")).actor_id == "PRK"
    ids = [a.actor_id for a in doc.persons()]
    assert {"per:john_kirby", "per:sergei_shoigu", "per:kim_jong_un", "per:vladimir_putin"} <= set(ids)
    assert len(ids) == len(set(ids))
    # Second "président russe": the name right after it is a second mention of Putin.
    assert doc.resolve(*_span(text, "le président russe")).actor_id == "per:vladimir_putin"
    assert doc.resolve(0, 0) is None
    shoigu = doc.resolve(*_span(text, "Sergueï Shoïgou"))
    assert (shoigu.country, shoigu.role, shoigu.sector) == ("RUS", "minister of defence", "military")


def test_sample_000_unknown_national_gets_country_from_apposition(nlp, gaz, sample_texts):
    text = sample_texts["000"]
    doc = _doc(nlp, gaz, text)
    actor = doc.resolve(*_span(text, "Ashot Mkrtychev"))
    assert actor.actor_id == "unk:ashot_mkrtychev"
    assert (actor.kind, actor.country) == ("person", "SVK")


def test_sample_002_kim_and_bare_treasury(nlp, gaz, sample_texts):
    text = sample_texts["002"]
    doc = _doc(nlp, gaz, text, year=2023)
    # "Kim a promis..." is Kim Jong-un, not the photographer "Kim Won Jin" credited just before.
    start = text.index("Kim a promis")
    assert doc.resolve(start, start + 3).actor_id == "per:kim_jong_un"
    # "le Trésor a déclaré" -> the US Treasury named earlier.
    start = text.index("le Trésor a déclaré")
    assert doc.resolve(start, start + len("le Trésor")).actor_id == "USA.treasury"
    # A whole subject phrase with the name inside resolves to the person.
    phrase = "la secrétaire américaine au Trésor, Janet Yellen"
    assert doc.resolve(*_span(text, phrase)).actor_id == "per:janet_yellen"


def test_sample_004_ambassador_role_through_a_location(nlp, gaz, sample_texts):
    text = sample_texts["004"]
    doc = _doc(nlp, gaz, text)
    actor = doc.resolve(*_span(text, "Aleksandr Ivanovich Matsegora"))
    assert (actor.country, actor.sector, actor.role) == ("RUS", "diplomacy", "ambassador")


def test_sudan_fixture(nlp, gaz, fixture_texts):
    text = fixture_texts["soudan"]
    doc = _doc(nlp, gaz, text)
    minister = doc.resolve(*_span(text, "Ali Youssef"))
    assert (minister.actor_id, minister.country, minister.sector) == ("unk:ali_youssef", "SDN", "diplomacy")
    witness = doc.resolve(*_span(text, "Fatima Haroun"))
    assert (witness.kind, witness.country) == ("person", None)  # kept, never guessed
    assert doc.resolve(*_span(text, "Mme Haroun")).actor_id == witness.actor_id
    assert doc.resolve(*_span(text, "FSR")).actor_id == "org:sudan_rsf"
    assert doc.resolve(*_span(text, "Hemedti")).actor_id == "per:mohamed_hamdan_dagalo"
    spokesman = doc.resolve(*_span(text, "Le porte-parole", 1))
    assert (spokesman.actor_id, spokesman.country) == ("unk:nabil_abdallah", "SDN")


def test_gaza_fixture(nlp, gaz, fixture_texts):
    text = fixture_texts["gaza"]
    doc = _doc(nlp, gaz, text)
    hagari = doc.resolve(*_span(text, "Daniel Hagari"))
    assert (hagari.country, hagari.sector, hagari.role) == ("ISR", "military", "spokesperson")
    assert doc.resolve(*_span(text, "Benyamin Netanyahou")).actor_id == "per:benjamin_netanyahu"
    # The office phrase alone, name written right after it: the person.
    assert doc.resolve(*_span(text, "Le Premier ministre israélien")).actor_id == "per:benjamin_netanyahu"
    assert doc.resolve(*_span(text, "Hamas")).actor_id == "org:hamas"
    assert doc.resolve(*_span(text, "l'État hébreu")).actor_id == "ISR"
    assert doc.resolve(*_span(text, "Téhéran")).actor_id == "IRN"
    mansour = doc.resolve(*_span(text, "M. Mansour"))
    assert (mansour.actor_id, mansour.country) == ("unk:khalil_mansour", None)


def test_bare_surname_after_a_full_name_is_that_person(gaz):
    text = "Le chef de la diplomatie iranienne Abbas Araghchi est arrivé à Oman. M. Abbas a rencontré son homologue."
    doc = DocumentActors(gaz, text, [])
    assert doc.resolve(*_span(text, "M. Abbas")).actor_id == "per:abbas_araghchi"
    assert doc.resolve(*_span(text, "Abbas Araghchi")).country == "IRN"


def test_sahel_fixture(nlp, gaz, fixture_texts):
    text = fixture_texts["sahel"]
    doc = _doc(nlp, gaz, text)
    assert doc.resolve(*_span(text, "La junte malienne")).actor_id == "MLI"
    assert doc.resolve(*_span(text, "L'armée burkinabè")).actor_id == "BFA.military"
    assert doc.resolve(*_span(text, "JNIM")).actor_id == "org:jnim"
    assert doc.resolve(*_span(text, "Cédéao")).actor_id == "org:ecowas"
    minister = doc.resolve(*_span(text, "Kassoum Coulibaly"))
    assert (minister.country, minister.role) == ("BFA", "minister of defence")
    assert doc.resolve(*_span(text, "Ousmane Diallo")).country == "GIN"
    assert doc.resolve(*_span(text, "Amadou Sy")).country is None


def test_eu_trade_fixture(nlp, gaz, fixture_texts):
    text = fixture_texts["ue_commerce"]
    doc = _doc(nlp, gaz, text)
    assert doc.resolve(*_span(text, "La Commission européenne")).actor_id == "org:eu_commission"
    assert doc.resolve(*_span(text, "Bruxelles")).actor_id == "org:eu"
    assert doc.resolve(*_span(text, "Le ministère chinois du Commerce")).actor_id == "CHN.trade"
    aranda = doc.resolve(*_span(text, "Lucía Aranda"))
    assert (aranda.country, aranda.role) == ("ESP", "minister of trade")
    assert doc.resolve(*_span(text, "Le gouvernement français")).actor_id == "FRA"
    dombrovskis = doc.resolve(*_span(text, "Valdis Dombrovskis"))
    assert dombrovskis.country is None and dombrovskis.kind == "person"


def test_a_name_ner_tags_misc_after_an_office_title_is_a_person_of_that_country(nlp, gaz):
    text = "Le président kazakh Kassym-Jomart Tokaïev a limogé le gouvernement. Plus tard, M. Tokaïev a parlé."
    doc = nlp(text)
    actors = DocumentActors(gaz, text, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
    start = text.index("M. Tokaïev")
    person = actors.resolve(start, start + len("M. Tokaïev"))
    assert (person.country, person.role) == ("KAZ", "head of state")


def test_a_capitalised_title_tagged_as_a_person_is_the_office_holder(nlp, gaz):
    text = ("Le Premier ministre arménien Nikol Pachinian a signé l'accord. "
            "L'opposition a exigé mardi la démission du Premier ministre.")
    doc = nlp(text)
    actors = DocumentActors(gaz, text, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
    start = text.rindex("Premier ministre")
    found = actors.resolve(start, start + len("Premier ministre"))
    assert found is not None and found.actor_id == "unk:nikol_pachinian" and found.country == "ARM"


def test_a_name_after_a_title_is_a_person_whatever_ner_calls_it(nlp, gaz):
    # NER tags "Gotabaya Rajapaksa" LOC and spans "Premier ministre Ranil Wickremesinghe" as one MISC
    text = (
        "Le président sri-lankais Gotabaya Rajapaksa a fui mercredi. Le Premier ministre Ranil Wickremesinghe, "
        "désigné président par intérim, a décrété l'état d'urgence. Le président avait promis de démissionner."
    )
    doc = _doc(nlp, gaz, text)
    president = doc.resolve(*_span(text, "Le président", 1))
    premier = doc.resolve(*_span(text, "Ranil Wickremesinghe"))
    assert (president.name, president.country) == ("Gotabaya Rajapaksa", "LKA")
    assert (premier.name, premier.country, premier.role) == ("Ranil Wickremesinghe", "LKA", "head of government")


def test_a_personal_il_the_parser_calls_expletive_is_the_subject(nlp):
    from transforms.participants import subject_tokens

    doc = nlp("Il n'a toutefois pas remis sa lettre de démission.")
    verb = next(t for t in doc if t.lower_ == "remis")
    assert [t.lower_ for t in subject_tokens(verb)] == ["il"]
    doc = nlp("Il faut négocier.")
    assert subject_tokens(next(t for t in doc if t.lemma_ == "falloir")) == []
