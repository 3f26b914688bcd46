package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import static io.knobwright.model.value.TestSpecs.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property and fuzz tests over many generated inputs. Plain JUnit with a seeded Random (decision 0090):
 * a failure names the seed and the input, so it reproduces exactly.
 */
class ValuePropertiesTest {

    private static final long SEED = 20261125L;

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

    /** Runs {@code check} on {@code tries} generated cases and names the failing case and seed. */
    private static <T> void forAll(int tries, Function<Random, T> generator, Consumer<T> check) {
        Random random = new Random(SEED);
        for (int i = 0; i < tries; i++) {
            T input = generator.apply(random);
            try {
                check.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Case " + i + " (seed " + SEED + ") failed for input " + input + ": " + e.getMessage(), e);
            }
        }
    }

    private static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    private static BigInteger between(Random r, BigInteger min, BigInteger max) {
        BigInteger span = max.subtract(min).add(BigInteger.ONE);
        BigInteger v;
        do {
            v = new BigInteger(span.bitLength(), r);
        } while (v.compareTo(span) >= 0);
        return min.add(v);
    }

    private static long between(Random r, long min, long max) {
        return between(r, BigInteger.valueOf(min), BigInteger.valueOf(max)).longValueExact();
    }

    private static BigDecimal between(Random r, BigDecimal min, BigDecimal max, int scale) {
        BigInteger lo = min.movePointRight(scale).toBigInteger();
        BigInteger hi = max.movePointRight(scale).toBigInteger();
        return new BigDecimal(between(r, lo, hi), scale);
    }

    private static BigInteger bound(BigDecimal catalogBound, BigInteger fallback) {
        return catalogBound == null ? fallback : catalogBound.toBigInteger();
    }

    record SpecAndNumber(ParameterSpec spec, BigDecimal number) {
        @Override
        public String toString() {
            return spec.name() + "=" + number.toPlainString();
        }
    }

    /** An in-range integer for a random spec: half uniformly drawn, half a multiple of a round unit. */
    private static SpecAndNumber inRangeInteger(Random r) {
        ParameterSpec spec = pick(r, INTEGER_SPECS);
        BigInteger min = bound(spec.min(), BigInteger.valueOf(Integer.MIN_VALUE));
        BigInteger max = bound(spec.max(), BigInteger.valueOf(Integer.MAX_VALUE));
        if (r.nextBoolean()) {
            return new SpecAndNumber(spec, new BigDecimal(between(r, min, max)));
        }
        BigInteger step = BigInteger.valueOf(pick(r, ROUND_MULTIPLES));
        BigInteger low = min.signum() > 0 ? min.add(step).subtract(BigInteger.ONE).divide(step) : min.divide(step);
        BigInteger high = max.divide(step);
        BigInteger v = low.compareTo(high) > 0 ? min : between(r, low, high).multiply(step);
        return new SpecAndNumber(spec, new BigDecimal(v));
    }

    @Test
    void formattedIntegersParseBackToTheSameValue() {
        forAll(2000, ValuePropertiesTest::inRangeInteger, c -> {
            NumericValue value = new NumericValue(c.number(), Unit.of(c.spec()));
            assertThat(Values.parse(c.spec(), Values.format(c.spec(), value))).isEqualTo(value);
            assertThat(Values.parse(c.spec(), Values.plain(c.spec(), value))).isEqualTo(value);
        });
    }

