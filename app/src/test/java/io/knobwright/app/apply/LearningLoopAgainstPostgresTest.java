package io.knobwright.app.apply;

import io.knobwright.app.recommend.CollectedSamples;
import io.knobwright.app.recommend.LearnedRecommenders;
import io.knobwright.app.recommend.OutcomeService;
import io.knobwright.app.simulation.CalibratedInstanceModels;
import io.knobwright.model.apply.journal.ApplyRun;
import io.knobwright.model.apply.journal.RunState;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.simulation.ApplyOutcome;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learning loop around a real apply (embedded PostgreSQL, so the shared server is never changed): `plan apply`
 * records what the plan was predicted to do; the samples collected after it show a regression; the revert proposed as
 * a draft plan is submitted, approved and applied like any other, and the server holds its old value again.
 */
class LearningLoopAgainstPostgresTest {

    private static EmbeddedPostgres postgres;
    private ApplyFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @AfterEach
    void close() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        ApplyFixture.sql(url(), "ALTER SYSTEM RESET ALL", "SELECT pg_reload_conf()");
    }

    private static String url() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Test
    void anAppliedPlanThatRegressesIsRevertedThroughItsOwnProposedPlan() throws Exception {
        fixture = ApplyFixture.inMemory(url());
        var store = fixture.store;
        var context = fixture.context;
        var pg = store.instances().save(fixture.pg.withHardware(new HardwareFacts(4, 16L << 30, DiskType.SSD, 200L << 30)));
        context.fleet().refresh(pg.id());
        String workMem = ApplyFixture.settings(url(), "work_mem").getFirst();
        Instant now = Instant.now();
        CollectedSamples.collect(store, pg.id(), now.minus(Duration.ofHours(6)), now.minusSeconds(1), 400, 0.05, 1);
        ChangePlan plan = fixture.approved(ApplyFixture.online("work_mem", workMem, "65536"));

        ApplyRun run = context.apply().apply("alice", plan.id());

        assertThat(run.state()).isEqualTo(RunState.APPLIED);
        assertThat(ApplyFixture.settings(url(), "work_mem")).containsExactly("65536");
        ApplyOutcome recorded = store.applyOutcomes().ofPlan(plan.id()).getFirst();
        assertThat(recorded.runId()).isEqualTo(run.id());
        assertThat(recorded.prediction()).as(recorded.predictionNote()).isPresent();
        assertThat(recorded.settingsBefore()).containsEntry("work_mem", workMem);
        assertThat(recorded.settingsAfter()).containsEntry("work_mem", "65536");

        // two hours later, the collectors have measured a third fewer transactions per second
        Instant finished = recorded.finishedAt();
        CollectedSamples.collect(store, pg.id(), finished.plusSeconds(30), finished.plus(Duration.ofHours(2)), 270, 0.05, 2);
        OutcomeService later = new OutcomeService(store, context.fleet(), context.workload(),
                new LearnedRecommenders(store.observations(), CalibratedInstanceModels.builtIn(store.observations())),
                context.plans(), Clock.offset(Clock.systemUTC(), Duration.ofHours(2).plusMinutes(1)));
        OutcomeService.Report report = later.measurePlan(plan.id());

        assertThat(report.outcome().measured().orElseThrow().verdict()).isEqualTo(ApplyOutcome.Verdict.REGRESSION);
        ChangePlan revert = report.revert().orElseThrow();
        assertThat(revert.changes()).extracting(PlannedChange::parameter, PlannedChange::from, PlannedChange::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("work_mem", "65536", workMem));
        context.governance().submit("alice", revert.id(), null, "measured regression");
        context.governance().approve("bob", revert.id(), "");
        ApplyRun reverted = context.apply().apply("alice", revert.id());

        assertThat(reverted.state()).isEqualTo(RunState.APPLIED);
        assertThat(ApplyFixture.settings(url(), "work_mem")).containsExactly(workMem);
        assertThat(store.plans().find(revert.id()).orElseThrow().state()).isEqualTo(PlanState.APPLIED);
        assertThat(store.applyOutcomes().ofPlan(revert.id())).as("the revert's own apply is recorded too").hasSize(1);
        assertThat(store.observations().ofInstance(pg.id())).hasSize(2);
    }
}
