package io.knobwright.model.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * How long to wait before trying a failed webhook again. The step doubles from {@link #base} after every failed
 * attempt up to {@link #cap}, and {@link #jitter} spreads the retries of many deliveries that failed together (a
 * receiver back from an outage is not hit by all of them in the same second).
 *
 * <p>{@link #DEFAULT}: 5 s, 10 s, 20 s, 40 s, 80 s, 160 s, 320 s, 640 s, then 15 min, with {@link Jitter#EQUAL}
 * (each wait between half and all of its step), giving up after {@value #DEFAULT_MAX_ATTEMPTS} attempts: the
 * eleven waits add up to 33 to 66 minutes, so a receiver down for half an hour (a restart, a deploy) still gets
 * every event, and one gone for longer shows up as given up instead of being retried for days.
 *
 * <p>Equal jitter rather than full jitter by default: with full jitter a wait may be any value down to zero, so
 * the "next attempt" a user sees can come sooner after the eighth failure than after the second. Equal jitter
 * never waits less than half the step, so the waits keep growing, and still spreads retries over half of it.
 *
 * @param maxAttempts attempts in all (the first included) before a delivery is given up
 */
public record Backoff(Duration base, Duration cap, int maxAttempts, Jitter jitter, RandomGenerator random) {

    public static final int DEFAULT_MAX_ATTEMPTS = 12;

    /** 5 s doubling to 15 min, equal jitter, 12 attempts. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15), DEFAULT_MAX_ATTEMPTS,
            Jitter.EQUAL, new Random());

    /** How much of each step is left to chance. */
    public enum Jitter {
        /** Exactly the step: for tests and for reading the schedule. */
        NONE,
        /** Between half the step and the whole step. */
        EQUAL,
        /** Anywhere from zero to the step ("full jitter"): spreads most, but waits no longer grow steadily. */
        FULL
    }

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("A backoff needs 0 < base <= cap: " + base + ", " + cap);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("A backoff allows at least one attempt: " + maxAttempts);
        }
    }

    /** This schedule with another source of chance, e.g. {@code new Random(42)} for a test. */
    public Backoff withRandom(RandomGenerator seeded) {
        return new Backoff(base, cap, maxAttempts, jitter, seeded);
    }

    /** The step after {@code failedAttempts} failures, before jitter: base * 2^(failures - 1), at most the cap. */
    public Duration step(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("A wait follows at least one failed attempt: " + failedAttempts);
        }
        int doublings = Math.min(failedAttempts - 1, 40);
        long capMillis = cap.toMillis();
        long baseMillis = base.toMillis();
        // doubling a long past the cap would overflow; stop as soon as the cap is reached
        long millis = baseMillis;
        for (int i = 0; i < doublings && millis < capMillis; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, capMillis));
    }

    /** The wait after {@code failedAttempts} failures, jitter applied. */
    public Duration delay(int failedAttempts) {
        long step = step(failedAttempts).toMillis();
        return Duration.ofMillis(switch (jitter) {
            case NONE -> step;
            case EQUAL -> step / 2 + random.nextLong(step - step / 2 + 1);
            case FULL -> random.nextLong(step + 1);
        });
    }

    /**
     * When to try again after the attempt that failed at {@code failedAt} was failure number {@code failedAttempts};
     * empty when that was the last attempt allowed.
     */
    public Optional<Instant> nextAttempt(Instant failedAt, int failedAttempts) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(delay(failedAttempts)));
    }
}
