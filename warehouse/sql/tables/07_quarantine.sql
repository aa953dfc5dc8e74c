-- Rows that failed a Great Expectations check: kept here with the reason, never silently dropped.
CREATE TABLE quarantine (
    run_id       VARCHAR NOT NULL,
    table_name   VARCHAR NOT NULL,     -- the table the row was meant for
    row_key      VARCHAR,              -- its id in that table
    expectation  VARCHAR NOT NULL,     -- the GX expectation type it failed
    column_name  VARCHAR,
    row_json     VARCHAR NOT NULL      -- the whole row, as JSON
);
