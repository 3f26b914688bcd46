package io.knobwright.app.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.governance.GovernanceEvents;
import io.knobwright.model.approval.GovernanceJson;
import io.knobwright.model.approval.GovernanceRefusal;
import io.knobwright.model.hub.HubLink;
import io.knobwright.model.hub.HubRequest;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.store.Repositories;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * While the store is linked to a hub, every governed change made here is queued for the hub in the same unit of
 * work: nothing done offline is lost, and a change is queued exactly when it is kept. On the hub the login decides
 * who acted, so only the linked login may act here.
 */
public final class HubQueue implements GovernanceEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Clock clock;

    public HubQueue(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void happened(Repositories tx, Type type, ChangePlan plan, String actor, String summary, Map<String, String> details) {
        Optional<HubLink> link = tx.hub().link();
        if (link.isEmpty()) {
            return;
        }
        if (!link.get().login().equals(actor)) {
            throw new GovernanceRefusal(GovernanceRefusal.Reason.ROLE_REQUIRED, "This store syncs with the hub as "
                    + link.get().login() + ", and on the hub the login decides who acted: act as " + link.get().login()
                    + " (--as " + link.get().login() + "), or disconnect the hub with `knobwright hub disconnect`.");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        HubRequest.Kind kind;
        String requestUid = UUID.randomUUID().toString();
        switch (type) {
            case REQUEST -> {
                kind = HubRequest.Kind.SUBMIT;
                var submission = tx.governance().latestSubmission(plan.id()).orElseThrow();
                payload.put("chain", GovernanceJson.chain(submission.chain()));
                payload.put("risk", submission.risk().level().name().toLowerCase(java.util.Locale.ROOT));
                payload.put("content", PlanContent.write(plan, submission.risk()));
                payload.put("instance", plan.instanceName());
                payload.put("ticket", plan.ticket());
            }
            case DECISION -> {
                kind = HubRequest.Kind.DECIDE;
                requestUid = details.get("decision");
                payload.put("verdict", details.get("verdict"));
                payload.put("level", Integer.parseInt(details.get("level")));
                payload.put("comment", details.getOrDefault("comment", ""));
                payload.put("onBehalfOf", details.get("onBehalfOf"));
            }
            case BYPASS -> {
                kind = HubRequest.Kind.BYPASS;
                payload.put("reason", details.get("reason"));
            }
            case REVIEW_CLOSED -> {
                kind = HubRequest.Kind.CLOSE_REVIEW;
                payload.put("comment", details.get("comment"));
            }
            case WITHDRAWN -> {
                kind = HubRequest.Kind.WITHDRAW;
                payload.put("reason", details.getOrDefault("reason", "edited"));
            }
            default -> {
                return;
            }
        }
        try {
            tx.hub().queue(new HubRequest(0, requestUid, kind, plan.uid(), actor, JSON.writeValueAsString(payload),
                    clock.instant(), null, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
