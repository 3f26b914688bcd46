package io.knobwright.app.ui.welcome;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.DemoWorkbench;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.connectors.ConnectionReport;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.FailureReason;
import io.knobwright.connectors.PrivilegeFinding;
import io.knobwright.connectors.ServerInfo;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The guided form of "connect your first instance": defaults that follow, checks before connecting, verdicts, registering. */
class ConnectFormViewModelTest {

    private final AppContext context = DemoWorkbench.context("welcome-connect");
    private final List<Instance> registered = new ArrayList<>();
    private final List<String> tested = new ArrayList<>();

    @AfterEach
    void closeStore() {
        context.close();
    }

    private ConnectFormViewModel form(WelcomeDesk.ConnectionTester tester, Map<String, String> env) {
        return new ConnectFormViewModel(context.fleet(), tester, Fixtures.inline(), Set.of("orders-pg-prod-01"), env::get,
                registered::add);
    }

    private ConnectFormViewModel scripted(ConnectionReport report) {
        return form((url, user, password) -> {
            tested.add(url + " " + user + " " + password);
            return report;
        }, Map.of("KW_PW", "from-env"));
    }

    private static ConnectionReport report(PrivilegeFinding... findings) {
        return new ConnectionReport(new ServerInfo(new EngineVersion(Engine.POSTGRESQL, "16"), "16.4", HardwareFacts.UNKNOWN),
                "lin", 352, List.of(findings));
    }

    @Test
    void portAndDatabaseFollowTheEngineUntilTheUserTypesTheirOwn() {
        ConnectFormViewModel vm = scripted(report());
        assertThat(vm.portProperty().get()).isEqualTo("5432");
        assertThat(vm.databaseProperty().get()).isEqualTo("postgres");

        vm.engineProperty().set(Engine.MARIADB);
        assertThat(vm.portProperty().get()).isEqualTo("3306");
        assertThat(vm.databaseProperty().get()).isEmpty();

        vm.portProperty().set("3307");
        vm.engineProperty().set(Engine.MYSQL);
        assertThat(vm.portProperty().get()).as("typed by the user: kept").isEqualTo("3307");
    }

    @Test
    void theNameFollowsTheHostUntilTyped() {
        ConnectFormViewModel vm = scripted(report());
        vm.hostProperty().set("db1.example.com");
        assertThat(vm.nameProperty().get()).isEqualTo("db1.example.com");

        vm.nameProperty().set("orders-primary");
        vm.hostProperty().set("db2.example.com");
        assertThat(vm.nameProperty().get()).isEqualTo("orders-primary");
    }

    @Test
    void theUrlIsBuiltFromTheFields() {
        ConnectFormViewModel vm = scripted(report());
        vm.hostProperty().set("fe80::1");
        vm.engineProperty().set(Engine.MYSQL);
        vm.databaseProperty().set("shop");

        assertThat(vm.jdbcUrl()).isEqualTo("jdbc:mysql://[fe80::1]:3306/shop");
    }

    @Test
    void badFieldsAreNamedAndNothingIsContacted() {
        ConnectFormViewModel vm = scripted(report());
        vm.test();
        assertThat(vm.problemProperty().get()).isEqualTo("Enter the server's host name or IP address, e.g. db1.example.com.");

        vm.hostProperty().set("postgres://db1");
        vm.test();
        assertThat(vm.problemProperty().get()).startsWith("'postgres://db1' is not a host name or IP address");

        vm.hostProperty().set("db1");
        vm.portProperty().set("99999");
        vm.test();
        assertThat(vm.problemProperty().get()).startsWith("The port is a number from 1 to 65535");

        vm.portProperty().set("5432");
        vm.test();
        assertThat(vm.problemProperty().get()).isEqualTo("Enter the user Knobwright logs in as, e.g. knobwright.");

        vm.userProperty().set("lin");
        vm.useEnvironmentProperty().set(true);
        vm.passwordEnvProperty().set("NOT_SET");
        vm.test();
        assertThat(vm.problemProperty().get()).startsWith("$NOT_SET is not set in the environment");
        assertThat(tested).isEmpty();
    }

