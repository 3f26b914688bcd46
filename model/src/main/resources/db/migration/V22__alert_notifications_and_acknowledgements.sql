-- Knobwright local store, schema 22: alerts reach the webhook outbox and can be acknowledged.
-- alert_state keeps how each alert looked when last seen (what its "alert.cleared" webhook tells once it no longer
-- holds), the source that reported it (an alert whose source failed is not taken as cleared), and who acknowledged
-- it, when and why. Rows from schema 21 have none of these (the next evaluation fills them in). Schema 21 marked
-- alerts notified although nothing was sent (no notifier was wired): they count as not announced, so an alert that
-- holds is raised once to the webhooks that ask, and its clear follows. Alert events are about no plan:
-- webhook_delivery.plan_id becomes optional.

ALTER TABLE alert_state ADD COLUMN instance_name VARCHAR(1300);
ALTER TABLE alert_state ADD COLUMN severity VARCHAR(20);
ALTER TABLE alert_state ADD COLUMN title VARCHAR(2000);
-- the evidence lines, joined by line feeds
ALTER TABLE alert_state ADD COLUMN evidence CLOB;
ALTER TABLE alert_state ADD COLUMN source_name VARCHAR(200);
ALTER TABLE alert_state ADD COLUMN acknowledged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert_state ADD COLUMN acknowledge_comment VARCHAR(1000);

UPDATE alert_state SET notified = FALSE;

ALTER TABLE webhook_delivery ALTER COLUMN plan_id DROP NOT NULL;
