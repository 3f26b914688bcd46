package io.knobwright.connectors.hub;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hub enforces its rules itself: a login that skips Knobwright and speaks plain SQL to the hub gets no
 * further than the client would. Each test connects with an ordinary JDBC connection as a member login.
 */
class HubPlainSqlTest {

    private static final String SUBMIT = "SELECT * FROM knobwright_hub.submit_plan(?::uuid, ?::uuid, 'orders-db-1', 'CHG1',"
            + " 'high', ?, '{\"changes\":[]}')";
    private static final String DECIDE = "SELECT * FROM knobwright_hub.decide(?::uuid, ?::uuid, 'APPROVE', 'ok')";

    private static HubTestServer server;
    private String hub;

    @BeforeAll
    static void startServer() throws Exception {
        server = HubTestServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void freshHub() throws Exception {
        hub = server.newHub();
    }

    private UUID submittedBy(String login, String chain) throws SQLException {
        UUID plan = UUID.randomUUID();
        try (Connection sql = server.plainSql(hub, login)) {
            run(sql, SUBMIT, UUID.randomUUID(), plan, chain);
        }
        return plan;
    }

    private static void run(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    private static void assertSqlState(Connection connection, String sql, String sqlState, Object... parameters) {
        assertThatThrownBy(() -> run(connection, sql, parameters)).as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
    }

    @Test
    void theAuthorCannotApproveTheirOwnPlanThroughTheFunction() throws Exception {
        UUID plan = submittedBy("bob", HubPlans.ONE_SENIOR);

        try (Connection bob = server.plainSql(hub, "bob")) {
            assertSqlState(bob, DECIDE, "KH001", UUID.randomUUID(), plan);
        }
        assertThat(server.superuserCount(hub, "SELECT count(*) FROM knobwright_hub.hub_decision")).isZero();
    }

    @Test
    void aReviewerCannotWriteDecisionsEventsOrPlansDirectly() throws Exception {
        UUID plan = submittedBy("alice", HubPlans.ONE_SENIOR);

        try (Connection bob = server.plainSql(hub, "bob")) {
            assertSqlState(bob, "INSERT INTO knobwright_hub.hub_decision (decision_uid, plan_uid, round, level, verdict, decided_by,"
                    + " entitled_by, escalated, decided_at, plan_state_after, approvals_after, quorum, event_seq)"
                    + " VALUES (gen_random_uuid(), ?, 1, 1, 'APPROVE', 'bob', 'senior-dba', false, now(), 'APPROVED', 1, 1, 1)",
                    "42501", plan);
            assertSqlState(bob, "UPDATE knobwright_hub.hub_plan SET state = 'APPROVED' WHERE uid = ?", "42501", plan);
            assertSqlState(bob, "SELECT * FROM knobwright_hub.hub_plan WHERE uid = ? FOR UPDATE", "42501", plan);
            assertSqlState(bob, "UPDATE knobwright_hub.hub_decision SET verdict = 'REJECT'", "42501");
            assertSqlState(bob, "DELETE FROM knobwright_hub.hub_event", "42501");
            assertSqlState(bob, "TRUNCATE knobwright_hub.hub_event", "42501");
            assertSqlState(bob, "INSERT INTO knobwright_hub.hub_event (seq, at, kind, actor) VALUES (999, now(), 'PLAN_SUBMITTED', 'bob')",
                    "42501");
            assertSqlState(bob, "UPDATE knobwright_hub.hub_event_counter SET last_seq = 0", "42501");
            assertSqlState(bob, "CREATE TABLE knobwright_hub.shadow (x int)", "42501");
            assertSqlState(bob, "SELECT knobwright_hub.record_event('PLAN_SUBMITTED', NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, '{}')", "42501");
            assertSqlState(bob, "SELECT knobwright_hub.enrol_admin('bob')", "42501");
            assertSqlState(bob, "SELECT knobwright_hub.change_member('bob', '{admin}', true)", "42501");
        }
        assertThat(server.superuserCount(hub, "SELECT count(*) FROM knobwright_hub.hub_plan WHERE state = 'SUBMITTED'")).isEqualTo(1);
    }

    @Test
    void aReviewerCannotDecideTwice() throws Exception {
        UUID plan = submittedBy("alice", HubPlans.BOARD_OF_TWO);

        try (Connection carol = server.plainSql(hub, "carol")) {
            run(carol, DECIDE, UUID.randomUUID(), plan);
            assertSqlState(carol, DECIDE, "KH002", UUID.randomUUID(), plan);
        }
        assertThat(server.superuserCount(hub, "SELECT count(*) FROM knobwright_hub.hub_decision")).isEqualTo(1);
    }

    @Test
    void onlyAnAdminChangesMembersAndRoles() throws Exception {
        try (Connection carol = server.plainSql(hub, "carol")) {
            assertSqlState(carol, "SELECT * FROM knobwright_hub.set_roles('carol', '{admin}')", "KH008");
            assertSqlState(carol, "SELECT * FROM knobwright_hub.add_member('nora', '{senior-dba}')", "KH008");
            assertSqlState(carol, "UPDATE knobwright_hub.hub_member SET roles = '{admin}' WHERE login = 'carol'", "42501");
        }
        try (Connection boss = server.plainSql(hub, "boss")) {
            run(boss, "SELECT * FROM knobwright_hub.set_roles('carol', '{change-board,reviewer}')");
        }
        assertThat(server.superuserCount(hub, "SELECT count(*) FROM knobwright_hub.hub_member WHERE login = 'carol'"
                + " AND roles = '{change-board,reviewer}'")).isEqualTo(1);
    }

    @Test
    void setRoleDoesNotChangeWhoDecides() throws Exception {
        server.superuserSql("postgres", "GRANT bob TO alice");
        try {
            UUID plan = submittedBy("alice", HubPlans.ONE_SENIOR);
            try (Connection alice = server.plainSql(hub, "alice"); Statement statement = alice.createStatement()) {
                statement.execute("SET ROLE bob");
                assertSqlState(alice, DECIDE, "KH001", UUID.randomUUID(), plan);
            }
        } finally {
            server.superuserSql("postgres", "REVOKE bob FROM alice");
        }
    }

    @Test
    void shadowTablesOnTheCallersSearchPathChangeNothing() throws Exception {
        try (Connection carol = server.plainSql(hub, "carol"); Statement statement = carol.createStatement()) {
            statement.execute("CREATE TEMP TABLE hub_member (login text, roles text[], active boolean)");
            statement.execute("INSERT INTO hub_member VALUES ('carol', '{admin}', true)");
            statement.execute("SET search_path = pg_temp, knobwright_hub");
            assertSqlState(carol, "SELECT * FROM knobwright_hub.set_roles('carol', '{admin}')", "KH008");
        }
    }

    @Test
    void historyIsAppendOnlyEvenForTheHubsOwner() throws Exception {
        UUID plan = submittedBy("alice", HubPlans.ONE_SENIOR);
        try (Connection bob = server.plainSql(hub, "bob")) {
            run(bob, DECIDE, UUID.randomUUID(), plan);
        }

        for (String change : new String[]{"UPDATE knobwright_hub.hub_decision SET verdict = 'REJECT'",
                "DELETE FROM knobwright_hub.hub_decision", "TRUNCATE knobwright_hub.hub_event CASCADE",
                "UPDATE knobwright_hub.hub_submission SET content = '{}'", "DELETE FROM knobwright_hub.hub_event"}) {
            assertThatThrownBy(() -> server.superuserSql(hub, change)).as(change)
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("KH013");
                        assertThat(e.getMessage()).contains("is append-only history");
                    });
        }
        assertThat(server.superuserCount(hub, "SELECT count(*) FROM knobwright_hub.hub_decision WHERE verdict = 'APPROVE'")).isEqualTo(1);
    }

    @Test
    void aLoginReadsThePublishedViews() throws Exception {
        UUID plan = submittedBy("alice", HubPlans.SENIOR_THEN_BOARD);
        try (Connection rita = server.plainSql(hub, "rita");
             PreparedStatement statement = rita.prepareStatement(
                     "SELECT state, ticket, pending_role, pending_quorum FROM knobwright_hub.plan_status WHERE plan_uid = ?")) {
            statement.setObject(1, plan);
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("state")).isEqualTo("SUBMITTED");
                assertThat(rows.getString("ticket")).isEqualTo("CHG1");
                assertThat(rows.getString("pending_role")).isEqualTo("senior-dba");
                assertThat(rows.getInt("pending_quorum")).isEqualTo(1);
            }
            run(rita, "SELECT * FROM knobwright_hub.decision_log");
            run(rita, "SELECT * FROM knobwright_hub.review_item");
            run(rita, "SELECT * FROM knobwright_hub.delegation_status");
            assertSqlState(rita, "SELECT * FROM knobwright_hub.flyway_schema_history", "42501");
        }
    }
}
