package io.knobwright.model.store;

import io.knobwright.model.apply.journal.ApplyJournal;
import io.knobwright.model.apply.journal.ApplyRun;
import io.knobwright.model.apply.journal.JournalStep;
import io.knobwright.model.apply.journal.RunState;
import io.knobwright.model.apply.journal.StepPhase;
import io.knobwright.model.store.jooq.tables.records.ApplyRunRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static io.knobwright.model.store.jooq.Tables.APPLY_RUN;
import static io.knobwright.model.store.jooq.Tables.APPLY_STEP;

/**
 * The apply journal in H2: a run row and one row per step, each phase written as it happens and on disk before the
 * call returns. H2 writes a commit to its file up to half a second later (WRITE_DELAY); a process killed in that
 * time would lose the phase it wrote before acting on the server, and the next start would take a changed server
 * for an untouched one. So every write ends with CHECKPOINT SYNC (0119): a few per step, only while applying.
 */
final class JooqApplyJournal implements ApplyJournal {

    private static final int MAX_MESSAGE = 8000;
    private static final int MAX_ERROR = 4000;
    private final DSLContext dsl;

    JooqApplyJournal(DSLContext dsl) {
        this.dsl = dsl;
    }

    private static String clip(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    @Override
    public ApplyRun start(ApplyRun run, String owner) {
        long id = dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            ApplyRunRecord row = db.newRecord(APPLY_RUN);
            row.setPlanId(run.planId());
            row.setInstanceId(run.instanceId());
            row.setInstanceName(run.instanceName());
            row.setActor(run.actor());
            row.setState(RunState.APPLYING.name());
            row.setStartedAt(StoreTimes.utc(run.startedAt()));
            row.setMessage("");
            row.setOwner(owner);
            row.insert();
            for (JournalStep s : run.steps()) {
                db.insertInto(APPLY_STEP).set(APPLY_STEP.RUN_ID, row.getId()).set(APPLY_STEP.ORDINAL, s.ordinal())
                        .set(APPLY_STEP.PARAMETER, s.parameter()).set(APPLY_STEP.PRIOR_VALUE, s.prior())
                        .set(APPLY_STEP.TARGET_VALUE, s.target()).set(APPLY_STEP.RESTART_NEEDED, s.restartNeeded())
                        .set(APPLY_STEP.PHASE, StepPhase.PLANNED.name()).set(APPLY_STEP.ERROR, "").execute();
            }
            return row.getId();
        });
        onDisk();
        return find(id).orElseThrow();
    }

    @Override
    public void step(long runId, int ordinal, StepPhase phase, String error) {
        dsl.update(APPLY_STEP).set(APPLY_STEP.PHASE, phase.name()).set(APPLY_STEP.ERROR, clip(error, MAX_ERROR))
                .where(APPLY_STEP.RUN_ID.eq(runId).and(APPLY_STEP.ORDINAL.eq(ordinal))).execute();
        onDisk();
    }

    @Override
    public void finish(long runId, RunState state, Instant at, String message) {
        dsl.update(APPLY_RUN).set(APPLY_RUN.STATE, state.name()).set(APPLY_RUN.FINISHED_AT, StoreTimes.utc(at))
                .set(APPLY_RUN.MESSAGE, clip(message, MAX_MESSAGE)).setNull(APPLY_RUN.OWNER).where(APPLY_RUN.ID.eq(runId)).execute();
        onDisk();
    }

    @Override
    public void release(long runId, String message) {
        dsl.update(APPLY_RUN).set(APPLY_RUN.MESSAGE, clip(message, MAX_MESSAGE)).setNull(APPLY_RUN.OWNER)
                .where(APPLY_RUN.ID.eq(runId)).execute();
        onDisk();
    }

    @Override
    public Optional<String> owner(long runId) {
        return dsl.select(APPLY_RUN.OWNER).from(APPLY_RUN).where(APPLY_RUN.ID.eq(runId)).fetchOptional(APPLY_RUN.OWNER);
    }

    /** A compare-and-set in one UPDATE: H2 locks the row, so a second claimer re-reads it and finds another owner. */
    @Override
    public boolean claim(long runId, String expected, String owner) {
        boolean taken = dsl.update(APPLY_RUN).set(APPLY_RUN.OWNER, owner)
                .where(APPLY_RUN.ID.eq(runId).and(APPLY_RUN.STATE.eq(RunState.APPLYING.name()))
                        .and(expected == null ? APPLY_RUN.OWNER.isNull() : APPLY_RUN.OWNER.eq(expected)))
                .execute() == 1;
        onDisk();
        return taken;
    }

    /** Everything committed so far written and synced to the store's file (a no-op in memory). */
    private void onDisk() {
        dsl.execute("CHECKPOINT SYNC");
    }

    @Override
    public Optional<ApplyRun> find(long runId) {
        return dsl.selectFrom(APPLY_RUN).where(APPLY_RUN.ID.eq(runId)).fetchOptional().map(this::run);
    }

    @Override
    public List<ApplyRun> unfinished() {
        return dsl.selectFrom(APPLY_RUN).where(APPLY_RUN.STATE.eq(RunState.APPLYING.name())).orderBy(APPLY_RUN.ID).fetch(this::run);
    }

    @Override
    public List<ApplyRun> ofPlan(long planId) {
        return dsl.selectFrom(APPLY_RUN).where(APPLY_RUN.PLAN_ID.eq(planId)).orderBy(APPLY_RUN.ID.desc()).fetch(this::run);
    }

    private ApplyRun run(ApplyRunRecord r) {
        List<JournalStep> steps = dsl.selectFrom(APPLY_STEP).where(APPLY_STEP.RUN_ID.eq(r.getId())).orderBy(APPLY_STEP.ORDINAL)
                .fetch(s -> new JournalStep(s.getOrdinal(), s.getParameter(), s.getPriorValue(), s.getTargetValue(),
                        s.getRestartNeeded(), StepPhase.valueOf(s.getPhase()), s.getError()));
        return new ApplyRun(r.getId(), r.getPlanId(), r.getInstanceId(), r.getInstanceName(), r.getActor(),
                RunState.valueOf(r.getState()), r.getStartedAt().toInstant(),
                r.getFinishedAt() == null ? null : r.getFinishedAt().toInstant(), steps, r.getMessage());
    }
}
