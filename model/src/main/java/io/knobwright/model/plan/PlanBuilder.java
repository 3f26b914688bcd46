package io.knobwright.model.plan;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.diff.ValueEquivalence;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.ResolvedParameter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares a template's resolved configuration with an instance's current settings and keeps only what
 * must change. Values the catalog considers equivalent ("1GB" and "131072" x 8kB) are not changes, and neither is
 * a reset to a default that depends on the host ({@link ResolvedParameter#comparable}).
 */
public final class PlanBuilder {

    private final ValueEquivalence equivalence;

    public PlanBuilder(ValueEquivalence equivalence) {
        this.equivalence = equivalence;
    }

    /**
     * @param current  the instance's settings by name, from the live server or its newest snapshot
     * @param baseline where {@code current} came from, shown to reviewers ("live", "snapshot of 2026-11-25 10:00")
     */
    public ChangePlan build(Instance instance, String template, int templateVersion, List<ResolvedParameter> resolved,
                            Map<String, String> current, String baseline, ParameterCatalog catalog, String author, Instant now) {
        Map<String, String> currentByKey = new TreeMap<>();
        current.forEach((name, value) -> currentByKey.put(name.toLowerCase(Locale.ROOT), value));
        List<PlannedChange> changes = new ArrayList<>();
        for (ResolvedParameter p : resolved) {
            ParameterSpec spec = catalog.find(p.name()).orElse(null);
            String from = currentByKey.get(p.name().toLowerCase(Locale.ROOT));
            if (!p.comparable(spec) || from != null && equivalence.same(spec, from, p.value())) {
                continue;
            }
            ApplyMode mode = spec == null ? ApplyMode.RESTART : spec.applyMode();
            changes.add(new PlannedChange(p.name(), from, p.value(), p.unit(), mode, provenance(p), p.note()));
        }
        return new ChangePlan(0, instance.id(), instance.name(), template, templateVersion, now, author, PlanState.DRAFT,
                baseline, changes);
    }

    private static String provenance(ResolvedParameter p) {
        String where = p.template() + " v" + p.templateVersion();
        if (p.reset()) {
            return where + ": reset to engine default";
        }
        return p.expression() == null ? where : where + ": " + p.expression();
    }
}
