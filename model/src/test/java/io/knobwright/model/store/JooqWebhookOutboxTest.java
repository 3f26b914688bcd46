package io.knobwright.model.store;

import io.knobwright.model.notify.WebhookDelivery;
import io.knobwright.model.notify.WebhookEvents;
import io.knobwright.model.notify.WebhookOutbox;
import io.knobwright.model.notify.WebhookOutboxContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import static io.knobwright.model.notify.WebhookEvents.AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JooqWebhookOutboxTest extends WebhookOutboxContract {

    private final KnobwrightStore store = KnobwrightStore.inMemory("webhooks-" + UUID.randomUUID(), false);

    @TempDir
    Path dataDir;

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    protected WebhookOutbox outbox() {
        return store.webhooks();
    }

    @Test
    void aDeliveryClaimedByAWorkbenchThatWasKilledIsSentAfterTheNextStart() {
        long id;
        try (KnobwrightStore killed = KnobwrightStore.open(dataDir)) {
            id = killed.webhooks().enqueue(WebhookEvents.decision(), List.of(WebhookEvents.to("https://a.example.com/h")))
                    .getFirst().id();
            assertThat(killed.webhooks().claim(AT, 10, LEASE)).hasSize(1);
            // the process ends here: sent or not, the outcome was never recorded
        }

        try (KnobwrightStore restarted = KnobwrightStore.open(dataDir)) {
            assertThat(restarted.webhooks().claim(AT.plusSeconds(30), 10, LEASE)).isEmpty();
            List<WebhookDelivery> retried = restarted.webhooks().claim(AT.plus(LEASE), 10, LEASE);
            assertThat(retried).extracting(WebhookDelivery::id).containsExactly(id);
            assertThat(retried.getFirst().event().ticket()).isEqualTo("CHG0012345");
            assertThat(retried.getFirst().attempts()).isZero();
        }
    }

    @Test
    void twoProcessesSharingTheStoreNeverClaimTheSameDelivery() {
        try (KnobwrightStore workbench = KnobwrightStore.open(dataDir); KnobwrightStore cli = KnobwrightStore.open(dataDir)) {
            workbench.webhooks().enqueue(WebhookEvents.decision(), List.of(WebhookEvents.to("https://a.example.com/h"),
                    WebhookEvents.to("https://b.example.com/h")));

            List<WebhookDelivery> first = workbench.webhooks().claim(AT, 1, LEASE);
            List<WebhookDelivery> second = cli.webhooks().claim(AT, 10, LEASE);

            assertThat(first).hasSize(1);
            assertThat(second).hasSize(1);
            assertThat(second.getFirst().id()).isNotEqualTo(first.getFirst().id());
        }
    }

    @Test
    void anEnqueueInsideAUnitOfWorkIsKeptOnlyWhenTheWorkCompletes() {
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.webhooks().enqueue(WebhookEvents.decision(), List.of(WebhookEvents.to("https://a.example.com/h")));
            throw new IllegalStateException("the decision could not be saved");
        })).hasMessageContaining("could not be saved");
        assertThat(store.webhooks().recent(10)).isEmpty();

        store.inTransaction(tx -> tx.webhooks().enqueue(WebhookEvents.decision(),
                List.of(WebhookEvents.to("https://a.example.com/h"))));
        assertThat(store.webhooks().recent(10)).hasSize(1);
    }

    @Test
    void anEventTheStoreCannotReadIsReportedAsAStoreProblem() throws Exception {
        store.webhooks().enqueue(WebhookEvents.decision(), List.of(WebhookEvents.to("https://a.example.com/h")));
        try (Connection c = java.sql.DriverManager.getConnection(
                "jdbc:h2:mem:" + store.location().substring("memory:".length()), StoreOpening.USER, StoreOpening.PASSWORD)) {
            c.createStatement().execute("UPDATE webhook_delivery SET event = '{}'");
        }

        assertThatThrownBy(() -> store.webhooks().recent(10)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> store.webhooks().markDelivered(999, AT, 200)).isInstanceOf(NoSuchElementException.class);
    }
}
