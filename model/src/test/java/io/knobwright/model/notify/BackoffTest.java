package io.knobwright.model.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private static final Instant T = Instant.parse("2026-03-04T10:00:00Z");

    @Test
    void theDefaultStepsDoubleFromFiveSecondsUpToFifteenMinutes() {
        List<Long> seconds = IntStream.rangeClosed(1, 11).mapToObj(n -> Backoff.DEFAULT.step(n).toSeconds()).toList();

        assertThat(seconds).containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 900L, 900L, 900L);
        assertThat(Backoff.DEFAULT.step(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theDefaultGivesUpAfterTwelveAttempts() {
        assertThat(Backoff.DEFAULT.nextAttempt(T, 11)).isPresent();
        assertThat(Backoff.DEFAULT.nextAttempt(T, 12)).isEmpty();
    }

    @Test
    void equalJitterWaitsBetweenHalfAndAllOfTheStepAndKeepsGrowing() {
        Backoff backoff = Backoff.DEFAULT.withRandom(new Random(7));
        Duration previous = Duration.ZERO;
        for (int failures = 1; failures <= 8; failures++) {
            Duration wait = backoff.delay(failures);
            Duration step = backoff.step(failures);
            assertThat(wait).isBetween(step.dividedBy(2), step);
            assertThat(wait).isGreaterThanOrEqualTo(previous);
            previous = wait;
        }
    }

    @Test
    void fullJitterWaitsAnywhereUpToTheStep() {
        Backoff full = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15), 12, Backoff.Jitter.FULL, new Random(1));
        List<Duration> waits = IntStream.range(0, 200).mapToObj(i -> full.delay(4)).toList();

        assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(Duration.ZERO, Duration.ofSeconds(40)));
        assertThat(waits).anySatisfy(w -> assertThat(w).isLessThan(Duration.ofSeconds(20)));
    }

    @Test
    void aSeededRandomGivesTheSameScheduleEveryTime() {
        Backoff a = Backoff.DEFAULT.withRandom(new Random(42));
        Backoff b = Backoff.DEFAULT.withRandom(new Random(42));

        assertThat(IntStream.rangeClosed(1, 11).mapToObj(a::delay).toList())
                .isEqualTo(IntStream.rangeClosed(1, 11).mapToObj(b::delay).toList());
    }

    @Test
    void withoutJitterTheNextAttemptIsExactlyOneStepLater() {
        Backoff exact = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4), 5, Backoff.Jitter.NONE, new Random());

        assertThat(exact.nextAttempt(T, 1)).contains(T.plusSeconds(1));
        assertThat(exact.nextAttempt(T, 3)).contains(T.plusSeconds(4));
        assertThat(exact.nextAttempt(T, 4)).contains(T.plusSeconds(4));
        assertThat(exact.nextAttempt(T, 5)).isEmpty();
    }

    @Test
    void aScheduleThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 3, Backoff.Jitter.NONE, new Random()))
                .hasMessageContaining("0 < base <= cap");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Backoff.Jitter.NONE, new Random()))
                .hasMessageContaining("0 < base <= cap");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Backoff.Jitter.NONE, new Random()))
                .hasMessageContaining("at least one attempt");
        assertThatThrownBy(() -> Backoff.DEFAULT.step(0)).hasMessageContaining("at least one failed attempt");
    }
}
