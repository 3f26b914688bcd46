package io.knobwright.model.store;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.simulation.PlanSimulation;
import io.knobwright.model.simulation.PredictedRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Simulations attached to plans (schema 26): read back whole, the newest shown, undone with their transaction. */
class JooqPlanSimulationsTest {

    private static final Instant T = Instant.parse("2026-12-06T09:00:00Z");
    private final KnobwrightStore store = KnobwrightStore.inMemory("plan-sim-" + System.nanoTime(), false);

    @AfterEach
    void close() {
        store.close();
    }

    private long plan() {
        ChangePlan plan = new ChangePlan(0, 1, "pg-orders", "payments", 2, T, "lin", PlanState.DRAFT, "snapshot",
                List.of(new PlannedChange("work_mem", "4MB", "64MB", "kB", ApplyMode.ONLINE, "t v2", "")));
        return store.plans().saveAll(List.of(plan)).getFirst().id();
    }

    static PlanSimulation simulation(long planId, Instant at, String model) {
        return new PlanSimulation(0, planId, at, "lin", model, "MAPE 8% over 12 held-out runs; 80% intervals covered 83%",
                List.of(new PlanSimulation.Scenario("current", new PredictedRange(1200, 1000, 1450),
                                new PredictedRange(12.5, 10, 16), List.of(), "Cache: 97% of reads from shared_buffers."),
                        new PlanSimulation.Scenario("plan #1", new PredictedRange(900, 760, 1050),
                                new PredictedRange(19, 15, 24), List.of("peak memory 15.2 GB of 16 GB\nnear OOM",
                                "8% chance of running out of memory"),
                                "Spills: sorts of 80 MB fit in work_mem 64MB; in-memory sorts lose cache locality.")));
    }

    @Test
    void anAttachedSimulationReadsBackWithEveryScenarioNumberAndWarning() {
        long plan = plan();
        PlanSimulation stored = store.planSimulations().attach(simulation(plan, T, "built-in 1"));

        assertThat(stored.id()).isPositive();
        PlanSimulation back = store.planSimulations().latest(plan).orElseThrow();
        assertThat(back.model()).isEqualTo("built-in 1");
        assertThat(back.accuracy()).startsWith("MAPE 8%");
        assertThat(back.attachedBy()).isEqualTo("lin");
        assertThat(back.attachedAt()).isEqualTo(T);
        assertThat(back.baseline().name()).isEqualTo("current");
        assertThat(back.planned().tps()).isEqualTo(new PredictedRange(900, 760, 1050));
        assertThat(back.planned().p95Ms()).isEqualTo(new PredictedRange(19, 15, 24));
        // a line break inside one warning does not make two warnings
        assertThat(back.planned().warnings()).containsExactly("peak memory 15.2 GB of 16 GB near OOM",
                "8% chance of running out of memory");
        assertThat(back.baseline().warnings()).isEmpty();
        assertThat(back.planned().explanation()).startsWith("Spills:");
    }

    @Test
    void theNewestAttachmentIsTheOneShownAndEveryOneIsKept() {
        long plan = plan();
        store.planSimulations().attach(simulation(plan, T, "built-in 1"));
        store.planSimulations().attach(simulation(plan, T.plusSeconds(3600), "built-in 2"));

        assertThat(store.planSimulations().latest(plan).orElseThrow().model()).isEqualTo("built-in 2");
        assertThat(store.planSimulations().ofPlan(plan)).extracting(PlanSimulation::model)
                .containsExactly("built-in 1", "built-in 2");
        assertThat(store.planSimulations().latest(plan + 1)).isEmpty();
        assertThat(store.planSimulations().ofPlan(plan + 1)).isEmpty();
    }

    @Test
    void aSimulationCannotBeAttachedToAPlanThatDoesNotExist() {
        assertThatThrownBy(() -> store.planSimulations().attach(simulation(999, T, "built-in 1")))
                .hasMessageContaining("no plan 999");
    }

    @Test
    void attachingInsideATransactionIsUndoneWithIt() {
        long plan = plan();
        assertThatThrownBy(() -> store.inTransaction(repos -> {
            repos.planSimulations().attach(simulation(plan, T, "built-in 1"));
            throw new IllegalStateException("the audit record failed");
        })).hasMessageContaining("audit record failed");
        assertThat(store.planSimulations().latest(plan)).isEmpty();
    }
}
