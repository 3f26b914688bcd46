package io.knobwright.model.policy;

import java.time.Instant;
import java.util.Objects;

/** A stored version of the policy; version 0 is the built-in default a store starts with. */
public record PolicyVersion(int version, Policy policy, String changedBy, Instant changedAt, String comment) {

    public static final PolicyVersion BUILT_IN = new PolicyVersion(0, Policy.DEFAULT, "knobwright", Instant.EPOCH,
            "built-in default: one approval by a reviewer who is not the author");

    public PolicyVersion {
        Objects.requireNonNull(policy, "policy");
        comment = comment == null ? "" : comment;
    }
}
