-- Knobwright local store, schema 11: parameters an applied plan set that wait for their server's restart (PostgreSQL
-- pending_restart, MySQL SET PERSIST_ONLY, MariaDB option-file lines a person writes), listed per instance until a
-- check finds the server running with the value. Schema 10 comes from another branch (numbers are kept in order).

CREATE TABLE pending_restart (
    instance_id   BIGINT         NOT NULL,
    instance_name VARCHAR(200)   NOT NULL,
    parameter     VARCHAR(200)   NOT NULL,
    target_value  VARCHAR(65535) NOT NULL,
    since         TIMESTAMP WITH TIME ZONE NOT NULL,
    plan_id       BIGINT         NOT NULL,
    run_id        BIGINT         NOT NULL,
    note          VARCHAR(4000)  NOT NULL,
    CONSTRAINT pk_pending_restart PRIMARY KEY (instance_id, parameter)
);
