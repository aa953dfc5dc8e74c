"""The Dateline flow: ingest → clean → deduplicate → extract → merge → validate → load.

Each stage is one Prefect task over the whole batch (a DataFrame), never one task per
article. Tasks only do I/O and call `transforms/`, `expectations/` and `warehouse/`.
Retries are declared on the tasks that touch the file system, and only there.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from dateline.errors import QuarantineError
from dateline.settings import Settings
from expectations.validate import Outcome, validate_tables
from transforms import clean, dedup, documents, events, ingest, merge, runs, stories, temporal
from transforms import pubdate
from transforms.nlp import load_pipeline
from warehouse import lake
from warehouse.publish import publish, read_history

# Files that are the pipeline's own business, not articles.
MANIFEST_NAME = "manifest.csv"
LAKE_LAYERS = {
    "documents": "silver", "timexes": "silver",
    "events": "gold", "event_mentions": "gold",
    "files": "history", "runs": "history", "quarantine": "history",
}


@dataclass(frozen=True)
class RawBatch:
    """The bytes of every file under the raw folder, and the manifest if any."""

    files: list[ingest.RawFile]
    manifest: pd.DataFrame | None


def _list_raw_files(raw_dir: Path, manifest_path: Path | None) -> list[Path]:
    paths = []
    for path in sorted(raw_dir.rglob("*")):
        # Not only regular files: a broken link or a special file is listed too, and rejected
        # with its reason, so that nothing in the folder disappears silently.
        if path.is_dir() or any(part.startswith(".") for part in path.relative_to(raw_dir).parts):
            continue
        if manifest_path is not None and path.resolve() == manifest_path.resolve():
            continue
        paths.append(path)
    return paths


def _read_one(path: Path, raw_dir: Path, max_bytes: int) -> ingest.RawFile:
    rel = path.relative_to(raw_dir).as_posix()
    if path.exists() and not path.is_file():
        return ingest.RawFile(rel, b"", read_error="not a regular file")  # a FIFO would block a read
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            # Never more than one byte past the limit: a runaway dump is rejected, not loaded.
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return ingest.RawFile(rel, b"", read_error=exc.strerror or type(exc).__name__)
    return ingest.RawFile(rel, data, size_bytes=size)


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def read_raw(settings: Settings) -> RawBatch:
    """Read every file of the raw folder as bytes (I/O, retried), and the manifest."""
    manifest_path = settings.manifest_path
    manifest = ingest.read_manifest(manifest_path.read_bytes()) if manifest_path else None
    files = [
        _read_one(path, settings.raw_dir, settings.max_file_bytes)
        for path in _list_raw_files(settings.raw_dir, manifest_path)
    ]
    return RawBatch(files, manifest)


@task(cache_policy=NO_CACHE)
def ingest_stage(batch: RawBatch, max_bytes: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Decode and parse every file; account for each one as ingested, duplicate or rejected."""
    return ingest.ingest_batch(batch.files, batch.manifest, max_bytes=max_bytes)


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def keep_bronze(settings: Settings, run_id: str, batch: RawBatch, files: pd.DataFrame) -> int:
    """Keep the raw bytes of every readable file in the bronze layer, content-addressed."""
    sha = dict(zip(files["source_path"], files["content_sha256"]))
    rows = ((sha[f.source_path], f.source_path, f.data) for f in batch.files if sha.get(f.source_path))
    return lake.write_bronze(settings.lake_dir, run_id, rows)


@task(cache_policy=NO_CACHE)
def clean_stage(raw_docs: pd.DataFrame) -> pd.DataFrame:
    """Strip scraping leftovers, find title, outlet, language and publication date."""
    return documents.date_documents(clean.clean_batch(raw_docs))


@task(cache_policy=NO_CACHE)
def dedup_stage(docs: pd.DataFrame) -> pd.DataFrame:
    """Mark exact and near duplicates, cluster stories, then infer missing dates from story siblings."""
    if docs.empty:
        return docs.assign(duplicate_of=None, dup_kind=None, dup_similarity=None, story_id=None)
    dups = dedup.mark_duplicates(docs)
    out = docs.merge(dups, on="doc_id", how="left")
    out = out.merge(stories.cluster_stories(out), on="doc_id", how="left")
    return pubdate.infer_publication_dates(out)


@task(cache_policy=NO_CACHE)
def timex_stage(docs: pd.DataFrame) -> pd.DataFrame:
    """Find and resolve every temporal expression of every document."""
    return temporal.timexes_frame(docs)


