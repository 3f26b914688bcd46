package io.knobwright.app.cli;

import io.knobwright.connectors.notify.WebhookDispatcher;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * After a governed command, the webhooks it queued are sent before the process exits, waiting a few seconds at
 * most: a slow receiver must not hold a script up. What is not sent by then stays queued and is retried by the next
 * command or the workbench.
 */
final class WebhookSending {

    static final Duration WAIT = Duration.ofSeconds(3);

    private WebhookSending() {
    }

    static void afterChange(CliSession session) {
        CompletableFuture<WebhookDispatcher.Summary> sending = CompletableFuture.supplyAsync(
                () -> session.context().notifications().deliverDue(), r -> Thread.ofVirtual().start(r));
        try {
            WebhookDispatcher.Summary s = sending.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (s.failed() + s.gaveUp() > 0) {
                session.err().println("knobwright: " + (s.failed() + s.gaveUp()) + " webhook deliver" + (s.failed() + s.gaveUp() == 1
                        ? "y" : "ies") + " failed; " + (s.gaveUp() > 0 ? s.gaveUp() + " gave up, " : "")
                        + "the rest are retried later. See `knobwright policy webhooks`.");
            }
        } catch (TimeoutException e) {
            session.err().println("knobwright: webhooks are still being sent after " + WAIT.toSeconds() + " s; what is not sent"
                    + " is retried by the next command or the workbench.");
        } catch (ExecutionException e) {
            session.err().println("knobwright: webhooks could not be sent now (" + e.getCause().getMessage()
                    + "); they stay queued and are retried.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
