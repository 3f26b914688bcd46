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
final class AfterGovernedChange {

    static final Duration WAIT = Duration.ofSeconds(3);

    private AfterGovernedChange() {
    }

    static void afterChange(CliSession session) {
        pushToHub(session);
        sendWebhooks(session);
    }

    /** A linked store pushes what the command did at once, so reviewers elsewhere see it now, not at the next sync. */
    private static void pushToHub(CliSession session) {
        if (session.context().hub().link().isEmpty()) {
            return;
        }
        var report = session.context().hub().syncOnce(session.environment()::get);
        if (!report.ok()) {
            session.err().println("knobwright: the hub could not be reached (" + report.error() + "); the change is kept here"
                    + " and queued for it: `knobwright hub sync` retries, `knobwright hub status` shows the queue.");
        } else if (report.refused() > 0) {
            session.err().println("knobwright: the hub refused " + report.refused() + " request" + (report.refused() == 1 ? "" : "s")
                    + " (another decision got there first, or the rules there differ); this store now follows the hub."
                    + " See `knobwright hub status`.");
        }
    }

    /** Sends the webhooks due now (e.g. the alert raises and clears an evaluation queued), waiting {@link #WAIT} at most. */
    static void sendWebhooks(CliSession session) {
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
