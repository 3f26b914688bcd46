package io.knobwright.simulator.recommend;

import java.util.List;
import java.util.Objects;

/** A configuration the search considers for an instance, beside the one in force. */
public record Candidate(RecommendationRequest request, Configuration current, Configuration proposed) {

    public Candidate {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(proposed, "proposed");
    }

    /** The settings the candidate changes, by name. */
    public List<String> changes() {
        return proposed.changedFrom(current);
    }
}
