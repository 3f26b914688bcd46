package io.knobwright.connectors.backup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * The throwaway PostgreSQL a restore test loads a dump into: zonky's embedded server (its own data directory under
 * the temporary directory, a free port, trust authentication, deleted on close), with durability off since nothing in
 * it must survive a crash.
 */
final class RestoreServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final String version;
    private final int major;

    private RestoreServer(EmbeddedPostgres postgres) throws SQLException {
        this.postgres = postgres;
        try (Connection c = connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), current_setting('server_version_num')::int / 10000")) {
            rs.next();
            this.version = rs.getString(1);
            this.major = rs.getInt(2);
        }
    }

    static RestoreServer start(Supplier<EmbeddedPostgres.Builder> builders) throws IOException, SQLException {
        EmbeddedPostgres postgres = builders.get().setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off").setServerConfig("max_wal_size", "4GB").start();
        try {
            return new RestoreServer(postgres);
        } catch (SQLException e) {
            postgres.close();
            throw e;
        }
    }

    int port() {
        return postgres.getPort();
    }

    /** "15.19". */
    String version() {
        return version;
    }

    int major() {
        return major;
    }

    Connection connect(String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
