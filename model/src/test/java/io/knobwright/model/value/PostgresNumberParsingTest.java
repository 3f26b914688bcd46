package io.knobwright.model.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.knobwright.model.value.TestSpecs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Expected values were checked against a PostgreSQL 15 server (SET ...; SELECT setting FROM pg_settings), with
 * effective_cache_size standing in for shared_buffers (same 8kB unit, but settable per session).
 */
class PostgresNumberParsingTest {

    @ParameterizedTest(name = "{0} -> {1} x 8kB")
    @CsvSource({
            "131072, 131072",
            "1GB, 131072",
            "1024MB, 131072",
            "1048576kB, 131072",
            "'1 GB ', 131072",
            "'''1GB''', 131072",
            "\"1GB\", 131072",
            "1500kB, 188",      // 187.5 blocks: half to even
            "1540kB, 192",      // 192.5 blocks: half to even
            "1548kB, 194",      // 193.5 blocks: half to even
            "30.1GB, 3945216",  // first rounded to whole MB (30822MB), then to blocks
            "1e3kB, 125",
            "0x10, 16",
            "+16, 16",
            "007, 7",
            "1.5, 2",
            "2.5, 2",
            "131072.5, 131072",
            "0.0009765625TB, 131072",
    })
    void memoryOnAnEightKilobyteParameterBecomesBlocksRoundedLikeTheServer(String text, long blocks) {
        assertThat(Values.parse(EFFECTIVE_CACHE_SIZE, text)).isEqualTo(number(blocks, EFFECTIVE_CACHE_SIZE));
    }

    @Test
    void valuesBelowTheMinimumBeforeRoundingAreAcceptedWhenRoundingReachesIt() {
        // 127kB is 15.875 blocks, which rounds to 16 = the minimum, so the server takes it.
        assertThat(Values.parse(SHARED_BUFFERS, "127kB")).isEqualTo(number(16, SHARED_BUFFERS));
    }

    @ParameterizedTest(name = "{0} -> {1} kB")
    @CsvSource({
            "1500kB, 1500",
            "30.1GB, 31561728",
            "1000B, 1",         // 0.977 kB rounds up to 1
            "511B, 0",
            "512B, 0",          // exactly half a kB: half to even
            "1536B, 2",
            "-1, -1",
            "64MB, 65536",
    })
    void memoryOnAKilobyteParameter(String text, long kilobytes) {
        assertThat(Values.parse(AUTOVACUUM_WORK_MEM, text)).isEqualTo(number(kilobytes, AUTOVACUUM_WORK_MEM));
    }

    @Test
    void megabyteAndByteBaseUnitsConvertToo() {
        assertThat(Values.parse(MIN_WAL_SIZE, "1GB")).isEqualTo(number(1024, MIN_WAL_SIZE));
        assertThat(Values.parse(MIN_WAL_SIZE, "80")).isEqualTo(number(80, MIN_WAL_SIZE));
        assertThat(Values.parse(WAL_SEGMENT_SIZE, "16MB")).isEqualTo(number(16777216, WAL_SEGMENT_SIZE));
    }

    @ParameterizedTest(name = "{0} -> {1} ms")
    @CsvSource({
            "1.0005s, 1000",    // 1000.5 ms: half to even
            "1.5us, 0",
            "2500us, 2",        // 2.5 ms: half to even
            "1500us, 2",
            "0.5min, 30000",
            "1d, 86400000",
            "90s, 90000",
            "1h, 3600000",
            "1.5, 2",
            "2min, 120000",
    })
    void timeOnAMillisecondParameter(String text, long millis) {
        assertThat(Values.parse(STATEMENT_TIMEOUT, text)).isEqualTo(number(millis, STATEMENT_TIMEOUT));
    }

    @ParameterizedTest(name = "{0} -> {1} s")
    @CsvSource({
            "1500ms, 2",
            "2500ms, 2",
            "0.5min, 30",
            "1.0001min, 60",    // 60.006 s rounds to whole seconds first
            "90, 90",
            "1h, 3600",
    })
    void timeOnASecondParameter(String text, long seconds) {
        assertThat(Values.parse(TCP_KEEPALIVES_IDLE, text)).isEqualTo(number(seconds, TCP_KEEPALIVES_IDLE));
    }

