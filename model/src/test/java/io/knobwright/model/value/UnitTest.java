package io.knobwright.model.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitTest {

    @Test
    void catalogUnitsWithAMultipleBecomeMultiplesOfTheNamedUnit() {
        assertThat(Unit.of("8kB")).isEqualTo(new Unit(UnitFamily.MEMORY, "8kB", 8192));
        assertThat(Unit.of("16MB")).isEqualTo(new Unit(UnitFamily.MEMORY, "16MB", 16L << 20));
        assertThat(Unit.of("kB")).isSameAs(Unit.KILOBYTES);
        assertThat(Unit.of("min")).isSameAs(Unit.MINUTES);
    }

    @Test
    void catalogUnitsFromOtherSourcesAreReadLeniently() {
        assertThat(Unit.of("KB")).isSameAs(Unit.KILOBYTES);
        assertThat(Unit.of("bytes")).isSameAs(Unit.BYTES);
        assertThat(Unit.of("seconds")).isSameAs(Unit.SECONDS);
        assertThat(Unit.of(" ms ")).isSameAs(Unit.MILLISECONDS);
    }

    @Test
    void missingOrUnknownUnitsAreUnitless() {
        assertThat(Unit.of((String) null)).isSameAs(Unit.NONE);
        assertThat(Unit.of("")).isSameAs(Unit.NONE);
        assertThat(Unit.of("percent")).isEqualTo(new Unit(UnitFamily.NONE, "percent", 1));
        assertThat(Unit.of("99999999999999999999kB").family()).isEqualTo(UnitFamily.NONE);
    }

    @Test
    void namedLookupIsCaseSensitiveLikePostgres() {
        assertThat(Unit.named(UnitFamily.MEMORY, "kB")).contains(Unit.KILOBYTES);
        assertThat(Unit.named(UnitFamily.MEMORY, "KB")).isEmpty();
    }
}
