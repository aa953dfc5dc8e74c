"""Tests of transforms/pubdate.py on the bundled sample and on headers of other stories."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from transforms.pubdate import PubDate, infer_from_text, infer_publication_dates, interval_of, parse_iso, publication_date


def test_sample_000_month_marker(sample_texts):
    p = publication_date(sample_texts["000"])
    assert (p.start, p.end, p.precision, p.source) == (date(2023, 3, 1), date(2023, 3, 31), "month", "marker")


def test_sample_001_in_text_timestamp(sample_texts):
    p = publication_date(sample_texts["001"])
    assert (p.start, p.end, p.precision, p.source) == (date(2023, 8, 31), date(2023, 8, 31), "day", "text")
    assert "31 Août 2023 16:12" in p.evidence


def test_sample_002_unknown(sample_texts):
    assert publication_date(sample_texts["002"]) == PubDate(None, None, None, "unknown", None)


def test_sample_003_004_markers(sample_texts):
    p3, p4 = publication_date(sample_texts["003"]), publication_date(sample_texts["004"])
    assert (p3.start, p3.end, p3.precision) == (date(2023, 10, 1), date(2023, 10, 31), "month")
    assert (p4.start, p4.end, p4.precision, p4.source) == (date(2023, 8, 1), date(2023, 8, 31), "month", "marker")


def test_hint_wins_over_text(sample_texts):
    p = publication_date(sample_texts["001"], hint="2023-08-31T16:12:00+01:00", hint_source="manifest")
    assert (p.start, p.precision, p.source) == (date(2023, 8, 31), "day", "manifest")
    assert publication_date("rien", hint="2019-05", hint_source="html").precision == "month"
    assert publication_date("rien", hint="2019").interval().end == date(2019, 12, 31)


def test_unparsable_hint_falls_back_to_text():
    raw = "Le Monde\nPublié le 02.11.2022 17:30\nLa COP27 s'ouvre en Égypte."
    p = publication_date(raw, hint="hier soir", hint_source="manifest")
    assert (p.start, p.source) == (date(2022, 11, 2), "text")


def test_published_beats_updated():
    raw = ("Mis à jour le 14 juillet 2024 à 09h12\nPublié le 13 juillet 2024 à 22h05\n\n"
           "Le Tour de France a traversé les Pyrénées samedi.")
    p = publication_date(raw)
    assert (p.start, p.precision, p.source) == (date(2024, 7, 13), "day", "text")


def test_html_and_json_metadata():
    html = '<html><head><meta property="article:published_time" content="2019-04-16T08:00:00+02:00"></head>'
    assert publication_date(html) == PubDate(date(2019, 4, 16), date(2019, 4, 16), "day", "html", publication_date(html).evidence)
    jsonld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-01-07T10:00:00Z"}</script>'
    assert publication_date(jsonld).source == "json" and publication_date(jsonld).start == date(2021, 1, 7)


def test_first_sentence_date_is_not_a_dateline():
    raw = ("Le 3 mars 2021, le gouvernement a annoncé un nouveau confinement pour seize départements, "
           "dont Paris, à compter du week-end suivant.")
    assert publication_date(raw).source == "unknown"


def test_parse_iso():
    assert parse_iso("2023-03") == (date(2023, 3, 1), date(2023, 3, 31), "month")
    assert parse_iso("2024-02-30") is None
    assert parse_iso("mars 2023") is None


def _sample_frame(sample_texts, story=None, dup=None):
    rows = []
    for key, text in sample_texts.items():
        p = publication_date(text)
        rows.append({"doc_id": key, "text": text, "story_id": (story or {}).get(key), "duplicate_of": (dup or {}).get(key),
                     "published_start": p.start, "published_end": p.end,
                     "published_precision": p.precision, "published_source": p.source})
    return pd.DataFrame(rows)


def test_002_inferred_from_story_sibling(sample_texts):
    # worst case: every article in one story; 002 shares its dated expressions with 000
    docs = _sample_frame(sample_texts, story={k: "s1" for k in sample_texts})
    out = infer_publication_dates(docs).set_index("doc_id")
    row = out.loc["002"]
    assert (row.published_start, row.published_end, row.published_precision, row.published_source) == (
        date(2023, 3, 1), date(2023, 3, 31), "month", "inferred")
    assert "000" in row.published_evidence
    assert out.loc["001", "published_source"] == "text" and out.loc["001", "published_start"] == date(2023, 8, 31)
    assert out.loc["000", "published_source"] == "marker"


def test_duplicate_link_is_preferred(sample_texts):
    docs = _sample_frame(sample_texts, story={k: "s1" for k in sample_texts}, dup={"002": "004"})
    out = infer_publication_dates(docs).set_index("doc_id")
    assert out.loc["002", "published_start"] == date(2023, 8, 1)


def test_without_siblings_the_text_gives_a_floor(sample_texts):
    out = infer_publication_dates(_sample_frame(sample_texts)).set_index("doc_id")
    row = out.loc["002"]
    assert row.published_source == "inferred" and row.published_start == date(2022, 10, 1)
    assert row.published_end > date(2023, 3, 31) and row.published_precision == "year"
    assert "on or after" in row.published_evidence


def test_weekday_date_fixes_the_year():
    text = ("Le président brésilien a pris la parole mercredi 21 septembre à l'ONU. "
            "Il a rappelé la crise de 2022, qui a frappé les marchés.")
    p = infer_from_text(text)
    assert (p.start, p.end, p.precision, p.source) == (date(2022, 9, 21), date(2022, 9, 28), "week", "inferred")


def test_sibling_published_before_the_text_is_ignored():
    docs = pd.DataFrame([
        {"doc_id": "a", "text": "Le sommet de Vilnius s'est tenu en juillet 2023.", "story_id": "x", "duplicate_of": None,
         "published_start": None, "published_end": None, "published_precision": None, "published_source": "unknown"},
        {"doc_id": "b", "text": "Annonce du sommet.", "story_id": "x", "duplicate_of": None,
         "published_start": date(2019, 5, 1), "published_end": date(2019, 5, 31), "published_precision": "month",
         "published_source": "marker"},
    ])
    row = infer_publication_dates(docs).set_index("doc_id").loc["a"]
    assert row.published_start == date(2023, 7, 1) and row.published_source == "inferred"


def test_text_without_any_date_stays_unknown():
    docs = pd.DataFrame([{"doc_id": "z", "text": "Le ministre a démissionné.", "story_id": None, "duplicate_of": None,
                          "published_start": None, "published_end": None, "published_precision": None,
                          "published_source": "unknown"}])
    row = infer_publication_dates(docs).iloc[0]
    assert row.published_source == "unknown" and row.published_start is None and row.published_evidence is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019", (date(2019, 1, 1), date(2019, 12, 31), "year")),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29), "month")),
        (date(2021, 8, 15), (date(2021, 8, 15), date(2021, 8, 15), "day")),
        ("2021-08-15T09:30:00+04:30", (date(2021, 8, 15), date(2021, 8, 15), "day")),
    ],
)
def test_interval_of_names_the_span_a_value_means(value, expected):
    got = interval_of(value)
    assert (got.start, got.end, got.precision) == expected


def test_interval_of_nothing_is_none():
    assert interval_of(None) is None and interval_of("not a date") is None
