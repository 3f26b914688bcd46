package io.knobwright.connectors.mysql;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;

/**
 * Which engine of the MySQL family answered, and which version. The URL's scheme says nothing reliable
 * (people reach MariaDB with jdbc:mysql: URLs and the other way round), so the server is asked.
 *
 * @param version     MariaDB or MySQL with the catalogued major ("10.11", "8.0")
 * @param fullVersion what SELECT VERSION() returned
 */
record ServerIdentity(EngineVersion version, String fullVersion) {

    /** Replication-era MariaDB servers prefix the handshake version with this for old MySQL clients. */
    private static final String MARIADB_COMPAT_PREFIX = "5.5.5-";

    ServerIdentity {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(fullVersion, "fullVersion");
    }

    boolean isMariaDb() {
        return version.engine() == Engine.MARIADB;
    }

    static ServerIdentity read(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION(), @@version_comment")) {
            rs.next();
            return of(rs.getString(1), rs.getString(2));
        }
    }

    /** "10.11.9-MariaDB-0+deb12u1" is MariaDB; so is a MariaDB build whose comment alone names it; anything else is MySQL. */
    static ServerIdentity of(String versionText, String versionComment) {
        String full = versionText == null ? "" : versionText.trim();
        String comment = versionComment == null ? "" : versionComment;
        boolean mariaDb = full.toLowerCase(Locale.ROOT).contains("mariadb") || comment.toLowerCase(Locale.ROOT).contains("mariadb");
        String numeric = mariaDb && full.startsWith(MARIADB_COMPAT_PREFIX) ? full.substring(MARIADB_COMPAT_PREFIX.length()) : full;
        Engine engine = mariaDb ? Engine.MARIADB : Engine.MYSQL;
        return new ServerIdentity(EngineVersion.fromServerVersion(engine, numeric), full);
    }
}
