package io.knobwright.model.store;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanRepository;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.store.jooq.tables.records.ChangePlanRecord;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Result;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.knobwright.model.store.jooq.Tables.CHANGE_PLAN;
import static io.knobwright.model.store.jooq.Tables.PLAN_CHANGE;

/** Change plans in H2: a header row and one row per change, written in one transaction. */
final class JooqPlanRepository implements PlanRepository {

    private final DSLContext dsl;

    JooqPlanRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public ChangePlan save(ChangePlan plan) {
        return saveAll(List.of(plan)).getFirst();
    }

    @Override
    public List<ChangePlan> saveAll(List<ChangePlan> plans) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            List<ChangePlan> saved = new ArrayList<>(plans.size());
            BatchBindStep changes = db.batch(db.insertInto(PLAN_CHANGE, PLAN_CHANGE.PLAN_ID, PLAN_CHANGE.ORDINAL,
                    PLAN_CHANGE.PARAMETER, PLAN_CHANGE.FROM_VALUE, PLAN_CHANGE.TO_VALUE, PLAN_CHANGE.UNIT,
                    PLAN_CHANGE.APPLY_MODE, PLAN_CHANGE.PROVENANCE, PLAN_CHANGE.NOTE)
                    .values((Long) null, null, null, null, null, null, null, null, null));
            int pending = 0;
            for (ChangePlan plan : plans) {
                if (plan.id() != 0) {
                    throw new StoreException("Plan " + plan.id() + " is already stored; plans are never rewritten.");
                }
                // H2 keeps microseconds: store and return the same instant, so a plan reads back equal.
                ChangePlan stored = new ChangePlan(0, plan.instanceId(), plan.instanceName(), plan.template(),
                        plan.templateVersion(), plan.createdAt().truncatedTo(ChronoUnit.MICROS), plan.author(), plan.state(),
                        plan.baseline(), plan.changes(), plan.uid(), plan.ticket());
                ChangePlanRecord row = db.newRecord(CHANGE_PLAN);
                row.setInstanceId(plan.instanceId());
                row.setInstanceName(plan.instanceName());
                row.setTemplateName(plan.template());
                row.setTemplateVersion(plan.templateVersion());
                row.setCreatedAt(stored.createdAt().atOffset(ZoneOffset.UTC));
                row.setAuthor(plan.author());
                row.setState(plan.state().name());
                row.setBaseline(plan.baseline());
                row.setUid(plan.uid());
                row.setTicket(plan.ticket());
                row.insert();
                pending += bindChanges(changes, row.getId(), plan.changes());
                saved.add(stored.withId(row.getId()));
            }
            if (pending > 0) {
                changes.execute();
            }
            return saved;
        });
    }

    private static int bindChanges(BatchBindStep batch, long planId, List<PlannedChange> planned) {
        int ordinal = 0;
        for (PlannedChange c : planned) {
            batch.bind(planId, ordinal++, c.parameter(), c.from(), c.to(), c.unit(), c.applyMode().name(), c.provenance(), c.note());
        }
        return ordinal;
    }

    @Override
    public void updateState(long id, PlanState state) {
        if (dsl.update(CHANGE_PLAN).set(CHANGE_PLAN.STATE, state.name()).where(CHANGE_PLAN.ID.eq(id)).execute() != 1) {
            throw new StoreException("No plan " + id + " to change to " + state + ": it was removed meanwhile.");
        }
    }

    @Override
    public void updateTicket(long id, String ticket) {
        if (dsl.update(CHANGE_PLAN).set(CHANGE_PLAN.TICKET, ticket).where(CHANGE_PLAN.ID.eq(id)).execute() != 1) {
            throw new StoreException("No plan " + id + " to give ticket " + ticket + ": it was removed meanwhile.");
        }
    }

    @Override
    public void replaceChanges(long id, List<PlannedChange> planned) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            db.deleteFrom(PLAN_CHANGE).where(PLAN_CHANGE.PLAN_ID.eq(id)).execute();
            if (!planned.isEmpty()) {
                BatchBindStep batch = db.batch(db.insertInto(PLAN_CHANGE, PLAN_CHANGE.PLAN_ID, PLAN_CHANGE.ORDINAL,
                        PLAN_CHANGE.PARAMETER, PLAN_CHANGE.FROM_VALUE, PLAN_CHANGE.TO_VALUE, PLAN_CHANGE.UNIT,
                        PLAN_CHANGE.APPLY_MODE, PLAN_CHANGE.PROVENANCE, PLAN_CHANGE.NOTE)
                        .values((Long) null, null, null, null, null, null, null, null, null));
                bindChanges(batch, id, planned);
                batch.execute();
            }
        });
    }

    @Override
    public Optional<ChangePlan> findByUid(String uid) {
        return load(dsl.selectFrom(CHANGE_PLAN).where(CHANGE_PLAN.UID.eq(uid)).fetch()).stream().findFirst();
    }

    @Override
    public List<ChangePlan> findByState(PlanState state) {
        return load(dsl.selectFrom(CHANGE_PLAN).where(CHANGE_PLAN.STATE.eq(state.name()))
                .orderBy(CHANGE_PLAN.CREATED_AT.desc(), CHANGE_PLAN.ID.desc()).fetch());
    }

    @Override
    public Optional<ChangePlan> find(long id) {
        return load(dsl.selectFrom(CHANGE_PLAN).where(CHANGE_PLAN.ID.eq(id)).fetch()).stream().findFirst();
    }

    @Override
    public List<ChangePlan> findAll() {
        return load(dsl.selectFrom(CHANGE_PLAN).orderBy(CHANGE_PLAN.CREATED_AT.desc(), CHANGE_PLAN.ID.desc()).fetch());
    }

    @Override
    public List<ChangePlan> findByInstance(long instanceId) {
        return load(dsl.selectFrom(CHANGE_PLAN).where(CHANGE_PLAN.INSTANCE_ID.eq(instanceId))
                .orderBy(CHANGE_PLAN.CREATED_AT.desc(), CHANGE_PLAN.ID.desc()).fetch());
    }

    /** The headers, then their changes in one query per {@value InLists#CHUNK} plans. */
    private List<ChangePlan> load(Result<ChangePlanRecord> headers) {
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PlannedChange>> changes = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(headers.map(ChangePlanRecord::getId))) {
            dsl.selectFrom(PLAN_CHANGE).where(InLists.in(PLAN_CHANGE.PLAN_ID, chunk)).orderBy(PLAN_CHANGE.PLAN_ID, PLAN_CHANGE.ORDINAL)
                    .forEach(r -> changes.computeIfAbsent(r.getPlanId(), k -> new ArrayList<>()).add(new PlannedChange(
                            r.getParameter(), r.getFromValue(), r.getToValue(), r.getUnit(),
                            ApplyMode.valueOf(r.getApplyMode()), r.getProvenance(), r.getNote())));
        }
        return headers.map(h -> new ChangePlan(h.getId(), h.getInstanceId(), h.getInstanceName(), h.getTemplateName(),
                h.getTemplateVersion(), h.getCreatedAt().toInstant(), h.getAuthor(), PlanState.valueOf(h.getState()),
                h.getBaseline(), changes.getOrDefault(h.getId(), List.of()), h.getUid(), h.getTicket()));
    }
}
