package io.knobwright.model.store;

import io.knobwright.model.notify.WebhookDelivery;
import io.knobwright.model.notify.WebhookEvent;
import io.knobwright.model.notify.WebhookEventJson;
import io.knobwright.model.notify.WebhookOutbox;
import io.knobwright.model.notify.WebhookSubscription;
import io.knobwright.model.store.jooq.tables.records.WebhookDeliveryRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;

import static io.knobwright.model.store.jooq.Tables.WEBHOOK_DELIVERY;

/**
 * The webhook outbox in H2: a row per event and URL. What an attempt changes is decided by
 * {@link WebhookDelivery#delivered} and {@link WebhookDelivery#failed}; this class reads the row, applies that and
 * writes it back in one transaction. Claims are compare-and-set on next_attempt_at, so two processes sharing
 * the store never both take the same delivery.
 */
final class JooqWebhookOutbox implements WebhookOutbox {

    private final DSLContext dsl;

    JooqWebhookOutbox(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<WebhookDelivery> enqueue(WebhookEvent event, Collection<WebhookSubscription> subscriptions) {
        List<WebhookSubscription> wanted = subscriptions.stream().filter(s -> s.wants(event.type())).toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        String json = WebhookEventJson.write(event);
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            List<WebhookDelivery> result = new ArrayList<>();
            for (WebhookSubscription s : wanted) {
                // Looked up first, then a plain insert: jOOQ's onDuplicateKeyIgnore() becomes a MERGE that H2 answers
                // by scanning the whole table, which made every submission slower as deliveries piled up.
                boolean queued = db.fetchExists(WEBHOOK_DELIVERY,
                        WEBHOOK_DELIVERY.EVENT_ID.eq(event.eventId()).and(WEBHOOK_DELIVERY.URL.eq(s.url())));
                if (!queued) {
                    db.insertInto(WEBHOOK_DELIVERY, WEBHOOK_DELIVERY.EVENT_ID, WEBHOOK_DELIVERY.EVENT_TYPE,
                                    WEBHOOK_DELIVERY.PLAN_ID, WEBHOOK_DELIVERY.EVENT, WEBHOOK_DELIVERY.URL,
                                    WEBHOOK_DELIVERY.SECRET_ENV, WEBHOOK_DELIVERY.CREATED_AT, WEBHOOK_DELIVERY.ATTEMPTS,
                                    WEBHOOK_DELIVERY.GIVE_UP_AFTER, WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, WEBHOOK_DELIVERY.LAST_STATUS)
                            .values(event.eventId(), event.type().wireName(), event.type().aboutAlert() ? null : event.planId(), json, s.url(), s.secretEnv(),
                                    StoreTimes.utc(event.occurredAt()), 0, DEFAULT_GIVE_UP_AFTER, StoreTimes.utc(event.occurredAt()), 0)
                            .execute();
                }
                WebhookDelivery stored = toDelivery(db.selectFrom(WEBHOOK_DELIVERY)
                        .where(WEBHOOK_DELIVERY.EVENT_ID.eq(event.eventId()), WEBHOOK_DELIVERY.URL.eq(s.url()))
                        .fetchSingle());
                if (!result.contains(stored)) {
                    result.add(stored);
                }
            }
            return List.copyOf(result);
        });
    }

    @Override
    public List<WebhookDelivery> due(Instant now, int limit) {
        return dueRows(dsl, now, limit).stream().map(JooqWebhookOutbox::toDelivery).toList();
    }

    @Override
    public List<WebhookDelivery> claim(Instant now, int limit, Duration lease) {
        OffsetDateTime until = StoreTimes.utc(now.plus(lease));
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            List<WebhookDelivery> claimed = new ArrayList<>();
            for (WebhookDeliveryRecord row : dueRows(db, now, limit)) {
                // only if nobody moved it since it was read: another process may have claimed it meanwhile
                int taken = db.update(WEBHOOK_DELIVERY).set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, until)
                        .where(WEBHOOK_DELIVERY.ID.eq(row.getId()), WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT.eq(row.getNextAttemptAt()))
                        .execute();
                if (taken == 1) {
                    claimed.add(toDelivery(row).claimedUntil(until.toInstant()));
                }
            }
            return claimed;
        });
    }

    @Override
    public void markDelivered(long id, Instant at, int status) {
        change(id, d -> d.delivered(at.truncatedTo(ChronoUnit.MICROS), status));
    }

    @Override
    public void markFailed(long id, Instant at, int status, String error, Instant nextAttempt) {
        change(id, d -> d.failed(at.truncatedTo(ChronoUnit.MICROS), status, error,
                nextAttempt == null ? null : nextAttempt.truncatedTo(ChronoUnit.MICROS)));
    }

    @Override
    public List<WebhookDelivery> recent(int limit) {
        return dsl.selectFrom(WEBHOOK_DELIVERY).orderBy(WEBHOOK_DELIVERY.ID.desc()).limit(limit).fetch(JooqWebhookOutbox::toDelivery);
    }

    @Override
    public List<WebhookDelivery> failing(int limit) {
        return dsl.selectFrom(WEBHOOK_DELIVERY)
                .where(WEBHOOK_DELIVERY.DELIVERED_AT.isNull(), WEBHOOK_DELIVERY.ATTEMPTS.gt(0))
                .orderBy(WEBHOOK_DELIVERY.LAST_ATTEMPT_AT.desc(), WEBHOOK_DELIVERY.ID.desc())
                .limit(limit)
                .fetch(JooqWebhookOutbox::toDelivery);
    }

    private static List<WebhookDeliveryRecord> dueRows(DSLContext db, Instant now, int limit) {
        Condition due = WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT.le(StoreTimes.utc(now)).and(WEBHOOK_DELIVERY.DELIVERED_AT.isNull());
        return db.selectFrom(WEBHOOK_DELIVERY).where(due)
                .orderBy(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, WEBHOOK_DELIVERY.ID)
                .limit(limit)
                .fetch();
    }

    /** Reads, changes and writes back one delivery in one transaction. */
    private void change(long id, UnaryOperator<WebhookDelivery> attempt) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            WebhookDeliveryRecord row = db.selectFrom(WEBHOOK_DELIVERY).where(WEBHOOK_DELIVERY.ID.eq(id)).forUpdate().fetchOne();
            if (row == null) {
                throw new NoSuchElementException("No webhook delivery " + id + " in the store");
            }
            WebhookDelivery after = attempt.apply(toDelivery(row));
            row.setAttempts(after.attempts());
            row.setNextAttemptAt(StoreTimes.utc(after.nextAttemptAt()));
            row.setLastAttemptAt(StoreTimes.utc(after.lastAttemptAt()));
            row.setLastStatus(after.lastStatus());
            row.setLastError(after.lastError());
            row.setDeliveredAt(StoreTimes.utc(after.deliveredAt()));
            row.update();
        });
    }

    private static WebhookDelivery toDelivery(WebhookDeliveryRecord r) {
        WebhookEvent event;
        try {
            event = WebhookEventJson.read(r.getEvent());
        } catch (IllegalArgumentException e) {
            throw new StoreException("Webhook delivery " + r.getId() + " in the store holds an event that cannot be read ("
                    + e.getMessage() + "). The store may have been edited by hand; restore it from a backup.", e);
        }
        return new WebhookDelivery(r.getId(), event, r.getUrl(), r.getSecretEnv(), r.getAttempts(), r.getGiveUpAfter(),
                StoreTimes.instant(r.getNextAttemptAt()), StoreTimes.instant(r.getLastAttemptAt()), r.getLastStatus(), r.getLastError(),
                StoreTimes.instant(r.getDeliveredAt()));
    }

}
