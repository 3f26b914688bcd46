package io.knobwright.connectors.notify;

import io.knobwright.model.notify.Backoff;
import io.knobwright.model.notify.InMemoryWebhookOutbox;
import io.knobwright.model.notify.WebhookDelivery;
import io.knobwright.model.notify.WebhookEvent;
import io.knobwright.model.notify.WebhookOutbox;
import io.knobwright.model.notify.WebhookSubscription;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.knobwright.connectors.notify.Events.AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookDispatcherTest {

    /** 5 s, 10 s, 20 s, ... exactly, so the schedule can be asserted. */
    private static final Backoff EXACT = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15), 12,
            Backoff.Jitter.NONE, new Random(1));

    private final WebhookSender sender = new WebhookSender("test", Map.of("HOOK_SECRET", "s3cret")::get);
    /** For a receiver that never answers; a busy machine answers the others later than this. */
    private final WebhookSender impatient = new WebhookSender("test", name -> null, Duration.ofSeconds(2),
            Duration.ofMillis(300));

    @AfterEach
    void close() {
        sender.close();
        impatient.close();
    }

    @Test
    void aServerErrorIsRetriedAfterTheBackoffAndDeliveredOnce() throws Exception {
        WebhookOutbox outbox = new InMemoryWebhookOutbox();
        try (FakeReceiver receiver = new FakeReceiver(500, 200)) {
            outbox.enqueue(Events.approval(), List.of(Events.to(receiver.url("/h"))));
            WebhookDispatcher dispatcher = new WebhookDispatcher(outbox, sender, EXACT);

            assertThat(dispatcher.deliverDue(AT)).isEqualTo(new WebhookDispatcher.Summary(0, 1, 0));
            WebhookDelivery failing = outbox.failing(1).getFirst();
            assertThat(failing.lastError()).isEqualTo("HTTP 500 Internal Server Error");
            assertThat(failing.nextAttemptAt()).isEqualTo(AT.plusSeconds(5));
            assertThat(dispatcher.deliverDue(AT.plusSeconds(4))).isEqualTo(WebhookDispatcher.Summary.NOTHING);

            assertThat(dispatcher.deliverDue(AT.plusSeconds(5))).isEqualTo(new WebhookDispatcher.Summary(1, 0, 0));
            assertThat(dispatcher.deliverDue(AT.plus(Duration.ofDays(1)))).isEqualTo(WebhookDispatcher.Summary.NOTHING);

            assertThat(receiver.requests()).hasSize(2);
            assertThat(receiver.requests()).extracting(r -> r.header("X-Knobwright-Delivery")).containsOnly(
                    outbox.recent(1).getFirst().event().eventId());
            assertThat(receiver.requests().get(0).body()).isEqualTo(receiver.requests().get(1).body());
            WebhookDelivery delivered = outbox.recent(1).getFirst();
            assertThat(delivered.state()).isEqualTo(WebhookDelivery.State.DELIVERED);
            assertThat(delivered.attempts()).isEqualTo(2);
            assertThat(delivered.deliveredAt()).isEqualTo(AT.plusSeconds(5));
        }
    }

    @Test
    void aReceiverThatNeverAnswersIsRetriedLaterAndLater() throws Exception {
        WebhookOutbox outbox = new InMemoryWebhookOutbox();
        try (FakeReceiver receiver = new FakeReceiver(FakeReceiver.NEVER_ANSWER)) {
            outbox.enqueue(Events.approval(), List.of(Events.to(receiver.url("/h"))));
            WebhookDispatcher dispatcher = new WebhookDispatcher(outbox, impatient, Backoff.DEFAULT.withRandom(new Random(3)));

            List<Duration> waits = new ArrayList<>();
            Instant now = AT;
            for (int round = 0; round < 3; round++) {
                assertThat(dispatcher.deliverDue(now).failed()).isEqualTo(1);
                WebhookDelivery d = outbox.failing(1).getFirst();
                assertThat(d.lastError()).startsWith("timed out after 0.3 s");
                waits.add(Duration.between(now, d.nextAttemptAt()));
                now = d.nextAttemptAt();
            }

            assertThat(waits).isSorted().doesNotHaveDuplicates();
            assertThat(outbox.failing(1).getFirst().attempts()).isEqualTo(3);
        }
    }

    @Test
    void aRefusedConnectionIsGivenUpAfterTheLastAttempt() throws Exception {
        WebhookOutbox outbox = new InMemoryWebhookOutbox();
        String url = "http://127.0.0.1:" + FakeReceiver.closedPort() + "/h";
        outbox.enqueue(Events.approval(), List.of(Events.to(url)));
        Backoff threeTries = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 3, Backoff.Jitter.NONE, new Random());
        WebhookDispatcher dispatcher = new WebhookDispatcher(outbox, sender, threeTries);

        WebhookDispatcher.Summary first = dispatcher.deliverDue(AT);
        WebhookDispatcher.Summary second = dispatcher.deliverDue(AT.plusSeconds(1));
        WebhookDispatcher.Summary third = dispatcher.deliverDue(AT.plusSeconds(3));

        assertThat(List.of(first, second, third)).containsExactly(new WebhookDispatcher.Summary(0, 1, 0),
                new WebhookDispatcher.Summary(0, 1, 0), new WebhookDispatcher.Summary(0, 0, 1));
        WebhookDelivery d = outbox.failing(1).getFirst();
        assertThat(d.state()).isEqualTo(WebhookDelivery.State.GAVE_UP);
        assertThat(d.lastError()).startsWith("connection refused by 127.0.0.1:");
        assertThat(d.nextAttemptAt()).isNull();
        assertThat(dispatcher.deliverDue(AT.plus(Duration.ofDays(1)))).isEqualTo(WebhookDispatcher.Summary.NOTHING);
    }

    @Test
    void aReceiverThatIsGoneIsGivenUpAtOnce() throws Exception {
        WebhookOutbox outbox = new InMemoryWebhookOutbox();
        try (FakeReceiver receiver = new FakeReceiver(410)) {
            outbox.enqueue(Events.approval(), List.of(Events.to(receiver.url("/h"))));

            assertThat(new WebhookDispatcher(outbox, sender, EXACT).deliverDue(AT)).isEqualTo(new WebhookDispatcher.Summary(0, 0, 1));
            assertThat(outbox.failing(1).getFirst().attempts()).isEqualTo(1);
        }
    }

    @Test
    void severalReceiversAreServedInOneCallAndEachIsCounted() throws Exception {
        WebhookOutbox outbox = new InMemoryWebhookOutbox();
        try (FakeReceiver ok = new FakeReceiver(200); FakeReceiver broken = new FakeReceiver(502)) {
            List<WebhookSubscription> subscriptions = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                subscriptions.add(Events.to(ok.url("/ok/" + i)));
            }
            subscriptions.add(Events.signedTo(broken.url("/broken"), "HOOK_SECRET"));
            outbox.enqueue(Events.approval(), subscriptions);

            WebhookDispatcher.Summary summary = new WebhookDispatcher(outbox, sender, EXACT, 16, 3, Duration.ofMinutes(2))
                    .deliverDue(AT);

            assertThat(summary).isEqualTo(new WebhookDispatcher.Summary(6, 1, 0));
            assertThat(summary.attempted()).isEqualTo(7);
            assertThat(ok.requests()).hasSize(6);
            assertThat(broken.requests().getFirst().header("X-Knobwright-Signature")).startsWith("sha256=");
        }
    }

    @Test
    void aDeliveryClaimedByADispatcherThatDiedIsSentAfterTheLeaseFromTheStore() throws Exception {
        try (KnobwrightStore store = KnobwrightStore.inMemory("webhook-dispatch-" + UUID.randomUUID(), false);
             FakeReceiver receiver = new FakeReceiver(200)) {
            store.webhooks().enqueue(Events.approval(), List.of(Events.to(receiver.url("/h"))));
            // a workbench claimed it, and was killed before it sent or recorded anything
            store.webhooks().claim(AT, 10, WebhookDispatcher.LEASE);
            WebhookDispatcher restarted = new WebhookDispatcher(store.webhooks(), sender, EXACT);

            assertThat(restarted.deliverDue(AT.plusSeconds(10))).isEqualTo(WebhookDispatcher.Summary.NOTHING);
            assertThat(restarted.deliverDue(AT.plus(WebhookDispatcher.LEASE))).isEqualTo(new WebhookDispatcher.Summary(1, 0, 0));
            assertThat(restarted.deliverDue(AT.plus(Duration.ofDays(1)))).isEqualTo(WebhookDispatcher.Summary.NOTHING);

            assertThat(receiver.requests()).hasSize(1);
            assertThat(receiver.requests().getFirst().body()).contains("\"ticket\":\"CHG0012345\"");
            assertThat(store.webhooks().recent(1).getFirst().state()).isEqualTo(WebhookDelivery.State.DELIVERED);
        }
    }

    @Test
    void aResultThatCannotBeRecordedIsThrownAfterEverySendFinished() throws Exception {
        InMemoryWebhookOutbox inner = new InMemoryWebhookOutbox();
        WebhookOutbox storeGone = new WebhookOutbox() {
            @Override
            public List<WebhookDelivery> enqueue(WebhookEvent event, Collection<WebhookSubscription> subscriptions) {
                return inner.enqueue(event, subscriptions);
            }

            @Override
            public List<WebhookDelivery> due(Instant now, int limit) {
                return inner.due(now, limit);
            }

            @Override
            public List<WebhookDelivery> claim(Instant now, int limit, Duration lease) {
                return inner.claim(now, limit, lease);
            }

            @Override
            public void markDelivered(long id, Instant at, int status) {
                throw new IllegalStateException("the store was closed");
            }

            @Override
            public void markFailed(long id, Instant at, int status, String error, Instant nextAttempt) {
                throw new IllegalStateException("the store was closed");
            }

            @Override
            public List<WebhookDelivery> recent(int limit) {
                return inner.recent(limit);
            }

            @Override
            public List<WebhookDelivery> failing(int limit) {
                return inner.failing(limit);
            }
        };
        try (FakeReceiver receiver = new FakeReceiver(200)) {
            storeGone.enqueue(Events.approval(), List.of(Events.to(receiver.url("/a")), Events.to(receiver.url("/b"))));

            assertThatThrownBy(() -> new WebhookDispatcher(storeGone, sender, EXACT).deliverDue(AT))
                    .hasMessage("the store was closed")
                    .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
            assertThat(receiver.requests()).hasSize(2);
            // not recorded: both are sent again once the lease has passed
            assertThat(inner.due(AT.plus(WebhookDispatcher.LEASE), 10)).hasSize(2);
        }
    }

    @Test
    void aDispatcherNeedsABatchAParallelismAndALease() {
        assertThatThrownBy(() -> new WebhookDispatcher(new InMemoryWebhookOutbox(), sender, EXACT, 0, 1, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookDispatcher(new InMemoryWebhookOutbox(), sender, EXACT, 1, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
