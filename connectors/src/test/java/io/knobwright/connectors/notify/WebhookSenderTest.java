package io.knobwright.connectors.notify;

import io.knobwright.model.notify.WebhookDelivery;
import io.knobwright.model.notify.WebhookEvent;
import io.knobwright.model.notify.WebhookEventJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSenderTest {

    private static final String SECRET = "correct horse battery staple";

    private final WebhookSender sender = new WebhookSender("1.4.0", Map.of("HOOK_SECRET", SECRET)::get,
            Duration.ofSeconds(5), Duration.ofSeconds(10));
    /** For receivers that never answer; a busy machine answers the others later than this. */
    private final WebhookSender impatient = new WebhookSender("1.4.0", name -> null, Duration.ofSeconds(2),
            Duration.ofMillis(300));

    @AfterEach
    void close() {
        sender.close();
        impatient.close();
    }

    @Test
    void theReceiverGetsTheEventAsJsonWithItsTicketAndHeaders() throws Exception {
        try (FakeReceiver receiver = new FakeReceiver(204)) {
            WebhookDelivery delivery = Events.delivery(Events.to(receiver.url("/hooks/knobwright")));

            SendOutcome outcome = sender.send(delivery);

            assertThat(outcome).isEqualTo(new SendOutcome(SendOutcome.Result.DELIVERED, 204, ""));
            FakeReceiver.Request got = receiver.requests().getFirst();
            assertThat(got.body()).contains("\"ticket\":\"CHG0012345\"", "\"eventId\":\"" + delivery.event().eventId() + "\"");
            WebhookEvent received = WebhookEventJson.read(got.body());
            assertThat(received).isEqualTo(delivery.event());
            assertThat(received.details()).containsEntry("decision", "approved");
            assertThat(got.header("Content-Type")).startsWith("application/json");
            assertThat(got.header("User-Agent")).isEqualTo("Knobwright/1.4.0");
            assertThat(got.header("X-Knobwright-Event")).isEqualTo("decision");
            assertThat(got.header("X-Knobwright-Delivery")).isEqualTo(delivery.event().eventId());
            assertThat(got.header("X-Knobwright-Signature")).isNull();
        }
    }

    @Test
    void aSignedRequestVerifiesWithTheSharedSecret() throws Exception {
        try (FakeReceiver receiver = new FakeReceiver(200)) {
            sender.send(Events.delivery(Events.signedTo(receiver.url("/signed"), "HOOK_SECRET")));

            FakeReceiver.Request got = receiver.requests().getFirst();
            // what a receiver does: HMAC-SHA256 of the raw body with the secret, compared in constant time
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(got.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    got.header("X-Knobwright-Signature").getBytes(StandardCharsets.US_ASCII))).isTrue();
            assertThat(got.headers().values().toString()).doesNotContain(SECRET);
            assertThat(got.body()).doesNotContain(SECRET);
        }
    }

    @Test
    void aSecretWhoseVariableIsNotSetSendsNothingAndSaysWhichVariable() throws Exception {
        try (FakeReceiver receiver = new FakeReceiver(200)) {
            SendOutcome outcome = sender.send(Events.delivery(Events.signedTo(receiver.url("/signed"), "MISSING_SECRET")));

            assertThat(outcome.result()).isEqualTo(SendOutcome.Result.RETRY);
            assertThat(outcome.message()).contains("MISSING_SECRET is not set");
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        try (FakeReceiver receiver = new FakeReceiver(301)) {
            SendOutcome outcome = sender.send(Events.delivery(Events.to(receiver.url("/old"))));

            assertThat(outcome.result()).isEqualTo(SendOutcome.Result.RETRY);
            assertThat(outcome.status()).isEqualTo(301);
            assertThat(outcome.message()).startsWith("HTTP 301 Moved Permanently: redirect not followed");
            assertThat(receiver.requests()).extracting(FakeReceiver.Request::path).containsExactly("/old");
        }
    }

    @Test
    void serverErrorsAndRefusalsAreRetriedAndGoneIsGivenUp() throws Exception {
        try (FakeReceiver receiver = new FakeReceiver(503, 404, 410, 429)) {
            WebhookDelivery d = Events.delivery(Events.to(receiver.url("/h")));

            assertThat(sender.send(d)).isEqualTo(new SendOutcome(SendOutcome.Result.RETRY, 503, "HTTP 503 Service Unavailable"));
            assertThat(sender.send(d)).isEqualTo(new SendOutcome(SendOutcome.Result.RETRY, 404, "HTTP 404 Not Found"));
            SendOutcome gone = sender.send(d);
            assertThat(gone.result()).isEqualTo(SendOutcome.Result.GIVE_UP);
            assertThat(gone.message()).startsWith("HTTP 410 Gone");
            assertThat(sender.send(d).message()).isEqualTo("HTTP 429 Too Many Requests");
        }
        assertThat(WebhookSender.classify(599).message()).isEqualTo("HTTP 599");
    }

    @Test
    void aRefusedConnectionNamesTheHostAndPort() throws Exception {
        int port = FakeReceiver.closedPort();

        SendOutcome outcome = sender.send(Events.delivery(Events.to("http://127.0.0.1:" + port + "/h?token=abc123")));

        assertThat(outcome).isEqualTo(new SendOutcome(SendOutcome.Result.RETRY, 0, "connection refused by 127.0.0.1:" + port));
    }

    @Test
    void aReceiverThatNeverAnswersTimesOut() throws Exception {
        try (FakeReceiver receiver = new FakeReceiver(FakeReceiver.NEVER_ANSWER)) {
            long start = System.nanoTime();

            SendOutcome outcome = impatient.send(Events.delivery(Events.to(receiver.url("/slow"))));

            assertThat(outcome.result()).isEqualTo(SendOutcome.Result.RETRY);
            assertThat(outcome.message()).isEqualTo("timed out after 0.3 s waiting for " + receiver.url("").substring(7));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aReceiverThatNeverFinishesItsAnswerIsCutOff() throws Exception {
        try (FakeReceiver receiver = new FakeReceiver(FakeReceiver.NEVER_FINISH)) {
            long start = System.nanoTime();

            SendOutcome outcome = impatient.send(Events.delivery(Events.to(receiver.url("/trickle"))));

            assertThat(outcome.result()).isEqualTo(SendOutcome.Result.RETRY);
            assertThat(outcome.message()).isEqualTo("timed out after 3.3 s: " + receiver.url("").substring(7)
                    + " began to answer but did not finish");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void httpsToAPlainHttpReceiverFailsInTheTlsHandshake() throws Exception {
        try (ServerSocket plainHttp = answersOnce("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")) {
            String endpoint = "127.0.0.1:" + plainHttp.getLocalPort();

            SendOutcome outcome = sender.send(Events.delivery(Events.to("https://" + endpoint + "/h")));

            assertThat(outcome.result()).isEqualTo(SendOutcome.Result.RETRY);
            assertThat(outcome.message()).startsWith("TLS handshake with " + endpoint + " failed");
        }
    }

    @Test
    void aReceiverThatHangsUpWithoutAnsweringIsReported() throws Exception {
        try (ServerSocket hangsUp = answersOnce("")) {
            String endpoint = "127.0.0.1:" + hangsUp.getLocalPort();

            SendOutcome outcome = sender.send(Events.delivery(Events.to("http://" + endpoint + "/h?token=abc123")));

            assertThat(outcome.result()).isEqualTo(SendOutcome.Result.RETRY);
            assertThat(outcome.message()).isEqualTo(endpoint + " closed the connection without answering");
        }
    }

    /** A loopback server that reads the first bytes of one connection, writes {@code reply} and hangs up. */
    private static ServerSocket answersOnce(String reply) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (Socket s = server.accept()) {
                s.getInputStream().read(new byte[512]);
                s.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closed) {
                // the test is over
            }
        });
        return server;
    }

    @Test
    void aHostNameThatDoesNotResolveIsSaidSo() {
        SendOutcome outcome = sender.send(Events.delivery(Events.to("https://hooks.no-such-host.invalid/k?token=abc123")));

        assertThat(outcome.result()).isEqualTo(SendOutcome.Result.RETRY);
        assertThat(outcome.message()).isEqualTo("the host name of hooks.no-such-host.invalid:443 does not resolve (DNS)");
    }

    @Test
    void messagesNeverQuoteTheUrlsPathOrQuery() {
        URI uri = URI.create("https://hooks.example.com/services/T000/B000/XXXX?token=abc123");

        assertThat(WebhookSender.withoutUrlSecrets("bad answer for /services/T000/B000/XXXX?token=abc123", uri))
                .isEqualTo("bad answer for …?…");
        assertThat(WebhookSender.endpoint(uri)).isEqualTo("hooks.example.com:443");
        assertThat(WebhookSender.endpoint(URI.create("http://h.example.com/x"))).isEqualTo("h.example.com:80");
    }

    @Test
    void withoutAVersionTheUserAgentIsJustKnobwright() throws Exception {
        try (FakeReceiver receiver = new FakeReceiver(200);
             WebhookSender unversioned = new WebhookSender(null, name -> null)) {
            unversioned.send(Events.delivery(Events.to(receiver.url("/h"))));

            assertThat(receiver.requests().getFirst().header("User-Agent")).isEqualTo("Knobwright");
        }
    }
}
