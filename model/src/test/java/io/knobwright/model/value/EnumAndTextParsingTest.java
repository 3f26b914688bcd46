package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.knobwright.model.value.TestSpecs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EnumAndTextParsingTest {

    @ParameterizedTest
    @ValueSource(strings = {"replica", "REPLICA", "Replica", " replica ", "'replica'"})
    void enumChoicesMatchCaseInsensitivelyAndKeepTheCatalogSpelling(String text) {
        assertThat(Values.parse(WAL_LEVEL, text)).isEqualTo(new EnumValue("replica"));
    }

    @Test
    void unknownChoiceListsTheChoicesAndSuggestsTheNearest() {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> Values.parse(WAL_LEVEL, "replcia"));
        assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.NOT_ALLOWED);
        assertThat(e.getMessage()).isEqualTo(
                "wal_level on PostgreSQL 16: replcia is not one of minimal, replica, logical; did you mean replica?");
        assertThat(e.suggestions()).containsExactly("replica");
    }

    @Test
    void unknownChoiceFarFromAllChoicesJustListsThem() {
        assertThatThrownBy(() -> Values.parse(WAL_LEVEL, "archive"))
                .hasMessage("wal_level on PostgreSQL 16: archive is not one of minimal, replica, logical");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"yes, on", "TRUE, on", "1, on", "no, off", "false, off", "0, off", "ON, on", "local, local"})
    void postgresEnumsWithOnAndOffTakeTheHiddenBooleanSpellings(String text, String expected) {
        assertThat(Values.parse(SYNCHRONOUS_COMMIT, text)).isEqualTo(new EnumValue(expected));
    }

    @Test
    void hiddenBooleanSpellingsAreWholeWordsOnly() {
        assertThatThrownBy(() -> Values.parse(SYNCHRONOUS_COMMIT, "tr")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Values.parse(WAL_LEVEL, "on")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void mysqlAndOracleEnumsMatchCaseInsensitively() {
        assertThat(Values.parse(BINLOG_FORMAT, "row")).isEqualTo(new EnumValue("ROW"));
        assertThat(Values.parse(OPTIMIZER_MODE, "all_rows")).isEqualTo(new EnumValue("ALL_ROWS"));
    }

    @Test
    void enumWithoutListedChoicesAcceptsAnyWord() {
        var open = TestSpecs.spec(io.knobwright.model.engine.Engine.ORACLE, "19c", "db_block_checking",
                ParameterType.ENUM, null, null, null, java.util.List.of());
        assertThat(Values.parse(open, "MEDIUM")).isEqualTo(new EnumValue("MEDIUM"));
        assertThat(Values.same(open, "medium", "MEDIUM")).isTrue();
    }

    @Test
    void textKeepsWhitespaceAndDoubleQuotes() {
        assertThat(Values.parse(LOG_LINE_PREFIX, "%m [%p] ")).isEqualTo(new TextValue("%m [%p] "));
        assertThat(Values.parse(SEARCH_PATH, "\"$user\", public")).isEqualTo(new TextValue("\"$user\", public"));
    }

    @Test
    void textUnwrapsAConfigurationFileLiteral() {
        assertThat(Values.parse(LOG_LINE_PREFIX, "'%m [%p] '")).isEqualTo(new TextValue("%m [%p] "));
        assertThat(Values.parse(LOG_LINE_PREFIX, "'it''s'")).isEqualTo(new TextValue("it's"));
        assertThat(Values.parse(SEARCH_PATH, "")).isEqualTo(new TextValue(""));
    }

    @Test
    void textIsComparedAsTheServerReadsIt() {
        assertThat(Values.same(LOG_LINE_PREFIX, "%m [%p] ", "%M [%p] ")).isFalse();
        assertThat(Values.same(LOG_LINE_PREFIX, "%m [%p] ", "'%m [%p] '")).isTrue();
        assertThat(Values.same(SEARCH_PATH, "public", "Public")).isTrue();      // unquoted names fold to lower case
        assertThat(Values.same(SEARCH_PATH, "public", "\"Public\"")).isFalse();
        assertThat(Values.same(SEARCH_PATH, "public", "'public'")).isTrue();
    }
}
