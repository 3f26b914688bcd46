package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.knobwright.model.value.TestSpecs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OtherEnginesParsingTest {

    private static InvalidValueException refusal(ParameterSpec spec, String text) {
        return catchThrowableOfType(InvalidValueException.class, () -> Values.parse(spec, text));
    }

    @ParameterizedTest(name = "{0} -> {1} bytes")
    @CsvSource({
            "1G, 1073741824",
            "1g, 1073741824",
            "512M, 536870912",
            "512m, 536870912",
            "8192K, 8388608",
            "1T, 1099511627776",
            "134217728, 134217728",
            "'\"128M\"', 134217728",
    })
    void mysqlSizesTakeBinarySuffixes(String text, long bytes) {
        assertThat(Values.parse(INNODB_BUFFER_POOL_SIZE, text)).isEqualTo(number(bytes, INNODB_BUFFER_POOL_SIZE));
    }

    @Test
    void mysqlSuffixesWorkOnAnyIntegerAsInOptionFiles() {
        assertThat(Values.parse(MYSQL_MAX_CONNECTIONS, "1K")).isEqualTo(number(1024, MYSQL_MAX_CONNECTIONS));
        assertThat(Values.parse(SORT_BUFFER_SIZE_UNITLESS, "2M")).isEqualTo(number(2097152, SORT_BUFFER_SIZE_UNITLESS));
    }

    @Test
    void mysqlRefusesFractionsAndSaysWhatToWriteInstead() {
        InvalidValueException e = refusal(INNODB_BUFFER_POOL_SIZE, "1.5G");
        assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.MALFORMED);
        assertThat(e.getMessage()).isEqualTo("innodb_buffer_pool_size on MySQL 8.0: 1.5G is not a whole number,"
                + " which MySQL requires for innodb_buffer_pool_size; write 1536M");
        assertThat(refusal(MYSQL_MAX_CONNECTIONS, "1e3").getMessage()).endsWith("; write 1000");
    }

    @Test
    void mysqlRefusesUnitNamesAndSuggestsTheSuffix() {
        InvalidValueException e = refusal(INNODB_BUFFER_POOL_SIZE, "1GB");
        assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.WRONG_UNIT);
        assertThat(e.suggestions()).containsExactly("1G");
        assertThat(e.getMessage()).isEqualTo("innodb_buffer_pool_size on MySQL 8.0: 1GB: MySQL takes"
                + " innodb_buffer_pool_size as a number of bytes; write 1G");
        assertThat(refusal(INNODB_BUFFER_POOL_SIZE, "1 G").suggestions()).containsExactly("1G");
        assertThat(refusal(SORT_BUFFER_SIZE_UNITLESS, "2MB").suggestions()).containsExactly("2M");
    }

    @Test
    void mysqlRangeMessagesUseItsOwnSpelling() {
        assertThat(refusal(INNODB_BUFFER_POOL_SIZE, "4M").getMessage()).isEqualTo(
                "innodb_buffer_pool_size on MySQL 8.0: 4M is below the minimum 5M (valid: 5M .. 18446744073709551615)");
    }

    @Test
    void mysqlDurationsArePlainNumbers() {
        assertThat(Values.parse(LONG_QUERY_TIME, "2.5")).isEqualTo(number("2.5", LONG_QUERY_TIME));
        assertThat(Values.parse(LONG_QUERY_TIME, "1e1")).isEqualTo(number(10, LONG_QUERY_TIME));
        InvalidValueException e = refusal(LONG_QUERY_TIME, "2min");
        assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.WRONG_UNIT);
        assertThat(e.getMessage()).isEqualTo(
                "long_query_time on MySQL 8.0: 2min: MySQL takes long_query_time as a number of seconds; write 120");
        assertThat(refusal(LONG_QUERY_TIME, "1G").reason()).isEqualTo(InvalidValueException.Reason.WRONG_UNIT);
    }

    @Test
    void mariadbMessagesNameMariadb() {
        assertThat(refusal(SORT_BUFFER_SIZE_UNITLESS, "lots").getMessage()).startsWith("sort_buffer_size on MariaDB 10.11: ");
    }

    @Test
    void sqlServerTakesPlainNumbersInItsBaseUnit() {
        assertThat(Values.parse(MAX_SERVER_MEMORY, "4096")).isEqualTo(number(4096, MAX_SERVER_MEMORY));
        InvalidValueException e = refusal(MAX_SERVER_MEMORY, "4GB");
        assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.WRONG_UNIT);
        assertThat(e.getMessage()).isEqualTo("max server memory (MB) on SQL Server 2022: 4GB: SQL Server takes"
                + " max server memory (MB) as a number of MB; write 4096");
        assertThat(refusal(MAX_SERVER_MEMORY, "4G").suggestions()).containsExactly("4096");
        assertThat(refusal(MAX_SERVER_MEMORY, "1.5").reason()).isEqualTo(InvalidValueException.Reason.MALFORMED);
        assertThat(refusal(COST_THRESHOLD, "5K").getMessage()).isEqualTo("cost threshold for parallelism on SQL Server"
                + " 2022: 5K is a memory size, but cost threshold for parallelism takes a plain number (write a whole number)");
        assertThat(refusal(COST_THRESHOLD, "5x").getMessage()).contains("has an unknown suffix 'x'");
    }

    @Test
    void oracleBigIntegersTakeSuffixesInEitherCase() {
        assertThat(Values.parse(SGA_TARGET, "2G")).isEqualTo(number(2147483648L, SGA_TARGET));
        assertThat(Values.parse(SGA_TARGET, "2g")).isEqualTo(number(2147483648L, SGA_TARGET));
        assertThat(Values.parse(SGA_TARGET, "800M")).isEqualTo(number(838860800L, SGA_TARGET));
        assertThat(refusal(SGA_TARGET, "2GB").suggestions()).containsExactly("2G");
    }

    @Test
    void oracleCountsTakeNoSuffix() {
        assertThat(Values.parse(OPEN_CURSORS, "300")).isEqualTo(number(300, OPEN_CURSORS));
        assertThat(refusal(OPEN_CURSORS, "1K").reason()).isEqualTo(InvalidValueException.Reason.WRONG_UNIT);
        assertThat(refusal(OPEN_CURSORS, "1.5").reason()).isEqualTo(InvalidValueException.Reason.MALFORMED);
    }

    @Test
    void mysqlTakesZeroAndOneForAnOffOnEnum() {
        assertThat(Values.parse(EVENT_SCHEDULER, "1")).isEqualTo(new EnumValue("ON"));
        assertThat(Values.parse(EVENT_SCHEDULER, "0")).isEqualTo(new EnumValue("OFF"));
        assertThat(Values.same(EVENT_SCHEDULER, "1", "on")).isTrue();
        // the position counts, not the word: gtid_mode = 1 is OFF_PERMISSIVE, which is not read from a catalog's order
        assertThatThrownBy(() -> Values.parse(GTID_MODE, "1")).isInstanceOf(InvalidValueException.class);
        assertThat(Values.same(GTID_MODE, "1", "ON")).isFalse();
    }
}
