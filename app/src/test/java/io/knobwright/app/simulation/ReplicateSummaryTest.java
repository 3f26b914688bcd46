package io.knobwright.app.simulation;

import io.knobwright.connectors.load.LoadRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicateSummaryTest {

    @Test
    void medianLatenciesAndFeaturesAreNotMovedByOneSlowRun() {
        ReplicateSummary s = ReplicateSummary.of(List.of(run(1000, 2, 5, 10), run(980, 2.2, 5.5, 11), run(300, 9, 40, 50)));

        assertThat(s.tps().median()).isEqualTo(980);
        assertThat(s.tps().runs()).isEqualTo(3);
        assertThat(s.tps().noise()).isPositive();
        assertThat(s.p50Ms()).isEqualTo(2.2);
        assertThat(s.p95Ms()).isEqualTo(5.5);
        assertThat(s.features()).containsEntry("pagesHitPerTx", 11.0);
    }

    @Test
    void aDifferenceWithinTheNoiseIsNoDifference() {
        ReplicateSummary a = ReplicateSummary.of(List.of(run(1000, 1, 2, 1), run(800, 1, 2, 1), run(1200, 1, 2, 1)));
        ReplicateSummary b = ReplicateSummary.of(List.of(run(1050, 1, 2, 1), run(850, 1, 2, 1), run(1250, 1, 2, 1)));
        assertThat(ReplicateSummary.verdict(a, b)).startsWith("no difference: 5% is within the");

        ReplicateSummary c = ReplicateSummary.of(List.of(run(2000, 1, 2, 1), run(2050, 1, 2, 1), run(1950, 1, 2, 1)));
        assertThat(ReplicateSummary.verdict(a, c)).isEqualTo("B is 100% faster than A");
    }

    @Test
    void oneConfigurationReportsItsMedianIntervalAndNoise() {
        assertThat(ReplicateSummary.single(ReplicateSummary.of(List.of(run(500, 1, 2, 1)))))
                .isEqualTo("500 tps over 1 run; run-to-run noise unknown (run more replicates)");
        assertThat(ReplicateSummary.single(ReplicateSummary.of(List.of(run(500, 1, 2, 1), run(520, 1, 2, 1),
                run(480, 1, 2, 1), run(510, 1, 2, 1))))).startsWith("505 tps over 4 runs (80% interval ")
                .contains("run-to-run noise");
    }

    private static DefaultExperimentService.Measured run(double tps, double p50, double p95, double pages) {
        long tx = Math.round(tps * 2);
        LoadRun run = new LoadRun("s", 2, tx, 0, Duration.ofSeconds(2), tps, p50, p50, p95, p95, List.of(tps), Map.of(), "");
        return new DefaultExperimentService.Measured(run, Map.of("pagesHitPerTx", pages));
    }
}
