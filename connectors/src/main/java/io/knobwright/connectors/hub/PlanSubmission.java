package io.knobwright.connectors.hub;

import java.util.UUID;

/**
 * A plan as its author submits it to the hub. The content is the plan as the local store serialises it,
 * opaque to the hub (which only checks that it is JSON and records its SHA-256); the chain is the approval
 * chain copied from the governing policy, which the hub enforces (docs/hub.md).
 *
 * @param submissionUid generated once per submission by the client; a retry with the same uid returns the first outcome
 * @param planUid       the plan's uid, the same in every round; a re-submission after withdrawal or expiry starts a new round
 * @param ticket        an external change ticket (a CHG number), or null
 * @param riskLevel     a lower-case word such as low, medium, high
 * @param chainJson     e.g. {@code {"rule":"prod-locked","levels":[{"role":"senior-dba","quorum":1}],"expireAfter":"P3D"}}
 */
public record PlanSubmission(UUID submissionUid, UUID planUid, String instanceName, String ticket, String riskLevel,
                             String chainJson, String contentJson) {

    public PlanSubmission {
        HubValues.present(submissionUid, "The submission uid");
        HubValues.present(planUid, "The plan uid");
        HubValues.text(instanceName, "The instance name", 200);
        ticket = HubValues.optionalText(ticket, "The ticket reference", 64);
        if (riskLevel == null || !HubValues.RISK.matcher(riskLevel).matches()) {
            throw new IllegalArgumentException("The risk level must be a lower-case word like low or high, not " + riskLevel);
        }
        HubValues.text(chainJson, "The approval chain", 100_000);
        HubValues.text(contentJson, "The plan content", 4_000_000);
    }
}
