package io.knobwright.app.cli;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `alerts list` and `maintenance` against the machine's PostgreSQL 15: sessions left idle in transaction across three
 * real polls give an alert with its numbers; a maintenance window on the instance's tag lists it as silenced.
 */
class AlertsCommandAgainstPostgresTest {

    private final CliHarness cli = CliHarness.withRealServers();
    private final AppContext context = new AppContext(cli.store(), () -> { }, new CatalogRepository(),
            Connectors.defaultRegistry(), name -> null, "alice");
    private final List<Connection> leaks = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (Connection c : leaks) {
            c.close();
        }
        context.close();
        cli.close();
    }

    @Test
    void idleInTransactionSessionsAlertAndATagWindowSilencesThemWithItsReason() throws Exception {
        context.fleet().register(new Registration("local-pg15", "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
                null, null, Tier.TEST, null, null, Map.of("team", "payments")));
        for (int k = 0; k < 2; k++) {
            Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?ApplicationName=kw-alerts-leak",
                    "postgres", "");
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT 1");
            }
            leaks.add(c);
        }
        for (int poll = 0; poll < 3; poll++) {
            var collected = cli.run("monitor", "collect", "--instance", "local-pg15");
            assertThat(collected.exitCode()).as(collected.err()).isZero();
        }

        var active = cli.run("alerts", "list", "--json");
        assertThat(active.exitCode()).as(active.err()).isIn(0, 1);
        assertThat(active.out()).contains("\"instance\" : \"local-pg15\"").contains("\"kind\" : \"idle_in_transaction\"")
                .contains("sessions idle in transaction").contains("\"silenced\" : false");

        Instant now = Instant.now();
        var added = cli.run("maintenance", "add", "--tag", "team=payments", "--from", now.minusSeconds(3600).toString(),
                "--to", now.plusSeconds(3600).toString(), "--reason", "bulk load");
        assertThat(added.exitCode()).as(added.err()).isZero();
        var silenced = cli.run("alerts", "list", "--instance", "local-pg15", "--json");
        assertThat(silenced.exitCode()).as(silenced.err()).isZero();
        assertThat(silenced.out()).contains("\"silenced\" : true").contains("bulk load").doesNotContain("\"silenced\" : false");

        var table = cli.run("alerts", "list");
        assertThat(table.out()).contains("SILENCED").contains("bulk load");
    }

    @Test
    void aWindowWithoutAPlaceOrATimeSaysWhatToGive() {
        var noScope = cli.run("maintenance", "add", "--weekly", "Sun 02:00-04:00", "--reason", "restart");
        assertThat(noScope.exitCode()).isNotZero();
        assertThat(noScope.err()).contains("Give either --instance NAME or --tag key=value.");
        var badWeekly = cli.run("maintenance", "add", "--tag", "team=payments", "--weekly", "Sunday night", "--reason", "x");
        assertThat(badWeekly.err()).contains("'Sun 02:00-04:00'");
        var unknown = cli.run("maintenance", "add", "--instance", "nope", "--from", "2026-12-06T02:00:00Z",
                "--to", "2026-12-06T04:00:00Z", "--reason", "x");
        assertThat(unknown.err()).contains("No instance is called 'nope'");
        var listed = cli.run("maintenance", "list", "--json");
        assertThat(listed.out().strip()).isEqualTo("[ ]");
    }
}
