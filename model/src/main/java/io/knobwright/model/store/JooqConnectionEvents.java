package io.knobwright.model.store;

import io.knobwright.model.health.ConnectionEvent;
import io.knobwright.model.health.ConnectionEventCount;
import io.knobwright.model.health.ConnectionEventRepository;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import static io.knobwright.model.store.jooq.Tables.CONNECTION_EVENT;

/** Connection events per second in H2 (decision 0131), written in batches of {@link #BATCH} rows. */
final class JooqConnectionEvents implements ConnectionEventRepository {

    static final int BATCH = 2_000;
    private static final int MAX_TEXT = 256;
    /** H2's MERGE ... KEY replaces a row with the same key: a second imported again is not doubled. */
    private static final String MERGE = "MERGE INTO connection_event (instance_id, at_s, kind, user_name, database_name,"
            + " application, client, events, session_seconds) KEY (instance_id, at_s, kind, user_name, database_name,"
            + " application, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DSLContext dsl;

    JooqConnectionEvents(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void store(long instanceId, Collection<ConnectionEventCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            BatchBindStep batch = db.batch(MERGE);
            int pending = 0;
            for (ConnectionEventCount c : counts) {
                batch = batch.bind(instanceId, c.second().getEpochSecond(), c.kind().label(), clip(c.user()),
                        clip(c.database()), clip(c.application()), clip(c.client()), c.events(), c.sessionSecondsTotal());
                if (++pending == BATCH) {
                    batch.execute();
                    batch = db.batch(MERGE);
                    pending = 0;
                }
            }
            if (pending > 0) {
                batch.execute();
            }
        });
    }

    @Override
    public List<ConnectionEventCount> counts(long instanceId, Instant from, Instant to) {
        return dsl.selectFrom(CONNECTION_EVENT).where(CONNECTION_EVENT.INSTANCE_ID.eq(instanceId))
                .and(CONNECTION_EVENT.AT_S.ge(ceilSecond(from))).and(CONNECTION_EVENT.AT_S.lt(ceilSecond(to)))
                .orderBy(CONNECTION_EVENT.AT_S, CONNECTION_EVENT.KIND)
                .fetch(r -> new ConnectionEventCount(Instant.ofEpochSecond(r.getAtS()), ConnectionEvent.Kind.ofLabel(r.getKind()),
                        r.getUserName(), r.getDatabaseName(), r.getApplication(), r.getClient(), r.getEvents(),
                        r.getSessionSeconds()));
    }

    @Override
    public void forget(long instanceId) {
        dsl.deleteFrom(CONNECTION_EVENT).where(CONNECTION_EVENT.INSTANCE_ID.eq(instanceId)).execute();
    }

    private static long ceilSecond(Instant at) {
        return at.getEpochSecond() + (at.getNano() > 0 ? 1 : 0);
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
