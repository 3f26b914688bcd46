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
}