@task(cache_policy=NO_CACHE)
def extract_stage(docs: pd.DataFrame, timexes: pd.DataFrame, model: str) -> pd.DataFrame:
    """Parse with spaCy and code dated PLOVER event mentions."""
    return events.extract_mentions(docs, timexes, load_pipeline(model))


@task(cache_policy=NO_CACHE)
def merge_stage(mentions: pd.DataFrame, docs: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Merge mentions of the same event across articles."""
    return merge.merge_mentions(mentions, docs)


@task(cache_policy=NO_CACHE)
def validate_stage(tables: dict[str, pd.DataFrame]) -> Outcome:
    """Run each table's GX suite; failing rows are split off for quarantine."""
    return validate_tables(tables)


@task(retries=2, retry_delay_seconds=[2, 10], cache_policy=NO_CACHE)
def read_history_stage(settings: Settings) -> dict[str, pd.DataFrame]:
    """Read what earlier runs recorded (files, runs, quarantine, first-seen dates)."""
    return read_history(settings.warehouse_path)


@task(retries=2, retry_delay_seconds=[2, 10], cache_policy=NO_CACHE)
def load_stage(settings: Settings, tables: dict[str, pd.DataFrame]) -> None:
    """Write the Parquet lake and publish the warehouse atomically."""

    def write_lake(built):
        for name, table in built.items():
            lake.write_snapshot(settings.lake_dir, LAKE_LAYERS[name], name, table)

    publish(settings.warehouse_path, tables, settings.storage_compatibility, before_swap=write_lake)


def _with_history(current: pd.DataFrame, history: pd.DataFrame | None, run_id: str) -> pd.DataFrame:
    current = current.assign(run_id=run_id)
    if history is None or history.empty:
        return current
    previous = history[history["run_id"] != run_id]
    return pd.concat([previous, current], ignore_index=True) if len(current) else previous


@flow(name="dateline", log_prints=True)
def dateline_flow(settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """Turn the raw folder into the Parquet lake and the DuckDB warehouse; return the run's record."""
    cfg = Settings.from_params(settings or {}).validated()
    logger = get_run_logger()
    started = datetime.now(UTC).replace(tzinfo=None)
    run_id = f"r{started:%Y%m%dT%H%M%S}{secrets.token_hex(3)}"
    logger.info("run %s: %s -> %s", run_id, cfg.raw_dir, cfg.data_dir)

    batch = read_raw(cfg)
    files, raw_docs = ingest_stage(batch, cfg.max_file_bytes)
    keep_bronze(cfg, run_id, batch, files)
    history = read_history_stage(cfg)

    docs = clean_stage(raw_docs)
    # First-seen time before dedup: among equally complete copies, the one ingested first stays canonical.
    docs = documents.carry_first_seen(docs, history.get("documents"), run_id, started)
    docs = documents.documents_table(dedup_stage(docs))
    timexes = timex_stage(docs)
    mentions = extract_stage(docs, timexes, cfg.spacy_model)
    event_rows, mentions = merge_stage(mentions, docs)

    current = {
        "documents": docs, "timexes": timexes, "events": event_rows,
        "event_mentions": mentions, "files": files,
    }
    outcome = validate_stage(current)
    for failure in outcome.failed_expectations:
        logger.warning("expectation failed: %s", failure)

    tables = dict(outcome.valid)
    tables["files"] = _with_history(tables["files"], history.get("files"), run_id)
    quarantine = outcome.quarantine.assign(run_id=run_id)
    tables["quarantine"] = _with_history(quarantine, history.get("quarantine"), run_id)
    record = runs.run_record(
        run_id, started, datetime.now(UTC).replace(tzinfo=None), str(cfg.raw_dir), len(batch.files),
        outcome.valid, quarantine, len(outcome.failed_expectations),
    )
    tables["runs"] = _with_history(pd.DataFrame([record]), history.get("runs"), run_id)
    load_stage(cfg, tables)
    logger.info("run %s published: %s", run_id, {k: v for k, v in record.items() if isinstance(v, int)})
    if cfg.fail_on_quarantine and len(quarantine):
        raise QuarantineError(f"{len(quarantine)} rows quarantined in run {run_id}")
    return record


def scheduled_deployment(settings: Settings, cron: str, name: str = "dateline-scheduled"):
    """The flow as a Prefect deployment on a cron schedule, with these settings as its parameters."""
    return dateline_flow.to_deployment(name=name, cron=cron, parameters={"settings": settings.to_params()})
