package io.knobwright.app.ui.health;

import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.UserError;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.index.AdviceQuery;
import io.knobwright.model.index.AdvisedIndex;
import io.knobwright.model.index.CandidateIndex;
import io.knobwright.model.index.ExistingIndex;
import io.knobwright.model.index.IndexAdvice;
import io.knobwright.model.index.IndexHygiene;
import io.knobwright.model.task.TaskRunner;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The index advice screen's state, without a toolkit. */
class IndexAdviceViewModelTest {

    private static final Instance SHOP = new Instance(7, "shop", Engine.POSTGRESQL, "15", null, null, Map.of(),
            Tier.PRODUCTION, Criticality.HIGH, WorkloadKind.OLTP, new HardwareFacts(8, 32L << 30, DiskType.NVME, 1L << 40),
            false);

    private static IndexAdviceViewModel vm(Function<Instance, IndexAdvice> advisor) {
        return new IndexAdviceViewModel(new BackgroundWork(TaskRunner.inline(), Runnable::run, (a, d) -> { }), advisor,
                ZoneId.of("UTC"));
    }

    private static IndexAdvice advice() {
        AdviceQuery lookup = new AdviceQuery("a1", "SELECT * FROM orders WHERE customer_id = $1", 2000, 2000);
        AdviceQuery report = new AdviceQuery("a2", "SELECT * FROM orders WHERE day > $1", 10, 10);
        AdvisedIndex big = AdvisedIndex.of(new CandidateIndex("public", "orders", List.of("customer_id"), "scan", List.of("a1")),
                List.of(new AdvisedIndex.QueryCost(lookup, 4000, 8)), 4_500_000, 1200, AdvisedIndex.Evaluation.SANDBOX);
        AdvisedIndex small = AdvisedIndex.of(new CandidateIndex("public", "orders", List.of("day"), "scan", List.of("a2")),
                List.of(new AdvisedIndex.QueryCost(report, 4000, 2000)), 4_500_000, 1200, AdvisedIndex.Evaluation.SANDBOX);
        ExistingIndex unused = new ExistingIndex("public", "orders", "orders_note_idx", List.of("note"), "", "btree",
                false, false, true, 6_000_000, 0, "");
        return new IndexAdvice("shop", List.of(big, small), IndexHygiene.unused(List.of(unused)), List.of(), List.of(),
                Instant.parse("2026-12-01T00:00:00Z"), List.of("HypoPG is not installed"));
    }

    @Test
    void advisingFillsCandidatesWithBarsRelativeToTheBestAndTheHygieneList() {
        IndexAdviceViewModel vm = vm(i -> advice());
        vm.show(SHOP);
        assertThat(vm.candidates()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("Advise");

        vm.advise();

        assertThat(vm.candidates()).hasSize(2);
        assertThat(vm.candidates().get(0).benefitShare()).isEqualTo(1.0);
        assertThat(vm.candidates().get(1).benefitShare()).isBetween(0.002, 0.003);
        assertThat(vm.candidates().get(0).benefit()).isEqualTo("7,984,000");
        assertThat(vm.candidates().get(0).costs()).isEqualTo("4,000.0 → 8.0");
        assertThat(vm.candidates().get(0).size()).isEqualTo("4.3 MB");
        assertThat(vm.hygiene()).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo("Unused");
            assertThat(h.sizeShare()).isEqualTo(1.0);
        });
        assertThat(vm.summaryProperty().get()).startsWith("2 indexes would pay off · database shop");
        assertThat(vm.hygieneSummaryProperty().get()).startsWith("1 unused (5.7 MB)");
        assertThat(vm.notes()).containsExactly("HypoPG is not installed");
    }

    @Test
    void aServerThatCannotBeReadLeavesTheMessageAndNoStaleAdvice() {
        IndexAdviceViewModel vm = vm(i -> {
            throw new UserError(UserError.Kind.UNREACHABLE, "Cannot reach 127.0.0.1:5999: connection refused.");
        });
        vm.show(SHOP);
        vm.advise();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.candidates()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("connection refused");
    }
}
