"""Named exceptions: library code raises these; only the CLI turns them into messages."""


class DatelineError(Exception):
    """Base class of every error Dateline raises on purpose."""


class ConfigError(DatelineError):
    """A setting is missing or invalid (bad folder, unreadable manifest...)."""


class IngestError(DatelineError):
    """A raw file could not be read as an article; carries the reason recorded in `files`."""


class ManifestError(DatelineError):
    """The crawler manifest is malformed (missing columns, undecodable)."""


class ValidationError(DatelineError):
    """A Great Expectations suite could not be run (not: rows failed, those are quarantined)."""


class WarehouseError(DatelineError):
    """The warehouse could not be read or published."""


class WarehouseLockedError(WarehouseError):
    """Another process holds the warehouse file; retried by the loader, reported if it persists."""


class QuarantineError(DatelineError):
    """Raised after publishing when the settings ask a run with quarantined rows to fail."""
