"""The event lexicon file and trigger matching."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from transforms.triggers import LEXICON_PATH, PLOVER_TYPES, LexiconError, load_lexicon, match_token


def test_lexicon_file_is_documented_and_valid():
    text = LEXICON_PATH.read_text(encoding="utf-8")
    assert text.startswith("# event_lexicon_fr.yaml")
    lex = load_lexicon()
    entries = [e for group in (lex.verbs, lex.nouns) for es in group.values() for e in es]
    assert len(entries) > 100
    assert {e.type for e in entries} == PLOVER_TYPES  # every PLOVER type has a trigger
    assert all(0 < e.confidence <= 1 for e in entries)


def test_unknown_type_is_refused(tmp_path: Path):
    bad = tmp_path / "lex.yaml"
    bad.write_text(yaml.safe_dump({"verbs": [{"id": "x", "lemma": "frapper", "type": "PUNCH"}]}))
    with pytest.raises(LexiconError):
        load_lexicon(bad)


@pytest.mark.parametrize(
    ("sentence", "word", "rule"),
    [
        ("Moscou a livré des missiles à Damas.", "livré", "v:livrer_armes"),
        ("Moscou a livré du blé à Damas.", "livré", None),  # grain is trade, not military aid
        ("Paris a mis en garde Téhéran.", "mis", "v:mettre_en_garde"),
        ("Paris a mis fin à sa mission.", "mis", None),
        ("Le ministre s'est rendu à Kiev.", "rendu", "v:s_rendre"),
        ("Le tribunal a rendu son verdict.", "rendu", None),
        ("L'armée a lancé une offensive.", "lancé", "v:lancer_offensive"),
        ("Les sanctions contre Cuba restent en vigueur.", "sanctions", "n:sanction"),
    ],
)
def test_match_conditions(nlp, sentence, word, rule):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    entry = match_token(token, load_lexicon())
    assert (entry.rule if entry else None) == rule


@pytest.mark.parametrize(
    "form, infinitive",
    [("reproche", "reprocher"), ("pressent", "presser"), ("estimait", "estimer"), ("condamnaient", "condamner"), ("ne", None)],
)
def test_first_group_infinitive_of_a_form_the_lemmatizer_left(form, infinitive):
    from transforms.triggers import first_group_infinitive

    assert first_group_infinitive(form) == infinitive


def test_an_unlemmatized_finite_verb_still_triggers(nlp):
    doc = nlp("Le Japon reproche à la Chine ses incursions répétées.")
    verb = next(t for t in doc if t.lower_ == "reproche")
    entry = match_token(verb, load_lexicon())
    assert entry is not None and entry.type == "ACCUSE"
