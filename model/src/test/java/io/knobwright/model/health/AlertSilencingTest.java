package io.knobwright.model.health;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertSilencingTest {

    static final Instance ORDERS = new Instance(1, "pg-orders", Engine.POSTGRESQL, "15", null, null,
            Map.of("team", "payments"), null, null, null, null, false);
    static final Instance BILLING = new Instance(2, "pg-billing", Engine.POSTGRESQL, "15", null, null,
            Map.of("team", "billing"), null, null, null, null, false);

    static Alert alert(Instance i, AlertKind kind, AlertSeverity severity) {
        return new Alert(i.id(), i.name(), kind, severity, kind.name(), List.of("n = 1"), Instant.parse("2026-12-06T00:00:00Z"));
    }

    static MaintenanceWindow oneOff(String scope, boolean tag, String from, String to) {
        return new MaintenanceWindow(0, scope, tag, Instant.parse(from), Instant.parse(to), null, "planned restart", "ann");
    }

    @Test
    void oneOffWindowCoversItsStartButNotItsEnd() {
        var w = oneOff("pg-orders", false, "2026-12-06T02:00:00Z", "2026-12-06T04:00:00Z");
        assertThat(w.covers(Instant.parse("2026-12-06T01:59:59Z"))).isFalse();
        assertThat(w.covers(Instant.parse("2026-12-06T02:00:00Z"))).isTrue();
        assertThat(w.covers(Instant.parse("2026-12-06T03:59:59Z"))).isTrue();
        assertThat(w.covers(Instant.parse("2026-12-06T04:00:00Z"))).isFalse();
    }

    @Test
    void weeklyWindowRepeatsEverySundayInUtc() {
        var w = MaintenanceWindow.Weekly.parse("Sun 02:00-04:00");
        assertThat(w.covers(Instant.parse("2026-12-06T02:00:00Z"))).isTrue(); // a Sunday
        assertThat(w.covers(Instant.parse("2026-12-13T03:59:00Z"))).isTrue(); // next Sunday
        assertThat(w.covers(Instant.parse("2026-12-06T04:00:00Z"))).isFalse();
        assertThat(w.covers(Instant.parse("2026-12-07T02:30:00Z"))).isFalse(); // Monday
        // UTC has no daylight saving: the window does not move in summer
        assertThat(w.covers(Instant.parse("2026-07-05T02:30:00Z"))).isTrue();
        assertThat(w.covers(Instant.parse("2026-07-05T01:30:00Z"))).isFalse();
        assertThat(w.toString()).isEqualTo("Sun 02:00-04:00");
    }

    @Test
    void weeklyWindowEndingBeforeItsStartRunsPastMidnightAndAcrossTheWeekEnd() {
        var w = MaintenanceWindow.Weekly.parse("Sunday 23:00-01:00");
        assertThat(w.covers(Instant.parse("2026-12-06T23:30:00Z"))).isTrue(); // Sunday night
        assertThat(w.covers(Instant.parse("2026-12-07T00:59:00Z"))).isTrue(); // Monday early, the week wrapped
        assertThat(w.covers(Instant.parse("2026-12-07T01:00:00Z"))).isFalse();
        assertThat(w.covers(Instant.parse("2026-12-06T00:30:00Z"))).isFalse(); // Sunday early belongs to Saturday's
    }

    @Test
    void badWeeklyTextSaysHowToWriteIt() {
        assertThatThrownBy(() -> MaintenanceWindow.Weekly.parse("Sunday 2am"))
                .hasMessageContaining("'Sun 02:00-04:00'");
        assertThatThrownBy(() -> oneOff("pg-orders", false, "2026-12-06T04:00:00Z", "2026-12-06T02:00:00Z"))
                .hasMessageContaining("end after it starts");
        assertThatThrownBy(() -> oneOff("payments", true, "2026-12-06T02:00:00Z", "2026-12-06T04:00:00Z"))
                .hasMessageContaining("key=value");
    }

    @Test
    void tagWindowSilencesOnlyInstancesWithThatTag() {
        var w = oneOff("team=payments", true, "2026-12-06T02:00:00Z", "2026-12-06T04:00:00Z");
        var now = Instant.parse("2026-12-06T03:00:00Z");
        var shown = AlertSilencing.show(
                List.of(alert(ORDERS, AlertKind.PENDING_RESTART, AlertSeverity.WARNING),
                        alert(BILLING, AlertKind.PENDING_RESTART, AlertSeverity.WARNING)),
                List.of(ORDERS, BILLING), List.of(w), now);
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).alert().instanceName()).isEqualTo("pg-billing");
        assertThat(shown.get(0).silenced()).isFalse();
        assertThat(shown.get(1).alert().instanceName()).isEqualTo("pg-orders");
        assertThat(shown.get(1).silencedBy().orElseThrow().reason()).isEqualTo("planned restart");
    }

    @Test
    void failedOrOverdueBackupIsNeverSilencedButStaysListedNextToSilencedOnes() {
        var w = oneOff("pg-orders", false, "2026-12-06T02:00:00Z", "2026-12-06T04:00:00Z");
        var shown = AlertSilencing.show(
                List.of(alert(ORDERS, AlertKind.BACKUP_FAILED, AlertSeverity.CRITICAL),
                        alert(ORDERS, AlertKind.BACKUP_OVERDUE, AlertSeverity.WARNING),
                        alert(ORDERS, AlertKind.CONNECTIONS_NEAR_LIMIT, AlertSeverity.CRITICAL)),
                List.of(ORDERS), List.of(w), Instant.parse("2026-12-06T03:00:00Z"));
        assertThat(shown).extracting(s -> s.alert().kind() + "/" + s.silenced()).containsExactly(
                "BACKUP_FAILED/false", "BACKUP_OVERDUE/false", "CONNECTIONS_NEAR_LIMIT/true");
    }
}
