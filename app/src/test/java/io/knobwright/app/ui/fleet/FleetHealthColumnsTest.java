package io.knobwright.app.ui.fleet;

import io.knobwright.app.health.DiskFullDays;
import io.knobwright.app.health.FleetHealthSummary.FleetHealth;
import io.knobwright.app.health.FleetHealthSummary.InstanceHealth;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.model.backup.RpoCompliance;
import io.knobwright.model.health.Alert;
import io.knobwright.model.health.AlertEvaluator;
import io.knobwright.model.health.AlertKind;
import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.health.ConnectionKey;
import io.knobwright.model.health.ConnectionUse;
import io.knobwright.model.health.MaintenanceWindow;
import io.knobwright.model.health.ShownAlert;
import io.knobwright.model.template.TemplateAssignment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The fleet table's health columns and the "With alerts" switch, on the small fleet without a toolkit. */
class FleetHealthColumnsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private final FleetViewModel vm = new FleetViewModel();

    @BeforeEach
    void loadSmallFleet() {
        vm.setInstances(Fixtures.smallFleet());
    }

    private static ShownAlert alert(long id, AlertKind kind, AlertSeverity severity, String title, boolean silenced) {
        Alert a = new Alert(id, "instance-" + id, kind, severity, title, List.of(), NOW.minusSeconds(600));
        return new ShownAlert(a, silenced ? Optional.of(new MaintenanceWindow(9, "instance-" + id, false,
                NOW.minusSeconds(3600), NOW.plusSeconds(3600), null, "planned restart", "lin")) : Optional.empty(), Optional.empty());
    }

    private static DiskFullDays.Figure disk(double days) {
        return new DiskFullDays.Figure(NOW, days, Double.isInfinite(days) ? Optional.empty()
                : Optional.of(LocalDate.of(2026, 12, 6).plusDays((long) days)), 500L << 30, 400L << 30);
    }

    private static ConnectionUse use(double sessions) {
        return new ConnectionUse(NOW.minusSeconds(60), 100, 97, 3, Map.of(new ConnectionKey("billing", "app", "10.0.0.5"), sessions));
    }

    /**
     * 1 orders-pg-prod-01: a critical and a warning alert, no good backup while watched, disk full in 12 days, 97 %.
     * 3 payments-pg-prod-01: a warning alert, a good backup 3 h ago, disk not full within a year, 85 %.
     * 4 payments-my-prod-01: a silenced alert only, its last good backup 30 h old (RPO 24 h), disk full in 200 days.
     * 5 reports-maria-dev-01: 10 % of its connections, nothing else known. The others: nothing known.
     */
    private static FleetHealth health() {
        Map<Long, InstanceHealth> byId = Map.of(
                1L, new InstanceHealth(1, List.of(alert(1, AlertKind.BACKUP_FAILED, AlertSeverity.CRITICAL, "Newest backup is damaged", false),
                        alert(1, AlertKind.DISK_FULL, AlertSeverity.WARNING, "Disk full in about 12 days", false)),
                        Optional.of(disk(12)), Optional.of(new RpoCompliance(DAY, NOW, null)), Optional.of(use(97))),
                3L, new InstanceHealth(3, List.of(alert(3, AlertKind.CONNECTIONS_NEAR_LIMIT, AlertSeverity.WARNING,
                        "Connections at 85 % of max_connections", false)), Optional.of(disk(Double.POSITIVE_INFINITY)),
                        Optional.of(new RpoCompliance(DAY, NOW, NOW.minus(Duration.ofHours(3)))), Optional.of(use(85))),
                4L, new InstanceHealth(4, List.of(alert(4, AlertKind.PENDING_RESTART, AlertSeverity.WARNING, "Restart pending", true)),
                        Optional.of(disk(200)), Optional.of(new RpoCompliance(DAY, NOW, NOW.minus(Duration.ofHours(30)))),
                        Optional.empty()),
                5L, new InstanceHealth(5, List.of(), Optional.empty(), Optional.empty(), Optional.of(use(10))));
        return new FleetHealth(NOW, byId, List.of(), new AlertEvaluator.Evaluation(List.of(), List.of()));
    }

    private FleetRow row(String name) {
        return vm.shownRows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private List<String> shownNames() {
        return vm.shownRows().stream().map(FleetRow::name).toList();
    }

    @Test
    void theFleetShowsFirstAndItsHealthColumnsFillWhenTheHealthArrives() {
        assertThat(row("orders-pg-prod-01").health().alertsText()).isEqualTo("…");
        assertThat(row("orders-pg-prod-01").health().diskText()).isEqualTo("…");
        assertThat(vm.healthLoadedProperty().get()).isFalse();

        vm.setHealth(health());

        assertThat(vm.healthLoadedProperty().get()).isTrue();
        HealthCells orders = row("orders-pg-prod-01").health();
        assertThat(orders.alertsText()).isEqualTo("2 critical");
        assertThat(orders.worst()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(orders.alertsDetail()).isEqualTo("critical: Newest backup is damaged\nwarning: Disk full in about 12 days");
        assertThat(orders.diskText()).isEqualTo("12 days");
        assertThat(orders.diskSoon()).isTrue();
        assertThat(orders.backupText()).isEqualTo("never");
        assertThat(orders.backupOverdue()).isTrue();
        assertThat(orders.connectionsText()).isEqualTo("97 %");
        assertThat(orders.connectionsCritical()).isTrue();

        HealthCells payments = row("payments-pg-prod-01").health();
        assertThat(payments.alertsText()).isEqualTo("1 warning");
        assertThat(payments.diskText()).isEqualTo("> 1 year");
        assertThat(payments.diskSoon()).isFalse();
        assertThat(payments.backupText()).isEqualTo("3 h");
        assertThat(payments.backupOverdue()).isFalse();
        assertThat(payments.connectionsHigh()).isTrue();
        assertThat(payments.connectionsCritical()).isFalse();

        HealthCells mysql = row("payments-my-prod-01").health();
        assertThat(mysql.alertsText()).isEqualTo("1 silenced");
        assertThat(mysql.hasActiveAlerts()).isFalse();
        assertThat(mysql.alertsDetail()).contains("(silenced: planned restart)");
        assertThat(mysql.backupText()).isEqualTo("30 h");
        assertThat(mysql.backupOverdue()).isTrue();
        assertThat(mysql.connectionsText()).isEqualTo("—");

        HealthCells unknown = row("search-pg-dev-01").health();
        assertThat(List.of(unknown.alertsText(), unknown.diskText(), unknown.backupText(), unknown.connectionsText()))
                .containsExactly("0", "—", "—", "—");
    }

    @Test
    void withAlertsKeepsInstancesWithAnActiveAlertAndCountsInTheStatusLine() {
        vm.setHealth(health());
        assertThat(vm.alertsCountProperty().get()).isEqualTo(2);
        assertThat(vm.statusTextProperty().get()).isEqualTo("8 instances · 8 shown · 4 production · 2 with alerts");

        vm.withAlertsOnlyProperty().set(true);

        // A silenced alert alone does not count.
        assertThat(shownNames()).containsExactly("orders-pg-prod-01", "payments-pg-prod-01");
        assertThat(vm.filtersActiveProperty().get()).isTrue();
        assertThat(vm.statusTextProperty().get()).isEqualTo("8 instances · 2 shown · 2 production · 2 with alerts");
        vm.searchTextProperty().set("orders");
        assertThat(vm.statusTextProperty().get()).isEqualTo("8 instances · 1 shown · 1 production · 1 with alerts");

        vm.clearFilters();
        assertThat(vm.withAlertsOnlyProperty().get()).isFalse();
        assertThat(vm.shownCountProperty().get()).isEqualTo(8);
    }

    @Test
    void facetsCountWithinTheInstancesWithAlertsAndCombineWithTheSwitch() {
        vm.setHealth(health());
        vm.withAlertsOnlyProperty().set(true);

        FacetValue postgres = vm.facet("engine").values().stream().filter(v -> v.key().equals("POSTGRESQL")).findFirst().orElseThrow();
        FacetValue mysql = vm.facet("engine").values().stream().filter(v -> v.key().equals("MYSQL")).findFirst().orElseThrow();
        assertThat(postgres.count()).isEqualTo(2);
        assertThat(mysql.count()).isZero();

        vm.facet("tag:team").values().stream().filter(v -> v.key().equals("payments")).findFirst().orElseThrow().setSelected(true);
        assertThat(shownNames()).containsExactly("payments-pg-prod-01");
    }

    @Test
    void theHealthStaysOnTheRowsWhenTheFleetReloadsOrItsDriftArrives() {
        vm.setHealth(health());
        vm.withAlertsOnlyProperty().set(true);

        vm.setRows(FleetViewModel.prepare(Fixtures.smallFleet(), Map.of(1L, new TemplateAssignment(1, "postgresql-oltp", null)),
                Map.of(1L, 3)));

        assertThat(shownNames()).containsExactly("orders-pg-prod-01", "payments-pg-prod-01");
        assertThat(row("orders-pg-prod-01").driftText()).isEqualTo("3");
        assertThat(row("orders-pg-prod-01").health().alertsText()).isEqualTo("2 critical");
        assertThat(vm.healthLoadedProperty().get()).isTrue();
    }

    @Test
    void eachHealthColumnSortsTheWorstFirstAndUnknownValuesLastInBothDirections() {
        vm.setHealth(health());
        List<String> unknownByName = List.of("crm-ora-test-01", "ledger-mssql-prod-01", "orders-pg-stg-01",
                "payments-my-prod-01", "reports-maria-dev-01", "search-pg-dev-01");

        vm.setOrder(FleetRow.unknownLast(FleetRow.BY_ALERTS, FleetRow::alertsUnknown, false));
        assertThat(shownNames()).startsWith("orders-pg-prod-01", "payments-pg-prod-01").endsWith(unknownByName.toArray(String[]::new));
        vm.setOrder(FleetRow.unknownLast(FleetRow.BY_ALERTS, FleetRow::alertsUnknown, true));
        assertThat(shownNames()).startsWith("payments-pg-prod-01", "orders-pg-prod-01").endsWith(unknownByName.toArray(String[]::new));

        vm.setOrder(FleetRow.unknownLast(FleetRow.BY_DISK_FULL, FleetRow::diskFullUnknown, false));
        assertThat(shownNames().subList(0, 3)).containsExactly("orders-pg-prod-01", "payments-my-prod-01", "payments-pg-prod-01");
        vm.setOrder(FleetRow.unknownLast(FleetRow.BY_DISK_FULL, FleetRow::diskFullUnknown, true));
        assertThat(shownNames().subList(0, 3)).containsExactly("payments-pg-prod-01", "payments-my-prod-01", "orders-pg-prod-01");
        assertThat(shownNames().subList(3, 8)).containsExactly("crm-ora-test-01", "ledger-mssql-prod-01", "orders-pg-stg-01",
                "reports-maria-dev-01", "search-pg-dev-01");

        // "never" is the worst a backup can be, then the oldest.
        vm.setOrder(FleetRow.unknownLast(FleetRow.BY_LAST_GOOD_BACKUP, FleetRow::lastGoodBackupUnknown, false));
        assertThat(shownNames().subList(0, 4)).containsExactly("orders-pg-prod-01", "payments-my-prod-01", "payments-pg-prod-01",
                "crm-ora-test-01");
        vm.setOrder(FleetRow.unknownLast(FleetRow.BY_LAST_GOOD_BACKUP, FleetRow::lastGoodBackupUnknown, true));
        assertThat(shownNames().subList(0, 4)).containsExactly("payments-pg-prod-01", "payments-my-prod-01", "orders-pg-prod-01",
                "crm-ora-test-01");

        vm.setOrder(FleetRow.unknownLast(FleetRow.BY_CONNECTIONS, FleetRow::connectionsUnknown, false));
        assertThat(shownNames().subList(0, 4)).containsExactly("orders-pg-prod-01", "payments-pg-prod-01", "reports-maria-dev-01",
                "crm-ora-test-01");
        vm.setOrder(FleetRow.unknownLast(FleetRow.BY_CONNECTIONS, FleetRow::connectionsUnknown, true));
        assertThat(shownNames().subList(0, 4)).containsExactly("reports-maria-dev-01", "payments-pg-prod-01", "orders-pg-prod-01",
                "crm-ora-test-01");
    }

    @Test
    void rowsStillBeingReadSortLastToo() {
        vm.setOrder(FleetRow.unknownLast(FleetRow.BY_CONNECTIONS, FleetRow::connectionsUnknown, false));
        assertThat(shownNames()).first().isEqualTo("crm-ora-test-01");
        vm.setHealth(health());
        assertThat(shownNames()).first().isEqualTo("orders-pg-prod-01");
    }
}
