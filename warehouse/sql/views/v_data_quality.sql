-- Operations: per run, how many rows each table sent to quarantine and for which expectation.
CREATE VIEW v_data_quality AS
WITH q AS (
    SELECT * FROM quarantine
),

final AS (
    SELECT
        r.run_id,
        r.started_at,
        r.status,
        q.table_name,
        q.expectation,
        count(q.row_json) AS quarantined_rows
    FROM runs AS r
    LEFT JOIN q USING (run_id)
    GROUP BY ALL
)

SELECT * FROM final
ORDER BY started_at DESC, table_name, expectation;
