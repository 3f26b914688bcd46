package io.knobwright.model.health;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.knobwright.model.health.AlertSilencingTest.ORDERS;
import static io.knobwright.model.health.AlertSilencingTest.alert;
import static org.assertj.core.api.Assertions.assertThat;

class AlertEvaluatorTest {

    private final List<Alert> holding = new ArrayList<>();
    private final List<ShownAlert> sent = new ArrayList<>();
    private final InMemoryAlertState state = new InMemoryAlertState();

    private AlertEvaluator at(String instant) {
        Map<String, AlertSource> sources = new LinkedHashMap<>();
        sources.put("test", (fleet, clock) -> List.copyOf(holding));
        sources.put("broken", (fleet, clock) -> {
            throw new IllegalStateException("series store closed");
        });
        return new AlertEvaluator(sources, state, sent::add, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void anAlertIsNotifiedOnceWhileItHoldsAndAgainWhenItComesBack() {
        holding.add(alert(ORDERS, AlertKind.CONNECTIONS_NEAR_LIMIT, AlertSeverity.CRITICAL));
        at("2026-12-06T10:00:00Z").evaluate(List.of(ORDERS));
        at("2026-12-06T10:01:00Z").evaluate(List.of(ORDERS));
        at("2026-12-06T10:02:00Z").evaluate(List.of(ORDERS));
        assertThat(sent).hasSize(1);

        holding.clear();
        at("2026-12-06T10:03:00Z").evaluate(List.of(ORDERS));
        holding.add(alert(ORDERS, AlertKind.CONNECTIONS_NEAR_LIMIT, AlertSeverity.CRITICAL));
        at("2026-12-06T10:04:00Z").evaluate(List.of(ORDERS));
        assertThat(sent).hasSize(2);
    }

    @Test
    void aSilencedAlertIsListedButNotSentUntilItsWindowEnds() {
        state.addWindow(AlertSilencingTest.oneOff("pg-orders", false, "2026-12-06T02:00:00Z", "2026-12-06T04:00:00Z"));
        holding.add(alert(ORDERS, AlertKind.PENDING_RESTART, AlertSeverity.WARNING));
        var inside = at("2026-12-06T03:00:00Z").evaluate(List.of(ORDERS));
        assertThat(inside.alerts()).singleElement().matches(ShownAlert::silenced);
        assertThat(sent).isEmpty();

        var after = at("2026-12-06T04:00:00Z").evaluate(List.of(ORDERS));
        assertThat(after.alerts()).singleElement().matches(s -> !s.silenced());
        assertThat(sent).hasSize(1);
    }

    @Test
    void firstSightingIsKeptAcrossEvaluationsAndABrokenSourceIsReported() {
        holding.add(alert(ORDERS, AlertKind.IDLE_IN_TRANSACTION, AlertSeverity.WARNING));
        at("2026-12-06T10:00:00Z").evaluate(List.of(ORDERS));
        holding.set(0, alert(ORDERS, AlertKind.IDLE_IN_TRANSACTION, AlertSeverity.WARNING)
                .since(Instant.parse("2026-12-06T11:00:00Z")));
        var later = at("2026-12-06T11:00:00Z").evaluate(List.of(ORDERS));
        assertThat(later.alerts().getFirst().alert().since()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(later.failedSources()).containsExactly("broken: series store closed");
    }
}
