package io.knobwright.connectors.workload;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One collector's visit on an open connection: runs each part of the poll as its own short read, so that a view the
 * server lacks (pg_stat_statements not installed, performance_schema off) or a login may not read costs that part only,
 * with a plain note, and the rest is still collected. A lost connection still fails the whole poll.
 */
public final class CollectorSession {

    /** A part of the poll, reading from the connection. */
    public interface Part<T> {
        T read(Connection connection) throws SQLException;
    }

    /** What the engine does around each part: its statement timeout, its transaction. */
    public interface Guard {
        <T> T around(Connection connection, Part<T> part) throws SQLException;
    }

    private final Connection connection;
    private final Guard guard;
    private final List<String> notes = new ArrayList<>();

    public CollectorSession(Connection connection, Guard guard) {
        this.connection = connection;
        this.guard = guard;
    }

    /** A part without which the poll means nothing: its failure fails the poll. */
    public <T> T required(Part<T> part) throws SQLException {
        return guard.around(connection, part);
    }

    /** A part the poll can do without: on failure, {@code what} and the server's reason go into the notes. */
    public <T> Optional<T> optional(String what, Part<T> part) throws SQLException {
        try {
            return Optional.ofNullable(guard.around(connection, part));
        } catch (SQLException failure) {
            if (lost(failure)) {
                throw failure;
            }
            notes.add(what + " not collected: " + oneLine(failure.getMessage()));
            return Optional.empty();
        }
    }

    public void note(String note) {
        notes.add(note);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** SQLSTATE class 08: the connection itself failed; nothing more can be read on it. */
    private boolean lost(SQLException failure) {
        String state = failure.getSQLState();
        try {
            return (state != null && state.startsWith("08")) || connection.isClosed();
        } catch (SQLException closed) {
            return true;
        }
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}
