-- One row per article record read from the raw folder (a file, or a record of a JSON/JSONL file).
-- Duplicates stay, linked to their canonical document by duplicate_of.
CREATE TABLE documents (
    doc_id              VARCHAR PRIMARY KEY,   -- "d" + 16 hex of sha256(file bytes, record key): stable, from content
    source_path         VARCHAR NOT NULL,      -- relative to the raw folder
    record_key          VARCHAR NOT NULL,      -- '' for a one-article file; 'line N' / '[i]' for JSON(L) records
    content_sha256      VARCHAR NOT NULL,      -- of the raw file bytes (bronze layer key)
    format              VARCHAR,               -- txt, html, json, jsonl
    encoding            VARCHAR,               -- detected encoding of the raw bytes
    mojibake_fixed      BOOLEAN,               -- the decoded text needed a mojibake repair
    url                 VARCHAR,
    title               VARCHAR,
    outlet              VARCHAR,
    language            VARCHAR,               -- ISO 639-1, NULL when unsure
    published_start     DATE,                  -- the publication date is known to lie in [start, end]
    published_end       DATE,
    published_precision VARCHAR,               -- day, week, month, quarter, year, or NULL when unknown
    published_source    VARCHAR NOT NULL,      -- manifest, html, json, marker, text, inferred, unknown
    published_evidence  VARCHAR,               -- the words or hint the date came from
    text                VARCHAR NOT NULL,      -- clean text: what char offsets of mentions and timexes point into
    removed_count       INTEGER,               -- lines or blocks of scraping leftovers removed by cleaning
    duplicate_of        VARCHAR,               -- doc_id of the canonical copy, NULL for a canonical document
    dup_kind            VARCHAR,               -- exact, near, or NULL
    dup_similarity      DOUBLE,
    story_id            VARCHAR,               -- documents reporting the same news event share it
    ingested_at         TIMESTAMP NOT NULL,    -- first run that ingested this content
    run_id              VARCHAR NOT NULL       -- that run
);
