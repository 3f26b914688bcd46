package io.knobwright.model.policy;

import java.util.Objects;

/** One step of an approval chain: {@code quorum} distinct people holding {@code role} must approve. */
public record ApprovalLevel(Role role, int quorum) {

    public static final int MAX_QUORUM = 50;

    public ApprovalLevel {
        Objects.requireNonNull(role, "role");
        if (quorum < 1 || quorum > MAX_QUORUM) {
            throw new IllegalArgumentException("A level's quorum must be between 1 and " + MAX_QUORUM + ", not " + quorum);
        }
    }

    @Override
    public String toString() {
        return quorum + " " + role;
    }
}