    @Test
    void aTestThatConnectsWithEveryPrivilegeSaysSoAndAllowsRegistering() {
        ConnectFormViewModel vm = filled(scripted(report(PrivilegeFinding.granted("pg_read_all_settings", "read every setting"))));

        vm.test();

        ConnectionVerdict verdict = vm.verdictProperty().get();
        assertThat(verdict.outcome()).isEqualTo(ConnectionVerdict.Outcome.CONNECTED);
        assertThat(verdict.headline()).isEqualTo("Connected to PostgreSQL 16.4 as lin");
        assertThat(verdict.detail()).isEqualTo("Read 352 settings. Every privilege Knobwright needs is there.");
        assertThat(vm.canRegister().get()).isTrue();
        assertThat(tested).containsExactly("jdbc:postgresql://db1:5432/postgres lin from-env");
    }

    @Test
    void missingPrivilegesAreCountedInTheHeadlineAndAnyEditAsksForANewTest() {
        ConnectFormViewModel vm = filled(scripted(report(
                PrivilegeFinding.missing("pg_read_all_settings", "read every setting", "GRANT pg_read_all_settings TO lin;"),
                PrivilegeFinding.missing("pg_read_all_stats", "see every statement", "GRANT pg_read_all_stats TO lin;"))));

        vm.test();

        ConnectionVerdict verdict = vm.verdictProperty().get();
        assertThat(verdict.outcome()).isEqualTo(ConnectionVerdict.Outcome.CONNECTED_WITH_GAPS);
        assertThat(verdict.headline()).isEqualTo("Connected to PostgreSQL 16.4 as lin, but 2 privileges are missing");
        assertThat(verdict.detail()).contains("Run the GRANTs below as an administrator, then test again");
        assertThat(vm.canRegister().get()).as("registering works; some screens wait for the grants").isTrue();

        vm.portProperty().set("5433");
        assertThat(vm.verdictProperty().get()).isNull();
        assertThat(vm.canRegister().get()).isFalse();
    }

    @Test
    void aRefusalIsHeadedByItsReasonAndSaysWhatToDo() {
        ConnectFormViewModel vm = filled(form((url, user, password) -> {
            throw new ConnectorException(FailureReason.CONNECTION_REFUSED,
                    "Nothing is listening at db1:5432 — is the PostgreSQL server running, and is the port right?", null);
        }, Map.of("KW_PW", "x")));

        vm.test();

        ConnectionVerdict verdict = vm.verdictProperty().get();
        assertThat(verdict.outcome()).isEqualTo(ConnectionVerdict.Outcome.FAILED);
        assertThat(verdict.headline()).isEqualTo("Host unreachable: connection refused (nothing listens on that port)");
        assertThat(verdict.detail()).endsWith("is the port right?");
        assertThat(vm.canRegister().get()).isFalse();
    }

    @Test
    void aTestedLocalPostgresIsRegisteredIntoTheFleet() {
        ConnectFormViewModel vm = form(WelcomeDesk.of(context).tester(), Map.of());
        vm.hostProperty().set("127.0.0.1");
        vm.userProperty().set("postgres");
        vm.tierProperty().set(Tier.TEST);
        vm.nameProperty().set("local-pg");

        vm.test();
        assertThat(vm.verdictProperty().get().headline()).startsWith("Connected to PostgreSQL 15.");
        vm.register();

        assertThat(registered).singleElement().satisfies(instance -> {
            assertThat(instance.name()).isEqualTo("local-pg");
            assertThat(instance.tier()).isEqualTo(Tier.TEST);
            assertThat(instance.demo()).isFalse();
        });
        assertThat(context.fleet().require("local-pg").connection().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
        assertThat(context.fleet().latestSnapshot(registered.getFirst().id())).as("a first settings snapshot").isPresent();
    }

    @Test
    void aNameAlreadyInTheFleetIsRefusedBeforeRegistering() {
        ConnectFormViewModel vm = filled(scripted(report()));
        vm.nameProperty().set("Orders-PG-Prod-01");
        vm.test();

        vm.register();

        assertThat(vm.problemProperty().get()).isEqualTo("An instance named 'Orders-PG-Prod-01' already exists; pick another name.");
        assertThat(registered).isEmpty();
    }

    private static ConnectFormViewModel filled(ConnectFormViewModel vm) {
        vm.hostProperty().set("db1");
        vm.userProperty().set("lin");
        vm.useEnvironmentProperty().set(true);
        vm.passwordEnvProperty().set("KW_PW");
        return vm;
    }
}
