package io.knobwright.connectors.hub;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * Creates or upgrades the hub's schema ({@value #SCHEMA}) in a PostgreSQL database with Flyway, with its grants
 * and the group role {@value #USER_GROUP}, and enrols the first hub admin.
 *
 * <p>Run it as the role that is to own the hub: the hub's functions run with that role's rights (decision 0113).
 * A dedicated role with CREATEROLE and CREATE on the database is better than a superuser; it must be able to
 * create {@value #USER_GROUP} and grant it to the logins a hub admin adds.
 */
public final class HubSchema {

    public static final String SCHEMA = "knobwright_hub";

    /** The NOLOGIN group every hub login is granted: USAGE on the schema, SELECT on tables and views, EXECUTE on the API. */
    public static final String USER_GROUP = "knobwright_hub_user";

    /** The newest migration this build ships (V{n}__*.sql under {@link #LOCATION}). */
    public static final int NEWEST_VERSION = 3;

    static final String LOCATION = "classpath:io/knobwright/connectors/hub/migration";
    static final String HISTORY_TABLE = "flyway_schema_history";

    /** Migrations create functions and roles, which can take a while on a busy server. */
    private static final ConnectorTimeouts TIMEOUTS = new ConnectorTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(5));

    private final ConnectionTarget owner;
    private final HubEndpoint endpoint;

    /** The hub in the database {@code owner}'s URL names, reached as the owning role. Contacts nothing yet. */
    public HubSchema(ConnectionTarget owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.endpoint = HubEndpoint.admit(owner, TIMEOUTS);
    }

    /** Creates or upgrades the hub; returns the schema version now in force. */
    public static int migrate(String jdbcUrl, String adminUser, String adminPassword) {
        return new HubSchema(new ConnectionTarget(jdbcUrl, adminUser, adminPassword)).migrate();
    }

    /** Creates or upgrades the hub; returns the schema version now in force. Safe to run again and from several places at once. */
    public int migrate() {
        probe();
        Flyway flyway = Flyway.configure(HubSchema.class.getClassLoader())
                .dataSource(new GatedDataSource(endpoint))
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .cleanDisabled(true)
                .baselineOnMigrate(false)
                .validateOnMigrate(true)
                .validateMigrationNaming(true)
                .load();
        try {
            flyway.migrate();
            MigrationInfo current = flyway.info().current();
            return current == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
        } catch (FlywayException failure) {
            throw new ConnectorException("Could not set up the approval hub at " + endpoint.endpoint() + " as " + owner.user()
                    + ": " + cause(failure) + ". Run it as the role that is to own the hub: it needs CREATEROLE (for the "
                    + USER_GROUP + " group) and CREATE on the database.", failure);
        }
    }

    /**
     * Makes {@code login} an active member holding the admin role, keeping roles it has. Only the hub's owner
     * can: this is how the first admin comes to be; later admins are made by admins (HubClient.setRoles).
     */
    public HubMember enrolAdmin(String login) {
        HubValues.text(login, "The login", 63);
        try (Connection connection = endpoint.open();
             PreparedStatement statement = connection.prepareStatement("SELECT * FROM knobwright_hub.enrol_admin(?::text)")) {
            statement.setString(1, login);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return HubReader.member(rows);
            }
        } catch (SQLException failure) {
            throw endpoint.failure(failure, "enrolling " + login + " as hub admin");
        }
    }

    /** Connection problems get the connectors' messages here, before Flyway wraps them in its own. */
    private void probe() {
        Connection connection = endpoint.open();
        try {
            connection.close();
        } catch (SQLException closeFailure) {
            // The server answered; Flyway opens its own connections and reports what it finds
        }
    }

    private static String cause(FlywayException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                return sql.getMessage().lines().findFirst().orElse(sql.getSQLState());
            }
        }
        return String.valueOf(failure.getMessage()).lines().findFirst().orElse("unknown Flyway error");
    }
}
