package io.knobwright.app.cli;

import io.knobwright.model.notify.WebhookDelivery;
import io.knobwright.model.notify.WebhookEvent;
import io.knobwright.model.notify.WebhookSubscription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "webhooks", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The webhooks of the policy (set them in the policy file: webhooks: [{url, events, secretEnv}]) and",
                "their recent deliveries: delivered, failing (with the last error and the next attempt) or given up.",
                "Fleet alerts go only to webhooks whose events name them: alert.raised, alert.cleared (alert.* for both)."})
final class PolicyWebhooksCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--send", description = "Send what is due now before listing.")
    private boolean send;

    @Option(names = "--json", description = "Print subscriptions and deliveries as JSON.")
    private boolean json;

    PolicyWebhooksCommand(CliSession session) {
        this.session = session;
    }

    record HookJson(String url, List<String> events, String secretEnv, boolean enabled) {
    }

    record DeliveryJson(long id, String event, String type, Long planId, String url, String state, int attempts,
                        String lastError, String nextAttemptAt, String deliveredAt) {
    }

    record WebhooksJson(List<HookJson> subscriptions, List<DeliveryJson> deliveries) {
    }

    @Override
    public Integer call() {
        if (send) {
            AfterGovernedChange.afterChange(session);
        }
        List<WebhookSubscription> hooks = session.context().policy().policy().policy().webhooks();
        List<WebhookDelivery> deliveries = session.context().policy().recentDeliveries(50);
        if (json) {
            Json.print(session.out(), new WebhooksJson(
                    hooks.stream().map(h -> new HookJson(h.url(), h.eventTypes().stream().map(WebhookEvent.Type::wireName).toList(),
                            h.secretEnv(), h.enabled())).toList(),
                    deliveries.stream().map(d -> new DeliveryJson(d.id(), d.event().eventId(), d.event().type().wireName(),
                            d.event().type().aboutAlert() ? null : d.event().planId(), d.url(), d.state().name().toLowerCase(Locale.ROOT), d.attempts(), d.lastError(),
                            d.nextAttemptAt() == null ? null : d.nextAttemptAt().toString(),
                            d.deliveredAt() == null ? null : d.deliveredAt().toString())).toList()));
            return ExitCodes.OK;
        }
        if (hooks.isEmpty()) {
            session.out().println("No webhooks: add them to the policy file (webhooks: [{url: https://..., events: [request,"
                    + " decision, alert.*], secretEnv: HOOK_SECRET}]) and import it with `knobwright policy rules import`.");
        } else {
            Table t = new Table("URL", "EVENTS", "SIGNED WITH", "ENABLED");
            hooks.forEach(h -> t.row(h.url(), h.eventTypes().isEmpty() ? "all plan events" : String.join(",",
                    h.eventTypes().stream().map(WebhookEvent.Type::wireName).toList()), h.secretEnv() == null ? "" : "$" + h.secretEnv(),
                    h.enabled() ? "yes" : "no"));
            t.print(session.out());
        }
        if (!deliveries.isEmpty()) {
            session.out().println();
            Table d = new Table("ID", "EVENT", "PLAN/INSTANCE", "TO", "STATE", "ATTEMPTS", "LAST ERROR", "NEXT ATTEMPT");
            deliveries.forEach(x -> d.row(x.id(), x.event().type().wireName(),
                    x.event().type().aboutAlert() ? x.event().instanceName() : x.event().planId(), host(x.url()),
                    x.state().name().toLowerCase(Locale.ROOT), x.attempts(), Table.clip(x.lastError() == null ? "" : x.lastError(), 50),
                    x.nextAttemptAt() == null ? "" : x.nextAttemptAt()));
            d.print(session.out());
        }
        return ExitCodes.OK;
    }

    private static String host(String url) {
        try {
            URI u = URI.create(url);
            return u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }
}
