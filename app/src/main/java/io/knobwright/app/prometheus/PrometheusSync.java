package io.knobwright.app.prometheus;

import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.PrometheusMapping;
import io.knobwright.model.workload.PrometheusMappingRepository;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Saved Prometheus mappings and their re-import (decision 0133): each mapping is imported from the step after its
 * newest stored point up to now, on the step's grid (so a re-import asks for instants never stored before, and a
 * sync run twice stores nothing twice); the first import goes back {@link #FIRST_IMPORT_BACK}. A long gap is asked in
 * parts of at most {@link PrometheusImport#MAX_POINTS} points. One mapping's failure (unreachable server, no series,
 * several series) is its outcome; the other mappings still sync.
 */
public final class PrometheusSync {

    /** How far back the first import of a new mapping goes. */
    public static final Duration FIRST_IMPORT_BACK = Duration.ofHours(24);

    /**
     * What one mapping's sync did.
     *
     * @param importedUntil the newest point stored after this sync (null while none ever was)
     * @param error         why it failed, null when it did not; {@code errorKind} says what kind
     */
    public record Outcome(PrometheusMapping mapping, String instance, int stored, int skipped, Instant first, Instant last,
                          Instant importedUntil, String error, UserError.Kind errorKind) {
        public boolean ok() {
            return error == null;
        }
    }

    private final PrometheusMappingRepository mappings;
    private final LongFunction<Optional<Instance>> instances;
    private final PrometheusImport importer;
    private final Function<String, String> environment;
    private final Clock clock;

    public PrometheusSync(PrometheusMappingRepository mappings, LongFunction<Optional<Instance>> instances,
                          PrometheusImport importer, Function<String, String> environment, Clock clock) {
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.instances = Objects.requireNonNull(instances, "instances");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Saves a mapping; a second mapping to the same series of the instance is refused. */
    public PrometheusMapping add(Instance instance, URI url, String query, Metric metric, Duration step, String tokenEnv,
                                 String user, String passwordEnv) {
        if (query.isBlank()) {
            throw UserError.input("--query is empty; give a PromQL expression, e.g. node_memory_MemAvailable_bytes{instance=\"db1:9100\"}.");
        }
        if (step.toSeconds() < 1 || step.toNanos() % 1_000_000_000L != 0) {
            throw UserError.input("--step must be a whole number of seconds, at least 1s (e.g. 60s), not " + step + ".");
        }
        String series = metric.name().toLowerCase(java.util.Locale.ROOT);
        mappings.mappings().stream().filter(m -> m.instanceId() == instance.id() && m.metric() == metric).findFirst()
                .ifPresent(m -> {
                    throw UserError.input(instance.name() + " already maps " + series + " (mapping " + m.id()
                            + "); remove it first with `prometheus map remove --id " + m.id() + "`.");
                });
        return mappings.add(new PrometheusMapping(0, instance.id(), url, query, metric, step, tokenEnv, user, passwordEnv,
                clock.instant(), null));
    }

    public List<PrometheusMapping> mappings() {
        return mappings.mappings();
    }

    public void remove(long id) {
        if (!mappings.remove(id)) {
            throw UserError.input("No Prometheus mapping " + id + " (see `prometheus map list`); nothing was removed.");
        }
    }

    /** Syncs every mapping, or those of one instance. */
    public List<Outcome> sync(Optional<Instance> only) {
        List<Outcome> outcomes = new ArrayList<>();
        for (PrometheusMapping m : mappings.mappings()) {
            if (only.isEmpty() || only.get().id() == m.instanceId()) {
                outcomes.add(sync(m));
            }
        }
        return outcomes;
    }

    /** Imports what is new for one mapping. */
    public Outcome sync(PrometheusMapping m) {
        Optional<Instance> instance = instances.apply(m.instanceId());
        if (instance.isEmpty()) {
            return failed(m, "?", "its instance is gone; remove the mapping", UserError.Kind.INPUT);
        }
        Instant end = onGrid(clock.instant(), m.step());
        Instant start = m.importedUntil() == null ? onGrid(end.minus(FIRST_IMPORT_BACK), m.step()) : m.importedUntil().plus(m.step());
        int stored = 0;
        int skipped = 0;
        Instant first = null;
        Instant until = m.importedUntil();
        PrometheusClient.Auth auth = new PrometheusClient.Auth(m.tokenEnv() == null ? null : environment.apply(m.tokenEnv()),
                m.user(), m.user() == null || m.passwordEnv() == null ? null : environment.apply(m.passwordEnv()));
        Duration most = m.step().multipliedBy(PrometheusImport.MAX_POINTS - 1);
        try {
            while (end.isAfter(start)) {
                Instant partEnd = start.plus(most).isBefore(end) ? start.plus(most) : end;
                PrometheusImport.Request request = new PrometheusImport.Request(m.url(), m.query(), start, partEnd, m.step(),
                        m.metric(), auth);
                // a mapping that has stored before may find nothing new (the exporter was down): not an error
                PrometheusImport.Result r = importer.run(instance.get(), request, until == null);
                stored += r.stored();
                skipped += r.skipped();
                if (r.last() != null) {
                    first = first == null ? r.first() : first;
                    until = r.last();
                    mappings.imported(m.id(), until);
                }
                start = partEnd.plus(m.step());
            }
        } catch (UserError e) {
            return new Outcome(m, instance.get().name(), stored, skipped, first, until, until, e.getMessage(), e.kind());
        }
        return new Outcome(m, instance.get().name(), stored, skipped, first, until, until, null, null);
    }

    private static Outcome failed(PrometheusMapping m, String instance, String why, UserError.Kind kind) {
        return new Outcome(m, instance, 0, 0, null, null, m.importedUntil(), "Mapping " + m.id() + ": " + why + ".", kind);
    }

    /** The latest instant of the step's grid (multiples of the step since the epoch) at or before {@code at}. */
    static Instant onGrid(Instant at, Duration step) {
        long s = step.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), s) * s);
    }
}
