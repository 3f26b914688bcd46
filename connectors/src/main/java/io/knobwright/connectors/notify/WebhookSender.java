package io.knobwright.connectors.notify;

import io.knobwright.model.notify.WebhookDelivery;
import io.knobwright.model.notify.WebhookEventJson;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * POSTs one webhook delivery and says what came of it. The body is the event's JSON ({@link WebhookEventJson});
 * the headers name the event type ({@code X-Knobwright-Event}) and the event id ({@code X-Knobwright-Delivery},
 * the same on every attempt, for receivers to drop repeats), and when the subscription has a secret,
 * {@code X-Knobwright-Signature: sha256=<hex HMAC-SHA256 of the body>} as GitHub signs its webhooks.
 *
 * <p>Redirects are not followed: a signed body must not be replayed to wherever a 3xx points. Messages name the
 * receiver by host and port only; the URL's path and query may hold a token, and secrets appear in none.
 * Thread-safe; one sender serves every delivery, and {@link #close} ends its connections.
 */
public final class WebhookSender implements AutoCloseable {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final String userAgent;
    private final Function<String, String> environment;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    /**
     * @param version     Knobwright's version for the User-Agent; null when unknown
     * @param environment reads an environment variable (System::getenv), where secrets are looked up when signing
     */
    public WebhookSender(String version, Function<String, String> environment) {
        this(version, environment, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    public WebhookSender(String version, Function<String, String> environment, Duration connectTimeout,
                         Duration requestTimeout) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.userAgent = version == null || version.isBlank() ? "Knobwright" : "Knobwright/" + version.strip();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1: every receiver speaks it, and plain http gets no h2c upgrade attempt
                .version(HttpClient.Version.HTTP_1_1);
        // a proxy configured for Java (-Dhttps.proxyHost, java.net.useSystemProxies) applies to webhooks too
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.proxy(proxies);
        }
        this.client = builder.build();
    }

    /** Sends {@code delivery} once. Never throws for what the network or the receiver does. */
    public SendOutcome send(WebhookDelivery delivery) {
        URI uri = URI.create(delivery.url());
        String receiver = endpoint(uri);
        byte[] body = WebhookEventJson.write(delivery.event()).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", userAgent)
                .header("X-Knobwright-Event", delivery.event().type().wireName())
                .header("X-Knobwright-Delivery", delivery.event().eventId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (delivery.secretEnv() != null) {
            String secret = environment.apply(delivery.secretEnv());
            if (secret == null || secret.isEmpty()) {
                return SendOutcome.retry(0, "not sent: the environment variable " + delivery.secretEnv()
                        + " is not set; it holds this webhook's signing secret. Set it for Knobwright and restart,"
                        + " or remove the secret from the webhook");
            }
            request.header("X-Knobwright-Signature", signature(secret, body));
        }
        Duration whole = connectTimeout.plus(requestTimeout).plusSeconds(1);
        CompletableFuture<HttpResponse<Void>> response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
        try {
            // the request timeout covers the answer's headers only; this bounds a receiver that trickles its body
            return classify(response.get(whole.toMillis(), TimeUnit.MILLISECONDS).statusCode());
        } catch (TimeoutException e) {
            response.cancel(true);
            return SendOutcome.retry(0, "timed out after " + seconds(whole) + ": " + receiver
                    + " began to answer but did not finish");
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return SendOutcome.retry(0, "interrupted before " + receiver + " answered (Knobwright was stopping)");
        } catch (ExecutionException e) {
            return SendOutcome.retry(0, withoutUrlSecrets(failure(e.getCause(), receiver), uri));
        }
    }

    /** {@code sha256=} and the lower-case hex HMAC-SHA256 of {@code body} keyed with the UTF-8 bytes of {@code secret}. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime provides HmacSHA256", e);
        }
    }

    static SendOutcome classify(int status) {
        String http = "HTTP " + status + HttpReasons.phrase(status).map(p -> " " + p).orElse("");
        if (status >= 200 && status < 300) {
            return SendOutcome.delivered(status);
        }
        if (status >= 300 && status < 400) {
            return SendOutcome.retry(status, http + ": redirect not followed; give the webhook the URL it points to");
        }
        if (status == 410) {
            return SendOutcome.giveUp(status, http + ": the receiver says this webhook no longer exists; no further attempts");
        }
        return SendOutcome.retry(status, http);
    }

    /** A short sentence for a failure before any answer came. */
    private String failure(Throwable cause, String receiver) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            switch (t) {
                case HttpConnectTimeoutException ignored -> {
                    return "no connection to " + receiver + " within " + seconds(connectTimeout);
                }
                case HttpTimeoutException ignored -> {
                    return "timed out after " + seconds(requestTimeout) + " waiting for " + receiver;
                }
                case UnresolvedAddressException ignored -> {
                    return "the host name of " + receiver + " does not resolve (DNS)";
                }
                case UnknownHostException ignored -> {
                    return "the host name of " + receiver + " does not resolve (DNS)";
                }
                case NoRouteToHostException ignored -> {
                    return "no network route to " + receiver;
                }
                case EOFException ignored -> {
                    return receiver + " closed the connection without answering";
                }
                case SSLException ssl -> {
                    return "TLS handshake with " + receiver + " failed" + (ssl.getMessage() == null ? "" : ": " + ssl.getMessage());
                }
                default -> {
                }
            }
        }
        // ConnectException comes last: the JDK wraps DNS and TLS failures in one as well
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused by " + receiver;
            }
        }
        if (cause instanceof IOException io && io.getMessage() != null && !io.getMessage().isBlank()) {
            return "sending to " + receiver + " failed: " + io.getMessage();
        }
        return "sending to " + receiver + " failed (" + (cause == null ? "unknown error" : cause.getClass().getSimpleName()) + ")";
    }

    /** {@code message} without the URL's path and query, should the JDK quote them: they may hold a token. */
    static String withoutUrlSecrets(String message, URI uri) {
        String scrubbed = message;
        for (String part : new String[] {uri.getRawQuery(), uri.getRawPath(), uri.getQuery(), uri.getPath()}) {
            if (part != null && part.length() > 1) {
                scrubbed = scrubbed.replace(part, "…");
            }
        }
        return scrubbed;
    }

    /** host:port, the port the scheme implies when the URL names none. */
    static String endpoint(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
