"""Ingest: the file ledger, one row per record, hints and their precedence."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dateline.errors import ManifestError
from transforms.ingest import FILES_COLUMNS, RAW_DOCS_COLUMNS, RawFile, ingest_batch, read_manifest


def _folder(root: Path) -> list[RawFile]:
    """Every file under root as the flow hands them over (relative posix paths)."""
    return [RawFile(p.relative_to(root).as_posix(), p.read_bytes()) for p in sorted(root.rglob("*")) if p.is_file()]


def _row(df: pd.DataFrame, path: str) -> dict:
    rows = df[df["source_path"] == path]
    assert len(rows) == 1, path
    return rows.iloc[0].to_dict()


# --- the bundled sample -------------------------------------------------------------------


def test_sample_gives_five_ingested_files_and_five_docs(sample_dir):
    files_df, docs = ingest_batch(_folder(sample_dir))
    assert list(files_df.columns) == list(FILES_COLUMNS)
    assert list(docs.columns) == list(RAW_DOCS_COLUMNS)
    assert files_df["status"].tolist() == ["ingested"] * 5
    assert files_df["reason"].isna().all()
    assert files_df["num_records"].tolist() == [1] * 5
    assert files_df["format"].tolist() == ["txt"] * 5
    assert len(docs) == 5 and docs["doc_id"].is_unique
    assert docs["doc_id"].str.fullmatch(r"d[0-9a-f]{16}").all()
    assert docs["record_key"].tolist() == [""] * 5


def test_sample_ingest_is_deterministic(sample_dir):
    first = ingest_batch(_folder(sample_dir))
    second = ingest_batch(list(reversed(_folder(sample_dir))))
    pd.testing.assert_frame_equal(first[0], second[0])
    pd.testing.assert_frame_equal(first[1], second[1])


def test_date_marker_becomes_hint_and_leaves_text(sample_dir):
    _, docs = ingest_batch(_folder(sample_dir))
    d000 = _row(docs, "000_9d64b1169d0cfd89.txt")
    assert d000["raw_text"].startswith("Les États-Unis ont accusé")
    assert (d000["published_hint"], d000["published_hint_source"]) == ("2023-03", "marker")
    d003 = _row(docs, "003_32c327842ad30ca0.txt")
    assert d003["raw_text"].startswith("Publicité\n\nLa Maison-Blanche a annoncé vendredi")
    assert d003["published_hint"] == "2023-10"
    d001 = _row(docs, "001_3d75517a3287376c.txt")
    assert d001["published_hint"] is None and d001["published_hint_source"] is None
    assert d001["raw_text"].startswith("Lagazette\n")


def test_marker_with_day_and_without_text_on_its_line():
    text = " date 2021-06-14\nLe sommet du G7 s'est achevé dimanche en Cornouailles.\n".encode()
    _, docs = ingest_batch([RawFile("g7.txt", text)])
    assert docs.loc[0, "published_hint"] == "2021-06-14"
    assert docs.loc[0, "raw_text"] == "Le sommet du G7 s'est achevé dimanche en Cornouailles.\n"


def test_a_sentence_starting_with_date_is_not_a_marker():
    text = "date 2021 : le sommet du G7 s'est achevé dimanche.".encode()
    _, docs = ingest_batch([RawFile("g7.txt", text)])
    assert docs.loc[0, "published_hint"] is None
    assert docs.loc[0, "raw_text"] == "date 2021 : le sommet du G7 s'est achevé dimanche."


def test_doc_id_depends_on_content_not_on_path(sample_texts):
    data = sample_texts["004"].encode("utf-8")
    _, a = ingest_batch([RawFile("004.txt", data)])
    _, b = ingest_batch([RawFile("archive/autre_nom.txt", data)])
    assert a.loc[0, "doc_id"] == b.loc[0, "doc_id"]


# --- a messy folder -----------------------------------------------------------------------


def test_mixed_folder_rejects_with_reasons_and_decodes_the_rest(fixtures_dir):
    files_df, docs = ingest_batch(_folder(fixtures_dir / "ingest/mixed"))
    assert files_df["source_path"].tolist() == [
        "greve_latin1.txt",
        "incendie_mojibake.txt",
        "photo.png",
        "vide.txt",
    ]
    assert _row(files_df, "vide.txt")["status"] == "rejected"
    assert _row(files_df, "vide.txt")["reason"] == "empty file"
    png = _row(files_df, "photo.png")
    assert (png["status"], png["format"]) == ("rejected", None)
    assert png["reason"] == "unsupported extension '.png'"

    latin = _row(docs, "greve_latin1.txt")
    assert latin["encoding"] in {"cp1252", "iso8859_1", "iso8859_15"}
    assert latin["raw_text"].startswith("La grève contre la réforme des retraites")
    assert latin["published_hint"] == "2019-12"
    moji = _row(docs, "incendie_mojibake.txt")
    assert bool(moji["mojibake_fixed"]) is True
    assert "plus de 10 000 hectares brûlés à Landiras" in moji["raw_text"]
    assert _row(files_df, "incendie_mojibake.txt")["status"] == "ingested"


def test_binary_with_text_extension_is_binary_content(fixtures_dir):
    png = (fixtures_dir / "ingest/mixed/photo.png").read_bytes()
    files_df, docs = ingest_batch([RawFile("image_renommee.txt", png)])
    assert (files_df.loc[0, "status"], files_df.loc[0, "reason"]) == ("rejected", "binary content")
    assert files_df.loc[0, "num_records"] == 0
    assert docs.empty and list(docs.columns) == list(RAW_DOCS_COLUMNS)


def test_duplicates_point_to_the_first_path(sample_texts):
    data = sample_texts["002"].encode("utf-8")
    files = [RawFile("b/copie.txt", data), RawFile("a/original.txt", data), RawFile("c/vide.txt", b"")]
    files_df, docs = ingest_batch(files)
    assert files_df["status"].tolist() == ["ingested", "duplicate", "rejected"]
    assert files_df.loc[1, "reason"] == "same bytes as a/original.txt"
    assert docs["source_path"].tolist() == ["a/original.txt"]


def test_too_large_and_unsupported():
    article = "Le Parlement a adopté la loi de finances mardi soir après un long débat.".encode()
    files_df, _ = ingest_batch([RawFile("loi.txt", article), RawFile("rapport.pdf", b"%PDF-1.4 ...")], max_bytes=20)
    assert files_df.loc[0, "reason"] == f"too large: {len(article)} bytes > 20"
    assert files_df.loc[1, "reason"] == "unsupported extension '.pdf'"


def test_windows_paths_become_posix():
    files_df, _ = ingest_batch([RawFile("lot1\\depeche.txt", "Le conseil municipal a voté.".encode())])
    assert files_df.loc[0, "source_path"] == "lot1/depeche.txt"


# --- HTML ---------------------------------------------------------------------------------


def test_html_page_text_and_metadata(fixtures_dir):
    root = fixtures_dir / "ingest/html"
    files_df, docs = ingest_batch(_folder(root))
    assert _row(files_df, "inondations_pas_de_calais.html")["format"] == "html"
    doc = docs.iloc[0].to_dict()
    text = doc["raw_text"]
    # The standfirst printed on the page (= meta description) leads, then the body.
    assert text.startswith(
        "Le gouvernement a publié mercredi l'arrêté reconnaissant l'état de catastrophe naturelle pour 214 "
        "communes du Pas-de-Calais touchées par les crues.\n\nL'arrêté, paru au Journal officiel mercredi soir"
    )
    assert "Une décrue lente" in text
    assert "« Nous savons que la reconstruction prendra des mois »" in text
    assert "\n\n" in text
    for furniture in ("S'abonner", "Mentions légales", "cookies", "tag-manager", "Sports"):
        assert furniture not in text
    assert doc["title_hint"] == "Inondations dans le Pas-de-Calais : l'état de catastrophe naturelle reconnu pour 214 communes"
    assert doc["outlet_hint"] == "Le Courrier du Nord"
    assert (doc["published_hint"], doc["published_hint_source"]) == ("2023-11-15T18:42:00+01:00", "html")
    assert doc["url"].endswith("/region/inondations-pas-de-calais-catastrophe-naturelle-214-communes")


def test_html_jsonld_and_title_when_no_open_graph():
    page = """<html><head><title>Municipales : la gauche l'emporte à Marseille | Exemple Sud</title>
