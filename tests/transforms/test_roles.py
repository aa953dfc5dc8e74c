"""Actor and recipient from the parse, on dispatches about other stories."""

from __future__ import annotations

import pytest

from transforms.actors import load_gazetteer
from transforms.coref import DocumentActors
from transforms.participants import ActorResolver, plural_parties, subject_tokens
from transforms.roles import is_passive, nominal_roles, verbal_roles
from transforms.triggers import load_lexicon, match_token


def _resolver(doc):
    gaz = load_gazetteer()
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    return ActorResolver(doc, gaz, DocumentActors(gaz, doc.text, entities=ents))


def _roles(nlp, text: str, word: str):
    """(actor ids, recipient ids) of the trigger `word` in `text`."""
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    entry = match_token(token, load_lexicon())
    fn = verbal_roles if token.pos_ in ("VERB", "AUX") else nominal_roles
    actors, recips = fn(token, entry, _resolver(doc), load_lexicon())
    return [a.actor_id for a in actors], [r.actor_id for r in recips]


@pytest.mark.parametrize(
    ("text", "word", "actors", "recipients"),
    [
        # passive with agent
        ("Le Venezuela a été sanctionné par les États-Unis en 2019.", "sanctionné", ["USA"], ["VEN"]),
        # reversed verb: the buyer is the recipient, the seller follows "auprès de"
        ("L'Inde a acheté des missiles auprès de la Russie.", "acheté", ["RUS"], ["IND"]),
        # object control: "accuser X d'avoir attaqué" -> X attacked
        ("Kiev a accusé Moscou d'avoir bombardé Odessa.", "bombardé", ["RUS"], []),
        # nominal with "de X à Y"
        ("La visite de Vladimir Poutine à Pyongyang a inquiété Séoul.", "visite", ["per:vladimir_putin"], ["PRK"]),
        # two "de" complements: the first acts, the last is left
        ("Le retrait de la France du Niger s'achève.", "retrait", ["FRA"], ["NER"]),
        # a demonym is the actor of a nominal event
        ("Les frappes israéliennes contre le Liban se poursuivent.", "frappes", ["ISR"], ["LBN"]),
    ],
)
def test_roles(nlp, text, word, actors, recipients):
    got_actors, got_recips = _roles(nlp, text, word)
    assert got_actors == actors
    assert got_recips == recipients


def test_reciprocal_is_not_passive(nlp):
    doc = nlp("Les deux ministres se sont rencontrés à Genève.")
    verb = next(t for t in doc if t.lemma_ == "rencontrer")
    assert not is_passive(verb)
    doc2 = nlp("Des armes ont été livrées à l'Ukraine.")
    assert is_passive(next(t for t in doc2 if t.text == "livrées"))


def test_plural_noun_names_both_sides(nlp):
    doc = nlp("Les ministres de l'Inde et du Pakistan ont signé un accord.")
    subj = subject_tokens(next(t for t in doc if t.text == "signé"))
    found = plural_parties(subj[0], _resolver(doc))
    assert sorted(a.actor_id for a in found) == ["IND", "PAK"]
