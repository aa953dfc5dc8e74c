"""Cleaning scraped text: leftovers go, prose, headings and offsets-stable text stay."""

from __future__ import annotations

import pandas as pd
import pytest

from transforms.clean import (
    clean_batch,
    clean_text,
    has_credit,
    is_headline_like,
    is_junk_line,
    is_timestamp_line,
    load_rules,
    normalize_text,
)
from transforms.ingest import RawFile, ingest_batch

HEADLINE_001 = (
    "LES ÉTATS-UNIS METTENT EN GARDE LA CORÉE DU NORD CONTRE LA VENTE D'ARMES À LA RUSSIE POUR SA GUERRE EN UKRAINE"
)


@pytest.fixture(scope="module")
def sample_raw(sample_dir) -> dict[str, dict]:
    """The bundled articles after ingest (date markers removed), keyed "000".."004"."""
    files = [RawFile(p.name, p.read_bytes()) for p in sorted(sample_dir.glob("*.txt"))]
    _, docs = ingest_batch(files)
    return {row["source_path"][:3]: row for row in docs.to_dict("records")}


@pytest.fixture(scope="module")
def sample_clean(sample_raw) -> dict[str, object]:
    return {k: clean_text(r["raw_text"], r["title_hint"], r["outlet_hint"]) for k, r in sample_raw.items()}


# --- the bundled sample -------------------------------------------------------------------


def test_001_headline_outlet_and_trailing_furniture(sample_clean):
    c = sample_clean["001"]
    assert c.title == HEADLINE_001
    assert c.outlet == "Lagazette"
    assert HEADLINE_001 not in c.text
    for junk in ("Loading...", "L'info de A à Z", "Voir Plus", "31 Août 2023 16:12", "Paris / La Gazette", "Lagazette"):
        assert junk not in c.text
    assert c.text.startswith("La Maison Blanche a mis en garde la Corée du Nord")
    assert c.text.endswith("en raison de son invasion de l'Ukraine l'année dernière.")
    assert "« Nous exhortons la RPDC à cesser ses négociations" in c.text
    assert c.removed.count(HEADLINE_001) == 3


def test_002_teaser_and_captions_go_section_prose_stays(sample_clean):
    c = sample_clean["002"]
    for junk in (
        "REGARDER",
        "Bakhmut en ruines",
        "(Kim Won Jin/AFP/Getty Images)",
        "Les gens qui montent les escaliers.",
        "Des piétons montent un escalier",
        "(Gavriil Grigorov/Spoutnik/Kremlin/The Associated Press)",
        "Le président russe Vladimir Poutine.\n",
    ):
        assert junk not in c.text
    assert c.title == "Les États-unis Accusent La Russie De S'armer En Corée Du"
    assert not c.text.startswith("Les États-unis Accusent")
    assert "La Russie a besoin de fournitures de remplacement\n\n" in c.text
    assert '"La Russie a perdu plus de 9 000 pièces d\'équipement militaire lourd' in c.text
    assert "Défis alimentaires en Corée du Nord\n\nLes experts estiment" in c.text
    # Article prose that merely mentions advertising or a photo is not a leftover.
    assert "La publicité des efforts de la Russie pour obtenir des armes" in c.text
    assert c.text.endswith("Donetsk et Lougansk, dans l'est de l'Ukraine.")


def test_003_ad_label_goes(sample_clean):
    c = sample_clean["003"]
    assert "Publicité" not in c.text
    assert c.text.startswith("La Maison-Blanche a annoncé vendredi")
    assert c.removed == ("Publicité",)


def test_000_and_004_are_already_clean(sample_raw, sample_clean):
    for key in ("000", "004"):
        c = sample_clean[key]
        assert c.removed == ()
        assert c.title is None
        assert c.text == sample_raw[key]["raw_text"].strip()
    assert sample_clean["000"].text.startswith("Les États-Unis ont accusé")


