package io.knobwright.model.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Webhook deliveries waiting to be sent, being retried, or done. Delivery is at least once: an event is kept
 * until a receiver acknowledges it, a dispatcher that dies mid-send leaves it to be sent again, and once it is
 * marked delivered it is never handed out again. Receivers drop repeats by the event id.
 */
public interface WebhookOutbox {

    /** Attempts before a delivery is given up when nothing else is said (see {@link Backoff}). */
    int DEFAULT_GIVE_UP_AFTER = Backoff.DEFAULT_MAX_ATTEMPTS;

    /**
     * One delivery per subscription that {@linkplain WebhookSubscription#wants wants} the event, due at once
     * (at the event's time). Enqueueing the same event to the same URL again adds nothing: the existing
     * delivery is returned instead, so a caller may safely repeat an enqueue it is unsure about.
     *
     * @return the deliveries for this event, one per wanted URL
     */
    List<WebhookDelivery> enqueue(WebhookEvent event, Collection<WebhookSubscription> subscriptions);

    /** Deliveries due at {@code now}, the longest waiting first; reads only. */
    List<WebhookDelivery> due(Instant now, int limit);

    /**
     * Deliveries due at {@code now}, taken for sending: each is held back until {@code now + lease}, so another
     * dispatcher (another Knobwright process on the same store) does not send it too. A dispatcher that dies
     * before marking one leaves it due again when the lease runs out, and it is sent again then.
     *
     * @return the claimed deliveries, with nextAttemptAt at the end of the lease
     */
    List<WebhookDelivery> claim(Instant now, int limit, Duration lease);

    /** Records that a receiver acknowledged delivery {@code id}; nothing changes when it already was. */
    void markDelivered(long id, Instant at, int status);

    /**
     * Records a failed attempt of delivery {@code id}: it is tried again at {@code nextAttempt}, or never again
     * when that is null or this was its last allowed attempt. Nothing changes for one already delivered.
     *
     * @param status the HTTP status received, 0 when there was no answer
     * @param error  a short sentence for the user; never a secret
     */
    void markFailed(long id, Instant at, int status, String error, Instant nextAttempt);

    /** The newest deliveries, newest first, whatever their state. */
    List<WebhookDelivery> recent(int limit);

    /** Deliveries that failed and were not delivered since (failing or given up), the latest attempt first. */
    List<WebhookDelivery> failing(int limit);
}
