"""The `dateline` command: run the pipeline, query the warehouse, serve the flow on a schedule."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from dateline.errors import DatelineError
from dateline.settings import Settings

app = typer.Typer(
    help="Dateline: raw news articles to a validated timeline of dated events in DuckDB.",
    no_args_is_help=True,
    add_completion=False,
)


def _quiet_prefect() -> None:
    # Offline machine: no telemetry, and the temporary server's analytics heartbeat logs
    # "database is locked" tracebacks (STACK.md). Defaults only; the user's env wins.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def _fail(exc: Exception) -> typer.Exit:
    typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=2)


RawDir = Annotated[Path | None, typer.Option("--raw-dir", help="Folder of raw articles (env DATELINE_RAW_DIR, default data/raw).")]
DataDir = Annotated[Path | None, typer.Option("--data-dir", help="Where the lake and warehouse go (env DATELINE_DATA_DIR, default data).")]
Manifest = Annotated[Path | None, typer.Option("--manifest", help="Crawler manifest CSV (path,url,outlet,published) (default: RAW_DIR/manifest.csv if present).")]


@app.command()
def run(
    raw_dir: RawDir = None,
    data_dir: DataDir = None,
    manifest: Manifest = None,
    fail_on_quarantine: Annotated[bool, typer.Option(help="Exit non-zero when any row is quarantined.")] = False,
) -> None:
    """Run the whole pipeline once and print a summary.

    Example: dateline run --raw-dir data/raw --data-dir data
    """
    try:
        settings = Settings.from_env(
            raw_dir=raw_dir, data_dir=data_dir, manifest=manifest, fail_on_quarantine=fail_on_quarantine or None
        ).validated()
    except DatelineError as exc:
        raise _fail(exc) from exc
    _quiet_prefect()
    from flows.pipeline import dateline_flow

    try:
        record = dateline_flow(settings=settings.to_params())
    except DatelineError as exc:
        raise _fail(exc) from exc
    _print_summary(record, settings)


def _print_summary(record: dict, settings: Settings) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Dateline run {record['run_id']}", show_header=False)
    rows = [
        ("files seen", record["files_seen"]),
        ("ingested", record["files_ingested"]),
        ("duplicates (same bytes)", record["files_duplicate"]),
        ("rejected", record["files_rejected"]),
        ("documents", record["documents"]),
        ("  of which copies", record["duplicate_documents"]),
        ("stories", record["stories"]),
        ("temporal expressions", record["timexes"]),
        ("event mentions", record["mentions"]),
        ("events", record["events"]),
        ("quarantined rows", record["quarantined_rows"]),
        ("validation", "passed" if record["validation_success"] else f"{record['failed_expectations']} expectations failed"),
        ("warehouse", str(settings.warehouse_path)),
    ]
    for key, value in rows:
        table.add_row(key, str(value))
    Console().print(table)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="One SQL statement, run read-only.")],
    data_dir: DataDir = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    max_width: Annotated[int, typer.Option(help="Truncate table cells to this many characters (0: no limit).")] = 80,
) -> None:
    """Query the warehouse on a read-only connection.

    Example: dateline sql "SELECT event_type, actor, recipient, date_start, date_end FROM events ORDER BY date_start"
    """
    from warehouse.query import run_query

    if fmt not in ("table", "csv", "json"):
        raise _fail(ValueError("--format must be table, csv or json"))
    try:
        settings = Settings.from_env(data_dir=data_dir)
        df = run_query(settings.warehouse_path.resolve(), query)
    except DatelineError as exc:
        raise _fail(exc) from exc
    if fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        # default=str: DATE as 2023-03-01, TIMESTAMP as ISO, DECIMAL as its digits.
        typer.echo(json.dumps(df.to_dict(orient="records"), default=str, ensure_ascii=False, indent=1))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        for col in df.columns:
            table.add_column(str(col), overflow="fold")
        for row in df.itertuples(index=False):
            cells = ["" if v is None or (isinstance(v, float) and v != v) else str(v) for v in row]
            table.add_row(*[c[: max_width - 1] + "…" if max_width and len(c) > max_width else c for c in cells])
        Console(width=max(160, Console().width)).print(table)
        typer.echo(f"{len(df)} rows")


@app.command()
def serve(
    cron: Annotated[str, typer.Option(help="Cron schedule, e.g. '0 * * * *' for hourly.")] = "0 * * * *",
    raw_dir: RawDir = None,
    data_dir: DataDir = None,
    manifest: Manifest = None,
    name: Annotated[str, typer.Option(help="Deployment name shown in Prefect.")] = "dateline-scheduled",
) -> None:
    """Serve the flow on a schedule through a Prefect server (runs until interrupted).

    Needs a running Prefect server and PREFECT_API_URL pointing at it: Prefect's temporary
    in-process server does not schedule runs.

    Example: dateline serve --cron "0 * * * *" --raw-dir /srv/news/incoming
    """
    try:
        settings = Settings.from_env(raw_dir=raw_dir, data_dir=data_dir, manifest=manifest).validated()
    except DatelineError as exc:
        raise _fail(exc) from exc
    if not os.environ.get("PREFECT_API_URL"):
        # Measured: with the temporary server the deployment is registered but no run is ever
        # created; failing loudly beats a schedule that silently never fires.
        raise _fail(DatelineError(
            "PREFECT_API_URL is not set: start a server (`prefect server start --host 127.0.0.1`) "
            "and export PREFECT_API_URL=http://127.0.0.1:4200/api, or use `make serve`"
        ))
    _quiet_prefect()
    from prefect import serve as prefect_serve

    from flows.pipeline import scheduled_deployment

    prefect_serve(scheduled_deployment(settings, cron, name))


if __name__ == "__main__":
    app()
