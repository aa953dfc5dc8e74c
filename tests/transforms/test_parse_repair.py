"""The parse repair moves objects and main verbs back where French puts them (real sentences, other stories)."""

from __future__ import annotations

from _event_docs import code
from test_event_coverage import pairs
from transforms.parse_repair import repair
from transforms.triggers import load_lexicon

TIME = load_lexicon().time_nouns


def _head_of(doc, word: str):
    return next(t for t in doc if t.text == word).head


def test_an_object_after_a_weekday_hangs_under_the_verb(nlp):
    doc = nlp("Le Premier ministre hongrois a critiqué dimanche des déclarations de la Commission.")
    repair(doc, TIME)
    noun = next(t for t in doc if t.text == "déclarations")
    assert (noun.head.text, noun.dep_) == ("critiqué", "obj")
    assert next(t for t in doc if t.text == "dimanche").dep_ != "obj"


def test_an_indefinite_object_after_a_place_is_no_apposition(nlp):
    doc = nlp("Les deux pays ont conclu jeudi à Genève un accord sur l'échange de prisonniers.")
    repair(doc, TIME)
    noun = next(t for t in doc if t.text == "accord")
    assert (noun.head.text, noun.dep_) == ("conclu", "obj")


def test_an_apposition_set_off_by_a_comma_stays_one(nlp):
    doc = nlp("Le sommet s'est tenu à Genève, une ville neutre, en présence des deux délégations.")
    before = [(t.i, t.head.i, t.dep_) for t in doc]
    repair(doc, TIME)
    assert _head_of(doc, "ville").text != "tenu"
    assert [(t.i, t.head.i) for t in doc if t.text == "ville"] == [(i, h) for i, h, _ in before if doc[i].text == "ville"]


def test_a_main_verb_after_a_relative_clause_becomes_the_root(nlp):
    doc = nlp("Les deux dirigeants, qui s'invectivaient encore l'an dernier, se sont serré la main à Brasilia.")
    repair(doc, TIME)
    verb = next(t for t in doc if t.text == "serré")
    assert verb.dep_ == "ROOT" and verb.head.i == verb.i
    assert next(t for t in doc if t.text == "dirigeants").head.i == verb.i


def test_both_leaders_meet_after_a_relative_clause_and_a_handshake(nlp):
    text = (
        "Lula et Javier Milei ont signé mardi à Brasilia un document commun sur le commerce. Les deux hommes, qui s'invectivaient encore "
        "l'an dernier, se sont serré la main avant de s'entretenir pendant une heure."
    )
    m = code(nlp, text)
    found = pairs(m)
    assert ("AGREE", "BRA", "ARG") in found or ("AGREE", "ARG", "BRA") in found
    assert ("CONSULT", "BRA", "ARG") in found or ("CONSULT", "ARG", "BRA") in found


def test_criticism_voiced_on_a_weekday_is_coded(nlp):
    m = code(nlp, "La Pologne a critiqué lundi la Hongrie pour son veto.")
    assert ("ACCUSE", "POL", "HUN") in pairs(m)


def test_a_name_after_a_title_in_a_complement_names_that_title(nlp):
    doc = nlp("Le Premier ministre a obtenu l'accord du président russe Dmitri Medvedev sur le texte.")
    repair(doc, TIME)
    assert _head_of(doc, "Dmitri").text == "président"
    doc = nlp("Le secrétaire d'État John Kerry a quitté Genève.")
    repair(doc, TIME)
    assert _head_of(doc, "John").text == "secrétaire"  # "d'État" belongs to the title, not a title of its own


def test_a_second_title_is_coordinated_with_the_first_not_with_its_name(nlp):
    doc = nlp(
        "Le président mozambicain Joaquim Chissano et le chef de la Résistance nationale mozambicaine (Renamo), "
        "Afonso Dhlakama, ont signé dimanche à Rome un accord de paix."
    )
    repair(doc, TIME)
    chef = next(t for t in doc if t.text == "chef")
    assert chef.head.text == "président" and chef.dep_ == "conj"
    assert _head_of(doc, "Afonso").i == chef.i
