package io.knobwright.model.approval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.model.policy.ApprovalLevel;
import io.knobwright.model.policy.RiskAssessment;
import io.knobwright.model.policy.RiskLevel;
import io.knobwright.model.policy.RiskReason;
import io.knobwright.model.policy.Role;

import java.time.Duration;
import java.util.List;

/**
 * The JSON forms of a copied approval chain and of a risk assessment: what the store keeps with a submission and
 * what travels to the shared hub, whose functions read the chain in exactly this shape:
 * {@code {"rule":"prod","levels":[{"role":"senior-dba","quorum":1}],"escalateAfter":"PT4H","escalateTo":"admin","expireAfter":"P3D"}}.
 */
public final class GovernanceJson {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChainDoc(String rule, List<LevelDoc> levels, String escalateAfter, String escalateTo, String expireAfter) {
    }

    record LevelDoc(String role, int quorum) {
    }

    record RiskDoc(String level, List<ReasonDoc> reasons) {
    }

    record ReasonDoc(String level, String text) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private GovernanceJson() {
    }

    public static String chain(ApprovalChain chain) {
        return write(new ChainDoc(chain.rule(), chain.levels().stream().map(l -> new LevelDoc(l.role().name(), l.quorum())).toList(),
                text(chain.escalateAfter()), chain.escalateTo() == null ? null : chain.escalateTo().name(), text(chain.expireAfter())));
    }

    public static ApprovalChain chain(String json) {
        ChainDoc d = read(json, ChainDoc.class);
        return new ApprovalChain(d.rule(), d.levels() == null ? List.of()
                : d.levels().stream().map(l -> new ApprovalLevel(new Role(l.role()), l.quorum())).toList(),
                duration(d.escalateAfter()), d.escalateTo() == null ? null : new Role(d.escalateTo()), duration(d.expireAfter()));
    }

    public static String risk(RiskAssessment risk) {
        return write(new RiskDoc(risk.level().name(), risk.reasons().stream().map(r -> new ReasonDoc(r.level().name(), r.text())).toList()));
    }

    public static RiskAssessment risk(String json) {
        RiskDoc d = read(json, RiskDoc.class);
        return new RiskAssessment(RiskLevel.valueOf(d.level()), d.reasons() == null ? List.of()
                : d.reasons().stream().map(r -> new RiskReason(RiskLevel.valueOf(r.level()), r.text())).toList());
    }

    private static String text(Duration d) {
        return d == null ? null : d.toString();
    }

    private static Duration duration(String text) {
        return text == null ? null : Duration.parse(text);
    }

    private static String write(Object doc) {
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + doc.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Stored " + type.getSimpleName() + " is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
