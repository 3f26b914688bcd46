package io.knobwright.app.override;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.override.EmergencyOverride;
import io.knobwright.model.override.OverrideState;
import io.knobwright.model.policy.Role;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overrides on the MariaDB 10.11 service: SET GLOBAL now, read back, and the old value put back at the deadline; a
 * hostile text value reaches the server as one literal. Every global touched is put back afterwards.
 */
class OverrideAgainstMariaDbTest {

    private static final String DATABASE = "knobwright_override_app";
    private static final String ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root&password=";

    private String maxConnections;
    private String initSlave;
    private KnobwrightStore store;
    private AppContext context;
    private Instance maria;

    @BeforeEach
    void fleetAndOperator() throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
        }
        maxConnections = global("max_connections");
        initSlave = global("init_slave");
        store = KnobwrightStore.inMemory("override-maria-" + System.nanoTime(), false);
        context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(), name -> null, "olga");
        maria = context.fleet().register(new Registration("local-maria", "jdbc:mariadb://127.0.0.1:3306/" + DATABASE, "root",
                null, null, Tier.TEST, null, null, Map.of()));
        context.policy().addUser("setup", "carol", Set.of(Role.ADMIN));
        context.policy().addUser("carol", "olga", Set.of(Role.OPERATOR));
    }

    @AfterEach
    void putBack() throws Exception {
        context.close();
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("SET GLOBAL max_connections = " + Integer.parseInt(maxConnections));
            try (var p = c.prepareStatement("SET GLOBAL init_slave = ?")) {
                p.setString(1, initSlave);
                p.execute();
            }
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    private static String global(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT @@GLOBAL." + name)) {
            r.next();
            return r.getString(1);
        }
    }

    private EmergencyOverride apply(String parameter, String value, Duration duration) {
        OverrideResult r = context.overrides().apply("olga", new OverrideRequest(List.of(maria.name()), Map.of(parameter, value),
                duration, "incident 4713: connection storm", false));
        assertThat(r.allApplied()).as(r.instances().toString()).isTrue();
        return r.instances().getFirst().overrides().getFirst();
    }

    @Test
    void aDynamicVariableIsSetNowAndPutBackAtTheDeadline() throws Exception {
        int raised = Integer.parseInt(maxConnections) + 37;
        EmergencyOverride o = apply("max_connections", Integer.toString(raised), Duration.ofSeconds(1));
        assertThat(global("max_connections")).isEqualTo(Integer.toString(raised));
        Thread.sleep(1100);
        List<Restoration> done = context.overrides().restoreDue();
        assertThat(done).singleElement().satisfies(r -> assertThat(r.restored()).as(r.message()).isTrue());
        assertThat(context.overrides().find(o.id()).orElseThrow().state()).isEqualTo(OverrideState.RESTORED);
        assertThat(global("max_connections")).isEqualTo(maxConnections);
    }

    @Test
    void aHostileTextValueIsOneLiteral() throws Exception {
        String hostile = "x'; SET GLOBAL max_connections = 1; -- \\' /* */";
        EmergencyOverride o = apply("init_slave", hostile, Duration.ofMinutes(5));
        assertThat(global("init_slave")).isEqualTo(hostile);
        assertThat(global("max_connections")).isEqualTo(maxConnections);
        assertThat(context.overrides().restoreNow("olga", o.id(), "done").restored()).isTrue();
        assertThat(global("init_slave")).isEqualTo(initSlave);
    }
}
