package io.knobwright.app.recommend;

import io.knobwright.app.AppContext;
import io.knobwright.app.simulation.WorkloadKeys;
import io.knobwright.connectors.ConnectorRegistry;
import io.knobwright.model.apply.journal.ApplyRun;
import io.knobwright.model.apply.journal.JournalStep;
import io.knobwright.model.apply.journal.RunState;
import io.knobwright.model.apply.journal.StepPhase;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.simulation.ApplyOutcome;
import io.knobwright.model.simulation.Observation;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.simulator.recommend.RecommendationOptions;
import io.knobwright.simulator.recommend.RecommendationSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learning loop over the real H2 store with the demo fleet (decision 0152). The collectors' samples are the pure
 * boundary: they are stored as `monitor collect` stores them (one point a minute of each metric), with the throughput
 * before and after an apply chosen by the test; the apply itself is the run the apply service hands over.
 */
class OutcomeLoopTest {

    private static final HardwareFacts HOST = new HardwareFacts(4, 16L << 30, DiskType.SSD, 200L << 30);

    private final KnobwrightStore store = KnobwrightStore.inMemory("outcome-" + UUID.randomUUID(), true);
    private final AppContext context = new AppContext(store, () -> { }, new CatalogRepository(),
            new ConnectorRegistry(List.of()), name -> null, "alice");
    /** The apply happened three hours ago: two hours of samples after it are in the past. */
    private final Instant applied = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));

    @AfterEach
    void close() {
        context.close();
        store.close();
    }

    /** Demo PostgreSQL instances whose settings were read, on the same hardware (one hardware class). */
    private List<Instance> similarPostgres(int n) {
        return context.fleet().list().stream()
                .filter(i -> i.engine() == Engine.POSTGRESQL && context.fleet().latestSnapshot(i.id()).isPresent())
                .limit(n).map(i -> store.instances().save(i.withHardware(HOST))).toList();
    }

    private String setting(Instance instance, String name) {
        return context.fleet().latestSnapshot(instance.id()).orElseThrow().settings().stream()
                .filter(s -> s.name().equals(name)).map(LiveSetting::value).findFirst().orElseThrow();
    }

    private void collect(Instance instance, Instant from, Instant to, double tps, double spread, long seed) {
        CollectedSamples.collect(store, instance.id(), from, to, tps, spread, seed);
    }

    /** A plan raising shared_buffers and work_mem, approved and applied (the run as the apply service ends it). */
    private ApplyRun applyPlan(Instance instance) {
        String sharedBuffers = setting(instance, "shared_buffers");
        String workMem = setting(instance, "work_mem");
        ChangePlan plan = context.plans().createDraft(instance.id(), "recommendations", "live at " + applied, List.of(
                new PlannedChange("shared_buffers", sharedBuffers, "524288", "8kB", ApplyMode.RESTART, "recommend", ""),
                new PlannedChange("work_mem", workMem, "65536", "kB", ApplyMode.ONLINE, "recommend", "")));
        store.plans().updateState(plan.id(), PlanState.APPLIED);
        return new ApplyRun(plan.id() * 10, plan.id(), instance.id(), instance.name(), "alice", RunState.APPLIED, applied,
                applied.plusSeconds(2), List.of(
                new JournalStep(0, "shared_buffers", sharedBuffers, "524288", true, StepPhase.VERIFIED, ""),
                new JournalStep(1, "work_mem", workMem, "65536", false, StepPhase.VERIFIED, "")), "");
    }

    private OutcomeService outcomes() {
        return context.outcomes();
    }

    @Test
    void anApplyRecordsItsPredictionAndItsMeasuredOutcomeBecomesTwoObservations() {
        Instance pg = similarPostgres(1).getFirst();
        collect(pg, applied.minus(Duration.ofDays(2)), applied, 400, 0.05, 1);
        ApplyRun run = applyPlan(pg);

        ApplyOutcome recorded = outcomes().recordApplied(run).orElseThrow();

        assertThat(recorded.prediction()).as(recorded.predictionNote()).isPresent();
        assertThat(recorded.settingsBefore()).containsEntry("shared_buffers", setting(pg, "shared_buffers"))
                .containsEntry("work_mem", setting(pg, "work_mem"));
        assertThat(recorded.settingsAfter()).containsEntry("shared_buffers", "524288").containsEntry("work_mem", "65536");
        assertThat(recorded.workloadKey()).isEqualTo(WorkloadKeys.measured(pg.name()));
        assertThat(recorded.model()).contains("default constants");

        collect(pg, applied.plusSeconds(2), applied.plus(Duration.ofHours(2)), 440, 0.05, 2);
        OutcomeService.Report report = outcomes().measure(pg).getFirst();

        ApplyOutcome.Measured m = report.outcome().measured().orElseThrow();
        assertThat(m.verdict()).isEqualTo(ApplyOutcome.Verdict.BETTER);
        assertThat(m.change()).isBetween(0.07, 0.13);
        assertThat(m.samplesAfter()).isGreaterThanOrEqualTo(100);
        assertThat(m.summary()).contains("predicted").contains("the measured change is");
        assertThat(report.revert()).isEmpty();
        List<Observation> observations = store.observations().ofInstance(pg.id());
        assertThat(observations).extracting(Observation::id).containsExactly(m.observationBefore(), m.observationAfter());
        Observation after = observations.getLast();
        assertThat(after.tps()).isCloseTo(440, org.assertj.core.data.Offset.offset(15.0));
        assertThat(after.settings()).containsEntry("work_mem", "65536");
        assertThat(after.predictedTps()).isEqualTo(recorded.prediction().orElseThrow().tpsAfter());
        assertThat(after.clients()).isEqualTo(32);
        assertThat(after.features()).containsKeys("pagesHitPerTx", "pagesReadPerTx", "tempBytesPerTx");
        // measured once: asking again reports it, and stores nothing more
        assertThat(outcomes().measure(pg).getFirst().status()).startsWith("measured ");
        assertThat(store.observations().ofInstance(pg.id())).hasSize(2);
    }

    @Test
    void tooFewSamplesAfterTheApplyWaitAndStoreNothing() {
        Instance pg = similarPostgres(1).getFirst();
        collect(pg, applied.minus(Duration.ofHours(6)), applied, 400, 0.05, 1);
        outcomes().recordApplied(applyPlan(pg));
        collect(pg, applied.plusSeconds(2), applied.plus(Duration.ofMinutes(4)), 400, 0.05, 2);

        OutcomeService.Report report = outcomes().measure(pg).getFirst();

        assertThat(report.status()).startsWith("waiting: ").contains("monitor collect --instance " + pg.name());
        assertThat(report.outcome().measured()).isEmpty();
        assertThat(store.observations().ofInstance(pg.id())).isEmpty();
    }

    @Test
    void aChangeWaitingForARestartIsNotJudgedUntilTheRestart() {
        Instance pg = similarPostgres(1).getFirst();
        collect(pg, applied.minus(Duration.ofHours(6)), applied, 400, 0.05, 1);
        ApplyRun run = applyPlan(pg);
        outcomes().recordApplied(run);
        collect(pg, applied.plusSeconds(2), applied.plus(Duration.ofHours(2)), 280, 0.05, 2);
        store.pendingRestarts().put(new io.knobwright.model.apply.restart.PendingRestart(pg.id(), pg.name(),
                "shared_buffers", "524288", applied, run.planId(), run.id(), ""));

        OutcomeService.Report waiting = outcomes().measure(pg).getFirst();

        assertThat(waiting.status()).startsWith("waiting: a restart is pending for shared_buffers");
        assertThat(waiting.outcome().measured()).isEmpty();
        assertThat(store.plans().findByInstance(pg.id())).hasSize(1);
        store.pendingRestarts().clear(pg.id(), "shared_buffers");
        assertThat(outcomes().measure(pg).getFirst().outcome().measured()).isPresent();
    }

    @Test
    void aRegressionOfMoreThanTwentyPercentIsFlaggedAndItsRevertProposedAsADraftPlan() {
        Instance pg = similarPostgres(1).getFirst();
        String sharedBuffers = setting(pg, "shared_buffers");
        String workMem = setting(pg, "work_mem");
        collect(pg, applied.minus(Duration.ofHours(6)), applied, 400, 0.05, 1);
        ApplyRun run = applyPlan(pg);
        outcomes().recordApplied(run);
        collect(pg, applied.plusSeconds(2), applied.plus(Duration.ofHours(2)), 280, 0.05, 2);

        OutcomeService.Report report = outcomes().measure(pg).getFirst();

        ApplyOutcome.Measured m = report.outcome().measured().orElseThrow();
        assertThat(m.verdict()).isEqualTo(ApplyOutcome.Verdict.REGRESSION);
        assertThat(m.summary()).contains("REGRESSION: 30% fewer transactions per second");
        ChangePlan revert = report.revert().orElseThrow();
        assertThat(revert.state()).isEqualTo(PlanState.DRAFT);
        assertThat(revert.instanceId()).isEqualTo(pg.id());
        assertThat(revert.template()).isEqualTo("revert of plan " + run.planId());
        assertThat(revert.changes()).extracting(PlannedChange::parameter, PlannedChange::from, PlannedChange::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shared_buffers", "524288", sharedBuffers),
                        org.assertj.core.groups.Tuple.tuple("work_mem", "65536", workMem));
        assertThat(revert.changes().getFirst().restartNeeded()).isTrue();
        assertThat(store.plans().find(revert.id())).isPresent();
        assertThat(store.applyOutcomes().ofPlan(run.planId()).getFirst().measured().orElseThrow().revertPlanId())
                .isEqualTo(revert.id());
        assertThat(context.audit().about("plan:" + run.planId())).anyMatch(e -> e.action().equals("plan.regression")
                && e.reason().contains("revert proposed as plan " + revert.id()));
        // asked again, the same revert plan is reported, not a second one
        assertThat(outcomes().measure(pg).getFirst().revert()).map(ChangePlan::id).contains(revert.id());
        assertThat(store.plans().findByInstance(pg.id())).hasSize(2);
        // the dashboard's alerts show it until the revert is applied
        assertThat(context.alerts().evaluate().alerts()).filteredOn(a -> a.alert().instanceId() == pg.id()
                        && a.alert().kind() == io.knobwright.model.health.AlertKind.APPLY_REGRESSION)
                .singleElement().satisfies(a -> assertThat(a.alert().title())
                        .isEqualTo("Throughput 30% lower after plan " + run.planId()));
        store.plans().updateState(revert.id(), PlanState.APPLIED);
        assertThat(context.alerts().evaluate().alerts())
                .noneMatch(a -> a.alert().kind() == io.knobwright.model.health.AlertKind.APPLY_REGRESSION);
    }

    @Test
    void pendingOutcomesAreMeasuredWithoutNamingThemOnceTheirSamplesAreIn() {
        Instance pg = similarPostgres(1).getFirst();
        collect(pg, applied.minus(Duration.ofHours(6)), applied, 400, 0.05, 1);
        ApplyRun run = applyPlan(pg);
        outcomes().recordApplied(run);
        assertThat(outcomes().measurePending()).as("no samples after the apply yet").isEmpty();
        collect(pg, applied.plusSeconds(2), applied.plus(Duration.ofHours(2)), 280, 0.05, 2);

        List<OutcomeService.Report> measured = outcomes().measurePending();

        assertThat(measured).singleElement().satisfies(r -> {
            assertThat(r.outcome().planId()).isEqualTo(run.planId());
            assertThat(r.outcome().measured().orElseThrow().verdict()).isEqualTo(ApplyOutcome.Verdict.REGRESSION);
            assertThat(r.revert()).isPresent();
        });
        assertThat(outcomes().measurePending()).as("measured once").isEmpty();
    }

    @Test
    void aFallWithinTheSamplesNoiseIsNoRegression() {
        Instance pg = similarPostgres(1).getFirst();
        collect(pg, applied.minus(Duration.ofHours(6)), applied, 400, 0.45, 1);
        outcomes().recordApplied(applyPlan(pg));
        // a median 22% lower, but the samples spread about ±40% either side of it
        collect(pg, applied.plusSeconds(2), applied.plus(Duration.ofHours(2)), 312, 0.45, 2);

        OutcomeService.Report report = outcomes().measure(pg).getFirst();

        ApplyOutcome.Measured m = report.outcome().measured().orElseThrow();
        assertThat(m.change()).isLessThan(-0.15);
        assertThat(m.verdict()).isEqualTo(ApplyOutcome.Verdict.NO_DIFFERENCE);
        assertThat(m.summary()).contains("no difference");
        assertThat(report.revert()).isEmpty();
        assertThat(m.revertPlanId()).isZero();
        assertThat(store.plans().findByInstance(pg.id())).hasSize(1);
    }

    @Test
    void laterRecommendationsForTheInstanceAndASimilarOneChangeAfterAnOutcomeIsMeasured() {
        List<Instance> two = similarPostgres(2);
        Instance pg = two.get(0);
        Instance similar = two.get(1);
        collect(pg, applied.minus(Duration.ofHours(6)), applied, 400, 0.05, 1);
        collect(similar, applied.minus(Duration.ofHours(6)), applied.plus(Duration.ofHours(2)), 400, 0.05, 3);
        RecommendationOptions options = new RecommendationOptions(true, false);
        RecommendationService.Outcome similarBefore = context.recommendations().recommend(similar, options);
        ApplyOutcome.Predicted first = outcomes().recordApplied(applyPlan(pg)).orElseThrow().prediction().orElseThrow();
        collect(pg, applied.plusSeconds(2), applied.plus(Duration.ofHours(2)), 250, 0.05, 2);
        RecommendationService.Outcome pgBefore = context.recommendations().recommend(pg, options);
        var measured = io.knobwright.app.simulation.WhatIfService.WorkloadChoice.MEASURED;
        double whatIfBefore = context.whatIf().simulate(pg.id(), measured, List.of()).getFirst().throughput().mean();

        outcomes().measure(pg);
        // the same plan applied again is predicted by what the first apply measured: a 37% fall, not the first guess
        ApplyOutcome.Predicted second = outcomes().recordApplied(applyPlan(pg)).orElseThrow().prediction().orElseThrow();
        assertThat(second.change()).isLessThan(first.change());
        // the what-if of the instance learns from the same observations (they are in its replay family)
        assertThat(context.whatIf().baseline(pg.id(), measured).model()).contains("calibrated on 2 runs");
        assertThat(context.whatIf().simulate(pg.id(), measured, List.of()).getFirst().throughput().mean())
                .isNotEqualTo(whatIfBefore);

        RecommendationService.Outcome pgAfter = context.recommendations().recommend(pg, options);
        RecommendationService.Outcome similarAfter = context.recommendations().recommend(similar, options);
        assertThat(pgBefore.notes()).anyMatch(n -> n.contains("default constants"));
        assertThat(pgAfter.notes()).anyMatch(n -> n.contains("calibrated on 2 runs"));
        assertThat(effect(pgAfter.set())).isNotEqualTo(effect(pgBefore.set()));
        assertThat(similarAfter.notes()).anyMatch(n -> n.contains("priors pooled from 1 other workload"));
        assertThat(effect(similarAfter.set())).isNotEqualTo(effect(similarBefore.set()));
    }

    /** What a recommendation set predicts: each change and its effect, or why nothing changes. */
    private static String effect(RecommendationSet set) {
        return set.noChange() ? set.noChangeReason() : set.recommendations().stream()
                .map(r -> r.parameter() + "=" + r.to() + " " + r.effect()).toList() + " overall " + set.overall();
    }
}
