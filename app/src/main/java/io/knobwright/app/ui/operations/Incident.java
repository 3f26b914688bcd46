package io.knobwright.app.ui.operations;

import java.time.Instant;
import java.util.Objects;

/**
 * One recent event worth an operator's eye, from the audit trail: an override applied, restored, failing or left for a
 * decision, the glass broken on a plan, a plan rolled back or left needing attention, a refusal.
 *
 * @param what   the event in a few words ("restore failed")
 * @param about  what it concerns ("work_mem on pg-prod-3", "plan #12 on orders-1")
 * @param detail the reason or outcome as recorded
 * @param alarm  whether it asks for action (a failure, an attention, a broken glass)
 */
public record Incident(Instant at, String actor, String what, String about, String detail, boolean alarm) {

    public Incident {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(about, "about");
        detail = detail == null ? "" : detail;
    }
}
