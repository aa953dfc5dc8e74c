"""One typed settings object. The environment is read only by `Settings.from_env`, at the entry point."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from dateline.errors import ConfigError

ENV_PREFIX = "DATELINE_"


@dataclass(frozen=True)
class Settings:
    """Where Dateline reads and writes, and the policies a run applies."""

    raw_dir: Path = Path("data/raw")
    data_dir: Path = Path("data")
    manifest: Path | None = None
    # Files over this size are rejected rather than read: a news article is kilobytes;
    # a multi-megabyte "article" is a dump or a mistake and would stall the parser.
    max_file_bytes: int = 10_000_000
    spacy_model: str = "fr_core_news_md"
    # Rows failing a GX expectation go to `quarantine`; with fail_on_quarantine the run
    # also ends in error (for CI-style strict runs). Default: publish the valid rows.
    fail_on_quarantine: bool = False
    # DuckDB storage format of the published file: v1.0.0 stays readable by DuckDB 1.x
    # readers embedded in BI engines (STACK.md, "Readers of the warehouse").
    storage_compatibility: str = "v1.0.0"

    @property
    def lake_dir(self) -> Path:
        """Folder of the Parquet layers (bronze, silver, gold)."""
        return self.data_dir / "lake"

    @property
    def warehouse_path(self) -> Path:
        """The published DuckDB file that readers open."""
        return self.data_dir / "warehouse.duckdb"

    @property
    def manifest_path(self) -> Path | None:
        """The crawler manifest: the explicit one, else `manifest.csv` in the raw folder if present."""
        if self.manifest is not None:
            return self.manifest
        default = self.raw_dir / "manifest.csv"
        return default if default.is_file() else None

    def validated(self) -> Settings:
        """Return the settings with absolute paths, or raise ConfigError on a bad folder or file."""
        raw = self.raw_dir.expanduser().resolve()
        if not raw.is_dir():
            raise ConfigError(f"raw folder does not exist or is not a folder: {raw}")
        manifest = self.manifest.expanduser().resolve() if self.manifest else None
        if manifest is not None and not manifest.is_file():
            raise ConfigError(f"manifest file not found: {manifest}")
        if self.max_file_bytes <= 0:
            raise ConfigError("max_file_bytes must be positive")
        return replace(self, raw_dir=raw, data_dir=self.data_dir.expanduser().resolve(), manifest=manifest)

    def to_params(self) -> dict[str, Any]:
        """Plain JSON-able values, as Prefect flow parameters (deployments need them)."""
        return {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(self).items()}

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> Settings:
        """Inverse of `to_params`; unknown keys are an error, not ignored."""
        known = {f.name: f for f in fields(cls)}
        unknown = set(params) - set(known)
        if unknown:
            raise ConfigError(f"unknown settings: {sorted(unknown)}")
        values: dict[str, Any] = {}
        for name, value in params.items():
            if value is None:
                values[name] = None
            elif name in ("raw_dir", "data_dir", "manifest"):
                values[name] = Path(value)
            elif name == "max_file_bytes":
                values[name] = int(value)
            elif name == "fail_on_quarantine":
                values[name] = value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
            else:
                values[name] = value
        return cls(**values)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from DATELINE_* variables, then explicit overrides (CLI flags) on top."""
        environ = os.environ if environ is None else environ
        params: dict[str, Any] = {}
        for f in fields(cls):
            key = ENV_PREFIX + f.name.upper()
            if key in environ and environ[key] != "":
                params[f.name] = environ[key]
        params.update({k: v for k, v in overrides.items() if v is not None})
        return cls.from_params(params)
