package io.knobwright.model.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;

/**
 * An outbox kept in memory, for tests and the demo mode: it behaves as the store's does, but forgets everything
 * when the program ends. Thread-safe.
 */
public final class InMemoryWebhookOutbox implements WebhookOutbox {

    private final Map<Long, WebhookDelivery> deliveries = new LinkedHashMap<>();
    private final int giveUpAfter;
    private long lastId;

    public InMemoryWebhookOutbox() {
        this(DEFAULT_GIVE_UP_AFTER);
    }

    /** @param giveUpAfter attempts each new delivery gets */
    public InMemoryWebhookOutbox(int giveUpAfter) {
        if (giveUpAfter < 1) {
            throw new IllegalArgumentException("A delivery gets at least one attempt: " + giveUpAfter);
        }
        this.giveUpAfter = giveUpAfter;
    }

    @Override
    public synchronized List<WebhookDelivery> enqueue(WebhookEvent event, Collection<WebhookSubscription> subscriptions) {
        List<WebhookDelivery> result = new ArrayList<>();
        for (WebhookSubscription s : subscriptions) {
            if (!s.wants(event.type())) {
                continue;
            }
            WebhookDelivery existing = deliveries.values().stream()
                    .filter(d -> d.event().eventId().equals(event.eventId()) && d.url().equals(s.url()))
                    .findFirst().orElse(null);
            if (existing == null) {
                existing = WebhookDelivery.pending(++lastId, event, s, giveUpAfter, event.occurredAt());
                deliveries.put(existing.id(), existing);
            }
            if (!result.contains(existing)) {
                result.add(existing);
            }
        }
        return List.copyOf(result);
    }

    @Override
    public synchronized List<WebhookDelivery> due(Instant now, int limit) {
        return deliveries.values().stream().filter(d -> d.dueAt(now))
                .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt).thenComparing(WebhookDelivery::id))
                .limit(limit).toList();
    }

    @Override
    public synchronized List<WebhookDelivery> claim(Instant now, int limit, Duration lease) {
        Instant until = now.plus(lease);
        List<WebhookDelivery> claimed = new ArrayList<>();
        for (WebhookDelivery d : due(now, limit)) {
            claimed.add(update(d.id(), x -> x.claimedUntil(until)));
        }
        return claimed;
    }

    @Override
    public synchronized void markDelivered(long id, Instant at, int status) {
        update(id, d -> d.delivered(at, status));
    }

    @Override
    public synchronized void markFailed(long id, Instant at, int status, String error, Instant nextAttempt) {
        update(id, d -> d.failed(at, status, error, nextAttempt));
    }

    @Override
    public synchronized List<WebhookDelivery> recent(int limit) {
        return deliveries.values().stream().sorted(Comparator.comparing(WebhookDelivery::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<WebhookDelivery> failing(int limit) {
        return deliveries.values().stream()
                .filter(d -> d.state() == WebhookDelivery.State.FAILING || d.state() == WebhookDelivery.State.GAVE_UP)
                .sorted(Comparator.comparing(WebhookDelivery::lastAttemptAt).reversed()
                        .thenComparing(Comparator.comparing(WebhookDelivery::id).reversed()))
                .limit(limit).toList();
    }

    private WebhookDelivery update(long id, UnaryOperator<WebhookDelivery> change) {
        WebhookDelivery d = deliveries.get(id);
        if (d == null) {
            throw new NoSuchElementException("No webhook delivery " + id);
        }
        WebhookDelivery changed = change.apply(d);
        deliveries.put(id, changed);
        return changed;
    }
}
