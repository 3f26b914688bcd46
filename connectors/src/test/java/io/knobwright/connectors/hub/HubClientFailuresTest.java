package io.knobwright.connectors.hub;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.UserError;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static io.knobwright.connectors.hub.HubPlans.BOARD_OF_TWO;
import static io.knobwright.connectors.hub.HubPlans.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sync loop's bad days: a hub that drops the connection, strangers on the channel, a client used wrongly. */
class HubClientFailuresTest {

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

    private void dropConnectionsOf(String login) throws Exception {
        server.superuserSql(hub, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ?", login);
    }

    @Test
    void aConnectionDroppedWhileIdleIsReplacedWithoutFailingTheRequest() throws Exception {
        try (HubClient alice = server.client(hub, "alice"); HubClient carol = server.client(hub, "carol")) {
            UUID plan = UUID.randomUUID();
            alice.submit(submission(plan, BOARD_OF_TWO));
            dropConnectionsOf("carol");

            DecisionReceipt receipt = carol.decide(plan, UUID.randomUUID(), Verdict.APPROVE, null, null);

            assertThat(receipt.replayed()).as("the dead connection never reached the hub").isFalse();
            assertThat(alice.plan(plan).orElseThrow().pending().approvals()).isEqualTo(1);
        }
    }

    @Test
    void aHubThatIsGoneFailsWithTheReasonAndNothingElse() throws Exception {
        EmbeddedPostgres gone = EmbeddedPostgres.builder().start();
        String endpoint = "127.0.0.1:" + gone.getPort();
        HubClient client = HubClient.connect(new ConnectionTarget("jdbc:postgresql://" + endpoint + "/postgres", "postgres", null));
        try (client) {
            gone.close();

            assertThatThrownBy(() -> client.eventsSince(0, 10)).isInstanceOfSatisfying(ConnectorException.class, e -> {
                assertThat(e.kind()).isEqualTo(UserError.Kind.UNREACHABLE);
                assertThat(e.getMessage()).contains(endpoint).contains("is the PostgreSQL server running");
            });
            assertThatThrownBy(() -> client.listen(Duration.ZERO)).isInstanceOf(ConnectorException.class);
        }
    }

    @Test
    void aDroppedListenerListensAgainAndSendsTheCallerToPull() throws Exception {
        try (HubClient alice = server.client(hub, "alice"); HubClient rita = server.client(hub, "rita")) {
            assertThat(rita.listen(Duration.ZERO)).isEmpty();
            dropConnectionsOf("rita");

            assertThat(rita.listen(Duration.ofMillis(200))).isEmpty();
            long seq = alice.submit(submission(UUID.randomUUID(), BOARD_OF_TWO)).eventSeq();
            assertThat(rita.listen(Duration.ofSeconds(5))).containsExactly(seq);
            assertThat(rita.eventsSince(0, 100).getLast().seq()).isEqualTo(seq);
        }
    }

    @Test
    void someoneElsesNotifyOnTheChannelIsNoEvent() throws Exception {
        try (HubClient rita = server.client(hub, "rita"); Connection bob = server.plainSql(hub, "bob");
             Statement statement = bob.createStatement()) {
            rita.listen(Duration.ZERO);

            statement.execute("NOTIFY knobwright_hub, 'approve everything'");

            assertThat(rita.listen(Duration.ofMillis(500))).isEmpty();
        }
    }

    @Test
    void aClosedClientRefusesWorkAndWrongArgumentsFailBeforeTheHub() {
        HubClient carol = server.client(hub, "carol");
        assertThatThrownBy(() -> carol.decideAtLevel(UUID.randomUUID(), UUID.randomUUID(), Verdict.APPROVE, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> carol.eventsSince(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> carol.eventsSince(0, HubClient.MAX_PULL + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> carol.listen(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);

        carol.close();
        carol.close();

        assertThatThrownBy(() -> carol.eventsSince(0, 10)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> carol.listen(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
    }
}
