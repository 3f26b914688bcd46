package io.knobwright.model.notify;

import org.junit.jupiter.api.Test;

import static io.knobwright.model.notify.WebhookEvents.AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookDeliveryTest {

    private final WebhookDelivery pending = WebhookDelivery.pending(1, WebhookEvents.decision(),
            WebhookEvents.to("https://a.example.com/h"), 3, AT);

    @Test
    void aDeliveryGoesFromPendingThroughFailingToDeliveredOrGaveUp() {
        assertThat(pending.state()).isEqualTo(WebhookDelivery.State.PENDING);
        WebhookDelivery failedOnce = pending.failed(AT, 500, "HTTP 500 Internal Server Error", AT.plusSeconds(5));
        assertThat(failedOnce.state()).isEqualTo(WebhookDelivery.State.FAILING);
        assertThat(failedOnce.dueAt(AT.plusSeconds(4))).isFalse();
        assertThat(failedOnce.dueAt(AT.plusSeconds(5))).isTrue();
        assertThat(failedOnce.delivered(AT.plusSeconds(5), 200).state()).isEqualTo(WebhookDelivery.State.DELIVERED);

        WebhookDelivery third = failedOnce.failed(AT, 0, null, AT.plusSeconds(10)).failed(AT, 0, "refused", AT.plusSeconds(20));
        assertThat(third.state()).isEqualTo(WebhookDelivery.State.GAVE_UP);
        assertThat(third.nextAttemptAt()).isNull();
        assertThat(third.failed(AT, 0, "again", AT).attempts()).isEqualTo(3);
    }

    @Test
    void aMissingErrorStillSaysItFailedAndALongOneIsShortened() {
        assertThat(pending.failed(AT, 0, " ", AT).lastError()).isEqualTo("failed");
        assertThat(pending.failed(AT, 0, "x".repeat(5000), AT).lastError()).hasSize(WebhookDelivery.MAX_ERROR).endsWith("…");
    }

    @Test
    void anInconsistentDeliveryCannotExist() {
        WebhookEvent e = WebhookEvents.decision();
        assertThatThrownBy(() -> new WebhookDelivery(1, e, "https://a.example.com", null, 0, 3, null, null, 0, null, null))
                .hasMessageContaining("first attempt");
        assertThatThrownBy(() -> new WebhookDelivery(1, e, "https://a.example.com", null, 1, 3, AT, AT, 200, null, AT))
                .hasMessageContaining("no next attempt");
        assertThatThrownBy(() -> new WebhookDelivery(1, e, "https://a.example.com", null, -1, 3, AT, null, 0, null, null))
                .hasMessageContaining("attempts >= 0");
        assertThatThrownBy(() -> new WebhookDelivery(1, e, "https://a.example.com", null, 0, 3, AT, null, 1000, null, null))
                .hasMessageContaining("HTTP status");
        assertThatThrownBy(() -> new WebhookDelivery(1, e, "ftp://a.example.com", null, 0, 3, AT, null, 0, null, null))
                .hasMessageContaining("https://");
    }
}
