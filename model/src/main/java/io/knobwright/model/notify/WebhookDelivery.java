package io.knobwright.model.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * One event on its way to one URL, as the outbox keeps it.
 *
 * @param id            outbox id
 * @param secretEnv     the environment variable whose value signs the request, or null for unsigned
 * @param attempts      how many times it was sent and the outcome recorded (a send cut short by a crash is not counted)
 * @param giveUpAfter   after this many failed attempts no further one is made
 * @param nextAttemptAt when it is sent next; null once delivered or given up
 * @param lastAttemptAt when the last recorded attempt was made; null before the first
 * @param lastStatus    the HTTP status of the last attempt; 0 when there was none or no answer
 * @param lastError     why the last attempt failed, for the user ("HTTP 503 Service Unavailable"); null when it did not
 * @param deliveredAt   when a receiver acknowledged it (2xx); null until then
 */
public record WebhookDelivery(long id, WebhookEvent event, String url, String secretEnv, int attempts, int giveUpAfter,
                              Instant nextAttemptAt, Instant lastAttemptAt, int lastStatus, String lastError,
                              Instant deliveredAt) {

    /** Longest error kept: a sentence for the user, not a response body. */
    public static final int MAX_ERROR = 1000;

    /** Where a delivery stands; derived from its attempts, never stored. */
    public enum State {
        /** Not tried yet. */
        PENDING,
        /** A receiver acknowledged it; it is never sent again. */
        DELIVERED,
        /** Tried and failed; it will be tried again at {@link #nextAttemptAt}. */
        FAILING,
        /** Failed too often (or the receiver said it is gone); no further attempt is made. */
        GAVE_UP
    }

    public WebhookDelivery {
        Objects.requireNonNull(event, "event");
        WebhookSubscription.problemWithUrl(url).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (attempts < 0 || giveUpAfter < 1) {
            throw new IllegalArgumentException("A delivery has attempts >= 0 and gives up after at least one: "
                    + attempts + "/" + giveUpAfter);
        }
        if (deliveredAt != null && nextAttemptAt != null) {
            throw new IllegalArgumentException("A delivered webhook has no next attempt");
        }
        if (deliveredAt == null && nextAttemptAt == null && attempts == 0) {
            throw new IllegalArgumentException("A webhook never tried needs a time for its first attempt");
        }
        if (lastStatus < 0 || lastStatus > 999) {
            throw new IllegalArgumentException("Not an HTTP status: " + lastStatus);
        }
    }

    /** A delivery not tried yet, due at {@code firstAttemptAt}. */
    public static WebhookDelivery pending(long id, WebhookEvent event, WebhookSubscription to, int giveUpAfter,
                                          Instant firstAttemptAt) {
        return new WebhookDelivery(id, event, to.url(), to.secretEnv(), 0, giveUpAfter, firstAttemptAt, null, 0, null, null);
    }

    public State state() {
        if (deliveredAt != null) {
            return State.DELIVERED;
        }
        if (nextAttemptAt == null) {
            return State.GAVE_UP;
        }
        return attempts == 0 ? State.PENDING : State.FAILING;
    }

    /** Whether it should be sent at {@code now}. */
    public boolean dueAt(Instant now) {
        return nextAttemptAt != null && !nextAttemptAt.isAfter(now);
    }

    /** This delivery after a receiver acknowledged it with {@code status}; an acknowledged one stays as it was. */
    public WebhookDelivery delivered(Instant at, int status) {
        if (deliveredAt != null) {
            return this;
        }
        return new WebhookDelivery(id, event, url, secretEnv, attempts + 1, giveUpAfter, null, at, status, null, at);
    }

    /**
     * This delivery after a failed attempt: tried again at {@code nextAttempt}, or never again when that is null or
     * this was attempt {@link #giveUpAfter}. A delivered or given-up one stays as it was.
     */
    public WebhookDelivery failed(Instant at, int status, String error, Instant nextAttempt) {
        if (state() == State.DELIVERED || state() == State.GAVE_UP) {
            return this;
        }
        int made = attempts + 1;
        Instant next = made >= giveUpAfter ? null : nextAttempt;
        return new WebhookDelivery(id, event, url, secretEnv, made, giveUpAfter, next, at, status,
                error == null || error.isBlank() ? "failed" : shortened(error), null);
    }

    private static String shortened(String error) {
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
    }

    /** This delivery held back until {@code until}, while one dispatcher sends it (see {@link WebhookOutbox#claim}). */
    public WebhookDelivery claimedUntil(Instant until) {
        return new WebhookDelivery(id, event, url, secretEnv, attempts, giveUpAfter, until, lastAttemptAt, lastStatus,
                lastError, deliveredAt);
    }
}
