package io.knobwright.model.workload;

import java.time.Instant;
import java.util.Objects;

/**
 * One statement as a server's log recorded it (a PostgreSQL "duration: ... statement:" entry, a MySQL slow-log
 * entry): what the log importers produce and the fingerprint digest consumes. Unknown fields are empty strings, and
 * {@code rows} is -1 when the log does not say.
 *
 * @param at          when the statement ended (or started, where the log only says that)
 * @param session     the server's session or connection id, as the log writes it ("" if absent)
 * @param user        the database user
 * @param database    the database (schema for MySQL)
 * @param application the application name, or the client host where the log has no application
 * @param durationMs  how long the statement ran, in milliseconds
 * @param rows        rows returned or affected, or -1
 * @param text        the statement as logged, whole (multi-line statements joined as they were written)
 */
public record LoggedStatement(Instant at, String session, String user, String database, String application,
                              double durationMs, long rows, String text) {

    public LoggedStatement {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(text, "text");
        if (!(durationMs >= 0) || !Double.isFinite(durationMs)) {
            throw new IllegalArgumentException("A statement's duration is a finite, non-negative number of ms, not "
                    + durationMs);
        }
    }
}
