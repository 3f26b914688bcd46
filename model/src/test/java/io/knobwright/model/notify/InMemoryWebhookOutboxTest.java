package io.knobwright.model.notify;

import org.junit.jupiter.api.Test;

import java.util.NoSuchElementException;

import static io.knobwright.model.notify.WebhookEvents.AT;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryWebhookOutboxTest extends WebhookOutboxContract {

    @Override
    protected WebhookOutbox outbox() {
        return new InMemoryWebhookOutbox();
    }

    @Test
    void markingAnUnknownDeliveryFails() {
        assertThatThrownBy(() -> new InMemoryWebhookOutbox().markDelivered(9, AT, 200)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> new InMemoryWebhookOutbox(0)).hasMessageContaining("at least one attempt");
    }
}
