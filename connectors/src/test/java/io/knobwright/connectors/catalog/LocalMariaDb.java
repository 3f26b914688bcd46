package io.knobwright.connectors.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The MariaDB server the catalog tests read: the machine's service at 127.0.0.1:3306 unless
 * -Dknobwright.mariadb.url names another one (e.g. a MariaDB 11.4 started for regeneration, see
 * docs/catalogs-mariadb.md).
 */
final class LocalMariaDb {

    static final String URL = System.getProperty("knobwright.mariadb.url",
            "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=");

    private LocalMariaDb() {
    }

    static Connection connect() {
        try {
            return DriverManager.getConnection(URL);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the MariaDB server at " + URL + " (" + e.getMessage()
                    + "). Start the local service (see shared/STACK.md) or point -Dknobwright.mariadb.url at one.", e);
        }
    }
}
