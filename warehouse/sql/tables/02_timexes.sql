-- Every temporal expression the engine found in every document, as it resolved it.
CREATE TABLE timexes (
    timex_id        VARCHAR PRIMARY KEY,
    doc_id          VARCHAR NOT NULL,
    char_start      INTEGER NOT NULL,      -- into documents.text
    char_end        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,      -- date, duration, set, future
    date_start      DATE,
    date_end        DATE,
    date_precision  VARCHAR,
    rule            VARCHAR NOT NULL       -- id of the rule in transforms/data/temporal_fr.yaml
);
