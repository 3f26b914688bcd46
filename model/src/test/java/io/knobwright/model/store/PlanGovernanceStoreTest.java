package io.knobwright.model.store;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What governance needs of stored plans: a uid, a ticket, its state moved, its changes replaced, found by uid or state. */
class PlanGovernanceStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private final KnobwrightStore store = KnobwrightStore.inMemory("plan-governance-" + System.nanoTime(), false);

    @AfterEach
    void close() {
        store.close();
    }

    private static PlannedChange change(String parameter, String from, String to, ApplyMode mode) {
        return new PlannedChange(parameter, from, to, null, mode, "payments v2", "");
    }

    private static ChangePlan plan(String instance, Instant at, String uid, String ticket) {
        return new ChangePlan(0, 1, instance, "payments", 2, at, "alice", PlanState.DRAFT, "live at " + at,
                List.of(change("work_mem", "4096", "8192", ApplyMode.ONLINE)), uid, ticket);
    }

    @Test
    void aPlanKeepsItsUidAndTicket() {
        ChangePlan saved = store.plans().save(plan("pg-1", T0, "6f1c2a9e-0000-4000-8000-000000000001", " CHG0012345 "));
        ChangePlan back = store.plans().find(saved.id()).orElseThrow();
        assertThat(back.uid()).isEqualTo("6f1c2a9e-0000-4000-8000-000000000001");
        assertThat(back.ticket()).isEqualTo("CHG0012345");
        assertThat(back).isEqualTo(saved);
    }

    @Test
    void aPlanIsFoundByItsUid() {
        ChangePlan saved = store.plans().save(plan("pg-1", T0, "uid-one", ""));
        store.plans().save(plan("pg-2", T0, "uid-two", ""));
        assertThat(store.plans().findByUid("uid-one")).hasValue(saved);
        assertThat(store.plans().findByUid("uid-three")).isEmpty();
    }

    @Test
    void twoPlansCannotShareAUid() {
        store.plans().save(plan("pg-1", T0, "same", ""));
        assertThatThrownBy(() -> store.plans().save(plan("pg-2", T0, "same", ""))).isInstanceOf(RuntimeException.class);
        assertThat(store.plans().findAll()).hasSize(1);
    }

    @Test
    void aPlansStateIsMovedAndPlansAreFoundByStateNewestFirst() {
        ChangePlan older = store.plans().save(plan("pg-1", T0, "a", ""));
        ChangePlan newer = store.plans().save(plan("pg-2", T0.plusSeconds(60), "b", ""));
        ChangePlan draft = store.plans().save(plan("pg-3", T0.plusSeconds(120), "c", ""));

        store.plans().updateState(older.id(), PlanState.SUBMITTED);
        store.plans().updateState(newer.id(), PlanState.SUBMITTED);

        assertThat(store.plans().findByState(PlanState.SUBMITTED)).extracting(ChangePlan::id).containsExactly(newer.id(), older.id());
        assertThat(store.plans().findByState(PlanState.SUBMITTED).getFirst().changes()).as("with their changes").hasSize(1);
        assertThat(store.plans().findByState(PlanState.DRAFT)).extracting(ChangePlan::id).containsExactly(draft.id());
        assertThat(store.plans().findByState(PlanState.APPROVED)).isEmpty();
        assertThat(store.plans().find(older.id()).orElseThrow().state()).isEqualTo(PlanState.SUBMITTED);
    }

    @Test
    void movingOrTicketingAPlanThatIsGoneSaysSo() {
        assertThatThrownBy(() -> store.plans().updateState(404, PlanState.APPROVED))
                .isInstanceOf(StoreException.class)
                .hasMessage("No plan 404 to change to APPROVED: it was removed meanwhile.");
        assertThatThrownBy(() -> store.plans().updateTicket(404, "CHG1"))
                .isInstanceOf(StoreException.class)
                .hasMessage("No plan 404 to give ticket CHG1: it was removed meanwhile.");
    }

    @Test
    void aTicketIsSetAndReplaced() {
        ChangePlan saved = store.plans().save(plan("pg-1", T0, "a", ""));
        store.plans().updateTicket(saved.id(), "CHG0000001");
        assertThat(store.plans().find(saved.id()).orElseThrow().ticket()).isEqualTo("CHG0000001");
        store.plans().updateTicket(saved.id(), "");
        assertThat(store.plans().find(saved.id()).orElseThrow().ticket()).isEmpty();
    }

    @Test
    void aPlansChangesAreReplacedAllAtOnceAndInOrder() {
        ChangePlan saved = store.plans().save(plan("pg-1", T0, "a", ""));
        ChangePlan other = store.plans().save(plan("pg-2", T0, "b", ""));
        List<PlannedChange> edited = List.of(change("shared_buffers", "16384", "131072", ApplyMode.RESTART),
                change("jit", "on", "off", ApplyMode.ONLINE), change("work_mem", null, "65536", ApplyMode.ONLINE));

        store.plans().replaceChanges(saved.id(), edited);

        assertThat(store.plans().find(saved.id()).orElseThrow().changes()).isEqualTo(edited);
        assertThat(store.plans().find(other.id()).orElseThrow()).as("other plans untouched").isEqualTo(other);

        store.plans().replaceChanges(saved.id(), List.of());
        assertThat(store.plans().find(saved.id()).orElseThrow().changes()).isEmpty();
    }
}
