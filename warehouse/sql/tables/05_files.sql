-- Every file seen in the raw folder, at every run: nothing disappears silently.
CREATE TABLE files (
    run_id          VARCHAR NOT NULL,
    source_path     VARCHAR NOT NULL,
    content_sha256  VARCHAR,
    size_bytes      BIGINT,
    format          VARCHAR,
    encoding        VARCHAR,
    status          VARCHAR NOT NULL,      -- ingested, duplicate, rejected
    reason          VARCHAR,               -- why a file is a duplicate or was rejected
    num_records     INTEGER,
    PRIMARY KEY (run_id, source_path)
);
