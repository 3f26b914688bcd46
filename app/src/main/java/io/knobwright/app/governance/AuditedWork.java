package io.knobwright.app.governance;

import io.knobwright.model.approval.GovernanceRefusal;
import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.policy.User;
import io.knobwright.model.store.Repositories;
import io.knobwright.model.store.UnitOfWork;

import java.time.Clock;
import java.util.function.Function;

/**
 * Governed work as one unit of work. When governance refuses, the refusal is recorded in the audit trail (in a
 * unit of its own, since the work's was rolled back) and then reported: a stopped attempt is part of the record.
 */
public final class AuditedWork {

    private final UnitOfWork store;
    private final Clock clock;

    public AuditedWork(UnitOfWork store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @param action what was attempted ("plan.approve"); a refusal is recorded as {@code action + ".refused"} */
    public <T> T run(String actor, String action, String subject, Function<Repositories, T> work) {
        try {
            return store.transactionResult(work);
        } catch (GovernanceRefusal refused) {
            String who = User.validName(actor) ? actor : "unknown";
            store.inTransaction(repos -> repos.audit().append(new AuditEntry(who, action + ".refused", subject, "",
                    refused.reason().name(), refused.getMessage()), clock.instant()));
            throw refused;
        }
    }
}
