package io.knobwright.model.store;

import io.knobwright.model.apply.restart.PendingRestart;
import io.knobwright.model.apply.restart.PendingRestartRepository;
import io.knobwright.model.store.jooq.tables.records.PendingRestartRecord;
import org.jooq.DSLContext;

import java.util.List;

import static io.knobwright.model.store.jooq.Tables.PENDING_RESTART;

/** Pending restarts in H2: one row per instance and parameter. */
final class JooqPendingRestarts implements PendingRestartRepository {

    private static final int MAX_NOTE = 4000;
    private final DSLContext dsl;

    JooqPendingRestarts(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void put(PendingRestart p) {
        String note = p.note().length() <= MAX_NOTE ? p.note() : p.note().substring(0, MAX_NOTE - 3) + "...";
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            db.deleteFrom(PENDING_RESTART).where(PENDING_RESTART.INSTANCE_ID.eq(p.instanceId())
                    .and(PENDING_RESTART.PARAMETER.eq(p.parameter()))).execute();
            db.insertInto(PENDING_RESTART).set(PENDING_RESTART.INSTANCE_ID, p.instanceId())
                    .set(PENDING_RESTART.INSTANCE_NAME, p.instanceName()).set(PENDING_RESTART.PARAMETER, p.parameter())
                    .set(PENDING_RESTART.TARGET_VALUE, p.value()).set(PENDING_RESTART.SINCE, StoreTimes.utc(p.since()))
                    .set(PENDING_RESTART.PLAN_ID, p.planId()).set(PENDING_RESTART.RUN_ID, p.runId())
                    .set(PENDING_RESTART.NOTE, note).execute();
        });
    }

    @Override
    public List<PendingRestart> all() {
        return dsl.selectFrom(PENDING_RESTART).orderBy(PENDING_RESTART.INSTANCE_NAME, PENDING_RESTART.PARAMETER)
                .fetch(JooqPendingRestarts::pending);
    }

    @Override
    public List<PendingRestart> ofInstance(long instanceId) {
        return dsl.selectFrom(PENDING_RESTART).where(PENDING_RESTART.INSTANCE_ID.eq(instanceId))
                .orderBy(PENDING_RESTART.PARAMETER).fetch(JooqPendingRestarts::pending);
    }

    @Override
    public void clear(long instanceId, String parameter) {
        dsl.deleteFrom(PENDING_RESTART).where(PENDING_RESTART.INSTANCE_ID.eq(instanceId)
                .and(PENDING_RESTART.PARAMETER.eq(parameter))).execute();
    }

    private static PendingRestart pending(PendingRestartRecord r) {
        return new PendingRestart(r.getInstanceId(), r.getInstanceName(), r.getParameter(), r.getTargetValue(),
                r.getSince().toInstant(), r.getPlanId(), r.getRunId(), r.getNote());
    }
}
