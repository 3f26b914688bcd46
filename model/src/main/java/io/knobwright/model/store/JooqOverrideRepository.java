package io.knobwright.model.store;

import io.knobwright.model.override.EmergencyOverride;
import io.knobwright.model.override.OverrideRepository;
import io.knobwright.model.override.OverrideState;
import io.knobwright.model.store.jooq.tables.records.OverrideChangeRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.knobwright.model.store.jooq.Tables.OVERRIDE_CHANGE;
import static io.knobwright.model.store.jooq.Tables.SCHEDULER_LEASE;

/** Emergency overrides and the restoration scheduler's lease in H2. */
final class JooqOverrideRepository implements OverrideRepository {

    static final String RESTORATION = "override-restoration";
    private static final int MAX_TEXT = 4000;
    private static final List<String> LIVE = java.util.Arrays.stream(OverrideState.values())
            .filter(OverrideState::live).map(Enum::name).toList();

    private final DSLContext dsl;

    JooqOverrideRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...";
    }

    @Override
    public EmergencyOverride insert(EmergencyOverride o) {
        OverrideChangeRecord row = dsl.newRecord(OVERRIDE_CHANGE);
        row.setBatchUid(o.batch());
        row.setInstanceId(o.instanceId());
        row.setInstanceName(o.instanceName());
        row.setParameter(o.parameter());
        row.setTargetValue(o.value());
        row.setPriorValue(o.prior());
        row.setPriorPersisted(o.priorPersisted());
        row.setStackedOn(o.stackedOn());
        row.setActor(o.actor());
        row.setReason(o.reason());
        row.setCreatedAt(StoreTimes.utc(o.createdAt()));
        row.setDeadline(StoreTimes.utc(o.deadline()));
        row.setState(o.state().name());
        row.setStateSince(StoreTimes.utc(o.createdAt()));
        row.setAttempts(o.attempts());
        row.setNextAttemptAt(o.nextAttemptAt() == null ? null : StoreTimes.utc(o.nextAttemptAt()));
        row.setLastError(clip(o.lastError()));
        row.setNote(clip(o.note()));
        row.setPlanId(o.planId());
        row.insert();
        return o.withId(row.getId());
    }

    @Override
    public Optional<EmergencyOverride> find(long id) {
        return dsl.selectFrom(OVERRIDE_CHANGE).where(OVERRIDE_CHANGE.ID.eq(id)).fetchOptional().map(JooqOverrideRepository::override);
    }

    @Override
    public List<EmergencyOverride> stackedOn(long id) {
        return dsl.selectFrom(OVERRIDE_CHANGE).where(OVERRIDE_CHANGE.STACKED_ON.eq(id)).orderBy(OVERRIDE_CHANGE.ID)
                .fetch(JooqOverrideRepository::override);
    }

    @Override
    public List<EmergencyOverride> liveOn(long instanceId, String parameter) {
        return dsl.selectFrom(OVERRIDE_CHANGE).where(OVERRIDE_CHANGE.INSTANCE_ID.eq(instanceId)
                        .and(OVERRIDE_CHANGE.PARAMETER.eq(parameter)).and(OVERRIDE_CHANGE.STATE.in(LIVE)))
                .orderBy(OVERRIDE_CHANGE.ID).fetch(JooqOverrideRepository::override);
    }

    @Override
    public List<EmergencyOverride> live() {
        return dsl.selectFrom(OVERRIDE_CHANGE).where(OVERRIDE_CHANGE.STATE.in(LIVE))
                .orderBy(OVERRIDE_CHANGE.DEADLINE, OVERRIDE_CHANGE.ID).fetch(JooqOverrideRepository::override);
    }

    @Override
    public List<EmergencyOverride> recent(int limit) {
        return dsl.selectFrom(OVERRIDE_CHANGE).orderBy(OVERRIDE_CHANGE.ID.desc()).limit(limit).fetch(JooqOverrideRepository::override);
    }

    @Override
    public List<EmergencyOverride> due(Instant now, Instant staleBefore) {
        var at = StoreTimes.utc(now);
        return dsl.selectFrom(OVERRIDE_CHANGE)
                .where(OVERRIDE_CHANGE.STATE.eq(OverrideState.ACTIVE.name()).and(OVERRIDE_CHANGE.DEADLINE.le(at))
                        .and(OVERRIDE_CHANGE.NEXT_ATTEMPT_AT.isNull().or(OVERRIDE_CHANGE.NEXT_ATTEMPT_AT.le(at))))
                .or(OVERRIDE_CHANGE.STATE.eq(OverrideState.RESTORING.name())
                        .and(OVERRIDE_CHANGE.STATE_SINCE.lt(StoreTimes.utc(staleBefore))))
                .orderBy(OVERRIDE_CHANGE.DEADLINE.desc(), OVERRIDE_CHANGE.ID.desc()).fetch(JooqOverrideRepository::override);
    }

    @Override
    public List<EmergencyOverride> pendingSince(Instant before) {
        return dsl.selectFrom(OVERRIDE_CHANGE).where(OVERRIDE_CHANGE.STATE.eq(OverrideState.PENDING.name())
                .and(OVERRIDE_CHANGE.STATE_SINCE.lt(StoreTimes.utc(before)))).orderBy(OVERRIDE_CHANGE.ID.desc())
                .fetch(JooqOverrideRepository::override);
    }

    @Override
    public boolean transition(long id, OverrideState from, OverrideState to, Instant at) {
        return dsl.update(OVERRIDE_CHANGE).set(OVERRIDE_CHANGE.STATE, to.name()).set(OVERRIDE_CHANGE.STATE_SINCE, StoreTimes.utc(at))
                .where(OVERRIDE_CHANGE.ID.eq(id).and(OVERRIDE_CHANGE.STATE.eq(from.name()))).execute() == 1;
    }

    @Override
    public void end(long id, OverrideState state, Instant at, String by, String note) {
        dsl.update(OVERRIDE_CHANGE).set(OVERRIDE_CHANGE.STATE, state.name()).set(OVERRIDE_CHANGE.STATE_SINCE, StoreTimes.utc(at))
                .set(OVERRIDE_CHANGE.ENDED_AT, state.live() ? null : StoreTimes.utc(at))
                .set(OVERRIDE_CHANGE.ENDED_BY, by).set(OVERRIDE_CHANGE.NOTE, clip(note))
                .where(OVERRIDE_CHANGE.ID.eq(id)).execute();
    }

    @Override
    public void failedAttempt(long id, int attempts, Instant nextAttemptAt, String error) {
        dsl.update(OVERRIDE_CHANGE).set(OVERRIDE_CHANGE.STATE, OverrideState.ACTIVE.name())
                .set(OVERRIDE_CHANGE.STATE_SINCE, StoreTimes.utc(nextAttemptAt))
                .set(OVERRIDE_CHANGE.ATTEMPTS, attempts).set(OVERRIDE_CHANGE.NEXT_ATTEMPT_AT, StoreTimes.utc(nextAttemptAt))
                .set(OVERRIDE_CHANGE.LAST_ERROR, clip(error)).where(OVERRIDE_CHANGE.ID.eq(id)).execute();
    }

    @Override
    public void reschedule(long id, Instant deadline) {
        dsl.update(OVERRIDE_CHANGE).set(OVERRIDE_CHANGE.DEADLINE, StoreTimes.utc(deadline))
                .setNull(OVERRIDE_CHANGE.NEXT_ATTEMPT_AT).where(OVERRIDE_CHANGE.ID.eq(id)).execute();
    }


    @Override
    public void onDisk() {
        dsl.execute("CHECKPOINT SYNC");
    }

    @Override
    public void inFile() {
        dsl.execute("CHECKPOINT");
    }

    @Override
    public boolean acquireLease(String holder, Instant now, Duration lease) {
        var at = StoreTimes.utc(now);
        int taken = dsl.update(SCHEDULER_LEASE).set(SCHEDULER_LEASE.HOLDER, holder).set(SCHEDULER_LEASE.HEARTBEAT_AT, at)
                .where(SCHEDULER_LEASE.NAME.eq(RESTORATION).and(SCHEDULER_LEASE.HOLDER.eq(holder)
                        .or(SCHEDULER_LEASE.HEARTBEAT_AT.lt(StoreTimes.utc(now.minus(lease)))))).execute();
        if (taken == 1) {
            return true;
        }
        try {
            return dsl.insertInto(SCHEDULER_LEASE).set(SCHEDULER_LEASE.NAME, RESTORATION).set(SCHEDULER_LEASE.HOLDER, holder)
                    .set(SCHEDULER_LEASE.HEARTBEAT_AT, at).execute() == 1;
        } catch (DataAccessException raced) {
            return false;
        }
    }

    @Override
    public Optional<String> leaseHolder(Instant now, Duration lease) {
        return dsl.select(SCHEDULER_LEASE.HOLDER).from(SCHEDULER_LEASE).where(SCHEDULER_LEASE.NAME.eq(RESTORATION)
                .and(SCHEDULER_LEASE.HEARTBEAT_AT.ge(StoreTimes.utc(now.minus(lease))))).fetchOptional(SCHEDULER_LEASE.HOLDER);
    }

    @Override
    public void releaseLease(String holder) {
        dsl.deleteFrom(SCHEDULER_LEASE).where(SCHEDULER_LEASE.NAME.eq(RESTORATION).and(SCHEDULER_LEASE.HOLDER.eq(holder))).execute();
    }

    private static EmergencyOverride override(OverrideChangeRecord r) {
        return new EmergencyOverride(r.getId(), r.getBatchUid(), r.getInstanceId(), r.getInstanceName(), r.getParameter(), r.getTargetValue(),
                r.getPriorValue(), r.getPriorPersisted(), r.getStackedOn(), r.getActor(), r.getReason(),
                StoreTimes.instant(r.getCreatedAt()), StoreTimes.instant(r.getDeadline()), OverrideState.valueOf(r.getState()),
                r.getAttempts(), r.getNextAttemptAt() == null ? null : StoreTimes.instant(r.getNextAttemptAt()), r.getLastError(),
                r.getEndedAt() == null ? null : StoreTimes.instant(r.getEndedAt()), r.getEndedBy(), r.getNote(), r.getPlanId());
    }
}
