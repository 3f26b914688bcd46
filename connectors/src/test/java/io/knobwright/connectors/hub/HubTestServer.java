package io.knobwright.connectors.hub;

import io.knobwright.connectors.ConnectionTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for hub tests: one server per test class, a fresh hub database per test, copied from a
 * template that was migrated once and holds the usual cast of members. Logins are the server's roles, so
 * they are made once per server; trust authentication lets every login in without a password.
 */
final class HubTestServer implements AutoCloseable {

    /** The cast: login and hub roles. boss is the admin; stranger is a login that is no member. */
    static final Map<String, Set<String>> CAST = cast();

    private static final String TEMPLATE = "hub_template";

    private final EmbeddedPostgres server;
    private final AtomicInteger databases = new AtomicInteger();

    private HubTestServer(EmbeddedPostgres server) {
        this.server = server;
    }

    static HubTestServer start() throws Exception {
        HubTestServer hub = new HubTestServer(EmbeddedPostgres.builder().start());
        hub.createLogins(CAST.keySet().toArray(String[]::new));
        hub.createLogins("stranger");
        hub.superuserSql("postgres", "CREATE DATABASE " + TEMPLATE);
        String template = hub.url(TEMPLATE);
        HubSchema.migrate(template, "postgres", null);
        new HubSchema(new ConnectionTarget(template, "postgres", null)).enrolAdmin("boss");
        try (HubClient boss = hub.client(template, "boss")) {
            CAST.forEach((login, roles) -> {
                if (!login.equals("boss")) {
                    boss.addMember(login, roles);
                }
            });
        }
        return hub;
    }

    private static Map<String, Set<String>> cast() {
        Map<String, Set<String>> cast = new LinkedHashMap<>();
        cast.put("boss", Set.of("admin"));
        cast.put("alice", Set.of("dba"));
        cast.put("ann", Set.of("dba"));
        cast.put("bob", Set.of("senior-dba"));
        cast.put("sam", Set.of("senior-dba"));
        cast.put("carol", Set.of("change-board"));
        cast.put("dave", Set.of("change-board"));
        cast.put("erin", Set.of("change-board"));
        cast.put("olga", Set.of("operator"));
        cast.put("oscar", Set.of("operator", "reviewer"));
        cast.put("rita", Set.of("reviewer"));
        cast.put("nora", Set.of());
        return Map.copyOf(cast);
    }

    /** A new hub database with the cast as members; returns its JDBC URL. */
    String newHub() throws SQLException {
        String name = "hub_" + databases.incrementAndGet();
        superuserSql("postgres", "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return url(name);
    }

    /** An empty database, for migrations. */
    String newEmptyDatabase() throws SQLException {
        String name = "empty_" + databases.incrementAndGet();
        superuserSql("postgres", "CREATE DATABASE " + name);
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    String endpoint() {
        return "127.0.0.1:" + server.getPort();
    }

    HubClient client(String url, String login) {
        return HubClient.connect(new ConnectionTarget(url, login, null));
    }

    void createLogins(String... logins) throws SQLException {
        for (String login : logins) {
            superuserSql("postgres", "DO $$ BEGIN CREATE ROLE " + login + " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }
    }

    /** A plain JDBC connection as {@code login}, for speaking SQL to the hub the way any other program can. */
    Connection plainSql(String url, String login) throws SQLException {
        return DriverManager.getConnection(url, login, null);
    }

    void superuserSql(String database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.startsWith("jdbc:") ? database : url(database), "postgres", null);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** A number the superuser reads from the hub database at {@code url}. */
    long superuserCount(String url, String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", null);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * The tests' clock: moves a plan's times into the past, as if {@code interval} had passed. Only the hub's
     * owner can write hub_plan; no function offers this.
     */
    void age(String url, UUID plan, String interval) throws SQLException {
        superuserSql(url, "UPDATE knobwright_hub.hub_plan SET round_submitted_at = round_submitted_at - ?::interval,"
                + " expires_at = expires_at - ?::interval, level_pending_since = level_pending_since - ?::interval WHERE uid = ?",
                interval, interval, interval, plan);
    }

    /** Moves a delegation's window, which even the owner can only do with the append-only triggers switched off. */
    void moveDelegation(String url, UUID delegation, String from, String until) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", null);
             Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            try (PreparedStatement update = connection.prepareStatement("UPDATE knobwright_hub.hub_delegation"
                    + " SET valid_from = now() + ?::interval, valid_until = now() + ?::interval WHERE delegation_uid = ?")) {
                update.setString(1, from);
                update.setString(2, until);
                update.setObject(3, delegation);
                update.executeUpdate();
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
