package io.knobwright.connectors.apply;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A server at the JDBC boundary only, for engines that do not run on this machine (MySQL 8, SQL Server, Oracle):
 * it records every statement with its binds as the driver would receive them, and answers queries with a scripted
 * function. Everything above JDBC is the real session.
 */
final class FakeJdbc {

    /** One statement as it reached the driver: the text handed to it and the values bound to its markers. */
    record Sent(String sql, List<Object> binds) {
    }

    final List<Sent> sent = new ArrayList<>();
    /** Answers a query: its single value, or null for no row. */
    Function<Sent, String> answers = q -> null;
    /** Thrown instead of running a statement whose text contains the key. */
    final Map<String, SQLException> failures = new HashMap<>();
    int connections;
    boolean closed;

    Connection connect() {
        connections++;
        closed = false;
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "prepareStatement" -> statement((String) args[0]);
                    case "createStatement" -> statement(null);
                    case "isClosed" -> closed;
                    case "isValid" -> !closed;
                    case "close" -> {
                        closed = true;
                        yield null;
                    }
                    case "setAutoCommit" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Object statement(String prepared) {
        List<Object> binds = new ArrayList<>();
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{PreparedStatement.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setObject", "setString", "setLong" -> {
                        binds.add(args[1]);
                        yield null;
                    }
                    case "execute" -> {
                        run(new Sent(prepared != null ? prepared : (String) args[0], List.copyOf(binds)));
                        yield false;
                    }
                    case "executeQuery" -> result(answers.apply(run(new Sent(prepared, List.copyOf(binds)))));
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Sent run(Sent s) throws SQLException {
        for (Map.Entry<String, SQLException> f : failures.entrySet()) {
            if (s.sql().contains(f.getKey())) {
                throw f.getValue();
            }
        }
        sent.add(s);
        return s;
    }

    private ResultSet result(String value) {
        boolean[] read = {false};
        return (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ResultSet.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "next" -> {
                        boolean row = value != null && !read[0];
                        read[0] = true;
                        yield row;
                    }
                    case "getString" -> value;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    List<String> texts() {
        return sent.stream().map(Sent::sql).toList();
    }

    /** Statements that changed something (not the reads). */
    List<Sent> changes() {
        return sent.stream().filter(s -> !s.sql().startsWith("SELECT")).toList();
    }
}
