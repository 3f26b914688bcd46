package io.knobwright.model.notify;

import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSubscriptionTest {

    @Test
    void httpAndHttpsUrlsAreAccepted() {
        assertThat(WebhookSubscription.problemWithUrl("https://hooks.example.com/knobwright?channel=dba")).isEmpty();
        assertThat(WebhookSubscription.problemWithUrl("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(WebhookSubscription.problemWithUrl("HTTPS://Hooks.Example.com")).isEmpty();
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> WebhookSubscription.parse("https://bot:hunter2@hooks.example.com/x", List.of(), null))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("no user name or password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void eachWrongUrlGetsAMessageSayingWhatToWrite() {
        assertThat(WebhookSubscription.problemWithUrl("ftp://example.com/x")).get().asString().contains("not ftp://");
        assertThat(WebhookSubscription.problemWithUrl("hooks.example.com/x")).get().asString().contains("https://");
        assertThat(WebhookSubscription.problemWithUrl("https://example.com/x#frag")).get().asString().contains("#fragment");
        assertThat(WebhookSubscription.problemWithUrl("https://exa mple.com/")).get().asString().contains("percent-encoded");
        assertThat(WebhookSubscription.problemWithUrl("https:///path")).get().asString().contains("names no host");
        assertThat(WebhookSubscription.problemWithUrl(" ")).get().asString().contains("needs a URL");
        assertThat(WebhookSubscription.problemWithUrl("https://e.com/" + "a".repeat(2000))).get().asString()
                .contains("at most 2000");
        assertThatThrownBy(() -> new WebhookSubscription("mailto:dba@example.com", Set.of(), null, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts with https://");
    }

    @Test
    void theSecretIsNamedByAnEnvironmentVariableAndASecretGivenInsteadIsNotEchoed() {
        WebhookSubscription s = WebhookSubscription.parse(" https://hooks.example.com/k ", null, " HOOK_SECRET ");
        assertThat(s.secretEnv()).isEqualTo("HOOK_SECRET");
        assertThat(s.url()).isEqualTo("https://hooks.example.com/k");

        assertThatThrownBy(() -> WebhookSubscription.parse("https://hooks.example.com/k", null, "s3cr3t-value!"))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("environment variable")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> new WebhookSubscription("https://hooks.example.com/k", Set.of(), "1BAD", true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSubscriptionWantsItsTypesOrAllWhenNoneAreNamedAndNothingWhenDisabled() {
        WebhookSubscription all = WebhookSubscription.parse("https://h.example.com", List.of(), null);
        WebhookSubscription some = WebhookSubscription.parse("https://h.example.com",
                List.of(WebhookEvent.Type.BYPASS, WebhookEvent.Type.REQUEST), null);
        WebhookSubscription off = new WebhookSubscription("https://h.example.com", Set.of(), null, false);

        assertThat(all.wants(WebhookEvent.Type.EXPIRY)).isTrue();
        assertThat(some.wants(WebhookEvent.Type.BYPASS)).isTrue();
        assertThat(some.wants(WebhookEvent.Type.DECISION)).isFalse();
        assertThat(some.eventTypes()).containsExactly(WebhookEvent.Type.REQUEST, WebhookEvent.Type.BYPASS);
        assertThat(off.wants(WebhookEvent.Type.BYPASS)).isFalse();
    }
}