def test_sample_paragraphs_are_blank_line_separated(sample_clean):
    for c in sample_clean.values():
        assert "\n\n\n" not in c.text
        assert all(p and p == p.strip() for p in c.text.split("\n\n"))
    assert sample_clean["000"].text.count("\n\n") == 3


def test_clean_is_deterministic_and_idempotent(sample_clean, sample_raw):
    for key, c in sample_clean.items():
        r = sample_raw[key]
        assert clean_text(r["raw_text"], r["title_hint"], r["outlet_hint"]) == c
        assert clean_text(c.text, c.title, c.outlet).text == c.text


# --- fixtures about other stories ---------------------------------------------------------


def test_storm_page_fixture(fixtures_dir):
    raw = (fixtures_dir / "clean/tempete_ciaran.txt").read_text(encoding="utf-8")
    c = clean_text(raw)
    assert c.outlet == "Ouest-France"
    assert c.title == (
        "Tempête Ciarán : des rafales à plus de 200 km/h en Bretagne, un million de foyers privés d'électricité"
    )
    assert c.text.split("\n\n") == [
        "La tempête Ciarán a frappé la pointe de la Bretagne dans la nuit de mercredi à jeudi, avec des rafales "
        "mesurées à 207 km/h à la pointe du Raz, selon Météo-France.",
        "Enedis indiquait jeudi matin qu'environ 1,2 million de foyers étaient privés d'électricité, dont 780 000 "
        "en Bretagne. Les équipes de la compagnie ne pourront intervenir qu'une fois le vent retombé, a précisé son "
        "directeur régional.",
        "Un chauffeur de camion est mort dans l'Aisne après la chute d'un arbre sur son véhicule, a annoncé la "
        "préfecture. C'est le premier décès lié à la tempête en France.",
        "Les transports très perturbés",
        "La SNCF a suspendu toutes les circulations de trains en Bretagne jusqu'à jeudi midi au moins. Les "
        "aéroports de Brest, Quimper et Lorient sont restés fermés.",
        "« Nous n'avions pas vu un tel phénomène depuis la tempête de 1987 », a déclaré le maire de Plougonvelin, "
        "dont la commune a été particulièrement touchée.",
    ]
    assert "Par Yann Le Goff" in c.removed
    assert "Des arbres arrachés sur une route près de Brest." in c.removed


def test_wrapped_lines_are_joined_and_inline_teaser_keeps_prose(fixtures_dir):
    raw = (fixtures_dir / "clean/vague_chaleur_wrapped.txt").read_text(encoding="utf-8")
    c = clean_text(raw)
    assert c.title == "Canicule : Météo-France place seize départements en vigilance rouge"
    paragraphs = c.text.split("\n\n")
    assert paragraphs[0] == (
        "Météo-France a placé mercredi seize départements du nord de la France en vigilance rouge canicule, le "
        "niveau le plus élevé, alors que des records de température pourraient être battus jeudi à Paris."
    )
    assert "VIDÉO" not in c.text and "24.07.2019 11:05" not in c.text
    # The link carried its headline on the marker line, so the next paragraph is not taken as a
    # standfirst: when unsure, prose stays.
    assert paragraphs[1].startswith("Les médecins recommandent de boire régulièrement")
    assert paragraphs[2] == (
        "Le précédent record absolu de chaleur dans la capitale, 40,4 °C, datait de juillet 1947. Les "
        "prévisionnistes attendent jusqu'à 42 °C jeudi après-midi."
    )
    assert len(paragraphs) == 4


def test_nbsp_and_zero_width_are_normalised(fixtures_dir):
    raw = (fixtures_dir / "clean/pacte_migration_nbsp.txt").read_text(encoding="utf-8")
    c = clean_text(raw)
    assert c.text == (
        "Le Parlement européen a adopté mercredi le « pacte asile et migration », après des années de "
        "négociations.\n\nLe texte doit encore être approuvé par les États membres."
    )
    for ch in ("\u00a0", "\u202f", "\u200b"):
        assert ch not in c.text


