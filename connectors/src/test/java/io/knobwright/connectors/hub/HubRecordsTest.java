package io.knobwright.connectors.hub;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;

import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What crosses the wire cannot be built wrong, and refusals keep the hub's words. No database needed. */
class HubRecordsTest {

    private static final UUID ONE = UUID.randomUUID();

    @Test
    void aSubmissionRefusesWhatTheHubWouldRefuseBeforeAnyRoundTrip() {
        assertThatThrownBy(() -> new PlanSubmission(ONE, ONE, " ", null, "low", "{}", "{}"))
                .hasMessage("The instance name is missing");
        assertThatThrownBy(() -> new PlanSubmission(ONE, ONE, "db", null, "High Risk", "{}", "{}"))
                .hasMessageContaining("lower-case word");
        assertThatThrownBy(() -> new PlanSubmission(ONE, ONE, "db", "x".repeat(65), "low", "{}", "{}"))
                .hasMessageContaining("at most 64");
        assertThatThrownBy(() -> new PlanSubmission(null, ONE, "db", null, "low", "{}", "{}"))
                .hasMessage("The submission uid is missing");
        assertThat(new PlanSubmission(ONE, ONE, "db", "  ", "low", "{}", "{}").ticket()).as("a blank ticket is none").isNull();
    }

    @Test
    void receiptsAndPlanPartsHoldOnlyPossibleValues() {
        assertThatThrownBy(() -> new HubReceipt(ONE, ONE, null, HubPlanState.SUBMITTED, 1, false))
                .hasMessageContaining("round and state");
        assertThatThrownBy(() -> new HubReceipt(ONE, null, null, null, 0, false)).hasMessageContaining("from 1");
        assertThatThrownBy(() -> new DecisionReceipt(ONE, ONE, 1, 0, Verdict.APPROVE, HubPlanState.SUBMITTED, 1, 1, 1, false))
                .hasMessageContaining("Impossible decision receipt");
        assertThatThrownBy(() -> new PendingLevel(2, 1, "dba", 1, 0, Instant.now(), null, null))
                .hasMessageContaining("Impossible pending level");
        assertThatThrownBy(() -> new PendingLevel(1, 1, "dba", 2, 0, Instant.now(), Instant.now(), null))
                .hasMessageContaining("escalation");
        assertThatThrownBy(() -> new HubDecision(ONE, 0, 1, Verdict.APPROVE, "bob", null, "dba", false, null, Instant.now(), true, 1))
                .hasMessageContaining("count from 1");
        assertThatThrownBy(() -> new HubReview(ONE, 1, "olga", "fire", Instant.now(), "rita", "ok", null))
                .hasMessageContaining("who closed it and when");
        assertThatThrownBy(() -> new HubEvent(0, Instant.now(), HubEventKind.PLAN_SUBMITTED, "alice", null, null, null, null,
                null, null, null, null, null)).hasMessageContaining("from 1");
        assertThatThrownBy(() -> new HubPlan(ONE, "alice", "db", null, "low", 1, HubPlanState.APPROVED, "{}", "{}", "ab",
                Instant.now(), Instant.now(), null, new PendingLevel(1, 1, "dba", 1, 0, Instant.now(), null, null), null, 1,
                List.of(), List.of())).hasMessageContaining("pending level");
        assertThatThrownBy(() -> new HubMember("bob", Set.of("Senior DBA"), true)).hasMessageContaining("lower-case");
    }

    @Test
    void aMemberHoldsItsRolesOnlyWhileActive() {
        assertThat(new HubMember("bob", Set.of("senior-dba"), true).holds("senior-dba")).isTrue();
        assertThat(new HubMember("bob", Set.of("senior-dba"), false).holds("senior-dba")).isFalse();
    }

    @Test
    void statesSayWhetherTheyAwaitDecisionsOrAreFinal() {
        assertThat(HubPlanState.SUBMITTED.awaitsDecisions()).isTrue();
        assertThat(HubPlanState.WITHDRAWN.awaitsDecisions()).isFalse();
        assertThat(List.of(HubPlanState.values())).filteredOn(HubPlanState::isFinal)
                .containsExactly(HubPlanState.APPROVED, HubPlanState.REJECTED, HubPlanState.BYPASSED);
    }

    @Test
    void anEventKindFromANewerHubIsUnknownRatherThanAFailure() {
        assertThat(HubEventKind.of("DECISION_RECORDED")).isEqualTo(HubEventKind.DECISION_RECORDED);
        assertThat(HubEventKind.of("PLAN_ARCHIVED")).isEqualTo(HubEventKind.UNKNOWN);
    }

    @Test
    void aRefusalKeepsTheHubsMessageAndHintAndIsTheUsersToActOn() {
        HubRefusal refusal = new HubRefusal(HubRefusal.Reason.SELF_APPROVAL, "You (alice) submitted plan p; its author may not decide it.",
                "Another member must decide it.", null);

        assertThat(refusal.getMessage()).isEqualTo("You (alice) submitted plan p; its author may not decide it. Another member must decide it.");
        assertThat(refusal.hubMessage()).isEqualTo("You (alice) submitted plan p; its author may not decide it.");
        assertThat(refusal.kind()).isEqualTo(UserError.Kind.INPUT);
        assertThat(HubRefusal.Reason.ofSqlState("KH004")).contains(HubRefusal.Reason.LEVEL_COMPLETE);
        assertThat(HubRefusal.Reason.ofSqlState("23505")).isEmpty();
        assertThat(new HubRefusal(HubRefusal.Reason.UNKNOWN_PLAN, "No plan p on the hub.", null, null).getMessage())
                .isEqualTo("No plan p on the hub.");
    }

    @Test
    void flywayGetsNoOtherLoginThanTheOwner() throws Exception {
        GatedDataSource dataSource = new GatedDataSource(HubEndpoint.admit(
                new ConnectionTarget("jdbc:postgresql://127.0.0.1:1/hub", "owner", null), ConnectorTimeouts.DEFAULT));

        assertThatThrownBy(() -> dataSource.getConnection("someone", "else")).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat(dataSource.unwrap(GatedDataSource.class)).isSameAs(dataSource);
        assertThat(dataSource.isWrapperFor(String.class)).isFalse();
        assertThatThrownBy(() -> dataSource.unwrap(String.class)).isInstanceOf(java.sql.SQLException.class);
        assertThatThrownBy(dataSource::getParentLogger).isInstanceOf(SQLFeatureNotSupportedException.class);
        dataSource.setLoginTimeout(3);
        dataSource.setLogWriter(null);
        assertThat(dataSource.getLoginTimeout()).isZero();
        assertThat(dataSource.getLogWriter()).isNull();
    }
}
