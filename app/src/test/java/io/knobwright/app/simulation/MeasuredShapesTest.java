package io.knobwright.app.simulation;

import io.knobwright.app.workload.DemoWorkload;
import io.knobwright.app.workload.WorkloadService;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.QuerySummary;
import io.knobwright.model.workload.WorkloadProfile;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.WorkloadShape;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeasuredShapesTest {

    private final Instant now = Instant.parse("2026-12-04T12:00:00Z");
    private final DemoWorkload demo = new DemoWorkload(now, 4, ZoneOffset.UTC, 42);
    private final Instance orders = new Instance(9, "orders", Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null, null,
            null, new HardwareFacts(16, 64L << 30, DiskType.SSD, 2L << 40), false);
    private final WorkloadProfile profile = new WorkloadService(demo.history(9), i -> demo.queries(24),
            Clock.fixed(now, ZoneOffset.UTC), ZoneOffset.UTC).profile(orders, WorkloadService.DEFAULT_WINDOW);
    private final List<QuerySummary> top = demo.queries(24);
    private static final double WORK_MEM = 4 << 20;

    @Test
    void theFingerprintsMakeTheMixWithTheMeasuredStatementsPerTransaction() {
        MeasuredShapes.Built built = MeasuredShapes.of("orders", profile, top, false, 0, WORK_MEM);

        double statementsPerTx = (profile.readWriteMix().readsPerSecond() + profile.readWriteMix().writesPerSecond())
                / profile.transactionsPerSecond();
        assertThat(built.shape().classes()).hasSize(Math.min(top.size(), MeasuredShapes.TOP));
        assertThat(built.shape().classes().stream().mapToDouble(QueryClass::callsPerTx).sum())
                .isCloseTo(statementsPerTx, within(1e-9));
        assertThat(built.notes().getFirst()).contains("statements per transaction").contains("clients with");
    }

    @Test
    void spillingFingerprintsCarryTheirTempBytesPerCallAndWritesTheirWal() {
        MeasuredShapes.Built built = MeasuredShapes.of("orders", profile, top, false, 0, WORK_MEM);

        QuerySummary spilling = top.stream().filter(QuerySummary::spilled).findFirst().orElseThrow();
        QueryClass cls = built.shape().classes().stream()
                .filter(c -> spilling.query().replaceAll("\\s+", " ").startsWith(c.name().replace("...", "")))
                .findFirst().orElseThrow();
        // one merge pass under 4 MB (up to 15 runs of 4 MB): the input is what the sort wrote
        double written = (double) spilling.tempBytes() / spilling.calls();
        assertThat(written).isLessThan(60 << 20);
        assertThat(cls.sortInputBytes()).isCloseTo(written, within(1e-6));
        assertThat(built.shape().classes().stream().filter(c -> MeasuredShapes.isWrite(c.name())))
                .isNotEmpty().allSatisfy(c -> assertThat(c.walBytes()).isPositive());
        assertThat(built.shape().classes().stream().filter(c -> !MeasuredShapes.isWrite(c.name())))
                .allSatisfy(c -> assertThat(c.walBytes()).isZero());
    }

    @Test
    void littlesLawGivesTheThinkTimeThatReproducesTheMeasuredRate() {
        WorkloadShape shape = MeasuredShapes.of("orders", profile, top, false, 0, WORK_MEM).shape();

        double responseSec = profile.concurrency().mean() / profile.transactionsPerSecond();
        double rate = shape.clients() / (shape.thinkMs() / 1000 + responseSec);
        assertThat(rate).isCloseTo(profile.transactionsPerSecond(), within(profile.transactionsPerSecond() * 0.01));
    }

    @Test
    void aReplayRunsAtFullSpeedWithTheClientsAsked() {
        WorkloadShape shape = MeasuredShapes.of("orders", profile, top, true, 16, WORK_MEM).shape();

        assertThat(shape.thinkMs()).isZero();
        assertThat(shape.clients()).isEqualTo(16);
        assertThat(shape.name()).startsWith("replay of top");
    }
}
