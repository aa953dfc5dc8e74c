"""Tests of transforms/anchor.py: which expression dates an event, on a story about a pension reform."""

from __future__ import annotations

from datetime import date

from transforms.anchor import DateChoice, choose_date
from transforms.temporal import Interval, find_timexes

TEXT = (
    "Mardi, le Sénat a voté la réforme et les députés l'ont approuvée. "
    "Les syndicats, qui avaient manifesté le 19 janvier, appellent à une nouvelle grève. "
    "Le gouvernement espère une promulgation rapide.\n\n"
    "Le Conseil constitutionnel rendra sa décision le mois prochain, a indiqué Matignon.\n\n"
    "Après trois mois de grève, les éboueurs restent mobilisés."
)
DCT = Interval(date(2023, 3, 23), date(2023, 3, 23), "day")
TIMEXES = find_timexes(TEXT, DCT)


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def sentence_of(words: str) -> tuple[int, int]:
    i = TEXT.index(words)
    start = max(TEXT.rfind(". ", 0, i) + 2, TEXT.rfind("\n", 0, i) + 1, 0)
    end = min(x for x in (TEXT.find(".", i) + 1, len(TEXT)) if x > 0)
    return start, end


def paragraph_of(words: str) -> tuple[int, int]:
    i = TEXT.index(words)
    start = TEXT.rfind("\n\n", 0, i)
    end = TEXT.find("\n\n", i)
    return (0 if start < 0 else start + 2), (len(TEXT) if end < 0 else end)


def choose(trigger: str, clause: str, dct=DCT) -> DateChoice:
    return choose_date(TIMEXES, span(trigger), span(clause), sentence_of(trigger), paragraph_of(trigger), dct)


def test_clause_expression_wins():
    c = choose("voté", "Mardi, le Sénat a voté la réforme")
    assert (c.start, c.end, c.precision, c.date_text, c.method, c.future) == (
        date(2023, 3, 21), date(2023, 3, 21), "day", "Mardi", "clause", False)


def test_relative_clause_has_its_own_date():
    c = choose("manifesté", "qui avaient manifesté le 19 janvier")
    assert (c.start, c.date_text, c.method) == (date(2023, 1, 19), "le 19 janvier", "clause")


def test_sentence_expression_when_clause_has_none():
    c = choose("approuvée", "les députés l'ont approuvée")
    assert (c.start, c.date_text, c.method) == (date(2023, 3, 21), "Mardi", "sentence")


def test_nearest_before_in_paragraph():
    c = choose("espère", "Le gouvernement espère une promulgation rapide")
    assert (c.start, c.date_text, c.method) == (date(2023, 1, 19), "le 19 janvier", "paragraph")


def test_future_is_flagged():
    c = choose("rendra", "Le Conseil constitutionnel rendra sa décision le mois prochain")
    assert (c.start, c.end, c.precision, c.method, c.future) == (date(2023, 4, 1), date(2023, 4, 30), "month", "clause", True)


def test_durations_never_anchor_and_dct_window_says_so():
    assert any(t.kind == "duration" and t.text == "trois mois" for t in TIMEXES)
    c = choose("restent", "les éboueurs restent mobilisés")
    assert c == DateChoice(date(2023, 3, 16), date(2023, 3, 23), "week", None, "dct_window", False)


def test_dct_window_of_a_month_known_article():
    month = Interval(date(2023, 3, 1), date(2023, 3, 31), "month")
    c = choose_date([], (10, 15), (0, 20), (0, 30), (0, 40), month)
    assert (c.start, c.end, c.precision, c.method) == (date(2023, 3, 1), date(2023, 3, 31), "month", "dct_window")


def test_no_dct_no_date():
    assert choose_date([], (10, 15), (0, 20), (0, 30), (0, 40), None).method == "none"


def test_unresolved_expression_does_not_anchor():
    text = "Le ministre a démissionné jeudi."
    found = find_timexes(text, None)
    c = choose_date(found, (14, 25), (0, len(text)), (0, len(text)), (0, len(text)), None)
    assert found[0].text == "jeudi" and c.method == "none"


def test_nearest_expression_wins_and_ties_go_after_the_trigger():
    text = "Hier il a annoncé demain sa décision."
    found = find_timexes(text, DCT)
    t0 = text.index("annoncé")
    whole = (0, len(text))
    assert choose_date(found, (t0, t0 + 7), whole, whole, whole, DCT).date_text == "demain"
    tie = "Hier annoncé demain."
    found = find_timexes(tie, DCT)
    c = choose_date(found, (5, 12), (0, len(tie)), (0, len(tie)), (0, len(tie)), DCT)
    assert (c.date_text, c.start, c.future) == ("demain", date(2023, 3, 24), True)
