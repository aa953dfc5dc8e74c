"""The article's focus party (transforms.actor_context.focus_party), on gazetteer matches of real text."""

from __future__ import annotations

from transforms.actor_context import focus_party
from transforms.actors import load_gazetteer

TEXT = (
    "Le Sri Lanka a déclaré l'état d'urgence. Colombo a imposé un couvre-feu après la fuite du président. "
    "Le Fonds monétaire international a salué les réformes, tandis que l'Inde a promis une aide au Sri Lanka."
)


def test_the_most_cited_party_other_than_the_actor_is_the_focus():
    gaz = load_gazetteer()
    matches = gaz.find_all(TEXT)
    assert focus_party(gaz, matches, {"IND"}).actor_id == "LKA"  # Sri Lanka and Colombo: two mentions


def test_the_actor_side_is_never_its_own_focus_and_a_state_comes_before_an_international_body():
    gaz = load_gazetteer()
    matches = gaz.find_all(TEXT)
    # Without Sri Lanka, the IMF and India are cited once each: India, a state, is the target.
    assert focus_party(gaz, matches, {"LKA"}).actor_id == "IND"
    # only bodies left: the first named
    assert focus_party(gaz, matches, {"LKA", "IND"}).actor_id == gaz.find_all("le Fonds monétaire international")[0][2].actor_id


def test_ties_between_states_go_to_the_first_named():
    gaz = load_gazetteer()
    matches = gaz.find_all("Le Pérou a rappelé son ambassadeur. Le Chili a protesté. La Bolivie a condamné.")
    assert focus_party(gaz, matches, {"BOL"}).actor_id == "PER"


def test_no_other_party_means_no_focus():
    gaz = load_gazetteer()
    assert focus_party(gaz, gaz.find_all("Le Sri Lanka a déclaré l'état d'urgence."), {"LKA"}) is None


def test_an_armed_group_is_its_own_side_even_with_a_home_country():
    gaz = load_gazetteer()
    text = "Le groupe Wagner a défié l'armée russe. Wagner contrôle Rostov. La Russie dénonce le groupe Wagner."
    matches = gaz.find_all(text)
    assert focus_party(gaz, matches, {"RUS"}).actor_id == "org:wagner"
