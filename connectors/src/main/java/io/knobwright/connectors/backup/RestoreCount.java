package io.knobwright.connectors.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a restore left in the embedded server: every user table of every database with its rows counted (count(*), not
 * the planner's estimate: the restore just wrote each row, so counting costs less than the restore did), and indexes.
 */
record RestoreCount(List<RestoreReport.RestoredTable> tables, long indexes) {

    private static final String USER_TABLES = "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
            + " ORDER BY 1, 2";
    private static final String USER_INDEXES = "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'";

    RestoreCount {
        tables = List.copyOf(tables);
    }

    static RestoreCount of(RestoreServer server) throws SQLException {
        List<String> databases = new ArrayList<>();
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate AND datallowconn ORDER BY 1")) {
            while (rs.next()) {
                databases.add(rs.getString(1));
            }
        }
        List<String[]> found = new ArrayList<>();
        long indexes = 0;
        for (String database : databases) {
            try (Connection c = server.connect(database); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery(USER_TABLES)) {
                    while (rs.next()) {
                        found.add(new String[] {database, rs.getString(1), rs.getString(2)});
                    }
                }
                try (ResultSet rs = st.executeQuery(USER_INDEXES)) {
                    rs.next();
                    indexes += rs.getLong(1);
                }
            }
        }
        boolean severalDatabases = found.stream().map(f -> f[0]).distinct().count() > 1;
        List<RestoreReport.RestoredTable> tables = new ArrayList<>();
        for (String[] t : found) {
            try (Connection c = server.connect(t[0]); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM ONLY " + quote(t[1]) + "." + quote(t[2]))) {
                rs.next();
                tables.add(new RestoreReport.RestoredTable((severalDatabases ? t[0] + "/" : "") + t[1] + "." + t[2], rs.getLong(1)));
            }
        }
        return new RestoreCount(tables, indexes);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
