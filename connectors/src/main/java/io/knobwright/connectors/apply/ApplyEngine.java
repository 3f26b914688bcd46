package io.knobwright.connectors.apply;

import io.knobwright.model.apply.ApplyStatement;
import io.knobwright.model.apply.SqlLiterals;
import io.knobwright.model.catalog.ParameterSpec;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * What differs between engines for {@link StatementApplySession}: the statements themselves come from ApplyPlanner;
 * these are only how to read the value a server runs with, where it keeps the value for its next start, which error
 * codes mean the connection is gone, and how its driver is told the timeouts.
 */
enum ApplyEngine {

    MARIADB("MariaDB", Set.of()) {
        @Override
        ApplyStatement running(ParameterSpec spec) {
            return ApplyStatement.text("SELECT @@GLOBAL." + SqlLiterals.plainName(spec));
        }

        /** SET GLOBAL changes the running value only, and restart-only variables are handed over as option-file lines. */
        @Override
        Optional<ApplyStatement> nextStart(ParameterSpec spec) {
            return Optional.empty();
        }
    },

    MYSQL("MySQL", Set.of()) {
        @Override
        ApplyStatement running(ParameterSpec spec) {
            return MARIADB.running(spec);
        }

        /** mysqld-auto.cnf, where SET PERSIST and SET PERSIST_ONLY write. */
        @Override
        Optional<ApplyStatement> nextStart(ParameterSpec spec) {
            String query = "SELECT VARIABLE_VALUE FROM performance_schema.persisted_variables WHERE VARIABLE_NAME = %s";
            return Optional.of(ApplyStatement.bound(query.formatted(SqlLiterals.mysqlString(spec.name())),
                    query.formatted("?"), spec.name()));
        }
    },

    SQLSERVER("SQL Server", Set.of()) {
        @Override
        ApplyStatement running(ParameterSpec spec) {
            return configuration("value_in_use", spec);
        }

        /** RECONFIGURE sets sys.configurations.value; value_in_use follows at the restart for static options. */
        @Override
        Optional<ApplyStatement> nextStart(ParameterSpec spec) {
            return Optional.of(configuration("value", spec));
        }

        private static ApplyStatement configuration(String column, ParameterSpec spec) {
            String query = "SELECT CONVERT(nvarchar(64), " + column + ") FROM sys.configurations WHERE name = %s";
            return ApplyStatement.bound(query.formatted(SqlLiterals.sqlServerString(spec.name())), query.formatted("?"), spec.name());
        }

        @Override
        void timeouts(Properties properties, long connectMillis, long queryMillis) {
            properties.setProperty("loginTimeout", Long.toString(Math.max(1, connectMillis / 1000)));
            properties.setProperty("socketTimeout", Long.toString(queryMillis));
        }
    },

    /** 17002 I/O error, 17008 closed connection, 17410 no more data; ORA-03113/03114 end of channel, not connected; ORA-01089 shutdown. */
    ORACLE("Oracle", Set.of(17002, 17008, 17410, 3113, 3114, 1089)) {
        @Override
        ApplyStatement running(ParameterSpec spec) {
            return parameterView("v$parameter", spec);
        }

        /** The spfile (SCOPE=SPFILE and SCOPE=BOTH write it): what the instance starts with. */
        @Override
        Optional<ApplyStatement> nextStart(ParameterSpec spec) {
            return Optional.of(parameterView("v$spparameter", spec));
        }

        private static ApplyStatement parameterView(String view, ParameterSpec spec) {
            String lower = SqlLiterals.plainName(spec).toLowerCase(Locale.ROOT);
            String query = "SELECT value FROM " + view + " WHERE name = %s";
            return ApplyStatement.bound(query.formatted(SqlLiterals.oracleString(lower)), query.formatted("?"), lower);
        }

        @Override
        void timeouts(Properties properties, long connectMillis, long queryMillis) {
            properties.setProperty("oracle.net.CONNECT_TIMEOUT", Long.toString(connectMillis));
            properties.setProperty("oracle.jdbc.ReadTimeout", Long.toString(queryMillis));
        }
    };

    /**
     * MariaDB and MySQL client errors that mean the connection is gone: 2002/2003 cannot connect, 2006 server gone
     * away, 2013 lost during query, 1053 server shutdown, 1927 connection killed.
     */
    private static final Set<Integer> MYSQL_FAMILY_LOST = Set.of(2002, 2003, 2006, 2013, 1053, 1927);

    private final String displayName;
    private final Set<Integer> lostCodes;

    ApplyEngine(String displayName, Set<Integer> lostCodes) {
        this.displayName = displayName;
        this.lostCodes = lostCodes;
    }

    String displayName() {
        return displayName;
    }

    /** One row, one column: the value the server runs with now. */
    abstract ApplyStatement running(ParameterSpec spec);

    /** One row, one column, or no row: the value the server keeps for its next start; empty when it keeps none apart. */
    abstract Optional<ApplyStatement> nextStart(ParameterSpec spec);

    /** Driver properties for the timeouts of a driver Knobwright does not ship (SQL Server, Oracle). */
    void timeouts(Properties properties, long connectMillis, long queryMillis) {
    }

    /**
     * Whether a failure means the connection went away, so that the statement may or may not have run: SQLSTATE class
     * 08 and the JDBC connection exceptions for every engine, plus the engine's own error codes.
     */
    boolean connectionLost(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState() == null ? "" : s.getSQLState();
            if (state.startsWith("08") || s instanceof java.sql.SQLNonTransientConnectionException
                    || s instanceof java.sql.SQLTransientConnectionException || s instanceof java.sql.SQLRecoverableException
                    || lostCodes.contains(s.getErrorCode())
                    || ((this == MARIADB || this == MYSQL) && MYSQL_FAMILY_LOST.contains(s.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }
}
