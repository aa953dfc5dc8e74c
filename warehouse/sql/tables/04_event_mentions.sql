-- One row per mention of an event in an article, with its evidence.
CREATE TABLE event_mentions (
    mention_id        VARCHAR PRIMARY KEY,
    event_id          VARCHAR NOT NULL,
    doc_id            VARCHAR NOT NULL,
    event_type        VARCHAR NOT NULL,
    event_mode        VARCHAR,
    actor             VARCHAR,
    actor_id          VARCHAR,
    actor_country     VARCHAR,
    recipient         VARCHAR,
    recipient_id      VARCHAR,
    recipient_country VARCHAR,
    trigger           VARCHAR,
    sentence          VARCHAR NOT NULL,
    char_start        INTEGER NOT NULL,    -- into documents.text
    char_end          INTEGER NOT NULL,
    date_text         VARCHAR,             -- the words that gave the date, or NULL
    date_start        DATE,
    date_end          DATE,
    date_precision    VARCHAR,
    date_method       VARCHAR,             -- clause, sentence, paragraph, dct_window, none
    claimed_by        VARCHAR,
    claimed_by_id     VARCHAR,
    negated           BOOLEAN NOT NULL,
    modality          VARCHAR NOT NULL,    -- realized, future, hypothetical, proposed
    rule              VARCHAR,
    confidence        DOUBLE
);
