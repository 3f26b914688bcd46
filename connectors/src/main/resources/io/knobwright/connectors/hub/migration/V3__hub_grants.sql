-- Knobwright's shared approval hub: who may do what. Logins (granted knobwright_hub_user by add_member) read
-- the tables and views and call the public functions; they write nothing directly. PostgreSQL lets PUBLIC
-- execute every new function by default, so that is taken back first, also for functions later versions add.

REVOKE ALL ON SCHEMA knobwright_hub FROM PUBLIC;
GRANT USAGE ON SCHEMA knobwright_hub TO knobwright_hub_user;

REVOKE ALL ON ALL TABLES IN SCHEMA knobwright_hub FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA knobwright_hub FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA knobwright_hub REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

GRANT SELECT ON hub_member, hub_event, hub_plan, hub_submission, hub_decision, hub_withdrawal, hub_bypass,
                hub_review_closing, hub_delegation, hub_delegation_revocation,
                plan_status, decision_log, review_item, delegation_status
    TO knobwright_hub_user;

GRANT EXECUTE ON FUNCTION
    submit_plan(uuid, uuid, text, text, text, text, text),
    withdraw_plan(uuid, uuid, text),
    decide(uuid, uuid, text, text, text, integer),
    expire_stale(),
    bypass_plan(uuid, uuid, text),
    close_review(uuid, uuid, text),
    delegate(uuid, text, timestamptz, timestamptz, text),
    revoke_delegation(uuid),
    add_member(text, text[]),
    set_roles(text, text[]),
    remove_member(text)
    TO knobwright_hub_user;
