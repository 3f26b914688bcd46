package io.knobwright.app.apply;

import io.knobwright.model.apply.journal.ApplyRun;
import io.knobwright.model.apply.journal.JournalStep;
import io.knobwright.model.apply.journal.RunState;
import io.knobwright.model.apply.journal.ServerSession;
import io.knobwright.model.apply.journal.StepPhase;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static io.knobwright.app.apply.ApplyFixture.autoConf;
import static io.knobwright.app.apply.ApplyFixture.online;
import static io.knobwright.app.apply.ApplyFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL stopped (fast shutdown) in the middle of applying a plan, between two verified steps: the run cannot
 * put anything back while the server is away, says what is where, and stays owed; once the server runs again on the
 * same data directory, which then holds the steps ALTER SYSTEM had persisted, the next start puts the old
 * configuration back whole, and the plan can be applied again.
 */
class ApplyWhenTheServerStopsTest {

    private static final String[] PARAMETERS = {"work_mem", "random_page_cost", "effective_io_concurrency"};

    @TempDir
    Path temp;
    private Path data;
    private int port;
    private EmbeddedPostgres postgres;
    private ApplyFixture fixture;

    @BeforeEach
    void serverAndStore() throws IOException {
        data = temp.resolve("pgdata");
        port = freePort();
        postgres = startOnSameData();
        fixture = ApplyFixture.inMemory(url());
    }

    @AfterEach
    void close() throws IOException {
        fixture.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The same data directory and port each time, so the fleet's URL and postgresql.auto.conf outlive a stop. */
    private EmbeddedPostgres startOnSameData() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    private void stopServer() {
        try {
            postgres.close();
            postgres = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server when the run moves on to {@code parameter}: every step before it is set and verified. */
    private final class StoppingBefore extends ForwardingSession {
        private final String parameter;

        StoppingBefore(String parameter, ServerSession inner) {
            super(inner);
            this.parameter = parameter;
        }

        @Override
        public void set(String p, String value) {
            if (p.equals(parameter) && postgres != null) {
                stopServer();
            }
            super.set(p, value);
        }
    }

    @Test
    void aServerStoppedAfterStepTwoIsPutBackWholeWhenItRunsAgainAndThePlanSaysSo() throws Exception {
        List<String> old = settings(url(), PARAMETERS);
        String oldAutoConf = autoConf(url());
        ChangePlan plan = fixture.approved(online("work_mem", "4096", "8192"), online("random_page_cost", "4", "1.1"),
                online("effective_io_concurrency", "1", "200"));

        ApplyRun run = fixture.applyOver(real -> new StoppingBefore("effective_io_concurrency", real)).apply("alice", plan.id());

        assertThat(postgres).as("the server was stopped before step 3").isNull();
        assertThat(run.state()).as("nothing a person must decide while the server is away: the run is owed")
                .isEqualTo(RunState.APPLYING);
        assertThat(run.message()).contains("step 3 (effective_io_concurrency) failed").contains("could not be reached")
                .contains("work_mem may hold 8192 or 4096").contains("random_page_cost may hold 1.1 or 4")
                .contains("next time it starts");
        assertThat(run.steps()).extracting(JournalStep::phase).containsOnly(StepPhase.COMPENSATING);
        assertThat(fixture.planState(plan.id())).isEqualTo(PlanState.APPLYING);
        assertThat(fixture.context.audit().about("plan:" + plan.id())).extracting(r -> r.action())
                .contains("plan.apply.interrupted");
        assertThat(fixture.context.apply().recover()).as("a start while the server is still down changes nothing")
                .singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(RunState.APPLYING));

        postgres = startOnSameData();
        assertThat(settings(url(), PARAMETERS)).as("what ALTER SYSTEM persisted before the stop is in force again")
                .containsExactly("8192", "1.1", old.get(2));

        List<ApplyRun> recovered = fixture.context.apply().recover();
        assertThat(recovered).singleElement().satisfies(r -> {
            assertThat(r.state()).as(r.message()).isEqualTo(RunState.ROLLED_BACK);
            assertThat(r.message()).contains("server went away while applying").contains("Every change was put back");
            assertThat(r.steps()).extracting(JournalStep::phase).containsOnly(StepPhase.COMPENSATED);
        });
        assertThat(settings(url(), PARAMETERS)).containsExactlyElementsOf(old);
        assertThat(autoConf(url())).as("postgresql.auto.conf as before the run").isEqualTo(oldAutoConf);
        assertThat(fixture.planState(plan.id())).isEqualTo(PlanState.ROLLED_BACK);
        assertThat(fixture.store.applyJournal().unfinished()).isEmpty();
        assertThat(fixture.context.apply().runsOf(plan.id())).first().satisfies(r -> assertThat(r.state()).isEqualTo(RunState.ROLLED_BACK));

        ApplyRun again = fixture.context.apply().apply("alice", plan.id());
        assertThat(again.state()).as(again.message()).isEqualTo(RunState.APPLIED);
        assertThat(settings(url(), PARAMETERS)).containsExactly("8192", "1.1", "200");
        assertThat(fixture.planState(plan.id())).isEqualTo(PlanState.APPLIED);
    }
}
