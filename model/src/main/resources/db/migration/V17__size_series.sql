-- Knobwright local store, schema 17: size series imported for storage forecasts (decision 0129), per instance and
-- series name ("total", "database:<name>", later "table:<schema>.<name>"). The collectors' own DATABASE_BYTES points
-- stay in metric_poll; the forecast reads both. An import replaces the series' points in the range it covers.

CREATE TABLE size_series_point (
    instance_id BIGINT       NOT NULL,
    series_name VARCHAR(300) NOT NULL,
    at_ms       BIGINT       NOT NULL,
    bytes       BIGINT       NOT NULL,
    CONSTRAINT pk_size_series_point PRIMARY KEY (instance_id, series_name, at_ms),
    CONSTRAINT fk_size_series_point_instance FOREIGN KEY (instance_id) REFERENCES instance (id) ON DELETE CASCADE,
    CONSTRAINT ck_size_series_point_bytes CHECK (bytes >= 0)
);
