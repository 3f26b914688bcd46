package io.knobwright.model.health;

import io.knobwright.model.fleet.Instance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs every {@link AlertSource} over the fleet, marks silenced alerts, keeps each alert's first sighting, and announces
 * each alert once when it becomes active (not silenced) and once when it clears after that — not on every evaluation.
 * An alert that clears and comes back is announced again. Each change of state is a compare-and-set written with its
 * announcement as one unit ({@link AlertTransitions}), so two evaluators sharing a store announce it once between them.
 * An alert whose source failed this time is not taken as cleared: a broken source must not look like good news.
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
    private final AlertTransitions transitions;
    private final Consumer<ShownAlert> notifier;
    private final Clock clock;

    /** @param sources by a name shown when the source fails, in a stable order */
    public AlertEvaluator(
            Map<String, AlertSource> sources, AlertStateRepository state, Consumer<ShownAlert> notifier, Clock clock) {
        this(sources, state, AlertTransitions.direct(state), notifier, clock);
    }

    /**
     * @param transitions where each raise and clear is written with its announcement (the store's unit of work)
     * @param notifier    told of each raised alert after its transition was kept (in this process only)
     */
    public AlertEvaluator(Map<String, AlertSource> sources, AlertStateRepository state, AlertTransitions transitions,
                          Consumer<ShownAlert> notifier, Clock clock) {
        this.sources = sources;
        this.state = state;
        this.transitions = transitions;
        this.notifier = notifier;
        this.clock = clock;
    }

    public Evaluation evaluate(List<Instance> fleet) {
        Instant now = clock.instant();
        List<Alert> raw = new ArrayList<>();
        Map<String, String> sourceOf = new HashMap<>();
        List<String> failed = new ArrayList<>();
        Set<String> failedNames = new HashSet<>();
        sources.forEach((name, source) -> {
            try {
                List<Alert> found = source.alerts(fleet, clock);
                raw.addAll(found);
                found.forEach(a -> sourceOf.putIfAbsent(a.key(), name));
            } catch (RuntimeException e) {
                failed.add(name + ": " + e.getMessage());
                failedNames.add(name);
            }
        });
        Map<String, AlertStateRepository.AlertState> before = state.states();
        List<ShownAlert> shown = AlertSilencing.show(raw, fleet, state.windows(), now);
        List<ShownAlert> result = new ArrayList<>();
        List<ShownAlert> raised = new ArrayList<>();
        Set<String> holding = new HashSet<>();
        for (ShownAlert s : shown) {
            String key = s.alert().key();
            if (!holding.add(key)) {
                continue; // one alert of a kind per instance: a second report of the same key is a source's repeat
            }
            String source = sourceOf.get(key);
            var old = before.get(key);
            Instant firstSeen = old == null ? s.alert().since() : min(old.firstSeen(), s.alert().since());
            Alert seen = s.alert().since(firstSeen);
            boolean active = !s.silenced();
            Optional<AlertTransition> change = Optional.empty();
            if (old == null) {
                change = transitions.write(repo -> repo.remember(new AlertStateRepository.AlertState(
                        key, firstSeen, active, Optional.empty(), seen, source)) && active
                        ? Optional.of(new AlertTransition(AlertTransition.Change.RAISED, seen, now)) : Optional.empty());
            } else {
                if (active && !old.notified()) {
                    change = transitions.write(repo -> repo.markNotified(key)
                            ? Optional.of(new AlertTransition(AlertTransition.Change.RAISED, seen, now)) : Optional.empty());
                }
                if (!seen.equals(old.last()) || !Objects.equals(source, old.source())) {
                    state.refresh(key, seen, source);
                }
            }
            ShownAlert listed = new ShownAlert(seen, s.silencedBy(),
                    old == null ? Optional.empty() : old.acknowledgement());
            change.ifPresent(c -> raised.add(listed));
            result.add(listed);
        }
        for (var old : before.values()) {
            boolean notEvaluated = old.source() == null ? !failedNames.isEmpty() : failedNames.contains(old.source());
            if (holding.contains(old.key()) || notEvaluated) {
                continue;
            }
            transitions.write(repo -> repo.forget(old.key())
                    .filter(gone -> gone.notified() && gone.last() != null)
                    .map(gone -> new AlertTransition(AlertTransition.Change.CLEARED, gone.last(), now)));
        }
        raised.forEach(notifier);
        return new Evaluation(result, failed);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
