package io.knobwright.model.store;

import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.hub.HubLink;
import io.knobwright.model.hub.HubRequest;
import io.knobwright.model.hub.HubSyncRepository;
import io.knobwright.model.store.jooq.tables.records.HubOutboxRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static io.knobwright.model.store.jooq.Tables.HUB_LINK;
import static io.knobwright.model.store.jooq.Tables.HUB_OUTBOX;
import static io.knobwright.model.store.jooq.Tables.PLAN_DECISION;

/** The hub link, the outbox of requests and refused decisions, in H2. */
final class JooqHubSyncRepository implements HubSyncRepository {

    private final DSLContext dsl;

    JooqHubSyncRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<HubLink> link() {
        return dsl.selectFrom(HUB_LINK).where(HUB_LINK.ID.eq(1)).fetchOptional(r -> new HubLink(r.getJdbcUrl(), r.getLogin(),
                switch (r.getCredentialKind()) {
                    case "env" -> new CredentialRef.EnvironmentVariable(r.getCredentialValue());
                    case "sealed" -> new CredentialRef.Sealed(r.getCredentialValue());
                    default -> CredentialRef.NONE;
                }, r.getConnectedAt().toInstant(), r.getEventCursor(), StoreTimes.instant(r.getLastSyncAt()), r.getLastError(),
                r.getFailures(), StoreTimes.instant(r.getNextAttemptAt())));
    }

    @Override
    public void saveLink(HubLink link) {
        String kind;
        String value;
        switch (link.credential()) {
            case CredentialRef.EnvironmentVariable env -> {
                kind = "env";
                value = env.variable();
            }
            case CredentialRef.Sealed sealed -> {
                kind = "sealed";
                value = sealed.sealed();
            }
            case CredentialRef.None none -> {
                kind = "none";
                value = null;
            }
        }
        dsl.transaction(tx -> {
            tx.dsl().deleteFrom(HUB_LINK).execute();
            tx.dsl().insertInto(HUB_LINK).set(HUB_LINK.ID, 1).set(HUB_LINK.JDBC_URL, link.jdbcUrl()).set(HUB_LINK.LOGIN, link.login())
                    .set(HUB_LINK.CREDENTIAL_KIND, kind).set(HUB_LINK.CREDENTIAL_VALUE, value)
                    .set(HUB_LINK.CONNECTED_AT, StoreTimes.utc(link.connectedAt())).set(HUB_LINK.EVENT_CURSOR, link.cursor())
                    .set(HUB_LINK.LAST_SYNC_AT, StoreTimes.utc(link.lastSyncAt())).set(HUB_LINK.LAST_ERROR, link.lastError())
                    .set(HUB_LINK.FAILURES, link.failures()).set(HUB_LINK.NEXT_ATTEMPT_AT, StoreTimes.utc(link.nextAttemptAt())).execute();
        });
    }

    @Override
    public void removeLink() {
        dsl.deleteFrom(HUB_LINK).execute();
    }

    @Override
    public void syncResult(long cursor, Instant at, String error, int failures, Instant nextAttemptAt) {
        var update = dsl.update(HUB_LINK).set(HUB_LINK.EVENT_CURSOR, cursor).set(HUB_LINK.FAILURES, failures)
                .set(HUB_LINK.NEXT_ATTEMPT_AT, StoreTimes.utc(nextAttemptAt)).set(HUB_LINK.LAST_ERROR, error);
        (error == null ? update.set(HUB_LINK.LAST_SYNC_AT, StoreTimes.utc(at)) : update).where(HUB_LINK.ID.eq(1)).execute();
    }

    @Override
    public void queue(HubRequest r) {
        if (dsl.fetchExists(HUB_OUTBOX, HUB_OUTBOX.REQUEST_UID.eq(r.requestUid()))) {
            return;
        }
        dsl.insertInto(HUB_OUTBOX).set(HUB_OUTBOX.REQUEST_UID, r.requestUid()).set(HUB_OUTBOX.KIND, r.kind().name())
                .set(HUB_OUTBOX.PLAN_UID, r.planUid()).set(HUB_OUTBOX.ACTOR, r.actor()).set(HUB_OUTBOX.PAYLOAD, r.payload())
                .set(HUB_OUTBOX.QUEUED_AT, StoreTimes.utc(r.queuedAt())).execute();
    }

    @Override
    public List<HubRequest> pending(int limit) {
        return dsl.selectFrom(HUB_OUTBOX).where(HUB_OUTBOX.ANSWERED_AT.isNull()).orderBy(HUB_OUTBOX.SEQ).limit(limit)
                .fetch(JooqHubSyncRepository::request);
    }

    @Override
    public int pendingCount() {
        return dsl.fetchCount(HUB_OUTBOX, HUB_OUTBOX.ANSWERED_AT.isNull());
    }

    @Override
    public void answered(String requestUid, Instant at, String refusal) {
        dsl.update(HUB_OUTBOX).set(HUB_OUTBOX.ANSWERED_AT, StoreTimes.utc(at)).set(HUB_OUTBOX.REFUSAL, refusal)
                .where(HUB_OUTBOX.REQUEST_UID.eq(requestUid)).execute();
    }

    @Override
    public List<HubRequest> refused(int limit) {
        return dsl.selectFrom(HUB_OUTBOX).where(HUB_OUTBOX.REFUSAL.isNotNull()).orderBy(HUB_OUTBOX.SEQ.desc()).limit(limit)
                .fetch(JooqHubSyncRepository::request);
    }

    @Override
    public void refuseDecision(String decisionUid, String reason) {
        dsl.update(PLAN_DECISION).set(PLAN_DECISION.HUB_REFUSAL, reason).where(PLAN_DECISION.UID.eq(decisionUid)).execute();
    }

    private static HubRequest request(HubOutboxRecord r) {
        return new HubRequest(r.getSeq(), r.getRequestUid(), HubRequest.Kind.valueOf(r.getKind()), r.getPlanUid(), r.getActor(),
                r.getPayload(), r.getQueuedAt().toInstant(), StoreTimes.instant(r.getAnsweredAt()), r.getRefusal());
    }
}