    private static SpecAndNumber real(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> new SpecAndNumber(VACUUM_COST_DELAY, BigDecimal.valueOf(between(r, 0, 100_000), 3));
            case 1 -> new SpecAndNumber(RANDOM_PAGE_COST, between(r, BigDecimal.ZERO, new BigDecimal("1e12"), 8));
            case 2 -> new SpecAndNumber(RANDOM_PAGE_COST, BigDecimal.ONE.scaleByPowerOfTen((int) between(r, -300, 300)));
            default -> new SpecAndNumber(LONG_QUERY_TIME, between(r, BigDecimal.ZERO, new BigDecimal(31536000), 6));
        };
    }

    @Test
    void formattedRealsParseBackToTheSameValue() {
        forAll(1000, ValuePropertiesTest::real, c -> {
            NumericValue value = new NumericValue(c.number(), Unit.of(c.spec()));
            assertThat(Values.parse(c.spec(), Values.format(c.spec(), value))).isEqualTo(value);
        });
    }

    record SpecAndValue(ParameterSpec spec, ParameterValue value) {
    }

    private static SpecAndValue choice(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> new SpecAndValue(pick(r, List.of(ENABLE_SEQSCAN, GENERAL_LOG, AD_HOC_WORKLOADS, RESOURCE_LIMIT)),
                    r.nextBoolean() ? BooleanValue.ON : BooleanValue.OFF);
            case 1 -> {
                ParameterSpec spec = pick(r, List.of(WAL_LEVEL, SYNCHRONOUS_COMMIT, BINLOG_FORMAT, OPTIMIZER_MODE));
                yield new SpecAndValue(spec, new EnumValue(pick(r, spec.enumValues())));
            }
            default -> new SpecAndValue(LOG_LINE_PREFIX, new TextValue(randomString(r, 20)));
        };
    }

    @Test
    void formattedChoicesParseBackToTheSameValue() {
        forAll(500, ValuePropertiesTest::choice,
                c -> assertThat(Values.parse(c.spec(), Values.format(c.spec(), c.value()))).isEqualTo(c.value()));
    }

    @Test
    void everySpellingOfAMemoryQuantityIsTheSameValue() {
        forAll(1000, r -> between(r, 1, 1L << 20), mb -> {
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
        });
    }

    @Test
    void everySpellingOfADurationIsTheSameValue() {
        forAll(1000, r -> r.nextBoolean() ? between(r, 0, 500_000) : between(r, 0, 30_000) * 15, minutes -> {
            long seconds = minutes * 60;
            List<String> spellings = new ArrayList<>(List.of(minutes + "min", seconds + "s",
                    seconds * 1000 + "ms", seconds * 1_000_000 + "us", String.valueOf(seconds * 1000), seconds + " s"));
            if (minutes % 15 == 0) {
                spellings.add(new BigDecimal(minutes).divide(BigDecimal.valueOf(60)).toPlainString() + "h");
            }
            for (String spelling : spellings) {
                assertThat(Values.same(STATEMENT_TIMEOUT, spelling, minutes + "min")).as(spelling).isTrue();
            }
            assertThat(Values.same(CHECKPOINT_TIMEOUT, minutes + "min", String.valueOf(seconds))).isTrue();
            assertThat(Values.same(LOG_ROTATION_AGE, seconds + "s", String.valueOf(minutes))).isTrue();
        });
    }

    record SpecAndTexts(ParameterSpec spec, String a, String b) {
        @Override
        public String toString() {
            return spec.name() + " <- [" + a.replace("\u0000", "\\0") + "] / [" + b.replace("\u0000", "\\0") + "]";
        }
    }

    @Test
    void anyTextIsEitherAValueOrRefusedWithAMessage() {
        forAll(5000, r -> new SpecAndTexts(pick(r, ALL_SPECS), hostile(r), ""), c -> {
            ParameterValue value;
            try {
                value = Values.parse(c.spec(), c.a());
            } catch (InvalidValueException e) {
                assertThat(e.getMessage()).startsWith(c.spec().name() + " on " + c.spec().engine().displayName());
                assertThat(e.getMessage()).doesNotContain("\u0000");
                return;
            }
            // Whatever was accepted can be written back and read again unchanged.
            assertThat(Values.parse(c.spec(), Values.format(c.spec(), value))).isEqualTo(value);
        });
    }

    @Test
    void comparingAnyTextsNeverFailsOtherwise() {
        forAll(2000, r -> new SpecAndTexts(pick(r, ALL_SPECS), hostile(r), hostile(r)), c -> {
            try {
                boolean same = Values.same(c.spec(), c.a(), c.b());
                if (c.a().equals(c.b())) {
                    assertThat(same).isTrue();
                }
            } catch (InvalidValueException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }

    @Test
    void anyParameterNameIsFoundOrRefusedWithSuggestions() {
        ParameterValidator validator = new ParameterValidator(new ParameterCatalog(
                new EngineVersion(Engine.POSTGRESQL, "16"), "test", List.of(SHARED_BUFFERS, WORK_MEM, WAL_LEVEL)));
        forAll(1000, ValuePropertiesTest::hostile, name -> {
            try {
                validator.spec(name);
            } catch (InvalidValueException e) {
                assertThat(e.reason()).isEqualTo(InvalidValueException.Reason.UNKNOWN_PARAMETER);
            }
        });
    }

    private static final String NUMBERISH = "0123456789.eE+-xX kKmMgGtTBbsinhdu\"' \t\n\u0000é٣µ";
    private static final List<String> HOSTILE = List.of("1e999999", "--1", "9223372036854775808GB", "-9223372036854775809",
            "1e-999999", "0x", "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "1e2147483648", "1E+", ".", "'", "\"", "''", "٣",
            "１", "1\u0000", "NaN", "Infinity", "-0", "0e0", "1.7976931348623157e309", "00000008",
            "1" + "0".repeat(500), "0." + "0".repeat(500) + "1", "1e400", "1e-400", "1e401", "-1e401",
            "  \u2003 1GB \u2003", "1\u00a0GB", "1GB\n", "1 G", "1 g b", "0x10MB", "1.5e3ms", "+-1",
            "x".repeat(2000), "9".repeat(201), "'''", "'a'", "\"'a'\"", "on\u0000");

    /** Arbitrary unicode, number-like noise, or a known nasty input, in equal parts. */
    private static String hostile(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> randomString(r, 30);
            case 1 -> {
                int length = r.nextInt(26);
                StringBuilder sb = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    sb.append(NUMBERISH.charAt(r.nextInt(NUMBERISH.length())));
                }
                yield sb.toString();
            }
            default -> pick(r, HOSTILE);
        };
    }

    /** Any code points: ASCII including controls and NUL, the BMP outside surrogates, and supplementary planes. */
    private static String randomString(Random r, int maxLength) {
        int length = r.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int cp = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(0x80);
                case 1 -> r.nextInt(0xD800);
                case 2 -> 0xE000 + r.nextInt(0x2000);
                default -> 0x10000 + r.nextInt(0x10000);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
