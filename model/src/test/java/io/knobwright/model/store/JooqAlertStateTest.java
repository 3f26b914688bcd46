package io.knobwright.model.store;

import io.knobwright.model.health.AlertEvaluator;
import io.knobwright.model.health.AlertKind;
import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.health.Alert;
import io.knobwright.model.health.MaintenanceWindow;
import io.knobwright.model.health.ShownAlert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JooqAlertStateTest {

    private final KnobwrightStore store = KnobwrightStore.inMemory("alerts-" + System.nanoTime(), false);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void windowsOfBothShapesComeBackAsWritten() {
        var once = store.alertState().addWindow(new MaintenanceWindow(0, "pg-orders", false,
                Instant.parse("2026-12-06T02:00:00Z"), Instant.parse("2026-12-06T04:00:00Z"), null, "bulk load", "ann"));
        store.alertState().addWindow(new MaintenanceWindow(0, "team=payments", true, null, null,
                MaintenanceWindow.Weekly.parse("Sun 02:00-04:00"), "planned restart", "bob"));
        assertThat(store.alertState().windows()).extracting(MaintenanceWindow::describeTime, MaintenanceWindow::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                "2026-12-06T02:00:00Z .. 2026-12-06T04:00:00Z", "bulk load"),
                        org.assertj.core.groups.Tuple.tuple("Sun 02:00-04:00", "planned restart"));
        assertThat(store.alertState().removeWindow(once.id())).isTrue();
        assertThat(store.alertState().removeWindow(once.id())).isFalse();
        assertThat(store.alertState().windows()).hasSize(1);
    }

    @Test
    void anAlertIsNotifiedOnceEvenAcrossEvaluatorsSharingTheStore() {
        List<ShownAlert> sent = new ArrayList<>();
        Alert alert = new Alert(1, "pg-orders", AlertKind.CONNECTIONS_NEAR_LIMIT, AlertSeverity.CRITICAL,
                "Connections at 96 % of max_connections", List.of("96 of 100"), Instant.parse("2026-12-06T10:00:00Z"));
        var fleet = List.of(new io.knobwright.model.fleet.Instance(1, "pg-orders",
                io.knobwright.model.engine.Engine.POSTGRESQL, "15", null, null, null, null, null, null, null, false));
        for (int k = 0; k < 3; k++) { // e.g. the workbench restarted between evaluations
            new AlertEvaluator(Map.of("series", (f, c) -> List.of(alert)), store.alertState(), sent::add,
                    Clock.fixed(Instant.parse("2026-12-06T10:00:00Z").plusSeconds(60L * k), ZoneOffset.UTC))
                    .evaluate(fleet);
        }
        assertThat(sent).hasSize(1);
        assertThat(store.alertState().states()).containsOnlyKeys("1:CONNECTIONS_NEAR_LIMIT");
    }

    @Test
    void eachChangeOfAnAlertsStateSucceedsOnceAndTheStoreKeepsHowItLookedAndWhoAcknowledgedIt() {
        var repo = store.alertState();
        Alert alert = new Alert(7, "pg-orders", AlertKind.DISK_FULL, AlertSeverity.WARNING, "Disk full in 20 days",
                List.of("412 GB of 500 GB", "expected full on 2026-12-26"), Instant.parse("2026-12-06T09:00:00Z"));
        var fresh = new io.knobwright.model.health.AlertStateRepository.AlertState(alert.key(), alert.since(), false,
                java.util.Optional.empty(), alert, "storage");
        assertThat(repo.remember(fresh)).isTrue();
        assertThat(repo.remember(fresh)).isFalse();
        assertThat(repo.markNotified(alert.key())).isTrue();
        assertThat(repo.markNotified(alert.key())).isFalse();
        var ack = new io.knobwright.model.health.AlertAcknowledgement("ann", Instant.parse("2026-12-06T09:30:00Z"),
                "purge scheduled");
        assertThat(repo.acknowledge(alert.key(), ack)).isTrue();
        assertThat(repo.acknowledge("8:DISK_FULL", ack)).isFalse();

        var kept = repo.states().get(alert.key());
        assertThat(kept.last()).isEqualTo(alert);
        assertThat(kept.source()).isEqualTo("storage");
        assertThat(kept.notified()).isTrue();
        assertThat(kept.acknowledgement()).contains(ack);

        assertThat(repo.forget(alert.key())).hasValueSatisfying(gone -> assertThat(gone.last()).isEqualTo(alert));
        assertThat(repo.forget(alert.key())).isEmpty();
    }
}
