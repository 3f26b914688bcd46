package io.knobwright.simulator.recommend;

import java.util.List;

/**
 * A change sized to a measured need or to the vendor's guidance rather than priced by a model (decision 0153); it
 * still goes through every constraint before it is recommended.
 *
 * @param metrics what the change moves, before and after (hours of redo covered, peak connection use); may be empty
 */
record RuleProposal(String parameter, String to, Recommendation.Reason reason, Confidence confidence,
                    List<Evidence> evidence, String reasoning, List<MetricChange> metrics) {

    RuleProposal {
        evidence = List.copyOf(evidence);
        metrics = List.copyOf(metrics);
    }
}
