package io.knobwright.connectors.mysql;

import io.knobwright.model.fleet.LiveSetting;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Global variables with their source. Values are the server's own spelling; sizes are plain byte counts,
 * so no unit is reported. Neither engine knows "pending restart": a read-only variable changes only by
 * editing a configuration file the server does not reread, so pendingRestart is always false (decision 0051).
 */
final class MySqlSettingsReader {

    /** MariaDB 10.1+: GLOBAL_VALUE_ORIGIN is the source. Session-only variables (timestamp, insert_id) are not configuration. */
    private static final String MARIADB = """
            SELECT LOWER(VARIABLE_NAME), GLOBAL_VALUE, GLOBAL_VALUE_ORIGIN
              FROM information_schema.SYSTEM_VARIABLES
             WHERE VARIABLE_SCOPE <> 'SESSION ONLY'
             ORDER BY VARIABLE_NAME""";

    /** MySQL 8.0+: information_schema.GLOBAL_VARIABLES is gone; variables_info holds the source. */
    private static final String MYSQL = """
            SELECT LOWER(g.VARIABLE_NAME), g.VARIABLE_VALUE, i.VARIABLE_SOURCE
              FROM performance_schema.global_variables g
              LEFT JOIN performance_schema.variables_info i ON i.VARIABLE_NAME = g.VARIABLE_NAME
             ORDER BY g.VARIABLE_NAME""";

    private static final String ANY_VERSION = "SHOW GLOBAL VARIABLES";

    List<LiveSetting> read(Connection connection, ServerIdentity server) throws SQLException {
        try {
            return query(connection, server.isMariaDb() ? MARIADB : MYSQL, true);
        } catch (SQLException viewMissing) {
            // Older servers, or MySQL with performance_schema switched off: names and values still, source unknown
            return query(connection, ANY_VERSION, false);
        }
    }

    private static List<LiveSetting> query(Connection connection, String sql, boolean withSource) throws SQLException {
        List<LiveSetting> settings = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String name = rs.getString(1).toLowerCase(Locale.ROOT);
                String source = withSource ? VariableSources.normalise(rs.getString(3)) : VariableSources.UNKNOWN;
                settings.add(new LiveSetting(name, rs.getString(2), null, source, false));
            }
        }
        return List.copyOf(settings);
    }
}
