package io.knobwright.model.catalog;

import io.knobwright.model.engine.Engine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogDifferencesTest {

    private static final String SHIPPED = "the shipped catalog";

    private static ParameterSpec spec(ParameterType type, String unit, String min, String max, List<String> values,
                                      String defaultValue, ApplyMode mode, String dependsOn) {
        return new ParameterSpec(Engine.POSTGRESQL, "15", "p", type, unit, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), values, defaultValue, mode, "", "", "", dependsOn);
    }

    @Test
    void equalDescriptionsHaveNoDifferenceEvenWhenNumbersAreSpelledDifferently() {
        ParameterSpec a = spec(ParameterType.REAL, null, "0", "1.79769e+308", List.of(), "4", ApplyMode.ONLINE, null);
        ParameterSpec b = spec(ParameterType.REAL, null, "0.0", "1.797690E+308", List.of(), "4", ApplyMode.ONLINE, null);

        assertThat(CatalogDifferences.between(a, b, SHIPPED)).isEmpty();
    }

    @Test
    void everyKindOfDifferenceIsNamed() {
        ParameterSpec server = spec(ParameterType.ENUM, "kB", "1", "100", List.of("a", "C"), "x", ApplyMode.RELOAD, null);
        ParameterSpec shipped = spec(ParameterType.STRING, "MB", "0", "100", List.of("a", "b"), "y", ApplyMode.RESTART, null);

        assertThat(CatalogDifferences.between(server, shipped, SHIPPED)).containsExactly(
                "type enum here, string in the shipped catalog",
                "unit kB here, MB in the shipped catalog",
                "accepts C, which the shipped catalog does not list",
                "refuses b, which the shipped catalog lists",
                "range 1..100 here, 0..100 in the shipped catalog",
                "default 'x' here, 'y' in the shipped catalog",
                "applies by reload here, by restart in the shipped catalog");
    }

    @Test
    void aHostDependentDefaultIsNoDifference() {
        ParameterSpec server = spec(ParameterType.STRING, null, null, null, List.of(), "/var/run/postgresql", ApplyMode.RESTART, null);
        ParameterSpec shipped = spec(ParameterType.STRING, null, null, null, List.of(), "/tmp", ApplyMode.RESTART,
                "the distribution's build");

        assertThat(CatalogDifferences.between(server, shipped, SHIPPED)).isEmpty();
    }

    @Test
    void enumCaseIsNotADifference() {
        ParameterSpec server = spec(ParameterType.ENUM, null, null, null, List.of("ON", "off"), "off", ApplyMode.ONLINE, null);
        ParameterSpec shipped = spec(ParameterType.ENUM, null, null, null, List.of("on", "OFF"), "off", ApplyMode.ONLINE, null);

        assertThat(CatalogDifferences.between(server, shipped, SHIPPED)).isEmpty();
    }
}
