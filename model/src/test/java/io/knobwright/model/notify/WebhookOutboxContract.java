package io.knobwright.model.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.knobwright.model.notify.WebhookEvents.AT;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link WebhookOutbox} does; each implementation's test extends this. */
public abstract class WebhookOutboxContract {

    protected static final Duration LEASE = Duration.ofMinutes(2);

    /** An empty outbox. */
    protected abstract WebhookOutbox outbox();

    @Test
    void anEventGetsOneDeliveryPerUrlThatWantsIt() {
        WebhookOutbox outbox = outbox();
        WebhookSubscription onlyBypass = new WebhookSubscription("https://bypass.example.com/h",
                Set.of(WebhookEvent.Type.BYPASS), null, true);

        List<WebhookDelivery> created = outbox.enqueue(WebhookEvents.decision(), List.of(
                WebhookEvents.to("https://a.example.com/h"), WebhookEvents.signedTo("https://b.example.com/h", "HOOK_SECRET"),
                onlyBypass));

        assertThat(created).extracting(WebhookDelivery::url).containsExactly("https://a.example.com/h", "https://b.example.com/h");
        assertThat(created).allSatisfy(d -> {
            assertThat(d.state()).isEqualTo(WebhookDelivery.State.PENDING);
            assertThat(d.event().ticket()).isEqualTo("CHG0012345");
            assertThat(d.giveUpAfter()).isEqualTo(Backoff.DEFAULT_MAX_ATTEMPTS);
        });
        assertThat(created.get(1).secretEnv()).isEqualTo("HOOK_SECRET");
        assertThat(outbox.due(AT, 10)).containsExactlyElementsOf(created);
    }

    @Test
    void enqueueingTheSameEventAgainAddsNothing() {
        WebhookOutbox outbox = outbox();
        WebhookEvent event = WebhookEvents.decision();
        List<WebhookDelivery> first = outbox.enqueue(event, List.of(WebhookEvents.to("https://a.example.com/h")));

        List<WebhookDelivery> again = outbox.enqueue(event, List.of(WebhookEvents.to("https://a.example.com/h"),
                WebhookEvents.to("https://a.example.com/h")));

        assertThat(again).isEqualTo(first);
        assertThat(outbox.recent(10)).hasSize(1);
    }

    @Test
    void nothingIsDueBeforeItsTimeAndTheOldestComesFirst() {
        WebhookOutbox outbox = outbox();
        WebhookEvent later = WebhookEvent.create(WebhookEvent.Type.EXPIRY, AT.plusSeconds(60), 43, "p43", "orders-2", null,
                "knobwright", "The request for plan 43 expired.", null);
        outbox.enqueue(later, List.of(WebhookEvents.to("https://a.example.com/h")));
        outbox.enqueue(WebhookEvents.decision(), List.of(WebhookEvents.to("https://a.example.com/h")));

        assertThat(outbox.due(AT.minusSeconds(1), 10)).isEmpty();
        assertThat(outbox.due(AT, 10)).extracting(d -> d.event().planId()).containsExactly(42L);
        assertThat(outbox.due(AT.plusSeconds(60), 10)).extracting(d -> d.event().planId()).containsExactly(42L, 43L);
        assertThat(outbox.due(AT.plusSeconds(60), 1)).hasSize(1);
    }

    @Test
    void aClaimedDeliveryIsNotHandedOutAgainUntilItsLeaseRunsOut() {
        WebhookOutbox outbox = outbox();
        outbox.enqueue(WebhookEvents.decision(), List.of(WebhookEvents.to("https://a.example.com/h")));

        List<WebhookDelivery> claimed = outbox.claim(AT, 10, LEASE);

        assertThat(claimed).singleElement().satisfies(d -> assertThat(d.nextAttemptAt()).isEqualTo(AT.plus(LEASE)));
        assertThat(outbox.claim(AT.plusSeconds(1), 10, LEASE)).isEmpty();
        // the claimer died without marking it: it is sent again once the lease is over
        assertThat(outbox.claim(AT.plus(LEASE), 10, LEASE)).extracting(WebhookDelivery::id)
                .containsExactly(claimed.getFirst().id());
    }