def test_mojibake_in_raw_text_is_repaired():
    c = clean_text("Le prÃ©fet a ordonnÃ© l'Ã©vacuation du quartier.")
    assert c.text == "Le préfet a ordonné l'évacuation du quartier."


# --- each rule ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Publicité",
        "Loading...",
        "L'info de A à Z Voir Plus",
        "L’info de A à Z",
        "Partager Tweeter",
        "Partager sur Facebook | Partager sur X | Copier le lien",
        "Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité chaque matin.",
        "En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies.",
        "Il vous reste 72% de cet article à lire.",
        "Suivez toute l'actualité de l'Ukraine sur Google News",
        "Par Jean-Marc Dupuis",
        "Par Sophie Martin et Paul Durand, AFP",
        "Avec AFP",
        "(avec AFP et Reuters)",
        "•",
    ],
)
def test_junk_lines(line):
    assert is_junk_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "La publicité des efforts de la Russie pour obtenir des armes n'est que le dernier exemple.",
        "Partager le pouvoir n'est pas dans ses habitudes, a ironisé un député.",
        "Par ailleurs, la Russie a envoyé une délégation à Pyongyang.",
        "Les cookies des navigateurs seront bannis par Google en 2024, a annoncé l'entreprise.",
        "Direct du Kremlin, la réponse est arrivée dans la soirée.",
        "Voir plus loin que la prochaine élection, voilà ce que réclament les maires.",
    ],
)
def test_prose_is_not_junk(line):
    assert not is_junk_line(line)
    assert not is_timestamp_line(line)
    assert not has_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "31 Août 2023 16:12 (UTC+01:00)",
        "Publié le 02/11/2023 à 07h15, mis à jour le 02/11/2023 à 09h40",
        "Mis à jour le 5 janvier 2024 à 18h03",
        "02.11.2022 17:30",
        "Le 12/03/2021 à 14h05",
        "Jeudi 14 mars 2024",
        "2024-03-14T09:30:00+01:00",
        "Publié hier à 18h20",
        "Lecture : 4 min",
        "5 min de lecture",
        "Publié le 14 mars 2024 à 08h10 | Lecture 3 min",
    ],
)
def test_timestamp_lines(line):
    assert is_timestamp_line(line)


def test_sentence_with_a_date_is_not_a_timestamp():
    assert not is_timestamp_line("Le 12 mars 2024, le Parlement a adopté la loi après un vote serré.")
    assert not is_timestamp_line("Publié en 1857, le roman a valu un procès à son auteur.")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Des manifestants à Paris, jeudi. (Kim Won Jin/AFP/Getty Images)", True),
        ("Des manifestants à Paris, jeudi. Photo : Thomas Samson / AFP", True),
        ("© Ludovic Marin / AFP", True),
        ("Crédit photo : Reuters", True),
        ("Photo d'illustration : Ludovic Marin / AFP", True),
        ("Le ministre (Intérieur/Outre-mer) a répondu aux questions des sénateurs.", False),
        ("Il a brandi une photo : « voilà ce qu'il reste de ma maison »", False),
        ("Le maire résume la situation en une image : celle d'un village coupé du monde", False),
        ("Le taux de chômage est passé de 7,1 % à 7,3 %, selon l'Insee (chiffres corrigés/variations saisonnières).", False),
    ],
)
def test_credits(line, expected):
    assert has_credit(line) is expected


def test_caption_takes_its_alt_text_but_not_the_paragraph_above():
    raw = (
        "Les députés ont adopté le texte en première lecture mardi soir, par 312 voix contre 220.\n\n"
        "L'hémicycle de l'Assemblée nationale.\n"
        "Les députés lors du vote, mardi 14 mai. (Thomas Samson/AFP)\n\n"
        "Le texte doit maintenant être examiné par le Sénat."
    )
    c = clean_text(raw)
    assert c.text == (
        "Les députés ont adopté le texte en première lecture mardi soir, par 312 voix contre 220.\n\n"
        "Le texte doit maintenant être examiné par le Sénat."
    )


