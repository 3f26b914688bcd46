package io.knobwright.app.cli;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.apply.journal.ApplyRun;
import io.knobwright.model.apply.journal.RunState;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.Role;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `fleet restarts` against a real PostgreSQL (embedded, restartable on its data directory): a restart-only parameter
 * applied is listed until the server is restarted, then `--check` clears it; a server that is down keeps the list
 * and says so.
 */
class FleetRestartsAgainstPostgresTest {

    @TempDir
    Path data;
    private int port;
    private EmbeddedPostgres postgres;
    private CliHarness cli;
    private AppContext context;
    private Instance pg;

    @BeforeEach
    void serverFleetAndPeople() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        postgres = start();
        cli = CliHarness.withRealServers();
        context = new AppContext(cli.store(), () -> { }, new CatalogRepository(), Connectors.defaultRegistry(), name -> null, "alice");
        pg = context.fleet().register(new Registration("restartable-pg", postgres.getJdbcUrl("postgres", "postgres"), "postgres",
                null, null, Tier.TEST, null, null, Map.of()));
        context.policy().addUser("setup", "carol", Set.of(Role.ADMIN));
        context.policy().addUser("carol", "alice", Set.of(Role.DBA));
        context.policy().addUser("carol", "bob", Set.of(Role.REVIEWER));
    }

    private EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data.resolve("pgdata")).setCleanDataDirectory(false).setPort(port).start();
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        cli.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    private ApplyRun applySharedBuffers() {
        ChangePlan plan = cli.store().plans().save(new ChangePlan(0, pg.id(), pg.name(), "test", 1, Instant.now(), "alice",
                PlanState.DRAFT, "live at " + Instant.now(), List.of(new PlannedChange("shared_buffers", "16384", "32768", null,
                ApplyMode.RESTART, "test", ""))));
        context.governance().submit("alice", plan.id(), null, "");
        context.governance().approve("bob", plan.id(), "");
        return context.apply().apply("alice", plan.id());
    }

    @Test
    void aRestartOnlyParameterIsListedUntilTheRestartedServerRunsWithIt() throws Exception {
        ApplyRun run = applySharedBuffers();
        assertThat(run.state()).as(run.message()).isEqualTo(RunState.APPLIED);

        CliHarness.Result listed = cli.run("fleet", "restarts");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("restartable-pg").contains("shared_buffers").contains("32768")
                .contains(String.valueOf(run.planId()));

        CliHarness.Result notYet = cli.run("fleet", "restarts", "--check", "--instance", "restartable-pg");
        assertThat(notYet.exitCode()).as(notYet.err()).isZero();
        assertThat(notYet.out()).contains("shared_buffers").doesNotContain("no longer listed");

        postgres.close();
        postgres = start();

        CliHarness.Result checked = cli.run("fleet", "restarts", "--check", "--json");
        assertThat(checked.exitCode()).as(checked.err()).isZero();
        assertThat(checked.out()).contains("\"cleared\" : [ \"shared_buffers\" ]").contains("\"waiting\" : [ ]");
        assertThat(context.pendingRestarts().pending()).isEmpty();
        assertThat(cli.run("fleet", "restarts").out()).contains("No parameter waits for a restart.");
    }

    @Test
    void aServerThatIsDownKeepsItsListAndTheCheckSaysSo() throws Exception {
        assertThat(applySharedBuffers().state()).isEqualTo(RunState.APPLIED);
        postgres.close();
        postgres = null;

        CliHarness.Result checked = cli.run("fleet", "restarts", "--check");
        assertThat(checked.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(checked.out()).contains("shared_buffers").contains("restartable-pg: not checked")
                .contains("stay listed");
        assertThat(context.pendingRestarts().pending()).hasSize(1);
    }
}
