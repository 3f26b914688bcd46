-- Knobwright's shared approval hub: the functions, the only way anyone changes the hub (docs/hub.md).
--
-- The public ones are SECURITY DEFINER: they run with the owner's rights over tables nobody else may write,
-- and take the caller's identity from session_user (the login, which SET ROLE does not change). Each sets
-- its own search_path, so nothing a caller puts on theirs can stand in for a hub table or function.
--
-- Refusals raise SQLSTATEs of class KH (HubRefusal.Reason maps them):
--   KH001 self-approval        KH002 already decided      KH003 not entitled (role, level, delegation)
--   KH004 level complete       KH005 plan not pending     KH006 plan expired
--   KH007 unknown plan         KH008 not authorised       KH009 uid reused for another request
--   KH010 invalid request      KH011 already submitted    KH012 no open review
--   KH013 history is append-only (triggers, V1)
--
-- Locks, always in this order, so two writers never wait on each other in a circle: the plan (row lock, or
-- an advisory lock on its uid for a submission), then the event counter (record_event), taken last.

-- What the public functions return: the request's outcome, also when a retry replays it.
CREATE TYPE hub_receipt AS (
    request_uid uuid,
    plan_uid    uuid,
    round       integer,
    plan_state  text,
    event_seq   bigint,
    replayed    boolean
);

CREATE TYPE decision_receipt AS (
    decision_uid uuid,
    plan_uid     uuid,
    round        integer,
    level        integer,
    verdict      text,
    plan_state   text,
    approvals    integer,
    quorum       integer,
    event_seq    bigint,
    replayed     boolean
);

CREATE TYPE member_receipt AS (
    login     text,
    roles     text[],
    active    boolean,
    event_seq bigint
);

-- ---------------------------------------------------------------------------------------------------------
-- Internal helpers (no EXECUTE for logins)
-- ---------------------------------------------------------------------------------------------------------

CREATE FUNCTION refuse(p_code text, p_message text, p_hint text DEFAULT NULL) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog
AS $$
BEGIN
    IF p_hint IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = p_code, MESSAGE = p_message;
    END IF;
    RAISE EXCEPTION USING ERRCODE = p_code, MESSAGE = p_message, HINT = p_hint;
END
$$;

-- A caller who leaves a transaction open after a hub function holds the hub's locks (the event counter
-- among them): such a session is ended after a minute.
CREATE FUNCTION bound_idle_transaction() RETURNS void
    LANGUAGE sql
    SET search_path = pg_catalog
AS $$ SELECT set_config('idle_in_transaction_session_timeout', '60s', true) $$;

CREATE FUNCTION require_text(p_value text, p_what text, p_max integer) RETURNS text
    LANGUAGE plpgsql
    SET search_path = knobwright_hub, pg_temp
AS $$
BEGIN
    IF p_value IS NULL OR btrim(p_value) = '' THEN
        PERFORM refuse('KH010', format('%s is missing.', p_what), format('Give %s.', lower(p_what)));
    END IF;
    IF length(p_value) > p_max THEN
        PERFORM refuse('KH010', format('%s is %s characters long; the hub takes at most %s.', p_what, length(p_value), p_max),
                       format('Shorten %s.', lower(p_what)));
    END IF;
    RETURN p_value;
END
$$;

