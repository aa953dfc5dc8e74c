"""HTML pages: main text, standfirst and metadata."""

from __future__ import annotations

import pytest

from dateline.errors import IngestError
from transforms.html_extract import clean_value, extract_html


def test_fixture_page(fixtures_dir):
    html = (fixtures_dir / "ingest/html/inondations_pas_de_calais.html").read_text(encoding="utf-8")
    page = extract_html(html)
    assert page.outlet == "Le Courrier du Nord"
    assert page.published == "2023-11-15T18:42:00+01:00"
    assert page.title.startswith("Inondations dans le Pas-de-Calais")
    paragraphs = page.text.split("\n\n")
    assert paragraphs[0].startswith("Le gouvernement a publié mercredi l'arrêté")
    assert "Une décrue lente" in paragraphs
    assert not any("Partager" in p or "Mentions légales" in p for p in paragraphs)


def test_xml_declaration_and_no_charset_keep_accents():
    html = (
        '<?xml version="1.0" encoding="utf-8"?><html><head><title>Brève : le préfet interdit la manifestation</title>'
        "</head><body><p>Le préfet du Rhône a interdit samedi la manifestation prévue dimanche à Lyon.</p></body></html>"
    )
    page = extract_html(html)
    assert page.title == "Brève : le préfet interdit la manifestation"
    assert "Le préfet du Rhône a interdit samedi" in page.text


def test_page_shell_is_rejected():
    with pytest.raises(IngestError, match="no article text in html"):
        extract_html("<html><body><nav><a href='/'>Accueil</a></nav><script>var a = 1;</script></body></html>")


@pytest.mark.parametrize(
    ("value", "expected"),
    [({"@type": "Organization", "name": " Exemple Info "}, "Exemple Info"), (["2021-05-01"], "2021-05-01"), ("  ", None), (None, None), (2021, "2021")],
)
def test_clean_value(value, expected):
    assert clean_value(value) == expected
