package io.knobwright.model.override;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RestoreBackoffTest {

    @Test
    void doublesFromFiveSecondsAndSettlesAtFiveMinutesForever() {
        assertThat(RestoreBackoff.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(RestoreBackoff.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(RestoreBackoff.after(6)).isEqualTo(Duration.ofSeconds(160));
        assertThat(RestoreBackoff.after(7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(RestoreBackoff.after(10_000)).isEqualTo(Duration.ofMinutes(5));
        assertThat(RestoreBackoff.after(0)).isEqualTo(Duration.ofSeconds(5));
    }
}
