package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.WeekHourGrid;
import io.knobwright.model.workload.WorkloadClass;
import io.knobwright.model.workload.WorkloadProfile;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Estimate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The answer's values refuse what cannot be meant, and the request's helpers say what is missing. */
class RecommendationValuesTest {

    private static final PredictedEffect EFFECT = new PredictedEffect(Estimate.exact(0.1), List.of(), "test");

    @Test
    void aSetIsEitherChangesOrANoChangeReasonNeverBothNorNeither() {
        Recommendation r = new Recommendation("work_mem", "4MB", "16MB", Recommendation.Direction.INCREASE,
                Recommendation.Reason.THROUGHPUT, List.of(), "Spills fall.", EFFECT, Confidence.HIGH, ApplyMode.ONLINE,
                null);

        assertThatThrownBy(() -> new RecommendationSet("a", "PostgreSQL 16", "built-in", List.of(), "", null, List.of(),
                List.of())).hasMessageContaining("says why nothing is recommended");
        assertThatThrownBy(() -> new RecommendationSet("a", "PostgreSQL 16", "built-in", List.of(r), "idle", EFFECT,
                List.of(), List.of())).hasMessageContaining("no no-change reason");
        assertThat(new RecommendationSet("a", "PostgreSQL 16", "built-in", List.of(r), null, EFFECT, List.of(),
                List.of()).noChange()).isFalse();
        assertThat(r.dataLossWindow()).isEmpty();
        assertThat(r.restartRequired()).isFalse();
    }

    @Test
    void aRecommendationWithoutReasoningOrParameterIsRefused() {
        assertThatThrownBy(() -> new Recommendation("work_mem", "4MB", "16MB", Recommendation.Direction.INCREASE,
                Recommendation.Reason.THROUGHPUT, List.of(), " ", EFFECT, Confidence.HIGH, ApplyMode.ONLINE, ""))
                .hasMessageContaining("says why");
        assertThatThrownBy(() -> new Recommendation(" ", "4MB", "16MB", Recommendation.Direction.INCREASE,
                Recommendation.Reason.THROUGHPUT, List.of(), "x", EFFECT, Confidence.HIGH, ApplyMode.ONLINE, ""))
                .hasMessageContaining("names its parameter");
    }

    @Test
    void optionsRefuseAMinimumGainThatIsNoShare() {
        assertThatThrownBy(() -> new RecommendationOptions(true, true, 3)).hasMessageContaining("0.03 for 3%");
        assertThat(RecommendationOptions.CONSERVATIVE.allowRestart()).isFalse();
        assertThat(RecommendationOptions.CONSERVATIVE.allowDurabilityTrade()).isFalse();
    }

    @Test
    void inputsRefuseImpossibleFigures() {
        assertThatThrownBy(() -> new Measurement("x", Double.NaN, "B", "x")).hasMessageContaining("finite");
        assertThatThrownBy(() -> new QueryTiming("q", -1, 1, 1)).hasMessageContaining("calls >= 0");
        assertThatThrownBy(() -> new PlannerJudgement(" ", "1", List.of())).hasMessageContaining("names its setting");
        assertThatThrownBy(() -> Requests.request(" ", Requests.machine(1, 1), Requests.idle(), Map.of(),
                RecommendationOptions.CONSERVATIVE)).hasMessageContaining("names its instance");
    }

    @Test
    void theMachineComesFromHardwareFactsOrTheMessageSaysWhichFactIsMissing() {
        var machine = RecommendationRequest.machineOf("orders-1", new HardwareFacts(8, 32L << 30, DiskType.NVME, 0));

        assertThat(machine.cpus()).isEqualTo(8);
        assertThat(machine.device()).isEqualTo(DeviceProfile.NVME);
        assertThatThrownBy(() -> RecommendationRequest.machineOf("orders-1", new HardwareFacts(8, 0, DiskType.SSD, 0)))
                .hasMessageContaining("RAM of orders-1 is not known");
        assertThatThrownBy(() -> RecommendationRequest.machineOf("orders-1", HardwareFacts.UNKNOWN))
                .hasMessageContaining("CPU count");
    }

    @Test
    void measurementsAreTheProfilesMeasuredFiguresUnderStableKeys() {
        WorkloadProfile profile = new WorkloadProfile(1, Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), 120,
                WorkloadClass.OLTP, List.of(), "oltp", new WorkloadProfile.ReadWriteMix(900, 100, 0.1, "tuples"), 450,
                new WorkloadProfile.Concurrency(6, 14, 20),
                new WorkloadProfile.WorkingSet(0.91, 8e6, 40e9, 16e9, 12e9, WorkloadProfile.Fit.TIGHT, "hit ratio"),
                new WorkloadProfile.TempSpill(2e6, 7e9, 0.5, 4400, 0.3, 4),
                new WorkloadProfile.CheckpointPressure(6, 6, 0.5, 0.1), new WorkloadProfile.WalRate(3e6, 9e6),
                new WorkloadProfile.ConnectionUse(40, 85, 100, 0.4, 0.85),
                WeekHourGrid.of(Metric.COMMITS, List.of(), ZoneId.of("UTC")), List.of(), List.of());

        List<Measurement> measured = Measurements.from(profile);

