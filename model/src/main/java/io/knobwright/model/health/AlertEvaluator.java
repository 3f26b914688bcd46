package io.knobwright.model.health;

import io.knobwright.model.fleet.Instance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs every {@link AlertSource} over the fleet, marks silenced alerts, keeps each alert's first sighting, and hands
 * an alert to the notifier once when it becomes active (not silenced) — not on every evaluation. An alert that
 * clears and comes back is notified again.
 */
public final class AlertEvaluator {

    /** The list shown, and the sources that failed (name and message) so a broken source is visible, not silent. */
    public record Evaluation(List<ShownAlert> alerts, List<String> failedSources) {
        public Evaluation {
            alerts = List.copyOf(alerts);
            failedSources = List.copyOf(failedSources);
        }
    }

    private final Map<String, AlertSource> sources;
    private final AlertStateRepository state;
    private final Consumer<ShownAlert> notifier;
    private final Clock clock;

    /** @param sources by a name shown when the source fails, in a stable order */
    public AlertEvaluator(
            Map<String, AlertSource> sources, AlertStateRepository state, Consumer<ShownAlert> notifier, Clock clock) {
        this.sources = sources;
        this.state = state;
        this.notifier = notifier;
        this.clock = clock;
    }

    public Evaluation evaluate(List<Instance> fleet) {
        Instant now = clock.instant();
        List<Alert> raw = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        sources.forEach((name, source) -> {
            try {
                raw.addAll(source.alerts(fleet, clock));
            } catch (RuntimeException e) {
                failed.add(name + ": " + e.getMessage());
            }
        });
        Map<String, AlertStateRepository.AlertState> before = state.states();
        List<ShownAlert> shown = AlertSilencing.show(raw, fleet, state.windows(), now);
        Map<String, AlertStateRepository.AlertState> after = new HashMap<>();
        List<ShownAlert> result = new ArrayList<>();
        List<ShownAlert> toNotify = new ArrayList<>();
        for (ShownAlert s : shown) {
            String key = s.alert().key();
            var old = before.get(key);
            Instant firstSeen = old == null ? s.alert().since() : min(old.firstSeen(), s.alert().since());
            boolean notified = old != null && old.notified();
            Optional<String> ack = old == null ? Optional.empty() : old.acknowledgedBy();
            if (!s.silenced() && !notified) {
                notified = true;
                toNotify.add(s);
            }
            after.put(key, new AlertStateRepository.AlertState(key, firstSeen, notified, ack));
            result.add(new ShownAlert(s.alert().since(firstSeen), s.silencedBy(), ack));
        }
        // Remember before sending: a webhook outbox retries on its own, a second send would be a duplicate.
        state.replaceStates(after.values());
        toNotify.forEach(notifier);
        return new Evaluation(result, failed);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
