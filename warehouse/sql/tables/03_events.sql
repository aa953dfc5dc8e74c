-- One row per distinct real-world event, merged from all the mentions that report it.
CREATE TABLE events (
    event_id          VARCHAR PRIMARY KEY,
    event_type        VARCHAR NOT NULL,    -- one of PLOVER's 16 types
    event_mode        VARCHAR,             -- PLOVER mode, or NULL
    actor             VARCHAR,
    actor_id          VARCHAR,
    actor_country     VARCHAR,             -- ISO 3166-1 alpha-3, NULL when unknown
    recipient         VARCHAR,
    recipient_id      VARCHAR,
    recipient_country VARCHAR,
    date_start        DATE,
    date_end          DATE,
    date_precision    VARCHAR,             -- day, week, month, quarter, year
    summary           VARCHAR,
    modality          VARCHAR,             -- realized, future, hypothetical, proposed
    negated           BOOLEAN,
    claimed_by        VARCHAR,
    num_mentions      INTEGER NOT NULL,
    num_documents     INTEGER NOT NULL,    -- distinct articles that are not copies of another
    num_stories       INTEGER NOT NULL,
    confidence        DOUBLE
);
