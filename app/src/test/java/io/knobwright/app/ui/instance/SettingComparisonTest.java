package io.knobwright.app.ui.instance;

import io.knobwright.app.ui.instance.SettingComparison.Verdict;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.LiveSetting;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettingComparisonTest {

    private final SettingComparison comparison = new SettingComparison();

    private static ParameterSpec spec(String name, ParameterType type, String unit, String dflt) {
        return new ParameterSpec(Engine.POSTGRESQL, "16", name, type, unit, null, null, List.of(), dflt,
                ApplyMode.ONLINE, "", "", "");
    }

    private Verdict compare(String value, String unit, ParameterSpec spec) {
        return comparison.compare(new LiveSetting(spec.name(), value, unit, "", false), spec);
    }

    @Test
    void sameNumberWrittenDifferentlyIsStillTheDefault() {
        ParameterSpec cost = spec("random_page_cost", ParameterType.REAL, null, "4");
        assertThat(compare("4.0", null, cost)).isEqualTo(Verdict.DEFAULT);
        assertThat(compare("1.1", null, cost)).isEqualTo(Verdict.CHANGED);
    }

    @Test
    void booleansCompareByMeaning() {
        ParameterSpec autovacuum = spec("autovacuum", ParameterType.BOOLEAN, null, "on");
        assertThat(compare("true", null, autovacuum)).isEqualTo(Verdict.DEFAULT);
        assertThat(compare("OFF", null, autovacuum)).isEqualTo(Verdict.CHANGED);
    }

    @Test
    void textComparesIgnoringCaseAndQuotes() {
        ParameterSpec level = spec("wal_level", ParameterType.ENUM, null, "replica");
        assertThat(compare("'Replica'", null, level)).isEqualTo(Verdict.DEFAULT);
        assertThat(compare("logical", null, level)).isEqualTo(Verdict.CHANGED);
    }

    @Test
    void numbersInDifferentUnitsAreNotGuessed() {
        ParameterSpec buffers = spec("shared_buffers", ParameterType.INTEGER, "8kB", "16384");
        assertThat(compare("16384", "8kB", buffers)).isEqualTo(Verdict.DEFAULT);
        assertThat(compare("128", "MB", buffers)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void aDefaultThatDependsOnTheHostIsNotComparedWithTheInstancesValue() {
        ParameterSpec nodeName = new ParameterSpec(Engine.MARIADB, "10.11", "wsrep_node_name", ParameterType.STRING,
                null, null, null, List.of(), "vm", ApplyMode.ONLINE, "", "", "", "the host name");
        assertThat(compare("db-galera-2", null, nodeName)).isEqualTo(Verdict.HOST_DEPENDENT);
        assertThat(compare("vm", null, nodeName)).isEqualTo(Verdict.HOST_DEPENDENT);
    }

    @Test
    void withoutACatalogEntryOrDefaultNothingIsClaimed() {
        assertThat(comparison.compare(new LiveSetting("x", "1", null, "", false), null)).isEqualTo(Verdict.UNKNOWN);
        assertThat(compare("1", null, spec("y", ParameterType.INTEGER, null, null))).isEqualTo(Verdict.UNKNOWN);
    }
}
