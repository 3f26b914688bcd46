package io.knobwright.app.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A metric family of the Prometheus text format 0.0.4: its name, help text, type and samples. Names and label names
 * are checked here, so a page with an invalid name cannot be written.
 */
public record MetricFamily(String name, String help, Type type, List<Sample> samples) {

    public static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    public static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public enum Type {
        GAUGE, COUNTER, UNTYPED;

        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public MetricFamily {
        Objects.requireNonNull(name, "name");
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Prometheus metric name: " + name);
        }
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(type, "type");
        samples = List.copyOf(samples);
    }

    public static MetricFamily gauge(String name, String help, List<Sample> samples) {
        return new MetricFamily(name, help, Type.GAUGE, samples);
    }

    /** One sample: labels in the order given, and its value (NaN and infinities allowed, as the format allows). */
    public record Sample(Map<String, String> labels, double value) {
        public Sample {
            Map<String, String> copy = new LinkedHashMap<>();
            labels.forEach((k, v) -> {
                if (!LABEL_NAME.matcher(k).matches() || k.startsWith("__")) {
                    throw new IllegalArgumentException("not a Prometheus label name: " + k);
                }
                copy.put(k, Objects.requireNonNull(v, k));
            });
            labels = java.util.Collections.unmodifiableMap(copy);
        }

        public static Sample of(double value) {
            return new Sample(Map.of(), value);
        }

        public static Sample instance(String instance, double value) {
            return new Sample(Map.of("instance_name", instance), value);
        }
    }
}
