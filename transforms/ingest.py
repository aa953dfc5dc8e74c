"""Ingest raw files (txt, html, json, jsonl) into a file ledger and one row per article record."""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import pandas as pd

from dateline.errors import IngestError, ManifestError
from transforms.decode import Decoded, decode_bytes, repair
from transforms.html_extract import clean_value as _clean_value
from transforms.html_extract import extract_html

MANIFEST_COLUMNS = ("path", "url", "outlet", "published")

FILES_COLUMNS = (
    "source_path",
    "content_sha256",
    "size_bytes",
    "format",
    "encoding",
    "status",
    "reason",
    "num_records",
)
RAW_DOCS_COLUMNS = (
    "doc_id",
    "source_path",
    "record_key",
    "content_sha256",
    "format",
    "encoding",
    "mojibake_fixed",
    "raw_text",
    "title_hint",
    "outlet_hint",
    "url",
    "published_hint",
    "published_hint_source",
)

_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

# Crawler marker on the first line: " date 2023-03" (the article may follow on the same line).
_DATE_MARKER = re.compile(r"\A[ \t]*date[ \t](\d{4}-\d{2}(?:-\d{2})?)(?![\d-])[ \t]*\n?")

# JSON field aliases, in order of preference.
_TEXT_KEYS = ("text", "content", "body")
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("date", "published", "published_at", "datepublished")
_URL_KEYS = ("url", "link")
_OUTLET_KEYS = ("outlet", "source", "site")

_HTML_IN_TEXT = re.compile(r"<(p|br|div|span|a|h[1-6]|ul|li|article)\b[^>]*>", re.IGNORECASE)
# How many bad jsonl lines a file's reason spells out before summarising.
_MAX_REASONS = 3


@dataclass(frozen=True)
class RawFile:
    """One file handed over by the flow: its path relative to the raw folder and its bytes."""

    source_path: str
    data: bytes
    # The flow reads at most max_bytes + 1 bytes of a file: size_bytes is then its real size.
    size_bytes: int | None = None
    # Set when the flow could not read the file at all (permissions, I/O error): its reason.
    read_error: str | None = None


class _Rejected(Exception):
    """Internal: a file is rejected with this reason (never escapes the module)."""


def _norm_path(path: str) -> str:
    """Posix path relative to the raw folder, without './' so manifest rows match."""
    p = path.strip().replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return str(PurePosixPath(p)) if p else p


def read_manifest(data: bytes) -> pd.DataFrame:
    """Parse the crawler manifest CSV (path,url,outlet,published + any extra columns)."""
    try:
        text = decode_bytes(data).text
    except IngestError as exc:
        raise ManifestError(f"manifest is not text: {exc}") from exc
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ManifestError(f"manifest is not valid CSV: {exc}") from exc
    df.columns = [str(c).strip().lower() for c in df.columns]
    missing = [c for c in MANIFEST_COLUMNS if c not in df.columns]
    if missing:
        raise ManifestError(f"manifest lacks column(s): {', '.join(missing)}")
    df = df.map(lambda v: v.strip() if isinstance(v, str) else v)
    df["path"] = df["path"].map(_norm_path)
    dupes = sorted(set(df.loc[df["path"].duplicated(), "path"]))
    if dupes:
        raise ManifestError(f"manifest lists a path twice: {', '.join(dupes[:3])}")
    return df.reset_index(drop=True)


def _doc_id(content_sha256: str, record_key: str) -> str:
    """Stable id from the file content and the record's place in it."""
    return "d" + hashlib.sha256(f"{content_sha256}\x00{record_key}".encode()).hexdigest()[:16]


def _detect_format(path: str, text_head: str | None = None) -> str | None:
    """Format from the extension; files without one are sniffed from their first character."""
    suffix = PurePosixPath(path).suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    if suffix == "" and text_head is not None:
        head = text_head.lstrip()
        if head.startswith("<"):
            return "html"
        if head.startswith("["):
            return "json"
        if head.startswith("{"):
            lines = [ln for ln in head.splitlines() if ln.strip()]
            return "jsonl" if len(lines) > 1 and lines[1].lstrip().startswith("{") else "json"
        return "txt"
    return None