<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Exemple Sud"},
{"@type": "NewsArticle", "datePublished": "2020-06-28T21:10:00+02:00",
 "publisher": {"@type": "Organization", "name": "Exemple Sud"}}]}</script></head>
<body><article><p>La liste du Printemps marseillais, menée par Michèle Rubirola, est arrivée en tête du second tour
des élections municipales dimanche à Marseille, mettant fin à vingt-cinq ans de gestion par la droite.</p>
<p>La nouvelle maire devra encore être élue par le conseil municipal le 4 juillet.</p></article></body></html>"""
    _, docs = ingest_batch([RawFile("marseille.html", page.encode("utf-8"))])
    doc = docs.iloc[0]
    assert doc["published_hint"] == "2020-06-28T21:10:00+02:00"
    assert doc["outlet_hint"] == "Exemple Sud"
    assert doc["title_hint"] == "Municipales : la gauche l'emporte à Marseille"
    assert "Michèle Rubirola" in doc["raw_text"]


def test_seo_description_not_on_the_page_is_not_text():
    page = """<html><head><meta name="description" content="Toute l'actualité de Lyon et de sa région, en continu, par notre rédaction locale.">
</head><body><article><p>Le tunnel de la Croix-Rousse sera fermé à la circulation automobile pendant trois nuits
la semaine prochaine pour des travaux d'entretien, a annoncé la Métropole de Lyon.</p></article></body></html>"""
    _, docs = ingest_batch([RawFile("tunnel.html", page.encode("utf-8"))])
    assert docs.loc[0, "raw_text"].startswith("Le tunnel de la Croix-Rousse sera fermé")
    assert "Toute l'actualité" not in docs.loc[0, "raw_text"]


