package io.knobwright.connectors.load;

import io.knobwright.model.UserError;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies settings to one session before a run, as {@code SET name = value}. On PostgreSQL through
 * {@code set_config(name, value, false)}, which is SET with bound parameters: no value can break out of its quotes.
 * A refusal (unknown setting, bad value, a setting that needs a restart or superuser) becomes a {@link UserError}
 * with the server's reason, so that an experiment never runs under settings other than those asked for.
 */
final class SessionSettings {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_.+-]+");

    private SessionSettings() {
    }

    static void apply(Connection connection, Map<String, String> settings) throws SQLException {
        if (settings.isEmpty()) {
            return;
        }
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                .contains("postgres");
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String name = setting.getKey();
            String value = setting.getValue();
            if (!NAME.matcher(name).matches()) {
                throw UserError.input("'" + name + "' is not a setting name; give names such as work_mem or"
                        + " auto_explain.log_min_duration.");
            }
            try {
                if (postgres) {
                    try (PreparedStatement set = connection.prepareStatement("SELECT set_config(?, ?, false)")) {
                        set.setString(1, name);
                        set.setString(2, value);
                        set.execute();
                    }
                } else {
                    String literal = PLAIN_VALUE.matcher(value).matches() ? value
                            : "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
                    try (Statement set = connection.createStatement()) {
                        set.execute("SET SESSION " + name + " = " + literal);
                    }
                }
            } catch (SQLException refused) {
                throw new UserError(UserError.Kind.INPUT, "The server refused " + name + " = '" + value + "': "
                        + firstLine(refused.getMessage()) + ". Give a value it accepts for the session (settings"
                        + " that need a restart are changed on a sandbox, not per session).", refused);
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
