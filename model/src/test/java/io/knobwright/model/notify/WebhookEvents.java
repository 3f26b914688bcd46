package io.knobwright.model.notify;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Events and subscriptions for webhook tests. */
public final class WebhookEvents {

    public static final Instant AT = Instant.parse("2026-03-04T09:15:30Z");

    private WebhookEvents() {
    }

    /** A level-1 approval of plan 42 on orders-1 under change CHG0012345. */
    public static WebhookEvent decision() {
        return decision("CHG0012345");
    }

    public static WebhookEvent decision(String ticket) {
        return WebhookEvent.create(WebhookEvent.Type.DECISION, AT, 42, "plan-7f3a", "orders-1", ticket, "lin",
                "Lin approved plan 42 for orders-1 at level 1 of 2.", Map.of("level", "1", "decision", "approved"));
    }

    public static WebhookEvent request() {
        return WebhookEvent.create(WebhookEvent.Type.REQUEST, AT, 42, "plan-7f3a", "orders-1", "CHG0012345", "sam",
                "Sam asks for approval of plan 42 for orders-1.", Map.of());
    }

    public static WebhookSubscription to(String url) {
        return new WebhookSubscription(url, Set.of(), null, true);
    }

    public static WebhookSubscription signedTo(String url, String secretEnv) {
        return new WebhookSubscription(url, Set.of(), secretEnv, true);
    }
}
