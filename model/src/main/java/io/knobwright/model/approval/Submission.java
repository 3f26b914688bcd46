package io.knobwright.model.approval;

import io.knobwright.model.policy.RiskAssessment;

import java.time.Instant;
import java.util.Objects;

/**
 * One submission of a plan for approval: the round it opens, the rule it matched (copied in), and its risk as
 * computed at that moment.
 */
public record Submission(long planId, int round, String submittedBy, Instant submittedAt, ApprovalChain chain,
                         RiskAssessment risk, String comment) {

    public Submission {
        if (round < 1) {
            throw new IllegalArgumentException("Rounds are numbered from 1");
        }
        Objects.requireNonNull(submittedBy, "submittedBy");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(risk, "risk");
        comment = comment == null ? "" : comment;
    }
}
