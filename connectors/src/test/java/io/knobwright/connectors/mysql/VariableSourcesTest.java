package io.knobwright.connectors.mysql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VariableSourcesTest {

    @Test
    void mariaDbAndMySqlSourcesUseThePostgresVocabulary() {
        assertThat(VariableSources.normalise("COMPILE-TIME")).isEqualTo("default");
        assertThat(VariableSources.normalise("COMPILED")).isEqualTo("default");
        assertThat(VariableSources.normalise("CONFIG")).isEqualTo("configuration file");
        assertThat(VariableSources.normalise("GLOBAL")).isEqualTo("configuration file");
        assertThat(VariableSources.normalise("COMMAND-LINE")).isEqualTo("command line");
        assertThat(VariableSources.normalise("COMMAND_LINE")).isEqualTo("command line");
        assertThat(VariableSources.normalise("SQL")).isEqualTo("set global");
        assertThat(VariableSources.normalise("DYNAMIC")).isEqualTo("set global");
        assertThat(VariableSources.normalise("PERSISTED")).isEqualTo("persisted");
    }

    @Test
    void unknownSourcesStayVisibleAndMissingOnesSaySo() {
        assertThat(VariableSources.normalise("SOMETHING-NEW")).isEqualTo("something-new");
        assertThat(VariableSources.normalise(null)).isEqualTo("unknown");
    }
}