        assertThat(measured).extracting(Measurement::metric).contains(Measurements.HIT_RATIO,
                Measurements.TEMP_BYTES, Measurements.REQUESTED_CHECKPOINTS, Measurements.PEAK_CONNECTIONS,
                Measurements.WAL_RATE, Measurements.ACTIVE_SESSIONS_P95, Measurements.WRITE_SHARE);
        assertThat(measured).filteredOn(m -> m.metric().equals(Measurements.CHECKPOINTS_PER_HOUR))
                .singleElement().extracting(Measurement::value).isEqualTo(12.0);
        WorkloadProfile empty = new WorkloadProfile(1, Instant.EPOCH, Instant.EPOCH, 0, WorkloadClass.UNKNOWN,
                List.of(), "", null, Double.NaN, null, null, null, null, null, null,
                WeekHourGrid.of(Metric.COMMITS, List.of(), ZoneId.of("UTC")), List.of(), List.of());
        assertThat(Measurements.from(empty)).isEmpty();
    }

    @Test
    void measuredFiguresBecomeTheEvidenceOfTheSettingTheyConcern() {
        var request = new RecommendationRequest("orders-1", Requests.machine(16, 64), 0, Requests.postgres("16"),
                Map.of(), Requests.readHeavy(32), List.of(new Measurement(Measurements.HIT_RATIO, 0.62, "ratio",
                "share of block reads served from shared_buffers"), new Measurement(Measurements.TEMP_BYTES, 1e6,
                "B/s", "spills")), List.of(), new RecommendationOptions(true, false), PlannerEvidence.NONE);

        Recommendation sb = RecommenderExamplesTest.find(Requests.RECOMMENDER.recommend(request), "shared_buffers")
                .orElseThrow();

        assertThat(sb.evidence()).anyMatch(e -> e.kind() == Evidence.Kind.MEASURED
                && e.name().equals(Measurements.HIT_RATIO) && e.value().equals("62%"));
        assertThat(sb.evidence()).noneMatch(e -> e.name().equals(Measurements.TEMP_BYTES));
    }

    @Test
    void catalogValuesRoundTripBetweenTheServersSpellingAndTheModelsUnits() {
        var catalog = Requests.postgres("16");
        var sb = catalog.find("shared_buffers").orElseThrow();
        var timeout = catalog.find("checkpoint_timeout").orElseThrow();

        assertThat(CatalogValues.toModel(sb, "16384")).isEqualTo(128 * Requests.MB);
        assertThat(CatalogValues.text(sb, 1.5 * Requests.GB)).hasValue("1536MB");
        assertThat(CatalogValues.text(timeout, 900)).hasValue("15min");
        assertThat(CatalogValues.toModel(timeout, "15min")).isEqualTo(900);
        assertThat(CatalogValues.text(timeout, 10)).isEmpty();
        assertThat(CatalogValues.toModel(catalog.find("synchronous_commit").orElseThrow(), "remote_apply"))
                .isEqualTo(1);
        assertThat(CatalogValues.toModel(catalog.find("wal_level").orElseThrow(), "replica")).isNaN();
        assertThat(CatalogValues.same(sb, "1GB", "131072")).isTrue();
    }

    @Test
    void anUnreadableSettingInForceIsTakenAtItsDefaultWithAWarning() {
        var request = Requests.request("orders-1", Requests.machine(8, 16), Requests.idle(),
                Map.of("work_mem", "lots"), RecommendationOptions.CONSERVATIVE);

        RecommendationSet set = Requests.RECOMMENDER.recommend(request);

        assertThat(set.warnings()).anyMatch(w -> w.contains("work_mem = 'lots'") && w.contains("default 4096"));
    }

    @Test
    void theLadderIsLogSpacedInValuesADbaWrites() {
        assertThat(SearchSpace.ladder(Requests.MB, 8 * Requests.MB)).containsExactly(Requests.MB, 1.5 * Requests.MB,
                2 * Requests.MB, 3 * Requests.MB, 4 * Requests.MB, 6 * Requests.MB, 8 * Requests.MB);
    }

    @Test
    void gainIntervalsAreQuantilesOfTheEnsemble() {
        assertThat(GainJudge.quantile(new double[]{1, 2, 3, 4, 5}, 0.5)).isEqualTo(3);
        assertThat(GainJudge.quantile(new double[]{0, 10}, 0.1)).isEqualTo(1);
    }

    @Test
    void aDurabilityTradeOtherThanAsynchronousCommitStatesItsRiskAsItIs() {
        var today = SearchSpace.current(Requests.request("x", Requests.machine(2, 4), Requests.idle(), Map.of(),
                RecommendationOptions.CONSERVATIVE), new java.util.ArrayList<>());

        assertThat(DataLossWindow.of("full_page_writes", "on", "off", today))
                .hasValueSatisfying(t -> assertThat(t).startsWith("With full_page_writes off").endsWith("."));
        assertThat(DataLossWindow.of("synchronous_commit", "on", "off", today.with("wal_writer_delay", "10ms")))
                .hasValueSatisfying(t -> assertThat(t).contains("= 30 ms"));
        assertThat(DataLossWindow.of("work_mem", "4MB", "8MB", today)).isEmpty();
    }
}
