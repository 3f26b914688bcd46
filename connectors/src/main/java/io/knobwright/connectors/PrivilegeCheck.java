package io.knobwright.connectors;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Checks, on an open connection, the privileges Knobwright needs to read an engine's settings and workload, so a
 * connection test can name each missing one with the GRANT that gives it, before the user wonders why a screen
 * stays empty. Reads only; a check never grants anything.
 */
public interface PrivilegeCheck {

    /** One finding per need, in the order a user reads them (settings first, then workload). */
    List<PrivilegeFinding> check(Connection connection) throws SQLException;
}
