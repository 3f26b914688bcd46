package io.knobwright.app.ui.workload;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.Workbench;
import io.knobwright.app.ui.instance.CatalogLookup;
import io.knobwright.app.ui.workbench.WorkbenchGovernance;
import io.knobwright.app.ui.workbench.WorkbenchViewModel;
import io.knobwright.app.workload.PlanCaptures;
import io.knobwright.connectors.Connectors;
import io.knobwright.connectors.logs.ImportControl;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.task.TaskRunner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Workload screen with real data: an embedded PostgreSQL with pg_stat_statements and every statement logged runs
 * an application's traffic (an ORM's N+1 loop among it); the monitor polls it twice, the plans of its top queries
 * are captured before and after an index is dropped, its log is imported, and the main window shows all of it.
 */
@ExtendWith(ApplicationExtension.class)
class WorkloadFromARealServerUiTest {

    private static EmbeddedPostgres postgres;
    private static Path logs;
    private Stage stage;
    private KnobwrightStore store;
    private Workbench workbench;

    @BeforeAll
    static void startServer() throws Exception {
        logs = Files.createTempDirectory("knobwright-workload-ui");
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_destination", "stderr")
                .setServerConfig("log_directory", logs.toString())
                .setServerConfig("log_filename", "server.log")
                .setServerConfig("log_line_prefix", "'%m [%p] %q%u@%d '")
                .setServerConfig("log_min_duration_statement", "0")
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION pg_stat_statements");
            st.execute("CREATE TABLE customers (id int PRIMARY KEY, name text, region int)");
            st.execute("CREATE TABLE orders (id int PRIMARY KEY, customer int, total numeric, placed date)");
            st.execute("INSERT INTO customers SELECT g, 'customer ' || g, g % 12 FROM generate_series(1, 2000) g");
            st.execute("INSERT INTO orders SELECT g, g % 2000 + 1, (g % 977) * 1.25, date '2026-01-01' + g % 300"
                    + " FROM generate_series(1, 60000) g");
            st.execute("CREATE INDEX orders_customer ON orders (customer)");
            st.execute("ANALYZE");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        postgres.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        if (workbench != null) {
            robot.interact(() -> workbench.view().dispose());
        }
        store.close();
    }

    /** Traffic as an application sends it: a page of orders with one query per row (N+1), reports, writes. */
    private static void runTraffic(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            for (int page = 0; page < 6; page++) {
                try (PreparedStatement list = c.prepareStatement("SELECT id, customer FROM orders WHERE placed = ?"
                        + " ORDER BY id LIMIT 40");
                     PreparedStatement customer = c.prepareStatement("SELECT name, region FROM customers WHERE id = ?")) {
                    list.setObject(1, java.time.LocalDate.of(2026, 3, 1 + page));
                    var rows = list.executeQuery();
                    while (rows.next()) {
                        customer.setInt(1, rows.getInt(2));
                        customer.executeQuery().close();
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                for (int region = 0; region < 12; region++) {
                    st.executeQuery("SELECT c.region, sum(o.total) FROM orders o JOIN customers c ON c.id = o.customer"
                            + " WHERE c.region = " + region + " GROUP BY c.region").close();
                }
                for (int i = 0; i < 30; i++) {
                    st.executeQuery("select * from orders where customer = " + (i * 37 % 2000 + 1)).close();
                    st.execute("UPDATE orders SET total = total + 1 WHERE id = " + (i * 101 + 1));
                }
            }
        }
    }

    @Test
    void theWorkloadScreenShowsWhatTheServerRan(FxRobot robot) throws Exception {
        store = KnobwrightStore.inMemory("workload-real-" + UUID.randomUUID(), false);
        AppContext context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(),
                name -> null, "dba");
        String url = postgres.getJdbcUrl("postgres", "postgres");
        Instance orders = context.fleet().register(new Registration("orders-pg", url, "postgres", null, null,
                Tier.PRODUCTION, null, null, Map.of()));

        context.monitor().pollNow(List.of(orders));
        runTraffic(url);
        Thread.sleep(1100);
        runTraffic(url);
        assertThat(context.monitor().pollNow(List.of(orders))).singleElement()
                .satisfies(outcome -> assertThat(outcome.error()).as(outcome.error()).isNullOrEmpty());

        PlanCaptures.Round before = context.planCaptures().capture(orders);
        assertThat(before.captured()).as(before.failures().toString()).isPositive();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP INDEX orders_customer");
        }
        PlanCaptures.Round after = context.planCaptures().capture(orders);
        assertThat(after.changes()).as("the query by customer lost its index").isNotEmpty();

        var imported = context.logImports().importLog("dba", orders.name(), logs.resolve("server.log"), null, null,
                new ImportControl());
        assertThat(imported.record().statements()).isGreaterThan(300);
        assertThat(imported.record().bursts()).as("the ORM's loop over the page of orders").isPositive();

        robot.interact(() -> {
            workbench = new Workbench(context.fleet(), context.templates(), context.plans(),
                    CatalogLookup.of(context.catalogService()), WorkbenchGovernance.of(context), TaskRunner.inline(),
                    Platform::runLater);
            stage.setWidth(1600);
            stage.setHeight(1200);
            workbench.start(stage);
        });
        WorkbenchViewModel vm = workbench.viewModel();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.browser().totalCountProperty().get() == 1);
        robot.interact(() -> {
            vm.browser().select(orders.id());
            vm.screenProperty().set(WorkbenchViewModel.Screen.WORKLOAD);
        });
        WorkloadViewModel workload = vm.workload();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !workload.loadingProperty().get() && workload.hasDataProperty().get();
        });

        assertThat(workload.queries()).anySatisfy(q -> {
            assertThat(q.query()).isEqualTo("select name, region from customers where id = ?");
            assertThat(q.calls()).isEqualTo(480);
        });
        assertThat(workload.bursts()).isNotEmpty();
        assertThat(workload.bursts().getFirst().query()).isEqualTo("select name, region from customers where id = ?");
        assertThat(workload.planChanges()).isNotEmpty();
        Snapshots.writeAt(stage.getScene(), 1600, 2000, "workload-real-server.png");
    }
}
