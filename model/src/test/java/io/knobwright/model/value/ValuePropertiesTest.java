package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import static io.knobwright.model.value.TestSpecs.*;
import static org.assertj.core.api.Assertions.assertThat;

class ValuePropertiesTest {

    private static final List<ParameterSpec> INTEGER_SPECS = List.of(SHARED_BUFFERS, WAL_BUFFERS, WORK_MEM,
            AUTOVACUUM_WORK_MEM, MIN_WAL_SIZE, WAL_SEGMENT_SIZE, STATEMENT_TIMEOUT, LOG_MIN_DURATION,
            CHECKPOINT_TIMEOUT, LOG_ROTATION_AGE, MAX_CONNECTIONS, UNBOUNDED_INT, INNODB_BUFFER_POOL_SIZE,
            SORT_BUFFER_SIZE_UNITLESS, MYSQL_MAX_CONNECTIONS, MAX_SERVER_MEMORY, COST_THRESHOLD, SGA_TARGET,
            OPEN_CURSORS);
    private static final List<ParameterSpec> ALL_SPECS = List.of(SHARED_BUFFERS, WAL_BUFFERS, WORK_MEM,
            AUTOVACUUM_WORK_MEM, MIN_WAL_SIZE, WAL_SEGMENT_SIZE, STATEMENT_TIMEOUT, LOG_MIN_DURATION,
            CHECKPOINT_TIMEOUT, LOG_ROTATION_AGE, VACUUM_COST_DELAY, RANDOM_PAGE_COST, MAX_CONNECTIONS, UNBOUNDED_INT,
            ENABLE_SEQSCAN, WAL_LEVEL, SYNCHRONOUS_COMMIT, SEARCH_PATH, LOG_LINE_PREFIX, INNODB_BUFFER_POOL_SIZE,
            SORT_BUFFER_SIZE_UNITLESS, MYSQL_MAX_CONNECTIONS, LONG_QUERY_TIME, GENERAL_LOG, BINLOG_FORMAT,
            MAX_SERVER_MEMORY, COST_THRESHOLD, AD_HOC_WORKLOADS, SGA_TARGET, OPEN_CURSORS, RESOURCE_LIMIT,
            OPTIMIZER_MODE);

    /** Multiples that make the formatter pick every unit: blocks, kB, MB, GB, minutes, hours, days. */
    private static final List<Long> ROUND_MULTIPLES = List.of(1L, 8L, 60L, 128L, 1000L, 1024L, 1440L, 60_000L,
            131_072L, 1_048_576L, 3_600_000L, 86_400_000L, 1_073_741_824L);

    @Provide
    Arbitrary<Tuple2<ParameterSpec, BigInteger>> inRangeIntegers() {
        return Arbitraries.of(INTEGER_SPECS).flatMap(spec -> {
            BigInteger min = bound(spec.min(), BigInteger.valueOf(Integer.MIN_VALUE));
            BigInteger max = bound(spec.max(), BigInteger.valueOf(Integer.MAX_VALUE));
            Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(min, max);
            Arbitrary<BigInteger> round = Arbitraries.of(ROUND_MULTIPLES).flatMap(m -> {
                BigInteger step = BigInteger.valueOf(m);
                BigInteger low = min.signum() > 0 ? min.add(step).subtract(BigInteger.ONE).divide(step) : min.divide(step);
                BigInteger high = max.divide(step);
                return low.compareTo(high) > 0 ? Arbitraries.just(min)
                        : Arbitraries.bigIntegers().between(low, high).map(k -> k.multiply(step));
            });
            return Arbitraries.oneOf(any, round).map(v -> Tuple.of(spec, v));
        });
    }

    private static BigInteger bound(BigDecimal catalogBound, BigInteger fallback) {
        return catalogBound == null ? fallback : catalogBound.toBigInteger();
    }

    @Property(tries = 400)
    void formattedIntegersParseBackToTheSameValue(@ForAll("inRangeIntegers") Tuple2<ParameterSpec, BigInteger> c) {
        ParameterSpec spec = c.get1();
        NumericValue value = new NumericValue(new BigDecimal(c.get2()), Unit.of(spec));
        assertThat(Values.parse(spec, Values.format(spec, value))).isEqualTo(value);
        assertThat(Values.parse(spec, Values.plain(spec, value))).isEqualTo(value);
    }