CREATE FUNCTION require_uid(p_uid uuid, p_what text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = knobwright_hub, pg_temp
AS $$
BEGIN
    IF p_uid IS NULL THEN
        PERFORM refuse('KH010', format('The %s is missing.', p_what),
                       'Every request carries a uid the client generates once and reuses on retries.');
    END IF;
END
$$;

-- The roles of an active member, NULL for anyone else.
CREATE FUNCTION member_roles(p_login text) RETURNS text[]
    LANGUAGE sql STABLE
    SET search_path = knobwright_hub, pg_temp
AS $$ SELECT m.roles FROM hub_member m WHERE m.login = p_login AND m.active $$;

CREATE FUNCTION require_member(p_login text) RETURNS text[]
    LANGUAGE plpgsql STABLE
    SET search_path = knobwright_hub, pg_temp
AS $$
DECLARE
    v_roles text[] := member_roles(p_login);
BEGIN
    IF v_roles IS NULL THEN
        PERFORM refuse('KH008', format('Login %s is not an active member of the hub.', p_login),
                       'Ask a hub admin to add it (add_member).');
    END IF;
    RETURN v_roles;
END
$$;

CREATE FUNCTION roles_text(p_roles text[]) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
AS $$ SELECT CASE WHEN coalesce(cardinality(p_roles), 0) = 0 THEN 'no roles' ELSE array_to_string(p_roles, ', ') END $$;

CREATE FUNCTION effective_state(p_state text, p_expires_at timestamptz) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
AS $$ SELECT CASE WHEN p_state = 'SUBMITTED' AND p_expires_at <= now() THEN 'EXPIRED' ELSE p_state END $$;

-- Appends one event and announces it. Taking the counter's row lock serialises the writers' commits from
-- here on, so sequence numbers become visible in order and a reader's "seq > cursor" never skips one.
CREATE FUNCTION record_event(p_kind text, p_plan_uid uuid, p_round integer, p_plan_state text, p_level integer,
                             p_verdict text, p_note text, p_request_uid uuid, p_on_behalf_of text,
                             p_detail jsonb) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = knobwright_hub, pg_temp
AS $$
DECLARE
    v_seq bigint;
BEGIN
    UPDATE hub_event_counter c SET last_seq = c.last_seq + 1 RETURNING c.last_seq INTO v_seq;
    INSERT INTO hub_event (seq, at, kind, actor, on_behalf_of, plan_uid, round, plan_state, level, verdict, note,
                           request_uid, detail)
    VALUES (v_seq, now(), p_kind, session_user, p_on_behalf_of, p_plan_uid, p_round, p_plan_state, p_level,
            p_verdict, p_note, p_request_uid, coalesce(p_detail, '{}'));
    PERFORM pg_notify('knobwright_hub', v_seq::text);
    RETURN v_seq;
END
$$;

-- An ISO-8601 duration as Java's Duration and Period print it (PT4H, PT0.5S, P3D), positive.
CREATE FUNCTION iso_duration(p_chain jsonb, p_key text) RETURNS interval
    LANGUAGE plpgsql STABLE
    SET search_path = knobwright_hub, pg_temp
AS $$
DECLARE
    v_text     text;
    v_interval interval;
BEGIN
    IF jsonb_typeof(p_chain -> p_key) IS DISTINCT FROM 'string' THEN
        PERFORM refuse('KH010', format('The approval chain''s %s must be an ISO-8601 duration string like "PT4H" or "P3D".', p_key));
    END IF;
    v_text := p_chain ->> p_key;
    IF v_text !~ '^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$' OR v_text IN ('P', 'PT') OR v_text ~ 'T$' THEN
        PERFORM refuse('KH010', format('The approval chain''s %s "%s" is not an ISO-8601 duration like "PT4H" or "P3D".', p_key, v_text));
    END IF;
    v_interval := v_text::interval;
    IF v_interval <= interval '0' THEN
        PERFORM refuse('KH010', format('The approval chain''s %s "%s" must be longer than zero.', p_key, v_text));
    END IF;
    RETURN v_interval;
END
$$;

-- The chain as the hub will enforce it. Unknown keys are refused: a rule the hub does not know would go
-- unenforced while the submitter believes it holds.
CREATE FUNCTION valid_chain(p_chain text) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path = knobwright_hub, pg_temp
AS $$
DECLARE
    v_chain jsonb;
    v_key   text;
    v_level jsonb;
    v_index integer := 0;
    v_quorum numeric;
BEGIN
    IF p_chain IS NULL THEN
        PERFORM refuse('KH010', 'The approval chain is missing.', 'Copy the chain of the policy that governs the plan.');
    END IF;
    BEGIN
        v_chain := p_chain::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        PERFORM refuse('KH010', format('The approval chain is not JSON: %s', SQLERRM));
    END;
    IF jsonb_typeof(v_chain) <> 'object' THEN
        PERFORM refuse('KH010', 'The approval chain must be a JSON object with "rule" and "levels".');
    END IF;
    FOR v_key IN SELECT jsonb_object_keys(v_chain) LOOP
        IF v_key NOT IN ('rule', 'levels', 'escalateAfter', 'escalateTo', 'expireAfter') THEN
            PERFORM refuse('KH010', format('The approval chain has a key the hub does not know: "%s".', v_key),
                           'The hub enforces rule, levels, escalateAfter, escalateTo and expireAfter; remove the key or upgrade the hub.');
        END IF;
    END LOOP;
    IF jsonb_typeof(v_chain -> 'rule') IS DISTINCT FROM 'string' OR btrim(v_chain ->> 'rule') = ''
       OR length(v_chain ->> 'rule') > 200 THEN
        PERFORM refuse('KH010', 'The approval chain needs a "rule": the name of the policy rule it was copied from.');
    END IF;
    IF jsonb_typeof(v_chain -> 'levels') IS DISTINCT FROM 'array' THEN
        PERFORM refuse('KH010', 'The approval chain needs "levels": an array of {"role": ..., "quorum": ...}, possibly empty.');
    END IF;
    IF jsonb_array_length(v_chain -> 'levels') > 20 THEN
        PERFORM refuse('KH010', format('The approval chain has %s levels; the hub takes at most 20.', jsonb_array_length(v_chain -> 'levels')));
    END IF;
    FOR v_level IN SELECT jsonb_array_elements(v_chain -> 'levels') LOOP
        v_index := v_index + 1;
        IF jsonb_typeof(v_level) <> 'object' OR (SELECT count(*) FROM jsonb_object_keys(v_level) k WHERE k NOT IN ('role', 'quorum')) > 0
           OR jsonb_typeof(v_level -> 'role') IS DISTINCT FROM 'string' OR NOT is_role_name(v_level ->> 'role') THEN
            PERFORM refuse('KH010', format('Level %s of the approval chain must be {"role": "<lower-case role>", "quorum": <1..100>}, not %s.',
                                           v_index, v_level));
        END IF;
        IF jsonb_typeof(v_level -> 'quorum') IS DISTINCT FROM 'number' THEN
            PERFORM refuse('KH010', format('Level %s of the approval chain needs a whole-number quorum from 1 to 100.', v_index));
        END IF;
        v_quorum := (v_level ->> 'quorum')::numeric;
        IF v_quorum <> trunc(v_quorum) OR v_quorum < 1 OR v_quorum > 100 THEN
            PERFORM refuse('KH010', format('Level %s of the approval chain needs a whole-number quorum from 1 to 100, not %s.', v_index, v_quorum));
        END IF;
    END LOOP;
    IF (v_chain ? 'escalateAfter') <> (v_chain ? 'escalateTo') THEN
        PERFORM refuse('KH010', 'The approval chain gives only one of escalateAfter and escalateTo: give both or neither.');
    END IF;
    IF v_chain ? 'escalateAfter' THEN
        PERFORM iso_duration(v_chain, 'escalateAfter');
        IF jsonb_typeof(v_chain -> 'escalateTo') IS DISTINCT FROM 'string' OR NOT is_role_name(v_chain ->> 'escalateTo') THEN
            PERFORM refuse('KH010', 'The approval chain''s escalateTo must be a lower-case role name like "admin".');
        END IF;
    END IF;
    IF v_chain ? 'expireAfter' THEN
        PERFORM iso_duration(v_chain, 'expireAfter');
    END IF;
    RETURN v_chain;
END
$$;

-- Marks a locked SUBMITTED plan past its expiry EXPIRED, with its event.
CREATE FUNCTION mark_expired(p_plan hub_plan) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = knobwright_hub, pg_temp
AS $$
DECLARE
    v_seq bigint;
BEGIN
    v_seq := record_event('PLAN_EXPIRED', p_plan.uid, p_plan.round, 'EXPIRED', p_plan.pending_level, NULL, NULL, NULL, NULL,
                          jsonb_build_object('expiresAt', p_plan.expires_at, 'expireAfter', p_plan.chain ->> 'expireAfter'));
    UPDATE hub_plan p
       SET state = 'EXPIRED', pending_level = NULL, level_pending_since = NULL, decided_at = now(), last_event_seq = v_seq
     WHERE p.uid = p_plan.uid;
    RETURN v_seq;
END
$$;

CREATE FUNCTION lock_plan(p_plan_uid uuid) RETURNS hub_plan
    LANGUAGE plpgsql
    SET search_path = knobwright_hub, pg_temp
AS $$
DECLARE
    v_plan hub_plan;
BEGIN
    SELECT * INTO v_plan FROM hub_plan p WHERE p.uid = p_plan_uid FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM refuse('KH007', format('No plan %s on the hub.', p_plan_uid),
                       'Check the plan uid: a plan reaches the hub when its author submits it.');
    END IF;
    RETURN v_plan;
END
$$;

-- A retry of a recorded decision gets the original outcome; the same uid on another request is refused.
CREATE FUNCTION replayed_decision(p_decision_uid uuid, p_plan_uid uuid, p_verdict text, p_on_behalf_of text)
    RETURNS decision_receipt
    LANGUAGE plpgsql STABLE
    SET search_path = knobwright_hub, pg_temp
AS $$
DECLARE
    v_prior hub_decision;
BEGIN
    SELECT * INTO v_prior FROM hub_decision d WHERE d.decision_uid = p_decision_uid;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF v_prior.plan_uid <> p_plan_uid OR v_prior.verdict <> p_verdict OR v_prior.decided_by <> session_user
       OR v_prior.on_behalf_of IS DISTINCT FROM p_on_behalf_of THEN
        PERFORM refuse('KH009', format('Decision uid %s was already used by %s to %s plan %s%s.', p_decision_uid,
                                       v_prior.decided_by, lower(v_prior.verdict), v_prior.plan_uid,
                                       coalesce(' on behalf of ' || v_prior.on_behalf_of, '')),
                       'Generate a new uid for a new decision; reuse a uid only to retry the very same request.');
    END IF;
    RETURN ROW(v_prior.decision_uid, v_prior.plan_uid, v_prior.round, v_prior.level, v_prior.verdict,
               v_prior.plan_state_after, v_prior.approvals_after, v_prior.quorum, v_prior.event_seq, true)::decision_receipt;
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Plans
-- ---------------------------------------------------------------------------------------------------------

CREATE FUNCTION submit_plan(p_submission_uid uuid, p_plan_uid uuid, p_instance_name text, p_ticket text,
                            p_risk_level text, p_chain text, p_content text) RETURNS hub_receipt
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = knobwright_hub, pg_temp
    SET lock_timeout = '10s'
AS $$
DECLARE
    v_me      text := session_user;
    v_chain   jsonb;
    v_sha     text;
    v_plan    hub_plan;
    v_prior   hub_submission;
    v_exists  boolean;
    v_round   integer;
    v_levels  integer;
    v_state   text;
    v_expires timestamptz;
    v_seq     bigint;
BEGIN
    PERFORM bound_idle_transaction();
    PERFORM require_uid(p_submission_uid, 'submission uid');
    PERFORM require_uid(p_plan_uid, 'plan uid');
    PERFORM require_text(p_instance_name, 'The instance name', 200);
    IF p_ticket IS NOT NULL THEN
        PERFORM require_text(p_ticket, 'The ticket reference', 64);
    END IF;
    IF p_risk_level IS NULL OR p_risk_level !~ '^[a-z][a-z0-9_-]{0,31}$' THEN
        PERFORM refuse('KH010', format('The risk level must be a lower-case word like "low" or "high", not %s.',
                                       coalesce('"' || p_risk_level || '"', 'missing')));
    END IF;
    PERFORM require_text(p_content, 'The plan content', 4000000);
    BEGIN
        PERFORM p_content::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        PERFORM refuse('KH010', format('The plan content is not JSON: %s', SQLERRM));
    END;
    PERFORM require_member(v_me);
    v_chain := valid_chain(p_chain);
    v_sha := encode(sha256(convert_to(p_content, 'UTF8')), 'hex');

    -- Serialises submissions of one plan uid, also its very first one, before any row exists to lock
    PERFORM pg_advisory_xact_lock(hashtextextended('knobwright_hub.plan:' || p_plan_uid::text, 0));

    SELECT * INTO v_prior FROM hub_submission s WHERE s.submission_uid = p_submission_uid;
    IF FOUND THEN
        IF v_prior.plan_uid <> p_plan_uid OR v_prior.submitted_by <> v_me OR v_prior.content_sha256 <> v_sha
           OR v_prior.chain <> v_chain OR v_prior.instance_name <> p_instance_name
           OR v_prior.ticket IS DISTINCT FROM p_ticket OR v_prior.risk_level <> p_risk_level THEN
            PERFORM refuse('KH009', format('Submission uid %s was already used by %s for %s of plan %s.', p_submission_uid,
                                           v_prior.submitted_by, 'round ' || v_prior.round, v_prior.plan_uid),
                           'Generate a new uid for a new submission; reuse a uid only to retry the very same request.');
        END IF;
        RETURN ROW(v_prior.submission_uid, v_prior.plan_uid, v_prior.round, v_prior.state_after, v_prior.event_seq, true)::hub_receipt;
    END IF;

    SELECT * INTO v_plan FROM hub_plan p WHERE p.uid = p_plan_uid FOR UPDATE;
    v_exists := FOUND;
    IF v_exists THEN
        IF v_plan.author <> v_me THEN
            PERFORM refuse('KH008', format('Plan %s was submitted by %s; only its author may submit it again.', p_plan_uid, v_plan.author),
                           'Submit your version under a new plan uid.');
        END IF;
        CASE effective_state(v_plan.state, v_plan.expires_at)
            WHEN 'SUBMITTED' THEN
                PERFORM refuse('KH011', format('Plan %s is already submitted (round %s) and awaits decisions.', p_plan_uid, v_plan.round),
                               'Withdraw it first to submit an edited version; to retry a submission, reuse its submission uid.');
            WHEN 'APPROVED', 'REJECTED', 'BYPASSED' THEN
                PERFORM refuse('KH005', format('Plan %s is %s, which is final: it cannot be submitted again.', p_plan_uid, v_plan.state),
                               'Submit the edited plan under a new plan uid.');
            ELSE
                NULL;  -- WITHDRAWN or EXPIRED: a new round
        END CASE;
        IF v_plan.state = 'SUBMITTED' THEN
            PERFORM mark_expired(v_plan);
        END IF;
        v_round := v_plan.round + 1;
    ELSE
        v_round := 1;
    END IF;

    v_levels := jsonb_array_length(v_chain -> 'levels');
    v_state := CASE WHEN v_levels = 0 THEN 'APPROVED' ELSE 'SUBMITTED' END;
    v_expires := CASE WHEN v_levels > 0 AND v_chain ? 'expireAfter' THEN now() + (v_chain ->> 'expireAfter')::interval END;
    v_seq := record_event('PLAN_SUBMITTED', p_plan_uid, v_round, v_state, CASE WHEN v_levels > 0 THEN 1 END, NULL, NULL,
                          p_submission_uid, NULL,
                          jsonb_build_object('instanceName', p_instance_name, 'ticket', p_ticket, 'riskLevel', p_risk_level,
                                             'rule', v_chain ->> 'rule', 'levels', v_levels, 'contentSha256', v_sha,
                                             'expiresAt', v_expires));
    IF v_exists THEN
        UPDATE hub_plan p
           SET instance_name = p_instance_name, ticket = p_ticket, risk_level = p_risk_level, round = v_round,
               state = v_state, chain = v_chain, content = p_content, content_sha256 = v_sha, round_submitted_at = now(),
               expires_at = v_expires, pending_level = CASE WHEN v_levels > 0 THEN 1 END,
               level_pending_since = CASE WHEN v_levels > 0 THEN now() END,
               decided_at = CASE WHEN v_levels = 0 THEN now() END, last_event_seq = v_seq
         WHERE p.uid = p_plan_uid;
    ELSE
        INSERT INTO hub_plan (uid, author, instance_name, ticket, risk_level, round, state, chain, content, content_sha256,
                              first_submitted_at, round_submitted_at, expires_at, pending_level, level_pending_since,
                              decided_at, last_event_seq)
        VALUES (p_plan_uid, v_me, p_instance_name, p_ticket, p_risk_level, v_round, v_state, v_chain, p_content, v_sha,
                now(), now(), v_expires, CASE WHEN v_levels > 0 THEN 1 END, CASE WHEN v_levels > 0 THEN now() END,
                CASE WHEN v_levels = 0 THEN now() END, v_seq);
    END IF;
    INSERT INTO hub_submission (submission_uid, plan_uid, round, submitted_by, submitted_at, instance_name, ticket, risk_level,
                                chain, content, content_sha256, state_after, event_seq)
    VALUES (p_submission_uid, p_plan_uid, v_round, v_me, now(), p_instance_name, p_ticket, p_risk_level,
            v_chain, p_content, v_sha, v_state, v_seq);
    RETURN ROW(p_submission_uid, p_plan_uid, v_round, v_state, v_seq, false)::hub_receipt;
END
$$;

CREATE FUNCTION withdraw_plan(p_withdrawal_uid uuid, p_plan_uid uuid, p_reason text) RETURNS hub_receipt
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = knobwright_hub, pg_temp
    SET lock_timeout = '10s'
AS $$
DECLARE
    v_me    text := session_user;
    v_plan  hub_plan;
    v_prior hub_withdrawal;
    v_seq   bigint;
BEGIN
    PERFORM bound_idle_transaction();
    PERFORM require_uid(p_withdrawal_uid, 'withdrawal uid');
    PERFORM require_uid(p_plan_uid, 'plan uid');
    IF p_reason IS NOT NULL THEN
        PERFORM require_text(p_reason, 'The reason', 4000);
    END IF;
    PERFORM require_member(v_me);
    v_plan := lock_plan(p_plan_uid);
    SELECT * INTO v_prior FROM hub_withdrawal w WHERE w.withdrawal_uid = p_withdrawal_uid;
    IF FOUND THEN
        IF v_prior.plan_uid <> p_plan_uid OR v_prior.withdrawn_by <> v_me THEN
            PERFORM refuse('KH009', format('Withdrawal uid %s was already used by %s for plan %s.', p_withdrawal_uid,
                                           v_prior.withdrawn_by, v_prior.plan_uid),
                           'Generate a new uid for a new withdrawal.');
        END IF;
        RETURN ROW(v_prior.withdrawal_uid, v_prior.plan_uid, v_prior.round, 'WITHDRAWN', v_prior.event_seq, true)::hub_receipt;
    END IF;
    IF v_plan.author <> v_me THEN
        PERFORM refuse('KH008', format('Plan %s was submitted by %s; only its author may withdraw it.', p_plan_uid, v_plan.author));
    END IF;
    IF effective_state(v_plan.state, v_plan.expires_at) = 'EXPIRED' THEN
        PERFORM refuse('KH006', format('Plan %s expired at %s; there is nothing to withdraw.', p_plan_uid, v_plan.expires_at),
                       'Submit it again to start a new round.');
    END IF;
    IF v_plan.state <> 'SUBMITTED' THEN
        PERFORM refuse('KH005', format('Plan %s is %s, no longer awaiting decisions: it cannot be withdrawn.', p_plan_uid, v_plan.state));
    END IF;
    v_seq := record_event('PLAN_WITHDRAWN', p_plan_uid, v_plan.round, 'WITHDRAWN', v_plan.pending_level, NULL, p_reason,
                          p_withdrawal_uid, NULL, '{}');
    UPDATE hub_plan p
       SET state = 'WITHDRAWN', pending_level = NULL, level_pending_since = NULL, decided_at = now(), last_event_seq = v_seq
     WHERE p.uid = p_plan_uid;
    INSERT INTO hub_withdrawal (withdrawal_uid, plan_uid, round, withdrawn_by, withdrawn_at, reason, event_seq)
    VALUES (p_withdrawal_uid, p_plan_uid, v_plan.round, v_me, now(), p_reason, v_seq);
    RETURN ROW(p_withdrawal_uid, p_plan_uid, v_plan.round, 'WITHDRAWN', v_seq, false)::hub_receipt;
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Decisions
-- ---------------------------------------------------------------------------------------------------------

-- p_level, when given, is the level the decider means; NULL decides whichever level is pending.
CREATE FUNCTION decide(p_decision_uid uuid, p_plan_uid uuid, p_verdict text, p_comment text,
                       p_on_behalf_of text DEFAULT NULL, p_level integer DEFAULT NULL) RETURNS decision_receipt
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = knobwright_hub, pg_temp
    SET lock_timeout = '10s'
AS $$
DECLARE
    v_me           text := session_user;
    v_verdict      text := upper(btrim(p_verdict));
    v_behalf       text := nullif(nullif(btrim(p_on_behalf_of), ''), session_user::text);
    v_principal    text;
    v_replay       decision_receipt;
    v_plan         hub_plan;
    v_state        text;
    v_roles        text[];
    v_window       hub_delegation;
    v_prev         hub_decision;
    v_levels       integer;
    v_role         text;
    v_quorum       integer;
    v_approvals    integer;
    v_escalates_at timestamptz;
    v_entitled_by  text;
    v_escalated    boolean := false;
    v_next         integer;
    v_seq          bigint;
BEGIN
    PERFORM bound_idle_transaction();
    PERFORM require_uid(p_decision_uid, 'decision uid');
    PERFORM require_uid(p_plan_uid, 'plan uid');
    IF v_verdict IS NULL OR v_verdict NOT IN ('APPROVE', 'REJECT') THEN
        PERFORM refuse('KH010', format('The verdict must be APPROVE or REJECT, not %s.', coalesce('"' || p_verdict || '"', 'missing')));
    END IF;
    IF p_comment IS NOT NULL AND length(p_comment) > 4000 THEN
        PERFORM require_text(p_comment, 'The comment', 4000);
    END IF;

    -- A retry of a decision already recorded returns it, whatever happened to the plan since
    v_replay := replayed_decision(p_decision_uid, p_plan_uid, v_verdict, v_behalf);
    IF v_replay.decision_uid IS NOT NULL THEN
        RETURN v_replay;
    END IF;
    PERFORM require_member(v_me);

    -- One decider at a time per plan: a racing decision waits here and then sees the first one's outcome
    v_plan := lock_plan(p_plan_uid);
    v_replay := replayed_decision(p_decision_uid, p_plan_uid, v_verdict, v_behalf);
    IF v_replay.decision_uid IS NOT NULL THEN
        RETURN v_replay;
    END IF;

    v_state := effective_state(v_plan.state, v_plan.expires_at);
    IF v_state = 'EXPIRED' THEN
        PERFORM refuse('KH006', format('Plan %s expired at %s (expireAfter %s since round %s was submitted); it can no longer be decided.',
                                       p_plan_uid, v_plan.expires_at, v_plan.chain ->> 'expireAfter', v_plan.round),
                       'Its author may submit it again to start a new round.');
    END IF;
    IF v_state IN ('REJECTED', 'WITHDRAWN', 'BYPASSED') THEN
        PERFORM refuse('KH005', format('Plan %s is %s, no longer awaiting decisions.', p_plan_uid, v_state));
    END IF;

    -- Separation of duties
    IF v_me = v_plan.author THEN
        PERFORM refuse('KH001', format('You (%s) submitted plan %s; its author may not decide it.', v_me, p_plan_uid),
                       'Another member holding the pending level''s role must decide it.');
    END IF;
    IF v_behalf = v_plan.author THEN
        PERFORM refuse('KH001', format('%s submitted plan %s; nobody may decide it on its author''s behalf.', v_behalf, p_plan_uid),
                       'Decide it as yourself, if your own roles allow.');
    END IF;

    IF v_behalf IS NOT NULL THEN
        SELECT g.* INTO v_window FROM hub_delegation g
         WHERE g.delegator = v_behalf AND g.delegate = v_me
           AND NOT EXISTS (SELECT 1 FROM hub_delegation_revocation r WHERE r.delegation_uid = g.delegation_uid)
           AND g.valid_from <= now() AND now() < g.valid_until
         ORDER BY g.valid_until DESC LIMIT 1;
        IF NOT FOUND THEN
            SELECT g.* INTO v_window FROM hub_delegation g
             WHERE g.delegator = v_behalf AND g.delegate = v_me ORDER BY g.valid_until DESC LIMIT 1;
            IF FOUND THEN
                PERFORM refuse('KH003', format('No delegation from %s to you (%s) is in force now (%s): the latest ran from %s until %s%s.',
                                               v_behalf, v_me, now(), v_window.valid_from, v_window.valid_until,
                                               CASE WHEN EXISTS (SELECT 1 FROM hub_delegation_revocation r
                                                                  WHERE r.delegation_uid = v_window.delegation_uid)
                                                    THEN ' and was revoked' ELSE '' END),
                               format('Ask %s for a delegation covering now, or decide as yourself.', v_behalf));
            END IF;
            PERFORM refuse('KH003', format('%s has not delegated to you (%s).', v_behalf, v_me),
                           format('Ask %s for a delegation, or decide as yourself.', v_behalf));
        END IF;
        v_roles := member_roles(v_behalf);
        IF v_roles IS NULL THEN
            PERFORM refuse('KH003', format('%s is no longer an active member of the hub; their delegation gives you nothing.', v_behalf));
        END IF;
        v_principal := v_behalf;
    ELSE
        v_roles := member_roles(v_me);
        v_principal := v_me;
    END IF;

    -- Nobody decides twice in one round: neither as themselves nor through someone acting on their behalf
    SELECT d.* INTO v_prev FROM hub_decision d
     WHERE d.plan_uid = p_plan_uid AND d.round = v_plan.round
       AND (d.decided_by IN (v_me, v_principal) OR d.on_behalf_of IN (v_me, v_principal))
     ORDER BY d.decided_at LIMIT 1;
    IF FOUND THEN
        PERFORM refuse('KH002', format('%s%s already decided plan %s in this round (%s at level %s).', v_prev.decided_by,
                                       coalesce(' on behalf of ' || v_prev.on_behalf_of, ''), p_plan_uid,
                                       lower(v_prev.verdict), v_prev.level),
                       'Nobody decides twice on one plan, as themselves or on another''s behalf.');
    END IF;

    IF v_state = 'APPROVED' THEN
        PERFORM refuse('KH004', format('Every level of plan %s is complete: it was approved at %s.', p_plan_uid, v_plan.decided_at),
                       'Nothing is left to decide.');
    END IF;

    v_levels := jsonb_array_length(v_plan.chain -> 'levels');
    v_role := chain_level(v_plan.chain, v_plan.pending_level) ->> 'role';
    v_quorum := (chain_level(v_plan.chain, v_plan.pending_level) ->> 'quorum')::integer;
    SELECT count(*)::integer INTO v_approvals FROM hub_decision d
     WHERE d.plan_uid = p_plan_uid AND d.round = v_plan.round AND d.level = v_plan.pending_level AND d.verdict = 'APPROVE';

    IF p_level IS NOT NULL AND p_level < v_plan.pending_level THEN
        PERFORM refuse('KH004', format('Level %s of plan %s is already complete; level %s (%s) is pending.', p_level, p_plan_uid,
                                       v_plan.pending_level, v_role));
    END IF;
    IF p_level IS NOT NULL AND p_level > v_plan.pending_level THEN
        PERFORM refuse('KH003', format('Level %s of plan %s is not pending: level %s (%s) is.', p_level, p_plan_uid,
                                       v_plan.pending_level, v_role),
                       'Levels are decided in order.');
    END IF;

    IF v_plan.chain ? 'escalateAfter' THEN
        v_escalates_at := v_plan.level_pending_since + (v_plan.chain ->> 'escalateAfter')::interval;
    END IF;
    IF v_role = ANY (v_roles) THEN
        v_entitled_by := v_role;
    ELSIF v_escalates_at IS NOT NULL AND now() >= v_escalates_at AND (v_plan.chain ->> 'escalateTo') = ANY (v_roles) THEN
        v_entitled_by := v_plan.chain ->> 'escalateTo';
        v_escalated := true;
    ELSIF EXISTS (SELECT 1 FROM generate_series(1, v_plan.pending_level - 1) AS l
                   WHERE chain_level(v_plan.chain, l) ->> 'role' = ANY (v_roles)) THEN
        PERFORM refuse('KH004', format('The level of plan %s that %s (%s) may decide is already complete; level %s (%s) is pending.',
                                       p_plan_uid, v_principal, roles_text(v_roles), v_plan.pending_level, v_role));
    ELSE
        PERFORM refuse('KH003', format('Level %s of plan %s needs role %s (%s of %s approvals so far); %s holds %s.',
                                       v_plan.pending_level, p_plan_uid, v_role, v_approvals, v_quorum, v_principal,
                                       roles_text(v_roles)),
                       CASE WHEN v_escalates_at IS NOT NULL
                            THEN format('From %s holders of %s may decide it too.', v_escalates_at, v_plan.chain ->> 'escalateTo')
                            ELSE format('A member holding %s must decide it.', v_role) END);
    END IF;

    IF v_verdict = 'APPROVE' THEN
        v_approvals := v_approvals + 1;
        IF v_approvals < v_quorum THEN
            v_state := 'SUBMITTED';
            v_next := v_plan.pending_level;
        ELSIF v_plan.pending_level < v_levels THEN
            v_state := 'SUBMITTED';
            v_next := v_plan.pending_level + 1;
        ELSE
            v_state := 'APPROVED';
        END IF;
    ELSE
        v_state := 'REJECTED';
    END IF;

    v_seq := record_event('DECISION_RECORDED', p_plan_uid, v_plan.round, v_state, v_plan.pending_level, v_verdict, p_comment,
                          p_decision_uid, v_behalf,
                          jsonb_build_object('approvals', v_approvals, 'quorum', v_quorum, 'entitledBy', v_entitled_by,
                                             'escalated', v_escalated, 'nextLevel', v_next));
    UPDATE hub_plan p
       SET state = v_state,
           pending_level = v_next,
           level_pending_since = CASE WHEN v_next IS NULL THEN NULL
                                      WHEN v_next <> v_plan.pending_level THEN now()
                                      ELSE p.level_pending_since END,
           decided_at = CASE WHEN v_state <> 'SUBMITTED' THEN now() END,
           last_event_seq = v_seq
     WHERE p.uid = p_plan_uid;
    INSERT INTO hub_decision (decision_uid, plan_uid, round, level, verdict, decided_by, on_behalf_of, entitled_by, escalated,
                              comment, decided_at, plan_state_after, approvals_after, quorum, event_seq)
    VALUES (p_decision_uid, p_plan_uid, v_plan.round, v_plan.pending_level, v_verdict, v_me, v_behalf, v_entitled_by, v_escalated,
            p_comment, now(), v_state, v_approvals, v_quorum, v_seq);
    RETURN ROW(p_decision_uid, p_plan_uid, v_plan.round, v_plan.pending_level, v_verdict, v_state, v_approvals, v_quorum,
               v_seq, false)::decision_receipt;
END
$$;

-- Marks every SUBMITTED plan past its expiry EXPIRED, so that readers of hub_plan see it; returns how many.
-- Skips plans another transaction holds (a decision on them refuses the expiry itself); the next call takes them.
CREATE FUNCTION expire_stale() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = knobwright_hub, pg_temp
    SET lock_timeout = '10s'
AS $$
DECLARE
    v_plan  hub_plan;
    v_count integer := 0;
BEGIN
    PERFORM bound_idle_transaction();
    PERFORM require_member(session_user);
    FOR v_plan IN SELECT * FROM hub_plan p WHERE p.state = 'SUBMITTED' AND p.expires_at <= now()
                   ORDER BY p.uid FOR UPDATE SKIP LOCKED LOOP
        PERFORM mark_expired(v_plan);
        v_count := v_count + 1;
    END LOOP;
    RETURN v_count;
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Break-glass bypass and its review
-- ---------------------------------------------------------------------------------------------------------

CREATE FUNCTION bypass_plan(p_bypass_uid uuid, p_plan_uid uuid, p_reason text) RETURNS hub_receipt
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = knobwright_hub, pg_temp
    SET lock_timeout = '10s'
AS $$
DECLARE
    v_me    text := session_user;
    v_roles text[];
    v_plan  hub_plan;
    v_prior hub_bypass;
    v_seq   bigint;
BEGIN
    PERFORM bound_idle_transaction();
    PERFORM require_uid(p_bypass_uid, 'bypass uid');
    PERFORM require_uid(p_plan_uid, 'plan uid');
    IF p_reason IS NULL OR btrim(p_reason) = '' THEN
        PERFORM refuse('KH010', 'A bypass needs a reason.', 'Say why approval cannot wait (the incident, who asked for it).');
    END IF;
    PERFORM require_text(p_reason, 'The reason', 4000);
    v_roles := require_member(v_me);
    v_plan := lock_plan(p_plan_uid);
    SELECT * INTO v_prior FROM hub_bypass b WHERE b.bypass_uid = p_bypass_uid;
    IF FOUND THEN
        IF v_prior.plan_uid <> p_plan_uid OR v_prior.bypassed_by <> v_me THEN
            PERFORM refuse('KH009', format('Bypass uid %s was already used by %s for plan %s.', p_bypass_uid, v_prior.bypassed_by,
                                           v_prior.plan_uid),
                           'Generate a new uid for a new bypass.');
        END IF;
        RETURN ROW(v_prior.bypass_uid, v_prior.plan_uid, v_prior.round, 'BYPASSED', v_prior.event_seq, true)::hub_receipt;
    END IF;
    IF NOT 'operator' = ANY (v_roles) THEN
        PERFORM refuse('KH008', format('Only a member holding the operator role may bypass approval; you (%s) hold %s.', v_me,
                                       roles_text(v_roles)));
    END IF;
    IF effective_state(v_plan.state, v_plan.expires_at) = 'EXPIRED' THEN
        PERFORM refuse('KH006', format('Plan %s expired at %s; it cannot be bypassed.', p_plan_uid, v_plan.expires_at),
                       'Its author may submit it again first.');
    END IF;
    IF v_plan.state <> 'SUBMITTED' THEN
        PERFORM refuse('KH005', format('Plan %s is %s; only a plan awaiting decisions can be bypassed.', p_plan_uid, v_plan.state));
    END IF;
    v_seq := record_event('PLAN_BYPASSED', p_plan_uid, v_plan.round, 'BYPASSED', v_plan.pending_level, NULL, p_reason,
                          p_bypass_uid, NULL, '{}');
    UPDATE hub_plan p
       SET state = 'BYPASSED', pending_level = NULL, level_pending_since = NULL, decided_at = now(), last_event_seq = v_seq
     WHERE p.uid = p_plan_uid;
    INSERT INTO hub_bypass (bypass_uid, plan_uid, round, bypassed_by, reason, bypassed_at, event_seq)
    VALUES (p_bypass_uid, p_plan_uid, v_plan.round, v_me, p_reason, now(), v_seq);
    RETURN ROW(p_bypass_uid, p_plan_uid, v_plan.round, 'BYPASSED', v_seq, false)::hub_receipt;
END
$$;

CREATE FUNCTION close_review(p_closing_uid uuid, p_plan_uid uuid, p_comment text) RETURNS hub_receipt
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = knobwright_hub, pg_temp
    SET lock_timeout = '10s'
AS $$
DECLARE
    v_me      text := session_user;
    v_roles   text[];
    v_plan    hub_plan;
    v_bypass  hub_bypass;
    v_prior   hub_review_closing;
    v_closing hub_review_closing;
    v_seq     bigint;
BEGIN
    PERFORM bound_idle_transaction();
    PERFORM require_uid(p_closing_uid, 'closing uid');
    PERFORM require_uid(p_plan_uid, 'plan uid');
    IF p_comment IS NULL OR btrim(p_comment) = '' THEN
        PERFORM refuse('KH010', 'Closing a review needs a comment.', 'Say what you checked and what you found.');
    END IF;
    PERFORM require_text(p_comment, 'The comment', 4000);
    v_roles := require_member(v_me);
    v_plan := lock_plan(p_plan_uid);
    SELECT * INTO v_prior FROM hub_review_closing c WHERE c.closing_uid = p_closing_uid;
    IF FOUND THEN
        SELECT * INTO v_bypass FROM hub_bypass b WHERE b.bypass_uid = v_prior.bypass_uid;
        IF v_bypass.plan_uid <> p_plan_uid OR v_prior.closed_by <> v_me THEN
            PERFORM refuse('KH009', format('Closing uid %s was already used by %s for plan %s.', p_closing_uid, v_prior.closed_by,
                                           v_bypass.plan_uid),
                           'Generate a new uid for a new closing.');
        END IF;
        RETURN ROW(v_prior.closing_uid, p_plan_uid, v_bypass.round, v_plan.state, v_prior.event_seq, true)::hub_receipt;
    END IF;
    IF NOT 'reviewer' = ANY (v_roles) THEN
        PERFORM refuse('KH008', format('Only a member holding the reviewer role may close a review; you (%s) hold %s.', v_me,
                                       roles_text(v_roles)));
    END IF;
    SELECT * INTO v_bypass FROM hub_bypass b WHERE b.plan_uid = p_plan_uid ORDER BY b.round DESC LIMIT 1;
    IF NOT FOUND THEN
        PERFORM refuse('KH012', format('Plan %s was never bypassed: there is no review to close.', p_plan_uid));
    END IF;
    SELECT * INTO v_closing FROM hub_review_closing c WHERE c.bypass_uid = v_bypass.bypass_uid;
    IF FOUND THEN
        PERFORM refuse('KH012', format('The review of plan %s''s bypass was already closed by %s at %s.', p_plan_uid,
                                       v_closing.closed_by, v_closing.closed_at));
    END IF;
    IF v_me = v_bypass.bypassed_by THEN
        PERFORM refuse('KH001', format('You (%s) bypassed plan %s; another reviewer must close its review.', v_me, p_plan_uid));
    END IF;
    IF v_me = v_plan.author THEN
        PERFORM refuse('KH001', format('You (%s) submitted plan %s; another reviewer must close the review of its bypass.', v_me,
                                       p_plan_uid));
    END IF;
    v_seq := record_event('REVIEW_CLOSED', p_plan_uid, v_bypass.round, v_plan.state, NULL, NULL, p_comment, p_closing_uid, NULL,
                          jsonb_build_object('bypassUid', v_bypass.bypass_uid, 'bypassedBy', v_bypass.bypassed_by));
    INSERT INTO hub_review_closing (closing_uid, bypass_uid, closed_by, comment, closed_at, event_seq)
    VALUES (p_closing_uid, v_bypass.bypass_uid, v_me, p_comment, now(), v_seq);
    RETURN ROW(p_closing_uid, p_plan_uid, v_bypass.round, v_plan.state, v_seq, false)::hub_receipt;
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Delegation
-- ---------------------------------------------------------------------------------------------------------

CREATE FUNCTION delegate(p_delegation_uid uuid, p_delegate text, p_valid_from timestamptz, p_valid_until timestamptz,
                         p_reason text) RETURNS hub_receipt
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = knobwright_hub, pg_temp
    SET lock_timeout = '10s'
AS $$
DECLARE
    v_me    text := session_user;
    v_roles text[];
    v_from  timestamptz := coalesce(p_valid_from, now());
    v_prior hub_delegation;
    v_seq   bigint;
BEGIN
    PERFORM bound_idle_transaction();
    PERFORM require_uid(p_delegation_uid, 'delegation uid');
    PERFORM require_text(p_reason, 'The reason', 4000);
    v_roles := require_member(v_me);
    PERFORM pg_advisory_xact_lock(hashtextextended('knobwright_hub.delegation:' || p_delegation_uid::text, 0));
    SELECT * INTO v_prior FROM hub_delegation g WHERE g.delegation_uid = p_delegation_uid;
    IF FOUND THEN
        IF v_prior.delegator <> v_me OR v_prior.delegate IS DISTINCT FROM p_delegate OR v_prior.valid_until IS DISTINCT FROM p_valid_until
           OR (p_valid_from IS NOT NULL AND v_prior.valid_from <> p_valid_from) THEN
            PERFORM refuse('KH009', format('Delegation uid %s was already used by %s for a delegation to %s.', p_delegation_uid,
                                           v_prior.delegator, v_prior.delegate),
                           'Generate a new uid for a new delegation.');
        END IF;
        RETURN ROW(v_prior.delegation_uid, NULL, NULL, NULL, v_prior.event_seq, true)::hub_receipt;
    END IF;
    IF cardinality(v_roles) = 0 THEN
        PERFORM refuse('KH008', format('You (%s) hold no roles on the hub: there is nothing to delegate.', v_me));
    END IF;
    IF p_delegate IS NULL OR p_delegate = v_me THEN
        PERFORM refuse('KH010', 'Name another member to delegate to.');
    END IF;
    IF member_roles(p_delegate) IS NULL THEN
        PERFORM refuse('KH010', format('%s is not an active member of the hub.', p_delegate),
                       'Ask a hub admin to add it first.');
    END IF;
    IF p_valid_until IS NULL OR p_valid_until <= v_from THEN
        PERFORM refuse('KH010', format('A delegation must end after it starts (from %s, until %s).', v_from, p_valid_until));
    END IF;
    IF p_valid_until <= now() THEN
        PERFORM refuse('KH010', format('A delegation until %s would already be over.', p_valid_until), 'Give an end in the future.');
    END IF;
    IF p_valid_until - v_from > interval '366 days' THEN
        PERFORM refuse('KH010', 'A delegation may last at most a year.', 'Give a shorter window, or ask a hub admin for the role.');
    END IF;
    v_seq := record_event('DELEGATION_CREATED', NULL, NULL, NULL, NULL, NULL, p_reason, p_delegation_uid, NULL,
                          jsonb_build_object('delegate', p_delegate, 'validFrom', v_from, 'validUntil', p_valid_until,
                                             'roles', v_roles));
    INSERT INTO hub_delegation (delegation_uid, delegator, delegate, valid_from, valid_until, reason, created_at, event_seq)
    VALUES (p_delegation_uid, v_me, p_delegate, v_from, p_valid_until, p_reason, now(), v_seq);
    RETURN ROW(p_delegation_uid, NULL, NULL, NULL, v_seq, false)::hub_receipt;
END
$$;

CREATE FUNCTION revoke_delegation(p_delegation_uid uuid) RETURNS hub_receipt
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = knobwright_hub, pg_temp
    SET lock_timeout = '10s'
AS $$
DECLARE
    v_me         text := session_user;
    v_roles      text[];
    v_delegation hub_delegation;
    v_prior      hub_delegation_revocation;
    v_seq        bigint;
BEGIN
    PERFORM bound_idle_transaction();
    PERFORM require_uid(p_delegation_uid, 'delegation uid');
    v_roles := require_member(v_me);
    PERFORM pg_advisory_xact_lock(hashtextextended('knobwright_hub.delegation:' || p_delegation_uid::text, 0));
    SELECT * INTO v_delegation FROM hub_delegation g WHERE g.delegation_uid = p_delegation_uid;
    IF NOT FOUND THEN
        PERFORM refuse('KH010', format('No delegation %s on the hub.', p_delegation_uid));
    END IF;
    IF v_me <> v_delegation.delegator AND NOT 'admin' = ANY (v_roles) THEN
        PERFORM refuse('KH008', format('Only %s, who made delegation %s, or a hub admin may revoke it.', v_delegation.delegator,
                                       p_delegation_uid));
    END IF;
    SELECT * INTO v_prior FROM hub_delegation_revocation r WHERE r.delegation_uid = p_delegation_uid;
    IF FOUND THEN
        RETURN ROW(p_delegation_uid, NULL, NULL, NULL, v_prior.event_seq, true)::hub_receipt;
    END IF;
    v_seq := record_event('DELEGATION_REVOKED', NULL, NULL, NULL, NULL, NULL, NULL, p_delegation_uid, NULL,
                          jsonb_build_object('delegator', v_delegation.delegator, 'delegate', v_delegation.delegate));
    INSERT INTO hub_delegation_revocation (delegation_uid, revoked_by, revoked_at, event_seq)
    VALUES (p_delegation_uid, v_me, now(), v_seq);
    RETURN ROW(p_delegation_uid, NULL, NULL, NULL, v_seq, false)::hub_receipt;
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Members and roles
-- ---------------------------------------------------------------------------------------------------------

-- Sets a login's roles and whether it is active; grants the login the hub's group so it can call the
-- functions. No event when nothing changes. Refuses to leave the hub without an active admin.
CREATE FUNCTION change_member(p_login text, p_roles text[], p_active boolean) RETURNS member_receipt
    LANGUAGE plpgsql
    SET search_path = knobwright_hub, pg_temp
AS $$
DECLARE
    v_me      text := session_user;
    v_roles   text[];
    v_current hub_member;
    v_seq     bigint;
BEGIN
    IF p_roles IS NULL OR NOT are_role_names(p_roles) THEN
        PERFORM refuse('KH010', format('Role names are lower-case words like dba or change-board; %s is not a list of them.',
                                       coalesce(p_roles::text, 'NULL')));
    END IF;
    SELECT coalesce(array_agg(DISTINCT r ORDER BY r), '{}') INTO v_roles FROM unnest(p_roles) AS r;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = p_login AND rolcanlogin) THEN
        PERFORM refuse('KH010', format('There is no login named %s on this server.', coalesce(p_login, 'NULL')),
                       'A database administrator creates it first (CREATE ROLE ... LOGIN).');
    END IF;
    -- One membership change at a time, so two admins cannot each remove the other's admin role
    PERFORM pg_advisory_xact_lock(hashtextextended('knobwright_hub.members', 0));
    SELECT * INTO v_current FROM hub_member m WHERE m.login = p_login;
    IF FOUND AND v_current.roles = v_roles AND v_current.active = p_active THEN
        RETURN ROW(p_login, v_roles, p_active, NULL)::member_receipt;
    END IF;
    IF coalesce(v_current.active AND 'admin' = ANY (v_current.roles), false) AND NOT (p_active AND 'admin' = ANY (v_roles))
       AND NOT EXISTS (SELECT 1 FROM hub_member m WHERE m.login <> p_login AND m.active AND 'admin' = ANY (m.roles)) THEN
        PERFORM refuse('KH010', format('%s is the hub''s only admin; the change would leave the hub without one.', p_login),
                       'Make another member admin first.');
    END IF;
    IF p_active AND NOT pg_has_role(p_login, 'knobwright_hub_user', 'MEMBER') THEN
        EXECUTE format('GRANT knobwright_hub_user TO %I', p_login);
    END IF;
    v_seq := record_event('MEMBER_CHANGED', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                          jsonb_build_object('login', p_login, 'roles', to_jsonb(v_roles), 'active', p_active));
    INSERT INTO hub_member AS m (login, roles, active, added_by, added_at, changed_by, changed_at)
    VALUES (p_login, v_roles, p_active, v_me, now(), v_me, now())
    ON CONFLICT (login) DO UPDATE SET roles = excluded.roles, active = excluded.active, changed_by = excluded.changed_by,
                                      changed_at = excluded.changed_at;
    RETURN ROW(p_login, v_roles, p_active, v_seq)::member_receipt;
