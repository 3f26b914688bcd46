package io.knobwright.connectors.hub;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.knobwright.model.UserError;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;

import static io.knobwright.connectors.hub.HubPlans.ONE_SENIOR;
import static io.knobwright.connectors.hub.HubPlans.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Setting up the hub on a real server, as the role that will own it, and what a client meets when it is not there. */
class HubSchemaTest {

    private static String url(EmbeddedPostgres server, String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    private static void superuser(EmbeddedPostgres server, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(url(server, "postgres"), "postgres", null);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The oldest and the newest major Knobwright supports: CREATEROLE changed meaning in PostgreSQL 16. */
    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {13, 18})
    void aNonSuperuserOwnerWithCreateRoleSetsUpAHubThatEnforcesItsRules(int major) throws Exception {
        try (EmbeddedPostgres server = new EmbeddedPostgresMajors().start(major)) {
            superuser(server, "CREATE ROLE hub_owner LOGIN CREATEROLE", "CREATE ROLE boss LOGIN", "CREATE ROLE alice LOGIN",
                    "CREATE ROLE bob LOGIN", "CREATE DATABASE approvals", "GRANT CREATE ON DATABASE approvals TO hub_owner");
            String hub = url(server, "approvals");

            assertThat(HubSchema.migrate(hub, "hub_owner", null)).isEqualTo(HubSchema.NEWEST_VERSION);
            assertThat(HubSchema.migrate(hub, "hub_owner", null)).as("a second run has nothing to do").isEqualTo(HubSchema.NEWEST_VERSION);
            new HubSchema(new ConnectionTarget(hub, "hub_owner", null)).enrolAdmin("boss");
            try (HubClient boss = HubClient.connect(new ConnectionTarget(hub, "boss", null))) {
                boss.addMember("alice", Set.of("dba"));
                boss.addMember("bob", Set.of("senior-dba"));
            }
            try (HubClient alice = HubClient.connect(new ConnectionTarget(hub, "alice", null));
                 HubClient bob = HubClient.connect(new ConnectionTarget(hub, "bob", null))) {
                UUID plan = UUID.randomUUID();
                alice.submit(submission(plan, ONE_SENIOR));
                assertThatThrownBy(() -> alice.decide(plan, UUID.randomUUID(), Verdict.APPROVE, null, null))
                        .isInstanceOfSatisfying(HubRefusal.class, r -> assertThat(r.reason()).isEqualTo(HubRefusal.Reason.SELF_APPROVAL));
                assertThat(bob.decide(plan, UUID.randomUUID(), Verdict.APPROVE, null, null).planState()).isEqualTo(HubPlanState.APPROVED);
            }
            try (Connection connection = DriverManager.getConnection(hub, "postgres", null);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT bool_or(r.rolsuper), count(*) FROM pg_proc p"
                         + " JOIN pg_roles r ON r.oid = p.proowner WHERE p.pronamespace = 'knobwright_hub'::regnamespace AND p.prosecdef")) {
                rows.next();
                assertThat(rows.getBoolean(1)).as("security-definer functions run as a superuser").isFalse();
                assertThat(rows.getInt(2)).as("security-definer functions").isEqualTo(11);
            }
        }
    }

    @Test
    void aRoleThatCannotCreateRolesIsToldWhatTheOwnerNeeds() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            superuser(server, "CREATE ROLE weak LOGIN", "CREATE DATABASE approvals", "GRANT CREATE ON DATABASE approvals TO weak");

            assertThatThrownBy(() -> HubSchema.migrate(url(server, "approvals"), "weak", null))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageStartingWith("Could not set up the approval hub at 127.0.0.1:" + server.getPort() + " as weak:")
                    .hasMessageContaining("permission denied to create role")
                    .hasMessageEndingWith("it needs CREATEROLE (for the knobwright_hub_user group) and CREATE on the database.");
        }
    }

    @Test
    void aClientMeetingNoHubOrNoServerSaysSo() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            superuser(server, "CREATE ROLE alice LOGIN");
            try (HubClient alice = HubClient.connect(new ConnectionTarget(url(server, "postgres"), "alice", null))) {
                assertThat(alice.login()).isEqualTo("alice");
                assertThatThrownBy(() -> alice.eventsSince(0, 10)).isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT);
                    assertThat(e.getMessage()).contains("has no approval hub").contains("HubSchema.migrate");
                });
            }
            assertThatThrownBy(() -> HubClient.connect(new ConnectionTarget(url(server, "postgres"), "nobody", null)))
                    .isInstanceOf(ConnectorException.class).hasMessageContaining("has no role 'nobody'");
        }
        assertThatThrownBy(() -> HubClient.connect(new ConnectionTarget("jdbc:mariadb://127.0.0.1:3306/hub", "alice", null)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT);
                    assertThat(e.getMessage()).contains("jdbc:postgresql:");
                });
    }
}
