package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.simulator.model.Knobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole set of values of the settings the recommender reads, in the server's spelling: today's, or a candidate's.
 * Every value is known (today's, or the catalog's default), so two configurations compare setting by setting.
 */
public final class Configuration {

    private final ParameterCatalog catalog;
    private final Map<String, String> texts;
    private Knobs knobs;

    Configuration(ParameterCatalog catalog, Map<String, String> texts) {
        this.catalog = catalog;
        // keyed in lower case, as text() looks up: SQL Server's names have capitals ("max server memory (MB)")
        Map<String, String> lower = new TreeMap<>();
        texts.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        this.texts = Collections.unmodifiableMap(lower);
    }

    /** The value in force, as the server spells it; null for a setting this configuration does not hold. */
    public String text(String parameter) {
        return texts.get(parameter.toLowerCase(Locale.ROOT));
    }

    public Map<String, String> texts() {
        return texts;
    }

    /** The same configuration with one setting changed. */
    public Configuration with(String parameter, String text) {
        Map<String, String> next = new LinkedHashMap<>(texts);
        next.put(parameter.toLowerCase(Locale.ROOT), text);
        return new Configuration(catalog, next);
    }

    /** The parameters whose value differs from {@code other}'s (as the server compares values), by name. */
    public List<String> changedFrom(Configuration other) {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String before = other.text(e.getKey());
            ParameterSpec spec = catalog.find(e.getKey()).orElse(null);
            boolean same = before != null && (spec == null ? before.equals(e.getValue())
                    : CatalogValues.same(spec, before, e.getValue()));
            if (!same) {
                changed.add(e.getKey());
            }
        }
        return changed;
    }

    /** The values in the model's units; values the model cannot read as numbers are left out. */
    public Knobs knobs() {
        Knobs k = knobs;
        if (k == null) {
            Map<String, Double> values = new LinkedHashMap<>();
            texts.forEach((name, text) -> catalog.find(name).ifPresent(spec -> {
                double v = CatalogValues.toModel(spec, text);
                if (!Double.isNaN(v)) {
                    values.put(name, v);
                }
            }));
            k = new Knobs(values);
            knobs = k;
        }
        return k;
    }

    /** A setting's value in the model's units (its PostgreSQL default when this configuration does not hold it). */
    public double value(String parameter) {
        return knobs().get(parameter);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration c && c.texts.equals(texts);
    }

    @Override
    public int hashCode() {
        return texts.hashCode();
    }

    @Override
    public String toString() {
        return texts.toString();
    }
}
