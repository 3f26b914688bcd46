package io.knobwright.model.value;

import org.junit.jupiter.api.Test;

import static io.knobwright.model.value.TestSpecs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SameValueTest {

    @Test
    void oneGigabyteIsTheSameInEverySpelling() {
        assertThat(Values.same(SHARED_BUFFERS, "1GB", "1024MB")).isTrue();
        assertThat(Values.same(SHARED_BUFFERS, "1024MB", "131072")).isTrue();
        assertThat(Values.same(SHARED_BUFFERS, "'1GB'", " 1048576kB ")).isTrue();
        assertThat(Values.same(SHARED_BUFFERS, "1GB", "1025MB")).isFalse();
    }

    @Test
    void valuesThatRoundToTheSameBlockAreTheSame() {
        assertThat(Values.same(SHARED_BUFFERS, "1500kB", "1504kB")).isTrue();
    }

    @Test
    void durationsAreTheSameAcrossUnits() {
        assertThat(Values.same(STATEMENT_TIMEOUT, "2min", "120000")).isTrue();
        assertThat(Values.same(STATEMENT_TIMEOUT, "1h", "60min")).isTrue();
        assertThat(Values.same(STATEMENT_TIMEOUT, "1h", "61min")).isFalse();
    }

    @Test
    void booleansAreTheSameInEverySpelling() {
        assertThat(Values.same(ENABLE_SEQSCAN, "on", "true")).isTrue();
        assertThat(Values.same(ENABLE_SEQSCAN, "yes", "1")).isTrue();
        assertThat(Values.same(ENABLE_SEQSCAN, "on", "off")).isFalse();
        assertThat(Values.same(GENERAL_LOG, "ON", "1")).isTrue();
        assertThat(Values.same(GENERAL_LOG, "OFF", "false")).isTrue();
    }

    @Test
    void enumsAreTheSameInAnyCase() {
        assertThat(Values.same(WAL_LEVEL, "Replica", "replica")).isTrue();
        assertThat(Values.same(WAL_LEVEL, "replica", "logical")).isFalse();
        assertThat(Values.same(BINLOG_FORMAT, "row", "ROW")).isTrue();
    }

    @Test
    void comparisonIgnoresTheRangeBecauseServersReportWhatTheyHave() {
        assertThat(Values.same(SHARED_BUFFERS, "10TB", "10240GB")).isTrue();
    }

    @Test
    void choicesTheCatalogDoesNotListCanStillBeCompared() {
        assertThat(Values.same(WAL_LEVEL, "archive", "ARCHIVE")).isTrue();
        assertThat(Values.same(WAL_LEVEL, "archive", "replica")).isFalse();
    }

    @Test
    void missingValuesAreOnlySameAsMissingValues() {
        assertThat(Values.same(SHARED_BUFFERS, null, null)).isTrue();
        assertThat(Values.same(SHARED_BUFFERS, "1GB", null)).isFalse();
    }

    @Test
    void malformedTextCannotBeCompared() {
        assertThatThrownBy(() -> Values.same(SHARED_BUFFERS, "1GB", "lots")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void parsedValuesCompareAcrossUnits() {
        assertThat(Values.same(NumericValue.of(1, Unit.GIGABYTES), NumericValue.of(1024, Unit.MEGABYTES))).isTrue();
        assertThat(Values.same(NumericValue.of(1, Unit.GIGABYTES), NumericValue.of(1, Unit.SECONDS))).isFalse();
        assertThat(NumericValue.of(1, Unit.GIGABYTES).compareTo(NumericValue.of(1023, Unit.MEGABYTES))).isPositive();
    }
}
