package io.knobwright.connectors.mysql;

import io.knobwright.connectors.LocalServices;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Accounts on the machine's MariaDB service that exist only for one test: the shared server keeps no trace. */
final class ThrowawayMariaDbUsers {

    static final String PASSWORD = "Correct-Horse-42";

    interface UserTest {
        void run(String user) throws Exception;
    }

    private ThrowawayMariaDbUsers() {
    }

    /** Runs {@code test} with a new user '...'@'127.0.0.1' identified by {@link #PASSWORD}, with no privileges. */
    static void withUser(UserTest test) throws Exception {
        withUser("", test);
    }

    /** @param options what follows the password in CREATE USER, e.g. "WITH MAX_USER_CONNECTIONS 1" */
    static void withUser(String options, UserTest test) throws Exception {
        String user = "kw_conn_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = root(); Statement st = c.createStatement()) {
            st.execute("CREATE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "' " + options);
        }
        try {
            test.run(user);
        } finally {
            try (Connection c = root(); Statement st = c.createStatement()) {
                st.execute("DROP USER IF EXISTS '" + user + "'@'127.0.0.1'");
            }
        }
    }

    static Connection root() throws SQLException {
        return DriverManager.getConnection(LocalServices.MARIADB_URL, "root", "");
    }
}
