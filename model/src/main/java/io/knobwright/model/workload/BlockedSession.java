package io.knobwright.model.workload;

import java.util.List;
import java.util.Objects;

/**
 * A session in a lock chain at the moment of a poll: one that waits for others' locks ({@code blockedBy} not empty),
 * or one that holds a lock others wait for. Shown, not stored.
 *
 * @param session     the server's id of the session (PostgreSQL pid, MySQL processlist id)
 * @param blockedBy   the sessions it waits for; empty for a session that only blocks
 * @param state       what the session is doing (active, idle in transaction, Sleep, Query...)
 * @param query       its current or last statement, possibly cut short
 * @param waitSeconds how long it has waited for the lock (or, for a blocker, been in its state)
 */
public record BlockedSession(String session, List<String> blockedBy, String user, String database, String state, String query,
                             double waitSeconds) {

    public BlockedSession {
        Objects.requireNonNull(session, "session");
        blockedBy = List.copyOf(blockedBy);
        user = user == null ? "" : user;
        database = database == null ? "" : database;
        state = state == null ? "" : state;
        query = query == null ? "" : query;
        waitSeconds = Double.isFinite(waitSeconds) && waitSeconds > 0 ? waitSeconds : 0;
    }

    public boolean waits() {
        return !blockedBy.isEmpty();
    }
}