def test_html_without_article_text_is_rejected():
    shell = b"<html><body><nav><a href='/'>Accueil</a></nav><script>var x = 1;</script></body></html>"
    files_df, docs = ingest_batch([RawFile("coquille.html", shell)])
    assert (files_df.loc[0, "status"], files_df.loc[0, "reason"]) == ("rejected", "no article text in html")
    assert docs.empty


# --- JSON / JSONL -------------------------------------------------------------------------


def test_json_array_and_object(fixtures_dir):
    files_df, docs = ingest_batch(_folder(fixtures_dir / "ingest/json"))
    arr = docs[docs["source_path"] == "depeches.json"]
    assert arr["record_key"].tolist() == ["[0]", "[1]"]
    first, second = arr.iloc[0], arr.iloc[1]
    assert first["title_hint"] == "Séisme au Maroc : le bilan dépasse 2 000 morts"
    assert first["raw_text"].startswith("Le bilan du séisme qui a frappé le Maroc")
    assert (first["published_hint"], first["published_hint_source"]) == ("2023-09-10", "json")
    assert first["url"] == "https://www.exemple-info.example/monde/seisme-maroc-bilan"
    assert first["outlet_hint"] == "Exemple Info"  # {"name": ...} object
    assert second["title_hint"] == "Maroc : l'aide internationale commence à arriver"
    assert second["published_hint"] == "2023-09-11T09:30:00+02:00"
    assert second["outlet_hint"] is None
    assert _row(files_df, "depeches.json")["num_records"] == 2

    one = _row(docs, "une_depeche.json")
    assert one["record_key"] == ""
    assert one["outlet_hint"] == "Exemple Sport"
    assert one["published_hint"] == "2023-09-08T23:15:00+02:00"
    assert docs["doc_id"].is_unique


def test_jsonl_bad_lines_do_not_lose_the_others(fixtures_dir):
    files_df, docs = ingest_batch(_folder(fixtures_dir / "ingest/json"))
    ledger = _row(files_df, "retraites.jsonl")
    assert (ledger["status"], ledger["num_records"]) == ("ingested", 2)
    assert ledger["reason"] == "2 of 4 records rejected: line 2 invalid json; line 3 no text field"
    recs = docs[docs["source_path"] == "retraites.jsonl"]
    assert recs["record_key"].tolist() == ["line 1", "line 4"]
    assert recs.iloc[1]["raw_text"].startswith("L'intersyndicale a appelé samedi")
    assert recs.iloc[1]["outlet_hint"] == "Exemple Info"


def test_json_file_without_any_text_is_rejected(fixtures_dir):
    files_df, _ = ingest_batch(_folder(fixtures_dir / "ingest/json"))
    ledger = _row(files_df, "sans_texte.jsonl")
    assert (ledger["status"], ledger["reason"]) == ("rejected", "no text field in record(s)")


