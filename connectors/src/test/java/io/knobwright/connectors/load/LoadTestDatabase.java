package io.knobwright.connectors.load;

import io.knobwright.connectors.LocalServices;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A database of its own on the local PostgreSQL 15 for one test class, dropped when closed. */
final class LoadTestDatabase implements AutoCloseable {

    private static final String HOST = "jdbc:postgresql://127.0.0.1:5432/";

    final String name = "kw_load_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    LoadTestDatabase() throws SQLException {
        LocalServices.requirePostgres();
        try (Connection c = DriverManager.getConnection(HOST + "postgres", "postgres", null);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(HOST + name, "postgres", null);
    }

    LoadDriver driver() {
        return new LoadDriver(this::connect);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(HOST + "postgres", "postgres", null);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
