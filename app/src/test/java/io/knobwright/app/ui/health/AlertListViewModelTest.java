package io.knobwright.app.ui.health;

import io.knobwright.model.health.Alert;
import io.knobwright.model.health.AlertKind;
import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.health.MaintenanceWindow;
import io.knobwright.model.health.ShownAlert;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AlertListViewModelTest {

    private static ShownAlert shown(long id, AlertSeverity severity, boolean silenced) {
        var alert = new Alert(id, "pg-" + id, AlertKind.CONNECTIONS_NEAR_LIMIT, severity, "t", List.of(), Instant.EPOCH);
        var window = new MaintenanceWindow(1, "pg-" + id, false, Instant.EPOCH, Instant.EPOCH.plusSeconds(60), null,
                "bulk load", "ann");
        return new ShownAlert(alert, silenced ? Optional.of(window) : Optional.empty(), Optional.empty());
    }

    @Test
    void summaryCountsActiveBySeverityAndSilencedAndHealthGivesTheWorstPerInstance() {
        List<ShownAlert> opened = new ArrayList<>();
        var vm = new AlertListViewModel(opened::add);
        vm.show(List.of(shown(2, AlertSeverity.WARNING, true), shown(1, AlertSeverity.WARNING, false),
                shown(1, AlertSeverity.CRITICAL, false)));
        assertThat(vm.summaryProperty().get()).isEqualTo("1 critical, 1 warning, 1 silenced on 2 instances");
        assertThat(vm.alerts()).extracting(s -> s.alert().severity() + "/" + s.silenced())
                .containsExactly("CRITICAL/false", "WARNING/false", "WARNING/true");
        assertThat(vm.healthByInstance().get(1L)).isEqualTo(new AlertListViewModel.InstanceHealth(AlertSeverity.CRITICAL, 2, 0));
        assertThat(vm.healthByInstance().get(2L)).isEqualTo(new AlertListViewModel.InstanceHealth(null, 0, 1));

        vm.setOnlyActive(true);
        assertThat(vm.alerts()).hasSize(2);
        vm.open(vm.alerts().getFirst());
        assertThat(opened).singleElement().extracting(s -> s.alert().instanceName()).isEqualTo("pg-1");
    }

    @Test
    void acknowledgingGoesThroughTheViewModelOnceAndAnAcknowledgedAlertStaysListedBelowTheOthers() {
        List<String> acknowledged = new ArrayList<>();
        var vm = new AlertListViewModel(s -> { }, (s, comment) -> acknowledged.add(s.alert().key() + " " + comment));
        ShownAlert critical = shown(1, AlertSeverity.CRITICAL, false);
        ShownAlert warning = shown(2, AlertSeverity.WARNING, false);
        vm.show(List.of(critical, warning));
        assertThat(vm.needingAttentionProperty().get()).isEqualTo(2);
        assertThat(vm.canAcknowledge(critical)).isTrue();

        vm.acknowledge(critical, "  vacuum running, CHG0012345 ");
        assertThat(acknowledged).containsExactly("1:CONNECTIONS_NEAR_LIMIT vacuum running, CHG0012345");

        // the list evaluated again, as the workbench does after the acknowledgement was stored
        ShownAlert acked = new ShownAlert(critical.alert(), Optional.empty(), Optional.of(new io.knobwright.model.health
                .AlertAcknowledgement("ann", Instant.parse("2026-12-06T10:00:00Z"), "vacuum running")));
        vm.show(List.of(acked, warning));
        assertThat(vm.alerts()).extracting(s -> s.alert().severity() + "/" + s.acknowledged())
                .containsExactly("WARNING/false", "CRITICAL/true");
        assertThat(vm.needingAttentionProperty().get()).isEqualTo(1);
        assertThat(vm.summaryProperty().get()).isEqualTo("1 critical, 1 warning, 0 silenced, 1 acknowledged on 2 instances");
        assertThat(vm.canAcknowledge(acked)).isFalse();
        vm.acknowledge(acked, "again");
        assertThat(acknowledged).hasSize(1);
    }
}
