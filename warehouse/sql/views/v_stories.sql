-- BI: one row per story cluster, with how many independent articles and copies it has.
CREATE VIEW v_stories AS
WITH docs AS (
    SELECT * FROM documents
),

final AS (
    SELECT
        story_id,
        count(*) FILTER (WHERE duplicate_of IS NULL) AS independent_documents,
        count(*) FILTER (WHERE duplicate_of IS NOT NULL) AS copies,
        min(published_start) AS first_published,
        max(published_end) AS last_published,
        string_agg(DISTINCT outlet, ', ') AS outlets,
        arg_min(title, published_start) AS first_title
    FROM docs
    GROUP BY story_id
)

SELECT * FROM final
ORDER BY first_published NULLS LAST, story_id;
