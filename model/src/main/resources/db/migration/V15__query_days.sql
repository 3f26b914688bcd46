-- Knobwright local store, schema 15: each fingerprint's history per day (decision 0127), what trends and regressions
-- read. A row per instance, fingerprint, local day and source: 'log' rows come from imported logs (by each
-- statement's own time) and carry the day's duration histogram (LatencyHistogram bytes, empty when unknown);
-- 'statements' rows come from the collectors' statement deltas (pg_stat_statements, performance_schema) mapped to the
-- same fingerprints, and carry sums only. Kept 90 days (the collectors' hourly maintenance prunes them).

CREATE TABLE query_day (
    instance_id BIGINT           NOT NULL,
    fingerprint BIGINT           NOT NULL,
    on_day      DATE             NOT NULL,
    source      VARCHAR(12)      NOT NULL,
    calls       BIGINT           NOT NULL,
    total_ms    DOUBLE PRECISION NOT NULL,
    rows_total  BIGINT           NOT NULL,
    durations   VARBINARY(4096)  NOT NULL,
    CONSTRAINT pk_query_day PRIMARY KEY (instance_id, fingerprint, on_day, source)
);
CREATE INDEX ix_query_day_day ON query_day (on_day);
CREATE INDEX ix_query_day_instance_day ON query_day (instance_id, on_day);

-- The normalised text of each fingerprint with days (a fingerprint seen only by the collectors has no
-- query_fingerprint row to take it from).
CREATE TABLE query_day_text (
    instance_id BIGINT        NOT NULL,
    fingerprint BIGINT        NOT NULL,
    normalized  VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_query_day_text PRIMARY KEY (instance_id, fingerprint)
);
