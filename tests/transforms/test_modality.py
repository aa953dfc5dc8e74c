"""Claims, negation, modality cues and teaser removal."""

from __future__ import annotations

from transforms.modality import MODALITY_PATH, load_cues, quote_spans, teaser_spans


def test_cue_file_is_documented():
    assert MODALITY_PATH.read_text(encoding="utf-8").startswith("# modality_fr.yaml")
    cues = load_cues()
    assert "nier" in cues.negating and "envisager" in cues.proposed and "pouvoir" in cues.hypothetical
    assert "selon" in cues.source_preps and "devoir" in cues.opinion


def test_teaser_block_is_skipped_up_to_the_next_heading():
    text = (
        "Le Kenya a signé un accord avec l'Éthiopie.\n\n"
        "VIDÉO | Des combats à Khartoum :\n\n"
        "Khartoum sous les bombes\n\n"
        "L'armée affirme avoir repoussé une attaque des paramilitaires.\n\n"
        "Un accord commercial en suspens\n\n"
        "Nairobi a suspendu ses importations."
    )
    (start, end), = teaser_spans(text, load_cues())
    assert text[start:end].startswith("VIDÉO") and text[start:end].endswith("paramilitaires.")
    assert "Nairobi" in text[end:] and "Kenya" in text[:start]


def test_no_teaser_in_plain_text():
    assert teaser_spans("Regarder vers l'avenir : le Niger et le Bénin rouvrent la frontière.", load_cues()) == []


def test_quotes():
    text = "« Nous condamnons ces frappes », a dit le ministre. Il a ajouté : \"Assez\"."
    spans = quote_spans(text)
    assert [text[s:e] for s, e in spans] == ["« Nous condamnons ces frappes »", '"Assez"']
    text = "Washington a réaffirmé sa « solidarité » avec Vilnius face aux « pressions » de Pékin."
    assert quote_spans(text) == []  # cited words, not speech
