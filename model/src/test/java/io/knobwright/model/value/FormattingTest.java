package io.knobwright.model.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static io.knobwright.model.value.TestSpecs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormattingTest {

    @ParameterizedTest(name = "{0} x 8kB -> {1}")
    @CsvSource({"131072, 1GB", "16, 128kB", "188, 1504kB", "1073741823, 8589934584kB", "128, 1MB", "-1, -1", "0, 0",
            "134217728, 1TB"})
    void postgresBlocksUseTheLargestUnitThatDividesExactly(long blocks, String expected) {
        assertThat(Values.format(SHARED_BUFFERS, number(blocks, SHARED_BUFFERS))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({"90000, 90s", "120000, 2min", "3600000, 1h", "86400000, 1d", "1500, 1500ms", "0, 0", "5400000, 90min"})
    void postgresDurationsUseTheLargestUnitThatDividesExactly(long millis, String expected) {
        assertThat(Values.format(STATEMENT_TIMEOUT, number(millis, STATEMENT_TIMEOUT))).isEqualTo(expected);
    }

    @Test
    void postgresSecondsAndMinutesStayInWholeUnits() {
        assertThat(Values.format(CHECKPOINT_TIMEOUT, number(90, CHECKPOINT_TIMEOUT))).isEqualTo("90s");
        assertThat(Values.format(CHECKPOINT_TIMEOUT, number(300, CHECKPOINT_TIMEOUT))).isEqualTo("5min");
        assertThat(Values.format(LOG_ROTATION_AGE, number(1440, LOG_ROTATION_AGE))).isEqualTo("1d");
    }

    @Test
    void postgresRealsWithUnitsGoBelowTheBaseUnitLikeShowDoes() {
        assertThat(Values.format(VACUUM_COST_DELAY, number("0.5", VACUUM_COST_DELAY))).isEqualTo("500us");
        assertThat(Values.format(VACUUM_COST_DELAY, number("2.5", VACUUM_COST_DELAY))).isEqualTo("2500us");
        assertThat(Values.format(VACUUM_COST_DELAY, number("2", VACUUM_COST_DELAY))).isEqualTo("2ms");
        assertThat(Values.format(VACUUM_COST_DELAY, number("0.0005", VACUUM_COST_DELAY))).isEqualTo("0.5us");
    }

    @Test
    void postgresPlainRealsAreShortestDecimals() {
        assertThat(Values.format(RANDOM_PAGE_COST, number("1.10", RANDOM_PAGE_COST))).isEqualTo("1.1");
        assertThat(Values.format(RANDOM_PAGE_COST, number("4", RANDOM_PAGE_COST))).isEqualTo("4");
        assertThat(Values.format(RANDOM_PAGE_COST, number("1e300", RANDOM_PAGE_COST))).isEqualTo("1e+300");
    }

    @Test
    void booleansUseEachEnginesSpelling() {
        assertThat(Values.format(ENABLE_SEQSCAN, BooleanValue.ON)).isEqualTo("on");
        assertThat(Values.format(ENABLE_SEQSCAN, BooleanValue.OFF)).isEqualTo("off");
        assertThat(Values.format(GENERAL_LOG, BooleanValue.ON)).isEqualTo("ON");
        assertThat(Values.format(RESOURCE_LIMIT, BooleanValue.OFF)).isEqualTo("FALSE");
        assertThat(Values.format(AD_HOC_WORKLOADS, BooleanValue.ON)).isEqualTo("1");
    }

    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource({"1073741824, 1G", "536870912, 512M", "134217728, 128M", "1000, 1000", "1025, 1025", "3072, 3K",
            "1099511627776, 1T", "0, 0"})
    void mysqlByteSizesUseTheLargestExactSuffix(long bytes, String expected) {
        assertThat(Values.format(INNODB_BUFFER_POOL_SIZE, number(bytes, INNODB_BUFFER_POOL_SIZE))).isEqualTo(expected);
    }

    @Test
    void mysqlUnitlessNumbersStayPlain() {
        assertThat(Values.format(SORT_BUFFER_SIZE_UNITLESS, number(2097152, SORT_BUFFER_SIZE_UNITLESS)))
                .isEqualTo("2097152");
    }

    @Test
    void oracleAndSqlServerNumbers() {
        assertThat(Values.format(SGA_TARGET, number(2147483648L, SGA_TARGET))).isEqualTo("2G");
        assertThat(Values.format(MAX_SERVER_MEMORY, number(4096, MAX_SERVER_MEMORY))).isEqualTo("4096");
    }

    @Test
    void plainSpellingHasNoUnitsForSqlThatTakesNone() {
        assertThat(Values.plain(INNODB_BUFFER_POOL_SIZE, Values.parse(INNODB_BUFFER_POOL_SIZE, "1G")))
                .isEqualTo("1073741824");
        assertThat(Values.plain(SHARED_BUFFERS, Values.parse(SHARED_BUFFERS, "1GB"))).isEqualTo("131072");
        assertThat(Values.plain(GENERAL_LOG, BooleanValue.ON)).isEqualTo("ON");
    }

    @Test
    void valuesInAnotherUnitAreFormattedInTheParametersTerms() {
        assertThat(Values.format(SHARED_BUFFERS, NumericValue.of(1, Unit.GIGABYTES))).isEqualTo("1GB");
        assertThat(ValueFormatter.inBaseUnit(SHARED_BUFFERS, NumericValue.of(1, Unit.GIGABYTES)))
                .isEqualByComparingTo("131072");
        assertThatThrownBy(() -> Values.format(SHARED_BUFFERS, NumericValue.of(1, Unit.SECONDS)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalizeRewritesInTheEnginesPreferredSpelling() {
        assertThat(Values.normalize(SHARED_BUFFERS, "1024MB")).isEqualTo("1GB");
        assertThat(Values.normalize(ENABLE_SEQSCAN, "TRUE")).isEqualTo("on");
        assertThat(Values.normalize(WAL_LEVEL, "LOGICAL")).isEqualTo("logical");
        assertThat(Values.normalize(STATEMENT_TIMEOUT, "120000")).isEqualTo("2min");
        assertThat(Values.normalize(GENERAL_LOG, "1")).isEqualTo("ON");
    }

    @Test
    void readableShowsAValueInTheUnitADbaWrites() {
        assertThat(Values.readable(SHARED_BUFFERS, "16384")).isEqualTo("128MB");
        assertThat(Values.readable(EFFECTIVE_CACHE_SIZE, "2314101")).isEqualTo("18512808kB");
        assertThat(Values.readable(SHARED_BUFFERS, "10TB")).isEqualTo("10TB");        // out of range, still shown
        assertThat(Values.readable(SHARED_BUFFERS, "lots")).isEqualTo("lots");
        assertThat(Values.readable(INNODB_BUFFER_POOL_SIZE, "134217728")).isEqualTo("128M");
        assertThat(Values.readable(SHARED_BUFFERS, null)).isNull();
    }

    @Test
    void catalogAmountsAreWrittenAsTheEngineWritesThem() {
        assertThat(Values.formatAmount(SHARED_BUFFERS, new BigDecimal(16))).isEqualTo("128kB");
        assertThat(Values.formatAmount(RANDOM_PAGE_COST, new BigDecimal("1.79769e+308"))).isEqualTo("1.79769e+308");
        assertThat(Values.formatAmount(WAL_BUFFERS, new BigDecimal(-1))).isEqualTo("-1");
        assertThat(Values.formatAmount(UNIX_SOCKET_PERMISSIONS, new BigDecimal(448))).isEqualTo("0700");
    }
}