END
$$;

CREATE FUNCTION require_admin() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = knobwright_hub, pg_temp
AS $$
DECLARE
    v_roles text[] := require_member(session_user);
BEGIN
    IF NOT 'admin' = ANY (v_roles) THEN
        PERFORM refuse('KH008', format('Only a hub admin may change members and roles; you (%s) hold %s.', session_user,
                                       roles_text(v_roles)));
    END IF;
END
$$;

-- Adds a login as an active member with these roles (or reactivates it with them).
CREATE FUNCTION add_member(p_login text, p_roles text[]) RETURNS member_receipt
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = knobwright_hub, pg_temp
    SET lock_timeout = '10s'
AS $$
BEGIN
    PERFORM bound_idle_transaction();
    PERFORM require_admin();
    RETURN change_member(p_login, p_roles, true);
END
$$;

CREATE FUNCTION set_roles(p_login text, p_roles text[]) RETURNS member_receipt
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = knobwright_hub, pg_temp
    SET lock_timeout = '10s'
AS $$
BEGIN
    PERFORM bound_idle_transaction();
    PERFORM require_admin();
    IF NOT EXISTS (SELECT 1 FROM hub_member m WHERE m.login = p_login AND m.active) THEN
        PERFORM refuse('KH010', format('%s is not an active member of the hub.', coalesce(p_login, 'NULL')), 'Add it first (add_member).');
    END IF;
    RETURN change_member(p_login, p_roles, true);
END
$$;

-- Ends a login's membership: it keeps reading (its database grants are the DBA's business) but can no longer act.
CREATE FUNCTION remove_member(p_login text) RETURNS member_receipt
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = knobwright_hub, pg_temp
    SET lock_timeout = '10s'
AS $$
BEGIN
    PERFORM bound_idle_transaction();
    PERFORM require_admin();
    IF NOT EXISTS (SELECT 1 FROM hub_member m WHERE m.login = p_login) THEN
        PERFORM refuse('KH010', format('%s is not a member of the hub.', coalesce(p_login, 'NULL')));
    END IF;
    RETURN change_member(p_login, '{}', false);
END
$$;

-- The first admin: only the hub's owner may run this (no EXECUTE for logins), e.g. through HubSchema.enrolAdmin.
CREATE FUNCTION enrol_admin(p_login text) RETURNS member_receipt
    LANGUAGE plpgsql
    SET search_path = knobwright_hub, pg_temp
AS $$
DECLARE
    v_roles text[];
BEGIN
    SELECT m.roles INTO v_roles FROM hub_member m WHERE m.login = p_login AND m.active;
    RETURN change_member(p_login, array_append(array_remove(coalesce(v_roles, '{}'), 'admin'), 'admin'), true);
END
$$;