def _html_text(html: str) -> tuple[str, dict[str, str | None]]:
    """Article text and metadata of an HTML page; _Rejected when it has no text."""
    try:
        page = extract_html(html)
    except IngestError as exc:
        raise _Rejected(str(exc)) from exc
    meta = {"title": page.title, "outlet": page.outlet, "published": page.published, "url": page.url}
    return page.text, meta


# --- JSON -------------------------------------------------------------------------------


def _pick(record: dict, keys: Sequence[str]) -> Any:
    """First non-empty value among keys, matched case-insensitively."""
    lowered = {str(k).lower(): v for k, v in record.items()}
    for key in keys:
        val = lowered.get(key)
        if val not in (None, "", [], {}):
            return val
    return None


def _json_record(record: Any) -> dict[str, Any]:
    """Text and hints of one JSON article record; raises _Rejected when it has no text."""
    if not isinstance(record, dict):
        raise _Rejected("record is not an object")
    body = _pick(record, _TEXT_KEYS)
    if not isinstance(body, str) or not body.strip():
        raise _Rejected("no text field")
    text, mojibake = repair(body)  # JSON \u escapes can carry mojibake too
    meta: dict[str, str | None] = {}
    if _HTML_IN_TEXT.search(text):
        text, meta = _html_text(text)
    return {
        "raw_text": text,
        "mojibake_fixed": mojibake,
        "title_hint": _clean_value(_pick(record, _TITLE_KEYS)) or meta.get("title"),
        "outlet_hint": _clean_value(_pick(record, _OUTLET_KEYS)) or meta.get("outlet"),
        "url": _clean_value(_pick(record, _URL_KEYS)) or meta.get("url"),
        "published_hint": _clean_value(_pick(record, _DATE_KEYS)) or meta.get("published"),
        "source": "json",
    }


def _json_records(text: str, fmt: str) -> tuple[list[tuple[str, dict]], list[str], int]:
    """(record_key, fields) for good records, reasons for bad ones, and the record count."""
    good: list[tuple[str, dict]] = []
    bad: list[str] = []
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _Rejected(f"invalid json: {exc}") from exc
        except RecursionError as exc:
            raise _Rejected("invalid json: nested too deeply") from exc
        items = [(f"[{i}]", rec) for i, rec in enumerate(data)] if isinstance(data, list) else [("", data)]
    else:
        items = []
        for n, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                items.append((f"line {n}", json.loads(line)))
            except (json.JSONDecodeError, RecursionError):
                bad.append(f"line {n} invalid json")
    total = len(items) + len(bad)
    for key, rec in items:
        try:
            good.append((key, _json_record(rec)))
        except _Rejected as exc:
            bad.append(f"{key} {exc}".strip() if key else str(exc))
    return good, bad, total


def _records_reason(bad: list[str], total: int) -> str:
    """'2 of 5 records rejected: line 3 invalid json; ...' for a file's reason."""
    shown = "; ".join(bad[:_MAX_REASONS]) + ("; ..." if len(bad) > _MAX_REASONS else "")
    return f"{len(bad)} of {total} records rejected: {shown}"


# --- Batch ------------------------------------------------------------------------------


def _manifest_hints(manifest: pd.DataFrame | None) -> dict[str, dict[str, str | None]]:
    """Manifest rows keyed by normalised path, empty cells as None."""
    if manifest is None or manifest.empty:
        return {}
    out: dict[str, dict[str, str | None]] = {}
    for row in manifest.to_dict("records"):
        out[_norm_path(str(row["path"]))] = {
            k: _clean_value(row.get(k)) if not pd.isna(row.get(k)) else None
            for k in ("url", "outlet", "published", "title")
        }
    return out


def _parse(path: str, decoded: Decoded, fmt: str) -> tuple[list[tuple[str, dict]], str | None]:
    """Records of one decoded file and a partial-rejection reason (None when all were good)."""
    text = decoded.text
    if fmt == "txt":
        marker = _DATE_MARKER.match(text)
        published = marker.group(1) if marker else None
        body = text[marker.end() :] if marker else text
        if not body.strip():
            raise _Rejected("no article text after date marker")
        rec = {"raw_text": body, "published_hint": published, "source": "marker" if marker else None}
        return [("", rec)], None
    if fmt == "html":
        body, meta = _html_text(text)
        rec = {
            "raw_text": body,
            "title_hint": meta["title"],
            "outlet_hint": meta["outlet"],
            "published_hint": meta["published"],
            "url": meta["url"],
            "source": "html" if meta["published"] else None,
        }
        return [("", rec)], None
    good, bad, total = _json_records(text, fmt)
    if total == 0:
        raise _Rejected("no records in json")
    if not good:
        if all(b.endswith("no text field") for b in bad):
            raise _Rejected("no text field in record(s)")
        raise _Rejected(_records_reason(bad, total))
    return good, (_records_reason(bad, total) if bad else None)