def test_invalid_json_file_is_rejected_with_parser_message():
    files_df, _ = ingest_batch([RawFile("coupe.json", b'{"title": "Brexit", "text": "Le Royaume-Uni')])
    assert files_df.loc[0, "status"] == "rejected"
    assert files_df.loc[0, "reason"].startswith("invalid json: Unterminated string")


def test_json_text_with_html_markup_is_extracted():
    rec = '{"title": "Brexit", "content": "<p>Le Royaume-Uni a quitté l\'Union européenne vendredi à minuit, heure de Bruxelles.</p><p>Une période de transition s\'ouvre jusqu\'à la fin de l\'année.</p>", "date": "2020-01-31"}'
    _, docs = ingest_batch([RawFile("brexit.json", rec.encode("utf-8"))])
    assert docs.loc[0, "raw_text"].startswith("Le Royaume-Uni a quitté l'Union européenne")
    assert "<p>" not in docs.loc[0, "raw_text"]


def test_mojibake_inside_json_escapes_is_fixed():
    # "É" and "é" written as UTF-8 read as cp1252 ("Ã‰", "Ã©"), then escaped by the JSON writer.
    rec = '{"text": "Le Conseil d\'\\u00c3\\u2030tat a rejet\\u00c3\\u00a9 le recours des associations mardi."}'
    _, docs = ingest_batch([RawFile("conseil.json", rec.encode("ascii"))])
    assert docs.loc[0, "raw_text"] == "Le Conseil d'État a rejeté le recours des associations mardi."
    assert bool(docs.loc[0, "mojibake_fixed"]) is True


# --- manifest -----------------------------------------------------------------------------


def test_manifest_hints_win_over_marker(fixtures_dir):
    root = fixtures_dir / "ingest/manifest"
    manifest = read_manifest((root / "manifest.csv").read_bytes())
    assert list(manifest.columns) == ["path", "url", "outlet", "published", "crawl_id"]
    assert manifest["path"].tolist() == ["articles/jo_paris_ceremonie.txt", "articles/jo_paris_sncf.txt"]
    files = [f for f in _folder(root) if f.source_path != "manifest.csv"]
    _, docs = ingest_batch(files, manifest)
    ceremonie = _row(docs, "articles/jo_paris_ceremonie.txt")
    assert (ceremonie["published_hint"], ceremonie["published_hint_source"]) == (
        "2024-07-26T23:40:00+02:00",
        "manifest",
    )
    assert ceremonie["raw_text"].startswith("La cérémonie d'ouverture des Jeux olympiques")
    assert ceremonie["outlet_hint"] == "Exemple Sport"
    assert ceremonie["url"] == "https://www.exemple-sport.example/jo-2024/ceremonie-ouverture-seine"
    sncf = _row(docs, "articles/jo_paris_sncf.txt")
    # An empty manifest cell gives no hint: the file has no marker either.
    assert (sncf["published_hint"], sncf["published_hint_source"]) == (None, None)
    assert sncf["outlet_hint"] == "Exemple Info"


def test_manifest_without_required_column_is_an_error():
    with pytest.raises(ManifestError, match="published"):
        read_manifest(b"path,url,outlet\narticles/a.txt,https://exemple.example/a,Exemple\n")


def test_manifest_listing_a_path_twice_is_an_error():
    data = b"path,url,outlet,published\na.txt,,X,2020-01-01\n./a.txt,,Y,2020-01-02\n"
    with pytest.raises(ManifestError, match="a.txt"):
        read_manifest(data)


def test_file_the_flow_could_not_read_is_rejected_with_the_reason():
    files, docs = ingest_batch([RawFile("locked.txt", b"", read_error="Permission denied")])
    row = files.iloc[0]
    assert (row["status"], row["reason"], row["content_sha256"]) == ("rejected", "unreadable: Permission denied", None)
    assert docs.empty


def test_partially_read_oversized_file_reports_its_real_size():
    head = "Le Sénat a adopté le budget. ".encode("utf-8") * 10
    files, _ = ingest_batch([RawFile("dump.txt", head[:101], size_bytes=52_000_000)], max_bytes=100)
    row = files.iloc[0]
    assert row["status"] == "rejected" and row["reason"] == "too large: 52000000 bytes > 100"
    assert row["size_bytes"] == 52_000_000 and row["content_sha256"] is None
