package io.knobwright.app.governance;

import io.knobwright.connectors.notify.WebhookDispatcher;
import io.knobwright.model.notify.WebhookEvent;
import io.knobwright.model.notify.WebhookSubscription;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.store.Repositories;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Governance events become webhook deliveries: queued in the store's outbox in the same unit of work as the change
 * (so a notification exists exactly when the change was kept), then sent by {@link #deliverDue()}, which the CLI
 * calls after a governed command and the workbench every few seconds; failures are retried with backoff.
 */
public final class GovernanceNotifications implements GovernanceEvents {

    private final Clock clock;
    private final Supplier<WebhookDispatcher> dispatcher;

    /** @param dispatcher made on first use: a CLI command that changes nothing never starts an HTTP client */
    public GovernanceNotifications(Clock clock, Supplier<WebhookDispatcher> dispatcher) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public void happened(Repositories tx, Type type, ChangePlan plan, String actor, String summary, Map<String, String> details) {
        if (type == Type.WITHDRAWN) {
            return;
        }
        List<WebhookSubscription> hooks = tx.governance().policy().policy().webhooks();
        WebhookEvent.Type wire = WebhookEvent.Type.valueOf(type.name());
        List<WebhookSubscription> wanted = hooks.stream().filter(h -> h.wants(wire)).toList();
        if (wanted.isEmpty()) {
            return;
        }
        String oneLine = summary.replaceAll("[\\r\\n]+", " ");
        WebhookEvent event = WebhookEvent.create(wire, clock.instant(), plan.id(), plan.uid(), plan.instanceName(), plan.ticket(),
                actor, oneLine.length() > 500 ? oneLine.substring(0, 497) + "..." : oneLine, details);
        tx.webhooks().enqueue(event, wanted);
    }

    /** Sends what is due now; returns what happened. */
    public WebhookDispatcher.Summary deliverDue() {
        return dispatcher.get().deliverDue(clock.instant());
    }
}
