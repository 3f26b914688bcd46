package io.knobwright.app.health;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A database of its own on the machine's PostgreSQL 15 service for index advice: 200,000 orders with no index on
 * customer_id (which the application looks orders up by), an index nobody scans, a duplicate pair and a redundant
 * prefix; and a day of the application's log, as PostgreSQL writes it, for the workload's fingerprints.
 */
public final class IndexAdviceShop implements AutoCloseable {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final String database;

    public IndexAdviceShop(String purpose) throws SQLException {
        this.database = "kw_index_" + purpose + "_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + database);
        }
        try (Connection c = DriverManager.getConnection(url(), "postgres", null); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL, region text NOT NULL,
                                         status text NOT NULL, created_at timestamptz NOT NULL, note text)""");
            st.execute("""
                    INSERT INTO orders SELECT g, (g * 7919) % 20000, 'r' || (g % 50), CASE WHEN g % 10 = 0 THEN 'open'
                           ELSE 'done' END, timestamptz '2026-01-01' + g * interval '1 minute', 'n' || g
                    FROM generate_series(1, 200000) g""");
            st.execute("CREATE INDEX orders_note_idx ON orders (note)");
            st.execute("CREATE INDEX orders_region_idx ON orders (region)");
            st.execute("CREATE INDEX orders_region_copy_idx ON orders (region)");
            st.execute("CREATE INDEX orders_region_created_idx ON orders (region, created_at)");
            st.execute("ANALYZE orders");
        }
    }

    public String url() {
        return SERVER + database;
    }

    public String database() {
        return database;
    }

    /**
     * A stderr log (prefix '%m [%p] %q%u@%d ') over one day: 2,000 lookups of a customer's orders, 12 ms each
     * (a sequential scan), and 40 lookups by primary key.
     */
    public Path log(Path dir) throws java.io.IOException {
        StringBuilder log = new StringBuilder();
        LocalDateTime t = LocalDateTime.of(2026, 12, 1, 0, 0);
        for (int i = 0; i < 2_000; i++) {
            t = t.plusSeconds(43);
            log.append(STAMP.format(t)).append(" UTC [41] app@shop LOG:  duration: 12.").append(100 + i % 800)
                    .append(" ms  statement: SELECT id, status, created_at FROM orders WHERE customer_id = ")
                    .append(i * 13 % 20000).append('\n');
            if (i % 50 == 0) {
                log.append(STAMP.format(t)).append(" UTC [42] app@shop LOG:  duration: 0.0").append(40 + i % 50)
                        .append(" ms  statement: SELECT * FROM orders WHERE id = ").append(i).append('\n');
            }
        }
        Path file = dir.resolve("shop.log");
        Files.writeString(file, log, StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
