-- One row per pipeline run.
CREATE TABLE runs (
    run_id              VARCHAR PRIMARY KEY,
    started_at          TIMESTAMP NOT NULL,
    finished_at         TIMESTAMP,
    status              VARCHAR NOT NULL,  -- completed, completed_with_quarantine
    raw_dir             VARCHAR,
    files_seen          INTEGER,
    files_ingested      INTEGER,
    files_duplicate     INTEGER,
    files_rejected      INTEGER,
    documents           INTEGER,
    duplicate_documents INTEGER,
    stories             INTEGER,
    timexes             INTEGER,
    mentions            INTEGER,
    events              INTEGER,
    quarantined_rows    INTEGER,
    failed_expectations INTEGER,
    validation_success  BOOLEAN
);
