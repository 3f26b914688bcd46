-- Knobwright's shared approval hub: tables and views (docs/hub.md, decision 0113).
-- Flyway runs this in the schema knobwright_hub, as the role that will own the hub (HubSchema.migrate).
-- Nobody but the owner writes these tables: logins get SELECT and call the functions of V2 (grants in V3).

-- The group every hub login is granted (add_member grants it). Roles are cluster-wide, so a second hub
-- database on the same server shares it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'knobwright_hub_user') THEN
        CREATE ROLE knobwright_hub_user NOLOGIN;
    END IF;
END
$$;

-- Lower-case role names as the chains and the member table use them: dba, senior-dba, change-board.
CREATE FUNCTION is_role_name(p_name text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    SET search_path = pg_catalog
AS $$ SELECT p_name ~ '^[a-z][a-z0-9_-]{0,62}$' $$;

CREATE FUNCTION are_role_names(p_names text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    SET search_path = pg_catalog
AS $$ SELECT coalesce(bool_and(n IS NOT NULL AND n ~ '^[a-z][a-z0-9_-]{0,62}$'), true) FROM unnest(p_names) AS n $$;

-- Who may act on the hub, and in which roles. Current state only; every change is a MEMBER_CHANGED event.
CREATE TABLE hub_member (
    login      text        PRIMARY KEY,
    roles      text[]      NOT NULL DEFAULT '{}',
    active     boolean     NOT NULL DEFAULT true,
    added_by   text        NOT NULL,
    added_at   timestamptz NOT NULL,
    changed_by text        NOT NULL,
    changed_at timestamptz NOT NULL,
    CONSTRAINT hub_member_roles_are_names CHECK (are_role_names(roles))
);

-- One row whose row lock every writer takes last, just before its commit: event numbers are then handed out
-- in commit order, so a reader that has seen event N has seen every event below N (see hub_event).
CREATE TABLE hub_event_counter (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    last_seq bigint  NOT NULL
);
INSERT INTO hub_event_counter (only_row, last_seq) VALUES (true, 0);

-- Everything that happened, numbered without gaps in commit order: clients pull "seq > cursor".
CREATE TABLE hub_event (
    seq          bigint      PRIMARY KEY,
    at           timestamptz NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('PLAN_SUBMITTED', 'PLAN_WITHDRAWN', 'DECISION_RECORDED',
                                                     'PLAN_BYPASSED', 'REVIEW_CLOSED', 'PLAN_EXPIRED',
                                                     'DELEGATION_CREATED', 'DELEGATION_REVOKED', 'MEMBER_CHANGED')),
    actor        text        NOT NULL,
    on_behalf_of text,
    plan_uid     uuid,
    round        integer,
    plan_state   text,
    level        integer,
    verdict      text,
    note         text,
    request_uid  uuid,
    detail       jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX hub_event_by_plan ON hub_event (plan_uid, seq);

-- One row per plan uid: where the plan stands now. Only the functions change it; its history is in the
-- append-only tables below and in hub_event.
CREATE TABLE hub_plan (
    uid                 uuid        PRIMARY KEY,
    author              text        NOT NULL,
    instance_name       text        NOT NULL,
    ticket              text,
    risk_level          text        NOT NULL,
    round               integer     NOT NULL CHECK (round >= 1),
    state               text        NOT NULL CHECK (state IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'EXPIRED',
                                                              'BYPASSED', 'WITHDRAWN')),
    chain               jsonb       NOT NULL,
    content             text        NOT NULL,
    content_sha256      text        NOT NULL,
    first_submitted_at  timestamptz NOT NULL,
    round_submitted_at  timestamptz NOT NULL,
    expires_at          timestamptz,
    pending_level       integer,
    level_pending_since timestamptz,
    decided_at          timestamptz,
    last_event_seq      bigint      NOT NULL REFERENCES hub_event (seq),
    CONSTRAINT hub_plan_pending_only_when_submitted
        CHECK ((state = 'SUBMITTED') = (pending_level IS NOT NULL AND level_pending_since IS NOT NULL))
);
CREATE INDEX hub_plan_by_state ON hub_plan (state, expires_at);

-- Each round of each plan as it was submitted. A re-submission after withdrawal or expiry is a new round.
CREATE TABLE hub_submission (
    submission_uid uuid        PRIMARY KEY,
    plan_uid       uuid        NOT NULL REFERENCES hub_plan (uid),
    round          integer     NOT NULL,
    submitted_by   text        NOT NULL,
    submitted_at   timestamptz NOT NULL,
    instance_name  text        NOT NULL,
    ticket         text,
    risk_level     text        NOT NULL,
    chain          jsonb       NOT NULL,
    content        text        NOT NULL,
    content_sha256 text        NOT NULL,
    state_after    text        NOT NULL,
    event_seq      bigint      NOT NULL REFERENCES hub_event (seq),
    UNIQUE (plan_uid, round)
);

-- Every decision ever recorded. Only those of the plan's current round count (decision_log.counted).
CREATE TABLE hub_decision (
    decision_uid     uuid        PRIMARY KEY,
    plan_uid         uuid        NOT NULL REFERENCES hub_plan (uid),
    round            integer     NOT NULL,
    level            integer     NOT NULL CHECK (level >= 1),
    verdict          text        NOT NULL CHECK (verdict IN ('APPROVE', 'REJECT')),
    decided_by       text        NOT NULL,
    on_behalf_of     text,
    entitled_by      text        NOT NULL,
    escalated        boolean     NOT NULL,
    comment          text,
    decided_at       timestamptz NOT NULL,
    plan_state_after text        NOT NULL,
    approvals_after  integer     NOT NULL,
    quorum           integer     NOT NULL,
    event_seq        bigint      NOT NULL REFERENCES hub_event (seq),
    CHECK (on_behalf_of IS DISTINCT FROM decided_by)
);
-- Backstops for the rule the functions check under the plan's lock: one decision per identity and round
CREATE UNIQUE INDEX hub_decision_once_per_login ON hub_decision (plan_uid, round, decided_by);
CREATE UNIQUE INDEX hub_decision_once_per_principal ON hub_decision (plan_uid, round, on_behalf_of)
    WHERE on_behalf_of IS NOT NULL;

CREATE TABLE hub_withdrawal (
    withdrawal_uid uuid        PRIMARY KEY,
    plan_uid       uuid        NOT NULL REFERENCES hub_plan (uid),
    round          integer     NOT NULL,
    withdrawn_by   text        NOT NULL,
    withdrawn_at   timestamptz NOT NULL,
    reason         text,
    event_seq      bigint      NOT NULL REFERENCES hub_event (seq),
    UNIQUE (plan_uid, round)
);

-- A break-glass bypass, which is also the review item it opens (open while no hub_review_closing names it).
CREATE TABLE hub_bypass (
    bypass_uid  uuid        PRIMARY KEY,
    plan_uid    uuid        NOT NULL REFERENCES hub_plan (uid),
    round       integer     NOT NULL,
    bypassed_by text        NOT NULL,
    reason      text        NOT NULL CHECK (btrim(reason) <> ''),
    bypassed_at timestamptz NOT NULL,
    event_seq   bigint      NOT NULL REFERENCES hub_event (seq),
    UNIQUE (plan_uid, round)
);

CREATE TABLE hub_review_closing (
    closing_uid uuid        PRIMARY KEY,
    bypass_uid  uuid        NOT NULL UNIQUE REFERENCES hub_bypass (bypass_uid),
    closed_by   text        NOT NULL,
    comment     text        NOT NULL CHECK (btrim(comment) <> ''),
    closed_at   timestamptz NOT NULL,
    event_seq   bigint      NOT NULL REFERENCES hub_event (seq)
);

CREATE TABLE hub_delegation (
    delegation_uid uuid        PRIMARY KEY,
    delegator      text        NOT NULL,
    delegate       text        NOT NULL,
    valid_from     timestamptz NOT NULL,
    valid_until    timestamptz NOT NULL,
    reason         text        NOT NULL,
    created_at     timestamptz NOT NULL,
    event_seq      bigint      NOT NULL REFERENCES hub_event (seq),
    CHECK (valid_until > valid_from),
    CHECK (delegator <> delegate)
);
CREATE INDEX hub_delegation_by_pair ON hub_delegation (delegator, delegate);

CREATE TABLE hub_delegation_revocation (
    delegation_uid uuid        PRIMARY KEY REFERENCES hub_delegation (delegation_uid),
    revoked_by     text        NOT NULL,
    revoked_at     timestamptz NOT NULL,
    event_seq      bigint      NOT NULL REFERENCES hub_event (seq)
);

-- History is append-only for everyone, the owner included: these triggers refuse UPDATE, DELETE and TRUNCATE.
-- (A superuser can still disable triggers; decision 0113 says what the hub does not protect against.)
CREATE FUNCTION refuse_history_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'KH013',
        MESSAGE = format('%s is append-only history: %s is not allowed on it.', TG_TABLE_NAME, TG_OP),
        HINT = 'Record a new event through the hub functions instead.';
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['hub_event', 'hub_submission', 'hub_decision', 'hub_withdrawal', 'hub_bypass',
                             'hub_review_closing', 'hub_delegation', 'hub_delegation_revocation'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION refuse_history_change()',
                       t || '_append_only', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()',
                       t || '_no_truncate', t);
    END LOOP;
END
$$;

-- The level a chain's level number names (1-based), or NULL past the last.
CREATE FUNCTION chain_level(p_chain jsonb, p_level integer) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
AS $$ SELECT p_chain -> 'levels' -> (p_level - 1) $$;

-- Readers' views: the documented way other systems read the hub (docs/hub.md). A view calls functions with
-- the reader's rights, so these use only built-ins (logins may execute none of the hub's internal functions).

