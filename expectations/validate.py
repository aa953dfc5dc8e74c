"""Validating each table with its Great Expectations suite; failing rows are split off for quarantine.

Suites are YAML files in `expectations/suites/` (one per table). GX runs in an ephemeral
context on the whole DataFrame; row-level failures come back as index lists
(result_format COMPLETE), which is how a row is moved to quarantine rather than dropped.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import pandas as pd
import yaml

from dateline.errors import ValidationError


QUARANTINE_COLUMNS = ["table_name", "row_key", "expectation", "column_name", "row_json"]


@dataclass(frozen=True)
class Suite:
    """One table's expectations as written in its YAML file."""

    table: str
    key: str
    expectations: tuple[dict[str, Any], ...]


@dataclass
class Outcome:
    """What validation decided: the rows that pass, the rows quarantined, and every expectation's result."""

    valid: dict[str, pd.DataFrame]
    quarantine: pd.DataFrame
    results: list[dict[str, Any]] = field(default_factory=list)

    @property
    def failed_expectations(self) -> list[dict[str, Any]]:
        """The expectations that did not hold (row-level or table-level)."""
        return [r for r in self.results if not r["success"]]

    @property
    def success(self) -> bool:
        """True when every expectation held on every table."""
        return not self.failed_expectations


@lru_cache(maxsize=1)
def load_suites() -> dict[str, Suite]:
    """Read every suite file; raise ValidationError on a malformed one."""
    suites: dict[str, Suite] = {}
    folder = resources.files("expectations") / "suites"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".yaml"):
            continue
        spec = yaml.safe_load(entry.read_text(encoding="utf-8"))
        try:
            suite = Suite(spec["table"], spec["key"], tuple(spec["expectations"]))
        except (KeyError, TypeError) as exc:
            raise ValidationError(f"malformed suite {entry.name}: missing {exc}") from exc
        for exp in suite.expectations:
            if "type" not in exp or "kwargs" not in exp:
                raise ValidationError(f"malformed expectation in {entry.name}: {exp}")
        suites[suite.table] = suite
    return suites


def _quiet_gx_loggers() -> None:
    # Some GX modules pin their own logger to INFO at import ("Created temporary directory..."
    # on every ephemeral context): noise in a run's output, so lower them once GX is imported.
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if name.startswith("great_expectations") and isinstance(logger, logging.Logger):
            if logger.level and logger.level < logging.WARNING:
                logger.setLevel(logging.WARNING)


class _Validator:
    """An ephemeral GX context, built once per process (importing GX alone takes ~2.5 s)."""

    def __init__(self) -> None:
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        _quiet_gx_loggers()
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        self.source = self.context.data_sources.add_pandas("dateline")
        self._batches: dict[str, Any] = {}
        self._suites: dict[str, Any] = {}

    def suite(self, spec: Suite):
        if spec.table not in self._suites:
            from great_expectations.core.expectation_suite import ExpectationSuite
            from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

            suite = ExpectationSuite(name=f"dateline_{spec.table}")
            for exp in spec.expectations:
                kwargs = dict(exp["kwargs"])
                if "row_condition" in kwargs:
                    kwargs["row_condition"] = _condition(kwargs["row_condition"])
                suite.add_expectation_configuration(
                    ExpectationConfiguration(type=exp["type"], kwargs=kwargs, meta={"why": exp.get("why")})
                )
            self._suites[spec.table] = suite
        return self._suites[spec.table]

    def batch_definition(self, table: str):
        if table not in self._batches:
            asset = self.source.add_dataframe_asset(name=table)
            self._batches[table] = asset.add_batch_definition_whole_dataframe(f"{table}_all")
        return self._batches[table]

    def validate(self, spec: Suite, frame: pd.DataFrame):
        batch = self.batch_definition(spec.table).get_batch(batch_parameters={"dataframe": frame})
        return batch.validate(self.suite(spec), result_format={"result_format": "COMPLETE"})


_OPS = {
    "==": lambda c, v: c == v, "!=": lambda c, v: c != v, "<": lambda c, v: c < v,
    "<=": lambda c, v: c <= v, ">": lambda c, v: c > v, ">=": lambda c, v: c >= v,
    "is_null": lambda c, _: c.is_null(), "is_not_null": lambda c, _: c.is_not_null(),
}


def _condition(spec: dict[str, Any]):
    """A GX row condition from its YAML form {column, op, value} (GX 1.9+ Condition objects, not strings)."""
    from great_expectations.expectations.row_conditions import Column

    if not isinstance(spec, dict) or spec.get("op") not in _OPS or "column" not in spec:
        raise ValidationError(f"row_condition must be {{column, op, value}} with op in {sorted(_OPS)}: {spec}")
    return _OPS[spec["op"]](Column(spec["column"]), spec.get("value"))