def test_teaser_card_with_standfirst_before_a_section_heading():
    raw = (
        "Le Sénat a voté la réforme de l'assurance chômage jeudi, après trois jours de débats.\n\n"
        "VIDÉO | Chômage :\n\n"
        "Ce qui change pour les demandeurs d'emploi\n\n"
        "Durée d'indemnisation, conditions d'accès : nos explications en deux minutes.\n\n"
        "Un texte contesté par les syndicats\n\n"
        "Les huit organisations syndicales ont dénoncé une réforme « injuste »."
    )
    c = clean_text(raw)
    assert c.text.split("\n\n") == [
        "Le Sénat a voté la réforme de l'assurance chômage jeudi, après trois jours de débats.",
        "Un texte contesté par les syndicats",
        "Les huit organisations syndicales ont dénoncé une réforme « injuste ».",
    ]


def test_teaser_card_followed_by_prose_keeps_the_prose():
    raw = (
        "Le Sénat a voté la réforme de l'assurance chômage jeudi, après trois jours de débats.\n\n"
        "À LIRE AUSSI :\n\n"
        "Assurance chômage : ce qui change au 1er février\n\n"
        "Le gouvernement espère ainsi atteindre le plein emploi d'ici à 2027, a rappelé la ministre du Travail "
        "devant les sénateurs, sous les huées de l'opposition de gauche qui dénonce une réforme « punitive » "
        "et promet de saisir le Conseil constitutionnel dès l'adoption définitive du texte par le Parlement.\n\n"
        "Le texte doit maintenant être examiné en commission mixte paritaire."
    )
    c = clean_text(raw)
    assert "ce qui change au 1er février" not in c.text
    assert "Le gouvernement espère ainsi atteindre le plein emploi" in c.text
    assert c.text.endswith("commission mixte paritaire.")


def test_lone_read_also_label_takes_the_linked_headline():
    raw = (
        "La Banque centrale européenne a relevé ses taux d'un quart de point jeudi.\n\n"
        "À lire aussi\n\n"
        "Crédit immobilier : les banques durcissent encore leurs conditions\n\n"
        "C'est la dixième hausse consécutive depuis juillet 2022, a rappelé Christine Lagarde, qui n'exclut pas "
        "de nouvelles hausses si l'inflation ne ralentit pas plus nettement dans les prochains mois."
    )
    c = clean_text(raw)
    assert c.removed == ("À lire aussi", "Crédit immobilier : les banques durcissent encore leurs conditions")
    assert c.text.startswith("La Banque centrale européenne a relevé ses taux")
    assert c.text.endswith("dans les prochains mois.")


def test_lowercase_word_starting_a_sentence_is_not_a_teaser():
    line = "Regarder la vérité en face, c'est ce que demandent les familles des victimes."
    assert clean_text(line + "\n\nLe procès s'ouvre lundi.").text.startswith(line)


def test_title_hint_is_used_and_removed_from_body():
    raw = (
        "Inflation : les prix ont augmenté de 4,9 % sur un an en décembre\n\n"
        "L'inflation a légèrement ralenti en décembre, selon l'Insee, mais reste à un niveau élevé."
    )
    c = clean_text(raw, title_hint="Inflation : les prix ont augmenté de 4,9 % sur un an en décembre")
    assert c.title == "Inflation : les prix ont augmenté de 4,9 % sur un an en décembre"
    assert c.text == "L'inflation a légèrement ralenti en décembre, selon l'Insee, mais reste à un niveau élevé."


def test_outlet_hint_wins_and_its_logo_line_goes():
    raw = "Exemple Info\n\nLe conseil municipal de Lille a voté mardi la gratuité des transports pour les moins de 18 ans."
    c = clean_text(raw, outlet_hint="Exemple Info")
    assert c.outlet == "Exemple Info"
    assert c.text.startswith("Le conseil municipal de Lille")


