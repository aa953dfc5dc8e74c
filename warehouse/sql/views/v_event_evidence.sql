-- BI: each mention with the article it comes from, for drilling from an event to its sources.
CREATE VIEW v_event_evidence AS
WITH mentions AS (
    SELECT * FROM event_mentions
),

docs AS (
    SELECT doc_id, source_path, title, outlet, published_start, published_end, duplicate_of, story_id
    FROM documents
),

final AS (
    SELECT
        m.event_id,
        m.mention_id,
        m.event_type,
        m.actor,
        m.recipient,
        m.trigger,
        m.sentence,
        m.date_text,
        m.date_start,
        m.date_end,
        m.date_precision,
        m.date_method,
        m.claimed_by,
        m.negated,
        m.modality,
        d.doc_id,
        d.source_path,
        d.title,
        d.outlet,
        d.published_start,
        d.story_id,
        d.duplicate_of IS NOT NULL AS from_duplicate
    FROM mentions AS m
    JOIN docs AS d USING (doc_id)
)

SELECT * FROM final
ORDER BY event_id, published_start NULLS LAST, mention_id;
