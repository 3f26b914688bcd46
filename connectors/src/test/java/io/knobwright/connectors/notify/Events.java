package io.knobwright.connectors.notify;

import io.knobwright.model.notify.WebhookDelivery;
import io.knobwright.model.notify.WebhookEvent;
import io.knobwright.model.notify.WebhookSubscription;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Events, subscriptions and deliveries for the webhook tests. */
final class Events {

    static final Instant AT = Instant.parse("2026-03-04T09:15:30Z");

    private Events() {
    }

    /** The final approval of plan 42 on orders-1 under change CHG0012345. */
    static WebhookEvent approval() {
        return WebhookEvent.create(WebhookEvent.Type.DECISION, AT, 42, "plan-7f3a", "orders-1", "CHG0012345", "lin",
                "Lin approved plan 42 for orders-1; it is fully approved.", Map.of("decision", "approved", "level", "2"));
    }

    static WebhookSubscription to(String url) {
        return new WebhookSubscription(url, Set.of(), null, true);
    }

    static WebhookSubscription signedTo(String url, String secretEnv) {
        return new WebhookSubscription(url, Set.of(), secretEnv, true);
    }

    static WebhookDelivery delivery(WebhookSubscription to) {
        return WebhookDelivery.pending(1, approval(), to, 12, AT);
    }
}
