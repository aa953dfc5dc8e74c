-- BI: the timeline, one row per realized or reported event, in date order.
CREATE VIEW v_timeline AS
WITH events_dated AS (
    SELECT
        e.*,
        date_diff('day', e.date_start, e.date_end) + 1 AS span_days
    FROM events AS e
),

final AS (
    SELECT
        event_id,
        date_start,
        date_end,
        date_precision,
        span_days,
        event_type,
        event_mode,
        actor,
        actor_country,
        recipient,
        recipient_country,
        summary,
        modality,
        negated,
        claimed_by,
        num_mentions,
        num_documents,
        num_stories,
        confidence
    FROM events_dated
)

SELECT * FROM final
ORDER BY date_start NULLS LAST, event_type, actor;