    @Property(tries = 200)
    void formattedRealsParseBackToTheSameValue(@ForAll("reals") Tuple2<ParameterSpec, BigDecimal> c) {
        ParameterSpec spec = c.get1();
        NumericValue value = new NumericValue(c.get2(), Unit.of(spec));
        assertThat(Values.parse(spec, Values.format(spec, value))).isEqualTo(value);
    }

    @Provide
    Arbitrary<Tuple2<ParameterSpec, BigDecimal>> reals() {
        Arbitrary<Tuple2<ParameterSpec, BigDecimal>> delay = Arbitraries.longs().between(0, 100_000)
                .map(us -> Tuple.of(VACUUM_COST_DELAY, BigDecimal.valueOf(us, 3)));
        Arbitrary<Tuple2<ParameterSpec, BigDecimal>> cost = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("1e12")).ofScale(8).map(v -> Tuple.of(RANDOM_PAGE_COST, v));
        Arbitrary<Tuple2<ParameterSpec, BigDecimal>> huge = Arbitraries.integers().between(-300, 300)
                .map(e -> Tuple.of(RANDOM_PAGE_COST, BigDecimal.ONE.scaleByPowerOfTen(e)));
        Arbitrary<Tuple2<ParameterSpec, BigDecimal>> seconds = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal(31536000)).ofScale(6).map(v -> Tuple.of(LONG_QUERY_TIME, v));
        return Arbitraries.oneOf(delay, cost, huge, seconds);
    }

    @Property(tries = 100)
    void formattedChoicesParseBackToTheSameValue(@ForAll("choices") Tuple2<ParameterSpec, ParameterValue> c) {
        assertThat(Values.parse(c.get1(), Values.format(c.get1(), c.get2()))).isEqualTo(c.get2());
    }

    @Provide
    Arbitrary<Tuple2<ParameterSpec, ParameterValue>> choices() {
        Arbitrary<Tuple2<ParameterSpec, ParameterValue>> booleans = Arbitraries.of(ENABLE_SEQSCAN, GENERAL_LOG,
                AD_HOC_WORKLOADS, RESOURCE_LIMIT).flatMap(spec -> Arbitraries.of(BooleanValue.ON, BooleanValue.OFF)
                .map(v -> Tuple.of(spec, v)));
        Arbitrary<Tuple2<ParameterSpec, ParameterValue>> enums = Arbitraries.of(WAL_LEVEL, SYNCHRONOUS_COMMIT,
                BINLOG_FORMAT, OPTIMIZER_MODE).flatMap(spec -> Arbitraries.of(spec.enumValues())
                .map(v -> Tuple.of(spec, new EnumValue(v))));
        Arbitrary<Tuple2<ParameterSpec, ParameterValue>> texts = Arbitraries.strings().ofMaxLength(20)
                .map(s -> Tuple.of(LOG_LINE_PREFIX, new TextValue(s)));
        return Arbitraries.oneOf(booleans, enums, texts);
    }

    @Property(tries = 200)
    void everySpellingOfAMemoryQuantityIsTheSameValue(@ForAll("megabytes") long mb) {
        List<String> spellings = List.of(mb + "MB", mb * 1024 + "kB", mb * 1024 * 1024 + "B",
                new BigDecimal(mb).divide(BigDecimal.valueOf(1024)).toPlainString() + "GB",
                " " + mb + " MB ", "'" + mb + "MB'");
        for (String spelling : spellings) {
            assertThat(Values.same(WORK_MEM, spelling, String.valueOf(mb * 1024))).as(spelling).isTrue();
            assertThat(Values.same(SHARED_BUFFERS, spelling, String.valueOf(mb * 128))).as(spelling).isTrue();
        }
        List<String> mysql = List.of(mb + "M", mb + "m", mb * 1024 + "K", String.valueOf(mb * 1024 * 1024));
        for (String spelling : mysql) {
            assertThat(Values.same(INNODB_BUFFER_POOL_SIZE, spelling, mysql.getFirst())).as(spelling).isTrue();
        }
    }

    @Provide
    Arbitrary<Long> megabytes() {
        return Arbitraries.longs().between(1, 1L << 20);
    }

    @Property(tries = 200)
    void everySpellingOfADurationIsTheSameValue(@ForAll("minutes") long minutes) {
        long seconds = minutes * 60;
        List<String> spellings = new java.util.ArrayList<>(List.of(minutes + "min", seconds + "s",
                seconds * 1000 + "ms", seconds * 1_000_000 + "us", String.valueOf(seconds * 1000), seconds + " s"));
        if (minutes % 15 == 0) {
            spellings.add(new BigDecimal(minutes).divide(BigDecimal.valueOf(60)).toPlainString() + "h");
        }
        for (String spelling : spellings) {
            assertThat(Values.same(STATEMENT_TIMEOUT, spelling, minutes + "min")).as(spelling).isTrue();
        }
        assertThat(Values.same(CHECKPOINT_TIMEOUT, minutes + "min", String.valueOf(seconds))).isTrue();
        assertThat(Values.same(LOG_ROTATION_AGE, seconds + "s", String.valueOf(minutes))).isTrue();
    }

    @Provide
    Arbitrary<Long> minutes() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 500_000),
                Arbitraries.longs().between(0, 30_000).map(m -> m * 15));
    }

    @Property(tries = 600)
    void anyTextIsEitherAValueOrRefusedWithAMessage(@ForAll("anySpec") ParameterSpec spec, @ForAll("hostile") String text) {
        ParameterValue value;
        try {
            value = Values.parse(spec, text);
        } catch (InvalidValueException e) {
            assertThat(e.getMessage()).startsWith(spec.name() + " on " + spec.engine().displayName());
            assertThat(e.getMessage()).doesNotContain("\u0000");
            return;
        }
        // Whatever was accepted can be written back and read again unchanged.
        assertThat(Values.parse(spec, Values.format(spec, value))).isEqualTo(value);
    }

    @Property(tries = 200)
    void comparingAnyTextsNeverFailsOtherwise(@ForAll("anySpec") ParameterSpec spec, @ForAll("hostile") String a,
                                              @ForAll("hostile") String b) {
        try {
            boolean same = Values.same(spec, a, b);
            if (a.equals(b)) {
                assertThat(same).isTrue();
            }
        } catch (InvalidValueException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 200)
    void anyParameterNameIsFoundOrRefusedWithSuggestions(@ForAll("hostile") String name) {
        ParameterValidator validator = new ParameterValidator(new ParameterCatalog(
                new EngineVersion(Engine.POSTGRESQL, "16"), "test", List.of(SHARED_BUFFERS, WORK_MEM, WAL_LEVEL)));
        try {
            validator.spec(name);
        } catch (InvalidValueException e) {
            assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.UNKNOWN_PARAMETER);
        }
    }

    @Provide
    Arbitrary<ParameterSpec> anySpec() {
        return Arbitraries.of(ALL_SPECS);
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars("0123456789.eE+-xX kKmMgGtTBbsinhdu\"' \t\n\u0000é٣µ").ofMaxLength(25),
                Arbitraries.of("1e999999", "--1", "9223372036854775808GB", "-9223372036854775809", "1e-999999",
                        "0x", "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "1e2147483648", "1E+", ".", "'", "\"", "''", "٣",
                        "１", "1\u0000", "NaN", "Infinity", "-0", "0e0", "1.7976931348623157e309", "00000008",
                        "1" + "0".repeat(500), "0." + "0".repeat(500) + "1", "1e400", "1e-400", "1e401", "-1e401",
                        "  \u2003 1GB \u2003", "1\u00a0GB", "1GB\n", "1 G", "1 g b", "0x10MB", "1.5e3ms", "+-1",
                        "x".repeat(2000), "9".repeat(201), "'''", "'a'", "\"'a'\"", "on\u0000"));
    }
}