def test_outlet_from_dateline_and_domain_line():
    c = clean_text(
        "exemple-sud.fr\n\nMarseille / Exemple Sud\n\n"
        "Un incendie a détruit un entrepôt du port autonome dans la nuit de lundi à mardi."
    )
    assert c.outlet == "Exemple Sud"
    assert c.text == "Un incendie a détruit un entrepôt du port autonome dans la nuit de lundi à mardi."


def test_known_outlet_gets_its_canonical_spelling():
    c = clean_text("OUEST-FRANCE\n\nLa mairie de Rennes a annoncé lundi la fermeture de trois piscines cet été.")
    assert c.outlet == "Ouest-France"


def test_domain_line_of_a_known_outlet():
    c = clean_text("www.ouest-france.fr\n\nLa mairie de Rennes a annoncé lundi la fermeture de trois piscines cet été.")
    assert c.outlet == "Ouest-France"
    assert c.removed == ("www.ouest-france.fr",)


def test_a_short_first_heading_is_not_taken_for_an_outlet():
    c = clean_text("Guerre en Ukraine\n\nKiev a annoncé dimanche la reprise de deux villages près de Bakhmout.")
    assert c.outlet is None
    assert c.title == "Guerre en Ukraine"


def test_normalize_text_keeps_curly_quotes():
    assert normalize_text("« Nous  ne  céderons pas »,\u00a0a dit\u200b le  ministre ’") == (
        "« Nous ne céderons pas », a dit le ministre ’"
    )


def test_headline_like():
    assert is_headline_like("La Russie a besoin de fournitures de remplacement")
    assert is_headline_like("Pourquoi la Corée du Nord vend-elle des obus ?")
    assert not is_headline_like("Les gens qui montent les escaliers.")
    assert not is_headline_like("minuscule au début")


def test_rules_file_loads_and_every_pattern_compiles():
    rules = load_rules()
    assert rules.junk_lines and rules.timestamps and rules.credits
    assert "ouestfrance" in rules.outlets
    assert rules.max_junk >= 100


# --- batch --------------------------------------------------------------------------------


def test_clean_batch_adds_columns(sample_dir):
    files = [RawFile(p.name, p.read_bytes()) for p in sorted(sample_dir.glob("*.txt"))]
    _, docs = ingest_batch(files)
    out = clean_batch(docs)
    assert list(out.columns) == list(docs.columns) + ["text", "title", "outlet", "language", "removed_count"]
    assert out["language"].tolist() == ["fr"] * 5
    assert out["removed_count"].tolist() == [0, 8, 8, 1, 0]
    assert out["title"].tolist()[1] == HEADLINE_001
    pd.testing.assert_frame_equal(out, clean_batch(docs))
    pd.testing.assert_frame_equal(out[docs.columns], docs)


def test_html_page_end_to_end(fixtures_dir):
    data = (fixtures_dir / "ingest/html/inondations_pas_de_calais.html").read_bytes()
    _, docs = ingest_batch([RawFile("inondations.html", data)])
    out = clean_batch(docs).iloc[0]
    assert out["title"] == "Inondations dans le Pas-de-Calais : l'état de catastrophe naturelle reconnu pour 214 communes"
    assert out["outlet"] == "Le Courrier du Nord"
    assert out["language"] == "fr"
    assert out["text"].split("\n\n")[2:4] == [
        "Dans la vallée de l'Aa, plusieurs villages sont toujours sous les eaux. À Arques et à Blendecques, des "
        "centaines d'habitants ont dû être évacués et hébergés dans des gymnases, selon la préfecture.",
        "Une décrue lente",
    ]


def test_breadcrumb_trail_is_neither_title_nor_text():
    c = clean_text(
        "Accueil > Monde > Afrique\n\n"
        "Au Sénégal, l'opposant Bassirou Diomaye Faye remporte la présidentielle\n\n"
        "Le candidat de l'opposition a été élu dès le premier tour avec 54 % des voix, selon les résultats provisoires."
    )
    assert c.title == "Au Sénégal, l'opposant Bassirou Diomaye Faye remporte la présidentielle"
    assert "Accueil" not in c.text and c.text.startswith("Le candidat de l'opposition")
