package io.knobwright.model.store;

import io.knobwright.model.simulation.PlanSimulation;
import io.knobwright.model.simulation.PlanSimulationRepository;
import io.knobwright.model.simulation.PredictedRange;
import io.knobwright.model.store.jooq.tables.records.PlanSimulationRecord;
import io.knobwright.model.store.jooq.tables.records.PlanSimulationScenarioRecord;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.knobwright.model.store.jooq.Tables.PLAN_SIMULATION;
import static io.knobwright.model.store.jooq.Tables.PLAN_SIMULATION_SCENARIO;

/** Simulations attached to change plans, in H2 (schema 26, decision 0140). */
final class JooqPlanSimulations implements PlanSimulationRepository {

    private final DSLContext dsl;

    JooqPlanSimulations(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public PlanSimulation attach(PlanSimulation s) {
        long id;
        try {
            id = dsl.insertInto(PLAN_SIMULATION).set(PLAN_SIMULATION.PLAN_ID, s.planId())
                    .set(PLAN_SIMULATION.ATTACHED_AT, StoreTimes.utc(s.attachedAt()))
                    .set(PLAN_SIMULATION.ATTACHED_BY, s.attachedBy()).set(PLAN_SIMULATION.MODEL, s.model())
                    .set(PLAN_SIMULATION.ACCURACY, s.accuracy())
                    .returningResult(PLAN_SIMULATION.ID).fetchOne().value1();
        } catch (IntegrityConstraintViolationException e) {
            throw new IllegalArgumentException("There is no plan " + s.planId() + " to attach a simulation to", e);
        }
        int ordinal = 0;
        var insert = dsl.insertInto(PLAN_SIMULATION_SCENARIO, PLAN_SIMULATION_SCENARIO.SIMULATION_ID,
                PLAN_SIMULATION_SCENARIO.ORDINAL, PLAN_SIMULATION_SCENARIO.NAME, PLAN_SIMULATION_SCENARIO.TPS_MEAN,
                PLAN_SIMULATION_SCENARIO.TPS_LOW, PLAN_SIMULATION_SCENARIO.TPS_HIGH, PLAN_SIMULATION_SCENARIO.P95_MS_MEAN,
                PLAN_SIMULATION_SCENARIO.P95_MS_LOW, PLAN_SIMULATION_SCENARIO.P95_MS_HIGH, PLAN_SIMULATION_SCENARIO.WARNINGS,
                PLAN_SIMULATION_SCENARIO.EXPLANATION);
        for (PlanSimulation.Scenario sc : s.scenarios()) {
            insert = insert.values(id, ordinal++, sc.name(), sc.tps().mean(), sc.tps().low(), sc.tps().high(),
                    sc.p95Ms().mean(), sc.p95Ms().low(), sc.p95Ms().high(), sc.warnings().stream().map(w -> w.replace('\n', ' ')).collect(Collectors.joining("\n")),
                    sc.explanation());
        }
        insert.execute();
        return s.withId(id);
    }

    @Override
    public Optional<PlanSimulation> latest(long planId) {
        return dsl.selectFrom(PLAN_SIMULATION).where(PLAN_SIMULATION.PLAN_ID.eq(planId))
                .orderBy(PLAN_SIMULATION.ATTACHED_AT.desc(), PLAN_SIMULATION.ID.desc()).limit(1)
                .fetchOptional().map(r -> read(List.of(r)).getFirst());
    }

    @Override
    public List<PlanSimulation> ofPlan(long planId) {
        return read(dsl.selectFrom(PLAN_SIMULATION).where(PLAN_SIMULATION.PLAN_ID.eq(planId))
                .orderBy(PLAN_SIMULATION.ATTACHED_AT, PLAN_SIMULATION.ID).fetch());
    }

    private List<PlanSimulation> read(List<PlanSimulationRecord> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PlanSimulationScenarioRecord>> rows = dsl.selectFrom(PLAN_SIMULATION_SCENARIO)
                .where(PLAN_SIMULATION_SCENARIO.SIMULATION_ID.in(heads.stream().map(PlanSimulationRecord::getId).toList()))
                .orderBy(PLAN_SIMULATION_SCENARIO.SIMULATION_ID, PLAN_SIMULATION_SCENARIO.ORDINAL).fetch().stream()
                .collect(Collectors.groupingBy(PlanSimulationScenarioRecord::getSimulationId));
        List<PlanSimulation> out = new ArrayList<>();
        for (PlanSimulationRecord h : heads) {
            List<PlanSimulation.Scenario> scenarios = rows.getOrDefault(h.getId(), List.of()).stream()
                    .map(JooqPlanSimulations::scenario).toList();
            out.add(new PlanSimulation(h.getId(), h.getPlanId(), StoreTimes.instant(h.getAttachedAt()), h.getAttachedBy(),
                    h.getModel(), h.getAccuracy(), scenarios));
        }
        return out;
    }

    private static PlanSimulation.Scenario scenario(PlanSimulationScenarioRecord r) {
        List<String> warnings = r.getWarnings().isEmpty() ? List.of() : Arrays.asList(r.getWarnings().split("\n"));
        return new PlanSimulation.Scenario(r.getName(), new PredictedRange(r.getTpsMean(), r.getTpsLow(), r.getTpsHigh()),
                new PredictedRange(r.getP95MsMean(), r.getP95MsLow(), r.getP95MsHigh()), warnings, r.getExplanation());
    }
}
