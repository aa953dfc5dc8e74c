-- Operations: what happened to every file in the most recent run.
CREATE VIEW v_latest_files AS
WITH latest AS (
    SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1
),

final AS (
    SELECT f.*
    FROM files AS f
    JOIN latest USING (run_id)
)

SELECT * FROM final
ORDER BY source_path;
