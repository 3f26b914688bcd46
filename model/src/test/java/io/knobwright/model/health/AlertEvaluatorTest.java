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
    private final List<AlertTransition> announced = new ArrayList<>();
    private final InMemoryAlertState state = new InMemoryAlertState();
    private boolean brokenFails = true;
    private final List<Alert> fromBroken = new ArrayList<>();

    private AlertEvaluator at(String instant) {
        Map<String, AlertSource> sources = new LinkedHashMap<>();
        sources.put("test", (fleet, clock) -> List.copyOf(holding));
        sources.put("broken", (fleet, clock) -> {
            if (brokenFails) {
                throw new IllegalStateException("series store closed");
            }
            return List.copyOf(fromBroken);
        });
        AlertTransitions recorded = work -> {
            var change = work.apply(state);
            change.ifPresent(announced::add);
            return change;
        };
        return new AlertEvaluator(sources, state, recorded, sent::add, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
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

    @Test
    void aClearIsAnnouncedOnceAfterARaiseAndNeverForAnAlertThatWasOnlySilenced() {
        holding.add(alert(ORDERS, AlertKind.CONNECTIONS_NEAR_LIMIT, AlertSeverity.CRITICAL));
        at("2026-12-06T10:00:00Z").evaluate(List.of(ORDERS));
        holding.clear();
        at("2026-12-06T10:01:00Z").evaluate(List.of(ORDERS));
        at("2026-12-06T10:02:00Z").evaluate(List.of(ORDERS));
        assertThat(announced).extracting(AlertTransition::change)
                .containsExactly(AlertTransition.Change.RAISED, AlertTransition.Change.CLEARED);
        assertThat(announced.get(1).alert().kind()).isEqualTo(AlertKind.CONNECTIONS_NEAR_LIMIT);
        assertThat(announced.get(1).at()).isEqualTo(Instant.parse("2026-12-06T10:01:00Z"));

        state.addWindow(AlertSilencingTest.oneOff("pg-orders", false, "2026-12-06T11:00:00Z", "2026-12-06T12:00:00Z"));
        holding.add(alert(ORDERS, AlertKind.PENDING_RESTART, AlertSeverity.WARNING));
        at("2026-12-06T11:10:00Z").evaluate(List.of(ORDERS));
        holding.clear();
        at("2026-12-06T11:20:00Z").evaluate(List.of(ORDERS));
        assertThat(announced).hasSize(2);
    }

    @Test
    void anAlertOfAFailingSourceIsNotTakenAsClearedAndAnAcknowledgementLastsUntilItClears() {
        brokenFails = false;
        fromBroken.add(alert(ORDERS, AlertKind.BACKUP_OVERDUE, AlertSeverity.CRITICAL));
        at("2026-12-06T10:00:00Z").evaluate(List.of(ORDERS));
        assertThat(state.acknowledge(fromBroken.getFirst().key(),
                new AlertAcknowledgement("ann", Instant.parse("2026-12-06T10:00:30Z"), "restore test running"))).isTrue();

        brokenFails = true;
        var broken = at("2026-12-06T10:01:00Z").evaluate(List.of(ORDERS));
        assertThat(broken.failedSources()).hasSize(1);
        assertThat(announced).extracting(AlertTransition::change).containsExactly(AlertTransition.Change.RAISED);

        brokenFails = false;
        var back = at("2026-12-06T10:02:00Z").evaluate(List.of(ORDERS));
        assertThat(back.alerts()).singleElement().satisfies(s -> {
            assertThat(s.acknowledgedBy()).contains("ann");
            assertThat(s.acknowledgement().orElseThrow().comment()).isEqualTo("restore test running");
        });
        assertThat(announced).hasSize(1);

        fromBroken.clear();
        at("2026-12-06T10:03:00Z").evaluate(List.of(ORDERS));
        fromBroken.add(alert(ORDERS, AlertKind.BACKUP_OVERDUE, AlertSeverity.CRITICAL));
        var recurred = at("2026-12-06T10:04:00Z").evaluate(List.of(ORDERS));
        assertThat(recurred.alerts()).singleElement().matches(s -> !s.acknowledged());
        assertThat(announced).extracting(AlertTransition::change).containsExactly(AlertTransition.Change.RAISED,
                AlertTransition.Change.CLEARED, AlertTransition.Change.RAISED);
    }
}
