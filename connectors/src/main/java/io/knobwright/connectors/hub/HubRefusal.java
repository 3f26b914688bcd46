package io.knobwright.connectors.hub;

import io.knobwright.model.UserError;

import java.util.Objects;
import java.util.Optional;

/**
 * The hub refused a request under its rules: the message is the hub's own (what was refused and why), followed by
 * its hint (what to do). Nothing was recorded. A sync loop treats a refusal as the request's final outcome:
 * retrying the same request gets the same refusal, apart from {@link Reason#UNKNOWN_PLAN} for a plan whose
 * submission has not reached the hub yet.
 */
public final class HubRefusal extends UserError {

    /** Why the hub refused, one per SQLSTATE its functions raise (class KH, docs/hub.md). */
    public enum Reason {
        /** The plan's author tried to decide it, a delegate tried to decide for the author, or an operator to close the review of their own bypass. */
        SELF_APPROVAL("KH001"),
        /** The login, or the delegator it acts for, already decided this plan in this round. */
        ALREADY_DECIDED("KH002"),
        /** Neither the login's roles, an escalation nor a delegation in force let it decide the pending level. */
        NOT_ENTITLED("KH003"),
        /** The level the decider may decide is already complete (quorum met), or the whole plan is approved. */
        LEVEL_COMPLETE("KH004"),
        /** The plan is rejected, withdrawn or bypassed (or, for a re-submission, final). */
        PLAN_NOT_PENDING("KH005"),
        /** The plan's expireAfter has passed since its round was submitted. */
        PLAN_EXPIRED("KH006"),
        /** No plan with that uid is on the hub. */
        UNKNOWN_PLAN("KH007"),
        /** The login is not an active member, or lacks the role the request needs (admin, operator, reviewer, author). */
        NOT_AUTHORISED("KH008"),
        /** The request uid was already used for a different request. */
        UID_CONFLICT("KH009"),
        /** A value the hub cannot take: a malformed chain, a missing reason, an impossible window, an unknown login. */
        INVALID_REQUEST("KH010"),
        /** The plan is already submitted and awaiting decisions; withdraw it before submitting an edited version. */
        ALREADY_SUBMITTED("KH011"),
        /** The plan has no open review item: it was never bypassed, or its review is closed. */
        NO_OPEN_REVIEW("KH012"),
        /** Someone tried to change or delete history (only possible for the hub's owner; logins cannot even try). */
        HISTORY_IMMUTABLE("KH013");

        private final String sqlState;

        Reason(String sqlState) {
            this.sqlState = sqlState;
        }

        public String sqlState() {
            return sqlState;
        }

        /** The reason a hub SQLSTATE stands for; empty for any other SQLSTATE. */
        public static Optional<Reason> ofSqlState(String sqlState) {
            for (Reason reason : values()) {
                if (reason.sqlState.equals(sqlState)) {
                    return Optional.of(reason);
                }
            }
            return Optional.empty();
        }
    }

    private final Reason reason;
    private final String hubMessage;

    public HubRefusal(Reason reason, String hubMessage, String hint, Throwable cause) {
        super(Kind.INPUT, hint == null || hint.isBlank() ? hubMessage : hubMessage + " " + hint, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.hubMessage = Objects.requireNonNull(hubMessage, "hubMessage");
    }

    public Reason reason() {
        return reason;
    }

    /** The hub's message without its hint. */
    public String hubMessage() {
        return hubMessage;
    }
}
