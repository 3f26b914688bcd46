package io.knobwright.model.template;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named set of parameter entries for one engine, optionally inheriting from a parent of the same engine.
 *
 * @param targetVersions engine major versions this template is validated against (empty: all catalogued)
 * @param parent         name of the parent template, or null for a root
 * @param builtIn        shipped with Knobwright and read-only; users copy it to customise
 */
public record Template(String name, Engine engine, List<String> targetVersions, String parent,
                       List<TemplateEntry> entries, boolean builtIn, String description) {

    public Template {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A template needs a name");
        }
        if (name.length() > 120) {
            throw new IllegalArgumentException("Template name is longer than 120 characters");
        }
        Objects.requireNonNull(engine, "engine");
        targetVersions = targetVersions == null || targetVersions.isEmpty() ? engine.supportedVersions() : List.copyOf(targetVersions);
        for (String v : targetVersions) {
            if (!engine.supports(v)) {
                throw new IllegalArgumentException("Template '" + name + "' targets " + engine.displayName() + " " + v
                        + ", which has no catalog (available: " + String.join(", ", engine.supportedVersions()) + ")");
            }
        }
        parent = parent == null || parent.isBlank() ? null : parent;
        if (name.equals(parent)) {
            throw new IllegalArgumentException("Template '" + name + "' cannot be its own parent");
        }
        entries = List.copyOf(entries);
        Set<String> seen = new HashSet<>();
        for (TemplateEntry e : entries) {
            if (!seen.add(ParameterCatalog.canonicalName(e.parameter()))) {
                throw new IllegalArgumentException("Template '" + name + "' sets " + e.parameter() + " twice");
            }
        }
        description = description == null ? "" : description;
    }
}
