package io.knobwright.connectors;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The machine's database services the connector tests run against. When one is down the tests fail
 * (CI starts them), saying how to start it: a skipped connector test would hide a broken connector.
 */
public final class LocalServices {

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    public static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";

    private LocalServices() {
    }

    public static void requirePostgres() {
        require(5432, "PostgreSQL 15", "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
    }

    public static void requireMariaDb() {
        require(3306, "MariaDB 10.11", "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
    }

    /** A port nothing listens on: bound once to get it from the OS, then released. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot find a free local port", e);
        }
    }

    private static void require(int port, String name, String startCommand) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        } catch (IOException down) {
            fail("The local " + name + " service is not listening on 127.0.0.1:" + port
                    + " (" + down.getMessage() + "). These tests need it; start it with: " + startCommand);
        }
    }
}
