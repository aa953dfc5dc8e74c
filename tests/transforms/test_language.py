"""Language guess from stop-word profiles."""

from __future__ import annotations

import pytest

from transforms.language import detect_language, load_profiles


def test_profiles_cover_six_languages_with_string_words():
    profiles = load_profiles()
    assert set(profiles) == {"fr", "en", "es", "de", "it", "pt"}
    for words in profiles.values():
        assert len(words) >= 40
        assert all(isinstance(w, str) and w == w.lower() for w in words)
    # YAML 1.1 would turn these into booleans if left unquoted.
    assert "on" in profiles["en"] and "no" in profiles["pt"]


def test_bundled_articles_are_french(sample_texts):
    assert {k: detect_language(t) for k, t in sample_texts.items()} == dict.fromkeys(sample_texts, "fr")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le gouvernement a annoncé jeudi que les nouvelles mesures entreront en vigueur la semaine prochaine, selon le ministre.", "fr"),
        ("The central bank raised interest rates on Wednesday for the tenth time in a row, saying that inflation was still too high.", "en"),
        ("El Gobierno de España anunció el jueves que las nuevas medidas entrarán en vigor la próxima semana, según el ministro.", "es"),
        ("Die Bundesregierung hat am Donnerstag angekündigt, dass die neuen Maßnahmen in der nächsten Woche in Kraft treten werden.", "de"),
        ("Il governo italiano ha annunciato giovedì che le nuove misure entreranno in vigore la prossima settimana, secondo il ministro.", "it"),
        ("O governo português anunciou na quinta-feira que as novas medidas vão entrar em vigor na próxima semana, segundo o ministro.", "pt"),
    ],
)
def test_one_sentence_is_enough(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "Publicité", "Emmanuel Macron", "La Corée du Nord", "12:30 | 4 °C"])
def test_short_or_wordless_text_is_unsure(text):
    assert detect_language(text) is None