-- Plans with the state as of now: a SUBMITTED plan past its expiry reads EXPIRED before expire_stale() marks it.
CREATE VIEW plan_status AS
SELECT p.uid AS plan_uid,
       p.author,
       p.instance_name,
       p.ticket,
       p.risk_level,
       p.round,
       CASE WHEN p.state = 'SUBMITTED' AND p.expires_at <= now() THEN 'EXPIRED' ELSE p.state END AS state,
       p.chain ->> 'rule' AS rule,
       jsonb_array_length(p.chain -> 'levels') AS levels,
       p.pending_level,
       p.chain -> 'levels' -> (p.pending_level - 1) ->> 'role' AS pending_role,
       (p.chain -> 'levels' -> (p.pending_level - 1) ->> 'quorum')::integer AS pending_quorum,
       (SELECT count(*)::integer FROM hub_decision d
         WHERE d.plan_uid = p.uid AND d.round = p.round AND d.level = p.pending_level AND d.verdict = 'APPROVE')
           AS pending_approvals,
       p.level_pending_since,
       CASE WHEN p.pending_level IS NOT NULL AND p.chain ? 'escalateAfter'
            THEN p.level_pending_since + (p.chain ->> 'escalateAfter')::interval END AS escalates_at,
       p.chain ->> 'escalateTo' AS escalate_to,
       p.first_submitted_at,
       p.round_submitted_at,
       p.expires_at,
       p.decided_at,
       p.content_sha256,
       p.last_event_seq
  FROM hub_plan p;

