package io.knobwright.app.template;

import io.knobwright.model.catalog.CatalogSource;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.ValidationIssue;

import java.time.Instant;
import java.util.List;

/**
 * A template checked against the catalog in force for one instance.
 *
 * @param source whether the instance's server described itself or the shipped catalog stood in
 * @param readAt when the server described itself; null for the shipped catalog
 */
public record InstanceValidation(Instance instance, CatalogSource source, Instant readAt, List<ValidationIssue> issues) {

    public InstanceValidation {
        issues = List.copyOf(issues);
    }
}
