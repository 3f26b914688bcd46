package io.knobwright.connectors.mysql;

import io.knobwright.connectors.PrivilegeCheck;
import io.knobwright.connectors.PrivilegeFinding;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a MariaDB or MySQL login needs for Knobwright: the global variables and status counters (SHOW GLOBAL
 * VARIABLES / STATUS), every session in the process list and InnoDB's status (PROCESS), and the statement digests in
 * performance_schema (SELECT on it, and performance_schema switched on, which only the server's configuration does).
 * Each is tried as the collectors use it rather than read from the grant tables: roles, wildcards and partial revokes
 * all count as the server counts them.
 */
public final class MySqlPrivilegeCheck implements PrivilegeCheck {

    /** ER_SPECIFIC_ACCESS_DENIED_ERROR: "you need (at least one of) the PROCESS privilege(s)". */
    private static final int NEEDS_PRIVILEGE = 1227;
    /** ER_TABLEACCESS_DENIED_ERROR: "SELECT command denied to user". */
    private static final int TABLE_DENIED = 1142;
    /** ER_DBACCESS_DENIED_ERROR: "Access denied for user ... to database". */
    private static final int DATABASE_DENIED = 1044;

    static final String GLOBALS = "SHOW GLOBAL VARIABLES / STATUS";
    static final String PROCESS = "PROCESS";
    static final String PERFORMANCE_SCHEMA = "SELECT on performance_schema";
    static final String PERFORMANCE_SCHEMA_ON = "performance_schema = ON";

    @Override
    public List<PrivilegeFinding> check(Connection connection) throws SQLException {
        String account;
        boolean instrumented;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT CURRENT_USER(), @@performance_schema")) {
            rs.next();
            account = account(rs.getString(1));
            instrumented = rs.getInt(2) == 1;
        }
        List<PrivilegeFinding> findings = new ArrayList<>();
        String globalsPurpose = "read the server's settings and status counters";
        String globalsProblem = firstFailure(connection, "SHOW GLOBAL VARIABLES LIKE 'max_connections'",
                "SHOW GLOBAL STATUS LIKE 'Uptime'");
        // no privilege guards them on MariaDB or MySQL 8; a failure means a locked-down build, named with its words
        findings.add(globalsProblem == null ? PrivilegeFinding.granted(GLOBALS, globalsPurpose)
                : PrivilegeFinding.missing(GLOBALS, globalsPurpose, "GRANT SELECT ON performance_schema.* TO " + account
                + "; -- the server said: " + globalsProblem));
        String processPurpose = "see every session in the process list and InnoDB's status (Health screen)";
        findings.add(denied(connection, "SHOW ENGINE INNODB STATUS", NEEDS_PRIVILEGE)
                ? PrivilegeFinding.missing(PROCESS, processPurpose, "GRANT PROCESS ON *.* TO " + account + ";")
                : PrivilegeFinding.granted(PROCESS, processPurpose));
        String digestsPurpose = "read statement digests for the Workload screen";
        findings.add(denied(connection, "SELECT 1 FROM performance_schema.events_statements_summary_by_digest LIMIT 1",
                TABLE_DENIED, DATABASE_DENIED)
                ? PrivilegeFinding.missing(PERFORMANCE_SCHEMA, digestsPurpose, "GRANT SELECT ON performance_schema.* TO " + account + ";")
                : PrivilegeFinding.granted(PERFORMANCE_SCHEMA, digestsPurpose));
        findings.add(instrumented ? PrivilegeFinding.granted(PERFORMANCE_SCHEMA_ON, "collect the statement digests at all")
                : PrivilegeFinding.unavailable(PERFORMANCE_SCHEMA_ON, "collect the statement digests at all",
                "performance_schema is OFF: set performance_schema = ON in the server's configuration file and restart it"
                        + " (it cannot be switched on while the server runs)."));
        return List.copyOf(findings);
    }

    /** 'user'@'host' from CURRENT_USER()'s user@host, quoted for a GRANT. */
    static String account(String currentUser) {
        int at = currentUser.lastIndexOf('@');
        String user = at < 0 ? currentUser : currentUser.substring(0, at);
        String host = at < 0 ? "%" : currentUser.substring(at + 1);
        return quoted(user) + "@" + quoted(host);
    }

    private static String quoted(String part) {
        return "'" + part.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** The server's message for the first statement that fails, or null when all run. */
    private static String firstFailure(Connection connection, String... statements) {
        for (String sql : statements) {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
            } catch (SQLException failed) {
                return failed.getMessage();
            }
        }
        return null;
    }

    /** True when the statement is refused with one of the access-denied codes; other failures are the caller's to see. */
    private static boolean denied(Connection connection, String sql, int... codes) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return false;
        } catch (SQLException failed) {
            for (int code : codes) {
                if (failed.getErrorCode() == code) {
                    return true;
                }
            }
            throw failed;
        }
    }
}
