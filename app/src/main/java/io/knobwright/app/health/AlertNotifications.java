package io.knobwright.app.health;

import io.knobwright.model.health.AlertStateRepository;
import io.knobwright.model.health.AlertTransition;
import io.knobwright.model.health.AlertTransitions;
import io.knobwright.model.notify.WebhookEvent;
import io.knobwright.model.notify.WebhookSubscription;
import io.knobwright.model.store.Repositories;
import io.knobwright.model.store.UnitOfWork;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Alerts through the webhook channel (decision 0112's outbox): each raise and clear is written to the alert's state and
 * queued as an {@code alert.raised} / {@code alert.cleared} delivery in one unit of work, for the policy's webhooks
 * that name those events. The state change is a compare-and-set, so of the CLI, the daemon and the workbench sharing
 * one store exactly one queues it; the governance dispatcher sends it with the plan events.
 */
public final class AlertNotifications implements AlertTransitions {

    private final UnitOfWork store;

    public AlertNotifications(UnitOfWork store) {
        this.store = store;
    }

    @Override
    public Optional<AlertTransition> write(Function<AlertStateRepository, Optional<AlertTransition>> work) {
        return store.transactionResult(tx -> {
            Optional<AlertTransition> change = work.apply(tx.alertState());
            change.ifPresent(c -> enqueue(tx, c));
            return change;
        });
    }

    private static void enqueue(Repositories tx, AlertTransition change) {
        WebhookEvent.Type type = change.change() == AlertTransition.Change.RAISED
                ? WebhookEvent.Type.ALERT_RAISED : WebhookEvent.Type.ALERT_CLEARED;
        List<WebhookSubscription> wanted = tx.governance().policy().policy().webhooks().stream()
                .filter(h -> h.wants(type)).toList();
        if (!wanted.isEmpty()) {
            tx.webhooks().enqueue(event(type, change), wanted);
        }
    }

    /** The webhook event of one transition: the alert's facts as last seen, a one-line summary for a chat message. */
    static WebhookEvent event(WebhookEvent.Type type, AlertTransition change) {
        var a = change.alert();
        String severity = a.severity().name().toLowerCase(Locale.ROOT);
        String summary = (type == WebhookEvent.Type.ALERT_RAISED ? severity + " on " : "cleared on ") + a.instanceName()
                + ": " + a.title().replaceAll("[\\r\\n]+", " ");
        return WebhookEvent.alert(type, change.at(), a.instanceName(),
                summary.length() > WebhookEvent.MAX_SUMMARY ? summary.substring(0, WebhookEvent.MAX_SUMMARY - 3) + "..." : summary,
                new WebhookEvent.AlertFacts(a.kind().name().toLowerCase(Locale.ROOT), severity, a.title(), a.evidence(),
                        a.since()));
    }
}
