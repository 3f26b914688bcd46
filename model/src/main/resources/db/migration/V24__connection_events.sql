-- Knobwright local store, schema 24: connection events from imported logs (log_connections / log_disconnections),
-- counted per second, kind ('connect' = connection received, 'authorized', 'disconnect') and (user, database,
-- application, client) (decision 0131). A storm of thousands of short connections a second from one pool is one row a
-- second per kind; session_seconds sums the disconnections' session times. Schema 23 is the Prometheus mappings.

CREATE TABLE connection_event (
    instance_id     BIGINT           NOT NULL,
    at_s            BIGINT           NOT NULL,
    kind            VARCHAR(12)      NOT NULL,
    user_name       VARCHAR(256)     NOT NULL,
    database_name   VARCHAR(256)     NOT NULL,
    application     VARCHAR(256)     NOT NULL,
    client          VARCHAR(256)     NOT NULL,
    events          INT              NOT NULL,
    session_seconds DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_connection_event PRIMARY KEY (instance_id, at_s, kind, user_name, database_name, application, client),
    CONSTRAINT ck_connection_event_kind CHECK (kind IN ('connect', 'authorized', 'disconnect')),
    CONSTRAINT fk_connection_event_instance FOREIGN KEY (instance_id) REFERENCES instance (id) ON DELETE CASCADE
);