-- Every decision; counted is false for decisions of an earlier round (before a withdrawal and re-submission).
CREATE VIEW decision_log AS
SELECT d.decision_uid, d.plan_uid, p.ticket, d.round, d.level, d.verdict, d.decided_by, d.on_behalf_of,
       d.entitled_by, d.escalated, d.comment, d.decided_at, d.plan_state_after, d.approvals_after, d.quorum,
       d.round = p.round AS counted, d.event_seq
  FROM hub_decision d
  JOIN hub_plan p ON p.uid = d.plan_uid;

-- Bypasses and their review items, open or closed.
CREATE VIEW review_item AS
SELECT b.bypass_uid, b.plan_uid, p.ticket, b.round, b.bypassed_by, b.reason, b.bypassed_at,
       c.closing_uid, c.closed_by, c.comment AS closing_comment, c.closed_at, c.closing_uid IS NULL AS open
  FROM hub_bypass b
  JOIN hub_plan p ON p.uid = b.plan_uid
  LEFT JOIN hub_review_closing c ON c.bypass_uid = b.bypass_uid;

CREATE VIEW delegation_status AS
SELECT g.delegation_uid, g.delegator, g.delegate, g.valid_from, g.valid_until, g.reason, g.created_at,
       r.revoked_by, r.revoked_at,
       r.delegation_uid IS NULL AND now() >= g.valid_from AND now() < g.valid_until AS in_force
  FROM hub_delegation g
  LEFT JOIN hub_delegation_revocation r ON r.delegation_uid = g.delegation_uid;
