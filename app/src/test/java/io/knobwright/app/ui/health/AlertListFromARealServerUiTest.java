package io.knobwright.app.ui.health;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.health.MaintenanceWindow;
import io.knobwright.model.health.ShownAlert;
import io.knobwright.model.store.KnobwrightStore;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet alert list with real data: two instances on the machine's PostgreSQL 15, sessions left idle in transaction
 * across three real polls, and a maintenance window on one team's tag. The snapshot shows one active, one silenced.
 */
@ExtendWith(ApplicationExtension.class)
class AlertListFromARealServerUiTest {

    private Stage stage;
    private KnobwrightStore store;
    private final List<Connection> leaks = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        for (Connection c : leaks) {
            c.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theAlertListShowsActiveAndSilencedAlertsWithTheirEvidence(FxRobot robot) throws Exception {
        store = KnobwrightStore.inMemory("alerts-real-" + UUID.randomUUID(), false);
        AppContext context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(),
                name -> null, "dba");
        String url = "jdbc:postgresql://127.0.0.1:5432/postgres";
        Instance payments = context.fleet().register(new Registration("pg15-payments", url, "postgres", null, null,
                Tier.PRODUCTION, null, null, Map.of("team", "payments")));
        Instance billing = context.fleet().register(new Registration("pg15-billing", url, "postgres", null, null,
                Tier.STAGING, null, null, Map.of("team", "billing")));
        for (int k = 0; k < 3; k++) {
            Connection c = DriverManager.getConnection(url + "?ApplicationName=kw-alerts-ui", "postgres", "");
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT 1");
            }
            leaks.add(c);
        }
        for (int poll = 0; poll < 3; poll++) {
            context.monitor().pollNow(List.of(payments, billing));
        }
        Instant now = Instant.now();
        context.alerts().addWindow(new MaintenanceWindow(0, "team=payments", true, now.minusSeconds(1800),
                now.plusSeconds(5400), null, "bulk load of Q4 invoices", "dba"));
        var evaluation = context.alerts().evaluate();

        List<ShownAlert> opened = new ArrayList<>();
        var vm = new AlertListViewModel(opened::add);
        WaitForAsyncUtils.asyncFx(() -> {
            // the theme is global to the JVM: another test may have left the dark one
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            vm.show(evaluation.alerts());
            var view = new AlertListView(vm);
            Scene scene = new Scene(view, 1100, 420);
            scene.getStylesheets().add(io.knobwright.app.ui.common.Theme.class.getResource("tokens.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        }).get();
        var path = Snapshots.writeAt(stage.getScene(), 1100, 420, "alert-list.png");
        assertThat(Files.size(path)).isPositive();

        assertThat(vm.alerts()).anySatisfy(s -> {
            assertThat(s.alert().instanceName()).isEqualTo("pg15-payments");
            assertThat(s.silencedBy().orElseThrow().reason()).isEqualTo("bulk load of Q4 invoices");
        });
        assertThat(vm.alerts()).anySatisfy(s -> {
            assertThat(s.alert().instanceName()).isEqualTo("pg15-billing");
            assertThat(s.silenced()).isFalse();
        });
        assertThat(vm.healthByInstance().get(billing.id()).active()).isPositive();

        robot.clickOn(".alert-row");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).singleElement().extracting(s -> s.alert().instanceName()).isEqualTo("pg15-billing");

        // acknowledged through the view-model, stored, evaluated again: it stays listed, greyed, with who and when
        var acked = new AlertListViewModel(s -> { }, (s, comment) -> context.alerts().acknowledge(s.alert().key(), "dba", comment));
        acked.show(evaluation.alerts());
        ShownAlert leak = acked.alerts().stream().filter(s -> s.alert().instanceName().equals("pg15-billing")).findFirst()
                .orElseThrow();
        acked.acknowledge(leak, "app team paged, INC-4711");
        var again = context.alerts().evaluate();
        WaitForAsyncUtils.asyncFx(() -> {
            acked.show(again.alerts());
            stage.getScene().setRoot(new AlertListView(acked));
        }).get();
        var ackPath = Snapshots.writeAt(stage.getScene(), 1100, 420, "alert-list-acknowledged.png");
        assertThat(Files.size(ackPath)).isPositive();
        assertThat(acked.alerts()).filteredOn(s -> s.alert().instanceName().equals("pg15-billing")).isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.acknowledgedBy()).contains("dba");
                    assertThat(s.acknowledgement().orElseThrow().comment()).isEqualTo("app team paged, INC-4711");
                });
        assertThat(acked.needingAttentionProperty().get()).isZero();
    }
}
