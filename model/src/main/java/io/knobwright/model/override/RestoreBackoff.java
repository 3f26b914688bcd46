package io.knobwright.model.override;

import java.time.Duration;

/**
 * When a failed restoration is tried again: 5 s, 10 s, 20 s ... doubling up to 5 minutes, then every 5 minutes for
 * as long as it keeps failing. It never gives up on its own: the alarm stays until it succeeds or a person acts.
 */
public final class RestoreBackoff {

    static final Duration FIRST = Duration.ofSeconds(5);
    static final Duration MOST = Duration.ofMinutes(5);

    private RestoreBackoff() {
    }

    /** @param attempts failed attempts so far, including the one that just failed (1 or more) */
    public static Duration after(int attempts) {
        int doublings = Math.min(Math.max(attempts, 1) - 1, 16);
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(MOST) > 0 ? MOST : wait;
    }
}