@lru_cache(maxsize=1)
def _validator() -> _Validator:
    return _Validator()


def _row_json(row: pd.Series) -> str:
    return json.dumps({k: (None if _is_missing(v) else v) for k, v in row.items()}, default=str, ensure_ascii=False)


def _is_missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def validate_table(table: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, list[dict[str, Any]]]:
    """Validate one table; return (valid rows, quarantined rows, per-expectation results)."""
    suites = load_suites()
    if table not in suites:
        raise ValidationError(f"no suite for table {table!r}")
    spec = suites[table]
    frame = frame.reset_index(drop=True)
    if frame.empty:
        return frame, pd.DataFrame(columns=QUARANTINE_COLUMNS), []
    try:
        result = _validator().validate(spec, frame)
    except Exception as exc:  # GX raises many types; any of them means the suite could not run
        raise ValidationError(f"GX could not validate {table}: {exc}") from exc

    failed_rows: dict[int, list[tuple[str, str | None]]] = {}
    results = []
    for r in result.results:
        cfg = r.expectation_config
        column = cfg.kwargs.get("column") or cfg.kwargs.get("column_A")
        raised = (r.exception_info or {}).get("raised_exception", False) if isinstance(r.exception_info, dict) else False
        if raised:
            raise ValidationError(f"expectation {cfg.type} on {table}.{column} raised: {r.exception_info}")
        unexpected = r.result.get("unexpected_index_list") or []
        results.append(
            {"table": table, "expectation": cfg.type, "column": column, "success": bool(r.success),
             "unexpected_count": len(unexpected)}
        )
        for idx in unexpected:
            failed_rows.setdefault(int(idx), []).append((cfg.type, column))

    bad = sorted(failed_rows)
    quarantined = [
        {
            "table_name": table,
            "row_key": None if _is_missing(frame.at[i, spec.key]) else str(frame.at[i, spec.key]),
            "expectation": "; ".join(sorted({e for e, _ in failed_rows[i]})),
            "column_name": "; ".join(sorted({c for _, c in failed_rows[i] if c})),
            "row_json": _row_json(frame.loc[i]),
        }
        for i in bad
    ]
    valid = frame.drop(index=bad).reset_index(drop=True)
    return valid, pd.DataFrame(quarantined, columns=QUARANTINE_COLUMNS), results


# (child table, its column, parent table, parent key): a child row whose parent was quarantined
# would point at nothing in the warehouse, so it follows its parent into quarantine.
REFERENCES = (
    ("timexes", "doc_id", "documents", "doc_id"),
    ("event_mentions", "doc_id", "documents", "doc_id"),
    ("event_mentions", "event_id", "events", "event_id"),
)
ORPHAN = "parent_quarantined"


def _cascade(valid: dict[str, pd.DataFrame], quarantine: pd.DataFrame) -> pd.DataFrame:
    """Move rows whose parent row was quarantined into quarantine too; return the added rows."""
    suites = load_suites()
    added = []
    for child, column, parent, key in REFERENCES:
        if child not in valid or parent not in valid or column not in valid[child].columns:
            continue
        gone = set(quarantine.loc[quarantine["table_name"] == parent, "row_key"].dropna())
        if not gone:
            continue
        frame = valid[child]
        orphan = frame[column].astype(str).isin(gone)
        if not orphan.any():
            continue
        added.append(pd.DataFrame({
            "table_name": child,
            "row_key": frame.loc[orphan, suites[child].key].astype(str),
            "expectation": ORPHAN,
            "column_name": column,
            "row_json": [_row_json(row) for _, row in frame[orphan].iterrows()],
        }))
        valid[child] = frame[~orphan].reset_index(drop=True)
        quarantine = pd.concat([quarantine, added[-1]], ignore_index=True)
    return pd.concat(added, ignore_index=True) if added else pd.DataFrame(columns=QUARANTINE_COLUMNS)


def validate_tables(tables: dict[str, pd.DataFrame]) -> Outcome:
    """Validate every table that has a suite, then quarantine the rows whose parent row was quarantined."""
    suites = load_suites()
    valid: dict[str, pd.DataFrame] = {}
    quarantines = []
    results: list[dict[str, Any]] = []
    for name, frame in tables.items():
        if name not in suites:
            valid[name] = frame
            continue
        ok, bad, res = validate_table(name, frame)
        valid[name] = ok
        results.extend(res)
        if len(bad):
            quarantines.append(bad)
    quarantine = pd.concat(quarantines, ignore_index=True) if quarantines else pd.DataFrame(columns=QUARANTINE_COLUMNS)
    orphans = _cascade(valid, quarantine)
    if len(orphans):
        quarantine = pd.concat([quarantine, orphans], ignore_index=True)
    return Outcome(valid=valid, quarantine=quarantine, results=results)
