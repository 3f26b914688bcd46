package io.knobwright.app.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.model.approval.GovernanceJson;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.RiskAssessment;

import java.time.Instant;
import java.util.List;

/**
 * A plan as it travels through the hub: what a reviewer on another workbench needs to see it as its author did
 * (the changes from -> to, the baseline, the risk and why). The hub keeps it opaque; other systems may read it
 * (docs/hub.md).
 */
record PlanContent(int schema, String uid, String instance, String template, int templateVersion, String createdAt,
                   String author, String baseline, String ticket, List<Change> changes, String risk) {

    record Change(String parameter, String from, String to, String unit, String applyMode, String provenance, String note) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static String write(ChangePlan plan, RiskAssessment risk) {
        PlanContent c = new PlanContent(1, plan.uid(), plan.instanceName(), plan.template(), plan.templateVersion(),
                plan.createdAt().toString(), plan.author(), plan.baseline(), plan.ticket(),
                plan.changes().stream().map(x -> new Change(x.parameter(), x.from(), x.to(), x.unit(), x.applyMode().name(),
                        x.provenance(), x.note())).toList(), GovernanceJson.risk(risk));
        try {
            return MAPPER.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write plan " + plan.id(), e);
        }
    }

    static PlanContent read(String json) {
        try {
            return MAPPER.readValue(json, PlanContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A plan on the hub is not readable as a Knobwright plan: " + e.getOriginalMessage(), e);
        }
    }

    /** The plan as this store keeps it, for an instance of this store ({@code instanceId} 0 when it has none by that name). */
    ChangePlan toPlan(long instanceId, PlanState state) {
        return new ChangePlan(0, instanceId, instance, template, templateVersion, Instant.parse(createdAt), author, state, baseline,
                changes.stream().map(c -> new PlannedChange(c.parameter(), c.from(), c.to(), c.unit(), ApplyMode.valueOf(c.applyMode()),
                        c.provenance(), c.note())).toList(), uid, ticket);
    }

    RiskAssessment riskAssessment() {
        return GovernanceJson.risk(risk);
    }
}
