package io.knobwright.app.ui.instance;

import io.knobwright.app.ui.instance.SettingComparison.Verdict;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.diff.CatalogValueEquivalence;
import io.knobwright.model.diff.ChangeKind;
import io.knobwright.model.diff.ConfigurationDiff;
import io.knobwright.model.diff.DiffRow;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.LiveSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

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

    /**
     * Pairs the pane once judged differently from Compare and plans: its own lower-casing called a changed
     * log_line_prefix the default while Compare called DateStyle 'iso, mdy' drift; it flagged every untouched server's
     * modes ("0777" against 511), wal_buffers (512 picked for -1) and archive_command ("(disabled)") as changed.
     */
    @ParameterizedTest(name = "{0} {1} = ''{2}'' ({3}): {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            16 | DateStyle               | iso, mdy            | configuration file | DEFAULT
            16 | search_path             | "$user", Public     | configuration file | DEFAULT
            16 | log_line_prefix         | `%M [%p] `          | configuration file | CHANGED
            16 | synchronous_commit      | true                | configuration file | DEFAULT
            16 | unix_socket_permissions | 0777                | default            | DEFAULT
            16 | unix_socket_permissions | 0700                | configuration file | CHANGED
            16 | log_file_mode           | 0600                | default            | DEFAULT
            16 | wal_buffers             | 512                 | default            | DEFAULT
            16 | wal_buffers             | 2048                | configuration file | CHANGED
            15 | archive_command         | (disabled)          | default            | DEFAULT
            16 | shared_buffers          | 16384               | default            | DEFAULT
            16 | TimeZone                | gmt                 | configuration file | DEFAULT
            """)
    void thePaneJudgesAValueAsCompareAndPlansDo(String version, String name, String value, String source, Verdict verdict) {
        ParameterSpec spec = new CatalogRepository().require(Engine.POSTGRESQL, version).find(name).orElseThrow();
        LiveSetting live = new LiveSetting(name, value, spec.unit(), source, false);

        assertThat(comparison.compare(live, spec)).isEqualTo(verdict);
        // Compare of the instance (as configuration) with the defaults says the same
        CatalogValueEquivalence equivalence = new CatalogValueEquivalence();
        DiffRow row = new ConfigurationDiff(equivalence).compare(Map.of(name, equivalence.configured(spec, live)),
                Map.of(name, spec.defaultValue()), new CatalogRepository().require(Engine.POSTGRESQL, version)).getFirst();
        assertThat(row.change()).isEqualTo(verdict == Verdict.DEFAULT ? ChangeKind.SAME : ChangeKind.CHANGED);
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
