package io.knobwright.model.health;

import java.util.Objects;

/**
 * A session that holds a transaction open while doing nothing: it keeps its locks and snapshot (vacuum cannot clean
 * past it on PostgreSQL; InnoDB keeps its undo history) and a connection of the pool. Ages in seconds; {@code
 * transactionSeconds} since the transaction began (xact_start, INNODB_TRX trx_started), {@code idleSeconds} since the
 * session last did anything (state_change, the processlist's TIME).
 *
 * @param query the last statement, shortened; "" when the server does not show it
 */
public record IdleTransaction(String session, String application, String user, String client, String database,
                              double transactionSeconds, double idleSeconds, String query) {

    public static final int QUERY_CHARS = 200;

    public IdleTransaction {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(query, "query");
        if (!(transactionSeconds >= 0) || !(idleSeconds >= 0)) {
            throw new IllegalArgumentException("Ages are non-negative seconds, not " + transactionSeconds + " / " + idleSeconds);
        }
        String oneLine = query.strip().replaceAll("\\s+", " ");
        query = oneLine.length() <= QUERY_CHARS ? oneLine : oneLine.substring(0, QUERY_CHARS - 3) + "...";
    }
}