    @Test
    void anAcknowledgedDeliveryIsNeverDueAgain() {
        WebhookOutbox outbox = outbox();
        long id = outbox.enqueue(WebhookEvents.decision(), List.of(WebhookEvents.to("https://a.example.com/h"))).getFirst().id();
        outbox.claim(AT, 10, LEASE);

        outbox.markDelivered(id, AT.plusSeconds(1), 204);
        outbox.markFailed(id, AT.plusSeconds(2), 503, "HTTP 503 Service Unavailable", AT.plusSeconds(10));
        outbox.markDelivered(id, AT.plusSeconds(3), 200);

        WebhookDelivery d = outbox.recent(1).getFirst();
        assertThat(d.state()).isEqualTo(WebhookDelivery.State.DELIVERED);
        assertThat(d.deliveredAt()).isEqualTo(AT.plusSeconds(1));
        assertThat(d.lastStatus()).isEqualTo(204);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(outbox.due(AT.plus(Duration.ofDays(365)), 10)).isEmpty();
        assertThat(outbox.failing(10)).isEmpty();
    }

    @Test
    void aFailureIsShownWithItsAttemptsErrorAndNextAttempt() {
        WebhookOutbox outbox = outbox();
        long id = outbox.enqueue(WebhookEvents.decision(), List.of(WebhookEvents.to("https://a.example.com/h"))).getFirst().id();

        outbox.markFailed(id, AT.plusSeconds(1), 503, "HTTP 503 Service Unavailable", AT.plusSeconds(6));

        WebhookDelivery d = outbox.failing(10).getFirst();
        assertThat(d.state()).isEqualTo(WebhookDelivery.State.FAILING);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.lastError()).isEqualTo("HTTP 503 Service Unavailable");
        assertThat(d.lastStatus()).isEqualTo(503);
        assertThat(d.lastAttemptAt()).isEqualTo(AT.plusSeconds(1));
        assertThat(d.nextAttemptAt()).isEqualTo(AT.plusSeconds(6));
        assertThat(outbox.due(AT.plusSeconds(5), 10)).isEmpty();
        assertThat(outbox.due(AT.plusSeconds(6), 10)).hasSize(1);
    }

    @Test
    void aDeliveryIsGivenUpAfterItsLastAllowedAttemptOrWhenNoNextAttemptIsGiven() {
        WebhookOutbox outbox = outbox();
        List<WebhookDelivery> two = outbox.enqueue(WebhookEvents.decision(), List.of(
                WebhookEvents.to("https://a.example.com/h"), WebhookEvents.to("https://b.example.com/h")));
        long a = two.get(0).id();
        Instant t = AT;
        for (int attempt = 1; attempt <= Backoff.DEFAULT_MAX_ATTEMPTS; attempt++) {
            t = t.plusSeconds(10);
            outbox.markFailed(a, t, 0, "connection refused by a.example.com:443", t.plusSeconds(5));
        }
        outbox.markFailed(two.get(1).id(), AT.plusSeconds(1), 410, "HTTP 410 Gone", null);

        assertThat(outbox.failing(10)).extracting(WebhookDelivery::url, WebhookDelivery::state, WebhookDelivery::attempts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("https://a.example.com/h", WebhookDelivery.State.GAVE_UP, 12),
                        org.assertj.core.groups.Tuple.tuple("https://b.example.com/h", WebhookDelivery.State.GAVE_UP, 1));
        assertThat(outbox.due(AT.plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    @Test
    void recentListsTheNewestFirst() {
        WebhookOutbox outbox = outbox();
        outbox.enqueue(WebhookEvents.request(), List.of(WebhookEvents.to("https://a.example.com/h")));
        outbox.enqueue(WebhookEvents.decision(), List.of(WebhookEvents.to("https://a.example.com/h")));

        assertThat(outbox.recent(10)).extracting(d -> d.event().type())
                .containsExactly(WebhookEvent.Type.DECISION, WebhookEvent.Type.REQUEST);
        assertThat(outbox.recent(1)).hasSize(1);
    }
}
