package io.knobwright.model.value;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.knobwright.model.value.TestSpecs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PostgreSQL spellings checked against a PostgreSQL 15 server; MariaDB ones against MariaDB 10.11. */
class BooleanParsingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "on, true", "off, false", "ON, true", "Off, false", "of, false",
            "true, true", "tRuE, true", "TR, true", "t, true",
            "false, false", "fa, false", "f, false",
            "yes, true", "y, true", "YE, true", "no, false", "n, false", "nO, false",
            "1, true", "0, false",
            "' on ', true", "'''off''', false", "\"true\", true",
    })
    void postgresAcceptsEverySpellingAndUniquePrefix(String text, boolean expected) {
        assertThat(Values.parse(ENABLE_SEQSCAN, text)).isEqualTo(BooleanValue.of(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"o", "onx", "yes2", "", "2", "truee", "-1", "enabled", "0.0", "00"})
    void postgresRefusesWhatParseBoolRefuses(String text) {
        assertThatThrownBy(() -> Values.parse(ENABLE_SEQSCAN, text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("enable_seqscan on PostgreSQL 16: ")
                .hasMessageEndingWith("is not a boolean; write on, off, true, false, yes, no, 1 or 0");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ON, true", "on, true", "OFF, false", "TRUE, true", "false, false", "1, true", "0, false"})
    void mariadbAcceptsOnOffTrueFalseOneZero(String text, boolean expected) {
        assertThat(Values.parse(GENERAL_LOG, text)).isEqualTo(BooleanValue.of(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "t", "2", "of"})
    void mariadbRefusesPostgresOnlySpellings(String text) {
        assertThatThrownBy(() -> Values.parse(GENERAL_LOG, text))
                .hasMessage("general_log on MariaDB 10.11: " + text + " is not a boolean; write ON, OFF, TRUE, FALSE, 1 or 0");
    }

    @Test
    void oracleSpellsBooleansTrueAndFalse() {
        assertThat(Values.parse(RESOURCE_LIMIT, "true")).isEqualTo(BooleanValue.ON);
        assertThat(Values.parse(RESOURCE_LIMIT, "FALSE")).isEqualTo(BooleanValue.OFF);
        assertThatThrownBy(() -> Values.parse(RESOURCE_LIMIT, "ON"))
                .hasMessage("resource_limit on Oracle 19c: ON is not a boolean; write TRUE or FALSE");
    }

    @Test
    void sqlServerSwitchesAreOneAndZero() {
        assertThat(Values.parse(AD_HOC_WORKLOADS, "1")).isEqualTo(BooleanValue.ON);
        assertThat(Values.parse(AD_HOC_WORKLOADS, "OFF")).isEqualTo(BooleanValue.OFF);
        assertThatThrownBy(() -> Values.parse(AD_HOC_WORKLOADS, "yes")).isInstanceOf(InvalidValueException.class);
    }
}