    @ParameterizedTest(name = "{0} -> {1} min")
    @CsvSource({
            "1d, 1440",
            "90min, 90",
            "29s, 0",
            "30s, 0",           // exactly half a minute: half to even
            "90s, 2",           // 1.5 min: half to even
            "150s, 2",          // 2.5 min: half to even
            "1h, 60",
    })
    void timeOnAMinuteParameter(String text, long minutes) {
        assertThat(Values.parse(LOG_ROTATION_AGE, text)).isEqualTo(number(minutes, LOG_ROTATION_AGE));
    }

    @ParameterizedTest(name = "{0} -> {1} ms")
    @CsvSource({
            "0.5, 0.5",
            "2500us, 2.5",
            "1.0005ms, 1",      // 1000.5 us rounds to whole microseconds... half to even
            "1e-3s, 1",
            "300us, 0.3",
            "0.3ms, 0.3",
            "010, 10",          // strtod: reals are always decimal
            "0x10, 16",
    })
    void realsWithUnitsKeepFractionsButRoundToTheNextSmallerUnit(String text, String millis) {
        assertThat(Values.parse(VACUUM_COST_DELAY, text)).isEqualTo(number(millis, VACUUM_COST_DELAY));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1.1, 1.1",
            "4, 4",
            "4.000, 4",
            "1.5e1, 15",
            "2E-1, 0.2",
            ".5, 0.5",
            "5., 5",
    })
    void realsWithoutUnitsAcceptDecimalAndScientificNotation(String text, String expected) {
        assertThat(Values.parse(RANDOM_PAGE_COST, text)).isEqualTo(number(expected, RANDOM_PAGE_COST));
    }

    @Test
    void negativeSentinelsAreAccepted() {
        assertThat(Values.parse(LOG_MIN_DURATION, "-1")).isEqualTo(number(-1, LOG_MIN_DURATION));
        assertThat(Values.parse(WAL_BUFFERS, "-1")).isEqualTo(number(-1, WAL_BUFFERS));
    }

    @Test
    void leadingZeroIsRefusedWhenTheServerWouldReadItAsOctal() {
        assertThatThrownBy(() -> Values.parse(EFFECTIVE_CACHE_SIZE, "010"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("effective_cache_size on PostgreSQL 16: PostgreSQL reads 010 as the octal number 8;"
                        + " write 8, or 10 without the leading zero");
        assertThatThrownBy(() -> Values.parse(EFFECTIVE_CACHE_SIZE, "09"))
                .hasMessageContaining("09 is no octal number; write 9");
    }

    @Test
    void modesAreWrittenInOctalTheWayShowPrintsThem() {
        assertThat(Values.parse(UNIX_SOCKET_PERMISSIONS, "0700")).isEqualTo(number(448, UNIX_SOCKET_PERMISSIONS));
        assertThat(Values.parse(UNIX_SOCKET_PERMISSIONS, "448")).isEqualTo(number(448, UNIX_SOCKET_PERMISSIONS));
        assertThat(Values.format(UNIX_SOCKET_PERMISSIONS, number(511, UNIX_SOCKET_PERMISSIONS))).isEqualTo("0777");
        assertThat(Values.normalize(UNIX_SOCKET_PERMISSIONS, "0")).isEqualTo("0000");
        assertThatThrownBy(() -> Values.parse(UNIX_SOCKET_PERMISSIONS, "777"))
                .hasMessageContaining("(valid: 0000 .. 0777)");
    }

    @Test
    void comparingReadsALeadingZeroAsTheServerDoes() {
        assertThat(Values.same(EFFECTIVE_CACHE_SIZE, "010", "8")).isTrue();
        assertThat(Values.same(EFFECTIVE_CACHE_SIZE, "010", "10")).isFalse();
        assertThat(Values.same(EFFECTIVE_CACHE_SIZE, "010kB", "8kB")).isTrue();
    }
}
