package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectorException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Locale;

/**
 * Whether settings may be changed by a session with SET on a PostgreSQL server: pg_settings' context must be "user".
 * The others need a restart (postmaster), a reload (sighup), a superuser or a new session, so an experiment or a
 * planner probe on a server Knobwright does not control refuses them, saying which and why, before anything runs.
 */
public final class SessionSettingCheck {

    private SessionSettingCheck() {
    }

    /**
     * @param advice what the user can do instead, appended to the refusal
     * @throws ConnectorException of kind INPUT naming the first setting that is unknown or not session-level
     */
    public static void requireSessionLevel(Connection connection, Collection<String> names, String advice)
            throws SQLException {
        for (String name : names) {
            String key = name.strip().toLowerCase(Locale.ROOT);
            try (PreparedStatement ps = connection.prepareStatement("SELECT context FROM pg_settings WHERE name = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ConnectorException.badInput("'" + name + "' is not a setting this server knows.", null);
                    }
                    String context = rs.getString(1);
                    if (!"user".equals(context)) {
                        throw ConnectorException.badInput("'" + name + "' cannot be set per session (its context is "
                                + context + ": " + meaning(context) + "). " + advice, null);
                    }
                }
            }
        }
    }

    /** What a pg_settings context means for changing the setting, in words. */
    public static String meaning(String context) {
        return switch (context) {
            case "postmaster" -> "it takes effect only after a restart";
            case "sighup" -> "it takes effect only when the server reloads its configuration";
            case "superuser", "superuser-backend" -> "only a superuser may change it";
            case "backend" -> "it is fixed when a session starts";
            case "internal" -> "it cannot be changed at all";
            default -> "a session cannot change it";
        };
    }
}
