package io.knobwright.model.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Brings a store's schema up to date with Flyway, and refuses a store written by a newer Knobwright
 * before anything is written to it.
 */
final class StoreMigrations {

    /**
     * The newest migration this build ships (V{n}__*.sql). A test compares it with the scripts, so adding
     * a migration without raising this number fails the build.
     */
    static final int NEWEST_SCHEMA = 27;

    static final String LOCATION = "classpath:db/migration";
    static final String HISTORY_TABLE = "flyway_schema_history";

    private StoreMigrations() {
    }

    /**
     * The newest schema version recorded in a store, read with plain SQL so the check works on a
     * read-only connection; empty for a store Flyway never touched.
     */
    static Optional<MigrationVersion> recordedSchema(Connection connection) throws SQLException {
        if (!tableExists(connection, HISTORY_TABLE)) {
            return Optional.empty();
        }
        MigrationVersion newest = null;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT \"version\" FROM \"" + HISTORY_TABLE + "\" WHERE \"version\" IS NOT NULL AND \"success\" = TRUE");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
                if (newest == null || version.isNewerThan(newest.getVersion())) {
                    newest = version;
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    /** True when the default schema holds tables although Flyway never ran: some other application's database. */
    static boolean hasForeignTables(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    static boolean isNewerThanThisBuild(MigrationVersion recorded) {
        return recorded.isNewerThan(String.valueOf(NEWEST_SCHEMA));
    }

    static String newerStoreMessage(String storeDescription, MigrationVersion recorded) {
        return "This store at " + storeDescription + " was written by a newer Knobwright (schema " + recorded
                + ", this version knows up to " + NEWEST_SCHEMA + "). Use that version, or open another --data-dir.";
    }

    /**
     * Applies the pending migrations; the store's description goes into any error message. A store already at
     * this build's newest schema is left alone without starting Flyway, whose class-path scan of the shaded jar
     * costs over a second on every CLI command.
     */
    static void migrate(DataSource dataSource, String storeDescription) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<MigrationVersion> recorded = recordedSchema(connection);
            if (recorded.isPresent() && recorded.get().getVersion().equals(String.valueOf(NEWEST_SCHEMA))) {
                return;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the schema version of the store at " + storeDescription + ": "
                    + e.getMessage(), e);
        }
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .cleanDisabled(true)
                .baselineOnMigrate(false)
                .validateOnMigrate(true)
                .validateMigrationNaming(true)
                .load();
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw new StoreException("Could not bring the store at " + storeDescription + " up to date: "
                    + e.getMessage().lines().findFirst().orElse("unknown Flyway error")
                    + ". Open it with the Knobwright version that last used it, or choose another --data-dir.", e);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ?")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        }
    }
}
