package io.knobwright.connectors.postgres;

import io.knobwright.connectors.jdbc.LinuxHostFacts;
import io.knobwright.model.fleet.HardwareFacts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * CPUs and memory of the server's machine, read through pg_read_file when the role may read server files
 * (superuser or pg_read_server_files). Anyone else, and servers that are not Linux, get UNKNOWN quietly:
 * the privilege is checked first, so no "permission denied" lands in the server log.
 *
 * <p>Disk size and type stay unknown: PostgreSQL exposes neither the size of the data volume nor the
 * device under it (decision 0051).
 */
final class PostgresHardwareProbe {

    /** Large enough for /proc/cpuinfo of a 256-CPU host; pg_read_file needs a length to read /proc. */
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    HardwareFacts read(Connection connection) throws SQLException {
        if (!mayReadServerFiles(connection)) {
            return HardwareFacts.UNKNOWN;
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT pg_read_file(?, 0, ?, true)")) {
            return LinuxHostFacts.read(path -> {
                read.setString(1, path);
                read.setLong(2, MAX_FILE_BYTES);
                try (ResultSet rs = read.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            });
        } catch (SQLException unreadable) {
            // e.g. a file that exists but the server's OS user may not read: hardware stays unknown, the probe succeeds
            return HardwareFacts.UNKNOWN;
        }
    }

    private static boolean mayReadServerFiles(Connection connection) throws SQLException {
        String sql = """
                SELECT has_function_privilege('pg_read_file(text, bigint, bigint, boolean)', 'EXECUTE')
                   AND (r.rolsuper OR pg_has_role('pg_read_server_files', 'MEMBER'))
                  FROM pg_roles r WHERE r.rolname = current_user""";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
