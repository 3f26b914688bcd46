package io.knobwright.connectors.mysql;

import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a MariaDB or MySQL server reveals about its machine, which is little (decision 0051).
 *
 * <p>CPUs: on Unix MariaDB sizes thread_pool_size from the CPUs it may run on at startup; while that value
 * is still the automatic one it is the CPU count. MySQL Community has no such variable.
 * Memory: no view exposes it, and LOAD_FILE('/proc/meminfo') cannot help: LOAD_FILE reads as many bytes as
 * stat() reports, and every /proc file reports zero (checked on MariaDB 10.11: it returns NULL). Users enter it
 * ({@code knobwright fleet edit NAME --ram 64GB} or the edit dialog); refreshes keep what they entered.
 * Disk: neither the volume size nor the device type is visible.
 */
final class MySqlHardwareProbe {

    private static final String THREAD_POOL_SIZE = """
            SELECT GLOBAL_VALUE, GLOBAL_VALUE_ORIGIN
              FROM information_schema.SYSTEM_VARIABLES
             WHERE VARIABLE_NAME = 'THREAD_POOL_SIZE'""";

    HardwareFacts read(Connection connection, ServerIdentity server) {
        if (!server.isMariaDb()) {
            return HardwareFacts.UNKNOWN;
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(THREAD_POOL_SIZE)) {
            String value = rs.next() ? rs.getString(1) : null;
            if (value != null && isAutomatic(rs.getString(2))) {
                int cpus = Integer.parseInt(value.trim());
                return HardwareFacts.probed(Math.max(0, cpus), 0, DiskType.UNKNOWN, 0);
            }
        } catch (SQLException | NumberFormatException notAvailable) {
            // Windows builds and stripped-down servers lack the variable: hardware stays unknown, the probe succeeds
        }
        return HardwareFacts.UNKNOWN;
    }

    /** Set by a DBA, the value says nothing about the machine. */
    private static boolean isAutomatic(String origin) {
        return "AUTO".equalsIgnoreCase(origin) || "COMPILE-TIME".equalsIgnoreCase(origin);
    }
}