def ingest_batch(
    files: Sequence[RawFile],
    manifest: pd.DataFrame | None = None,
    max_bytes: int = 10_000_000,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Ledger of every file (files_df) and one row per article record (raw_docs_df)."""
    hints = _manifest_hints(manifest)
    file_rows: list[dict] = []
    doc_rows: list[dict] = []
    first_by_sha: dict[str, str] = {}
    for raw in sorted(files, key=lambda f: _norm_path(f.source_path)):
        path = _norm_path(raw.source_path)
        size = raw.size_bytes if raw.size_bytes is not None else len(raw.data)
        partial = raw.read_error is not None or size != len(raw.data)
        # The hash of a partial read would not name the file's content: leave it NULL.
        sha = None if partial else hashlib.sha256(raw.data).hexdigest()
        row = {
            "source_path": path,
            "content_sha256": sha,
            "size_bytes": size,
            "format": _detect_format(path),
            "encoding": None,
            "status": "rejected",
            "reason": None,
            "num_records": 0,
        }
        file_rows.append(row)
        try:
            if raw.read_error is not None:
                raise _Rejected(f"unreadable: {raw.read_error}")
            if size > max_bytes:
                raise _Rejected(f"too large: {size} bytes > {max_bytes}")
            if not raw.data.strip():
                raise _Rejected("empty file")
            if sha in first_by_sha:
                row["status"], row["reason"] = "duplicate", f"same bytes as {first_by_sha[sha]}"
                continue
            first_by_sha[sha] = path
            suffix = PurePosixPath(path).suffix.lower()
            if suffix and suffix not in _EXTENSIONS:
                raise _Rejected(f"unsupported extension '{suffix}'")
            try:
                decoded = decode_bytes(raw.data)
            except IngestError as exc:
                raise _Rejected(str(exc)) from exc
            row["encoding"] = decoded.encoding
            if not decoded.text.strip():
                raise _Rejected("empty file")
            fmt = row["format"] or _detect_format(path, decoded.text[:2000])
            row["format"] = fmt
            records, partial = _parse(path, decoded, fmt)
        except _Rejected as exc:
            row["reason"] = str(exc)
            continue
        row["status"], row["reason"], row["num_records"] = "ingested", partial, len(records)
        man = hints.get(path, {})
        for key, rec in records:
            published, source = rec.get("published_hint"), rec.get("source")
            if man.get("published"):
                published, source = man["published"], "manifest"
            elif not published:
                source = None
            doc_rows.append(
                {
                    "doc_id": _doc_id(sha, key),
                    "source_path": path,
                    "record_key": key,
                    "content_sha256": sha,
                    "format": fmt,
                    "encoding": decoded.encoding,
                    "mojibake_fixed": bool(decoded.mojibake_fixed or rec.get("mojibake_fixed")),
                    "raw_text": rec["raw_text"],
                    "title_hint": man.get("title") or rec.get("title_hint"),
                    "outlet_hint": man.get("outlet") or rec.get("outlet_hint"),
                    "url": man.get("url") or rec.get("url"),
                    "published_hint": published,
                    "published_hint_source": source,
                }
            )
    files_df = _frame(file_rows, FILES_COLUMNS, {"size_bytes": "int64", "num_records": "int64"})
    docs_df = _frame(doc_rows, RAW_DOCS_COLUMNS, {"mojibake_fixed": "bool"})
    return files_df, docs_df


def _frame(rows: list[dict], columns: Sequence[str], typed: dict[str, str]) -> pd.DataFrame:
    """Frame with fixed dtypes: text columns are object with None for missing, whatever the batch."""
    df = pd.DataFrame(rows, columns=list(columns))
    for col in columns:
        if col in typed:
            df[col] = df[col].astype(typed[col])
        else:
            df[col] = pd.Series([None if pd.isna(v) else v for v in df[col]], dtype=object, index=df.index)
    return df
