package io.knobwright.model.health;

import io.knobwright.model.fleet.Instance;

import java.time.Clock;
import java.util.List;

/**
 * One subsystem's alerts over the fleet. Implementations read what their subsystem already stores (series, pending
 * restarts, forecasts, backup results) and must not contact a server: evaluation runs on every fleet refresh.
 * A source that cannot read its data throws; the evaluator reports that source as failing and keeps the others.
 */
@FunctionalInterface
public interface AlertSource {

    /** The conditions holding now ({@code clock.instant()}) on the given instances; empty when all is well. */
    List<Alert> alerts(List<Instance> fleet, Clock clock);
}
