package io.knobwright.connectors.postgres;

import io.knobwright.connectors.PrivilegeCheck;
import io.knobwright.connectors.PrivilegeFinding;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a PostgreSQL login needs for Knobwright: every setting of pg_settings (superuser-only ones such as
 * data_directory and config_file are hidden without pg_read_all_settings), and the workload (the text of others'
 * statements and sessions in pg_stat_statements and pg_stat_activity needs pg_read_all_stats). pg_monitor holds both;
 * the GRANTs name the narrower roles so a DBA grants no more than is read. pg_stat_statements itself must be
 * installed in the database the instance is registered with, which no GRANT does.
 */
public final class PostgresPrivilegeCheck implements PrivilegeCheck {

    static final String SETTINGS = "pg_read_all_settings";
    static final String STATS = "pg_read_all_stats";
    static final String STATEMENTS = "pg_stat_statements";

    private static final String SETTINGS_PURPOSE = "read every setting in pg_settings, also those shown only to"
            + " superusers (data_directory, config_file, ...)";
    private static final String STATS_PURPOSE = "see the statements and sessions of every user in pg_stat_statements"
            + " and pg_stat_activity (the Workload and Health screens)";
    private static final String STATEMENTS_PURPOSE = "collect statement statistics for the Workload screen";

    @Override
    public List<PrivilegeFinding> check(Connection connection) throws SQLException {
        String role;
        boolean superuser;
        String database;
        int version;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT quote_ident(current_user),"
                + " (SELECT rolsuper FROM pg_roles WHERE rolname = current_user), quote_ident(current_database()),"
                + " current_setting('server_version_num')::int")) {
            rs.next();
            role = rs.getString(1);
            superuser = rs.getBoolean(2);
            database = rs.getString(3);
            version = rs.getInt(4);
        }
        boolean allSettings = superuser;
        boolean allStats = superuser;
        // the predefined roles came with PostgreSQL 10; before it only a superuser reads everything
        if (!superuser && version >= 100000) {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_has_role(current_user, '"
                    + SETTINGS + "', 'USAGE'), pg_has_role(current_user, '" + STATS + "', 'USAGE')")) {
                rs.next();
                allSettings = rs.getBoolean(1);
                allStats = rs.getBoolean(2);
            }
        }
        List<PrivilegeFinding> findings = new ArrayList<>();
        findings.add(allSettings ? PrivilegeFinding.granted(SETTINGS, SETTINGS_PURPOSE)
                : PrivilegeFinding.missing(SETTINGS, SETTINGS_PURPOSE, grant(SETTINGS, role, version)));
        findings.add(allStats ? PrivilegeFinding.granted(STATS, STATS_PURPOSE)
                : PrivilegeFinding.missing(STATS, STATS_PURPOSE, grant(STATS, role, version)));
        findings.add(statements(connection, role, database));
        return List.copyOf(findings);
    }

    private static String grant(String predefinedRole, String role, int version) {
        return version >= 100000 ? "GRANT " + predefinedRole + " TO " + role + ";"
                : "ALTER ROLE " + role + " SUPERUSER; -- PostgreSQL before 10 has no " + predefinedRole + " role";
    }

    /** Installed in this database, loaded at server start, and readable by this login. */
    private static PrivilegeFinding statements(Connection connection, String role, String database) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_extension WHERE extname = '" + STATEMENTS + "'")) {
            if (!rs.next()) {
                return PrivilegeFinding.unavailable(STATEMENTS, STATEMENTS_PURPOSE, "Not installed in database " + database
                        + ": run CREATE EXTENSION pg_stat_statements; there (the server needs shared_preload_libraries ="
                        + " 'pg_stat_statements' and a restart first).");
            }
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 FROM pg_stat_statements LIMIT 1")) {
            rs.next();
            return PrivilegeFinding.granted(STATEMENTS, STATEMENTS_PURPOSE);
        } catch (SQLException refused) {
            // 42501: someone revoked the view from PUBLIC; 55000: the library is not loaded at server start
            if ("42501".equals(refused.getSQLState())) {
                return PrivilegeFinding.missing(STATEMENTS, STATEMENTS_PURPOSE, "GRANT SELECT ON pg_stat_statements TO " + role + ";");
            }
            return PrivilegeFinding.unavailable(STATEMENTS, STATEMENTS_PURPOSE, "Installed but not readable ("
                    + refused.getMessage() + "): set shared_preload_libraries = 'pg_stat_statements' and restart the server.");
        }
    }
}
