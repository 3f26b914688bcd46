package io.knobwright.model.value;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every default a shipped catalog states must be readable by the value model and survive format -> parse:
 * resets to default, diffs against defaults and the instance view all rely on it.
 */
class ShippedDefaultsParseTest {

    @Test
    void everyShippedDefaultParsesAndRoundTrips() {
        CatalogRepository catalogs = new CatalogRepository();
        List<String> problems = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            for (String version : engine.supportedVersions()) {
                ParameterCatalog catalog = catalogs.require(engine, version);
                for (ParameterSpec spec : catalog.parameters()) {
                    if (spec.defaultValue() == null) {
                        continue;
                    }
                    try {
                        ParameterValue value = ValueParser.parseIgnoringRange(spec, spec.defaultValue());
                        ParameterValue back = ValueParser.parseIgnoringRange(spec, Values.format(spec, value));
                        if (!Values.same(value, back)) {
                            problems.add(engine.id() + " " + version + " " + spec.name() + ": '" + spec.defaultValue()
                                    + "' formats as '" + Values.format(spec, value) + "'");
                        }
                    } catch (RuntimeException e) {
                        problems.add(engine.id() + " " + version + " " + spec.name() + " default '" + spec.defaultValue()
                                + "': " + e.getMessage());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
