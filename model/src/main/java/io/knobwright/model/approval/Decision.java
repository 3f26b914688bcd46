package io.knobwright.model.approval;

import java.time.Instant;
import java.util.Objects;

/**
 * One person's verdict on one level of a plan's approval round. Decisions are never changed: a plan edited after
 * submission starts a new round, and the old round's decisions stay on record without counting.
 *
 * @param uid        a UUID made where the decision was taken, so that syncing it twice does not double it
 * @param round      which submission of the plan it belongs to (1 for the first)
 * @param level      index into the plan's approval chain, 0 for the first level
 * @param actor      who decided
 * @param onBehalfOf the user whose delegation the actor used; null when the actor decided in their own right
 */
public record Decision(String uid, int round, int level, String actor, String onBehalfOf, Verdict verdict,
                       String comment, Instant at) {

    public Decision {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("A decision needs a uid");
        }
        if (round < 1 || level < 0) {
            throw new IllegalArgumentException("A decision needs a round >= 1 and a level >= 0");
        }
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(at, "at");
        comment = comment == null ? "" : comment;
        onBehalfOf = onBehalfOf == null || onBehalfOf.isBlank() ? null : onBehalfOf;
    }

    /** Whose approval this counts as: the delegator when the actor used a delegation. */
    public String principal() {
        return onBehalfOf == null ? actor : onBehalfOf;
    }

    /** Whether {@code user} took part in this decision, in their own name or as the one represented. */
    public boolean involves(String user) {
        return actor.equals(user) || user.equals(onBehalfOf);
    }

    /** "bob" or "bob for alice". */
    public String who() {
        return onBehalfOf == null ? actor : actor + " for " + onBehalfOf;
    }
}
