package io.knobwright.app.ui.operations;

import io.knobwright.app.testing.ManualClock;

import io.knobwright.app.ui.ManualTimer;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.UserError;
import io.knobwright.model.override.OverrideState;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.task.TaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final ScriptedDesk desk = new ScriptedDesk();
    private final ManualClock clock = new ManualClock(NOW);
    private final ManualTimer timer = new ManualTimer();
    private final Deque<Optional<String>> reasons = new ArrayDeque<>();
    private final List<String> questions = new ArrayList<>();
    private OperationsViewModel vm;

    @BeforeEach
    void setUp() {
        desk.state = new OperationsState(List.of(
                ScriptedDesk.override(1, "pg-prod-3", "work_mem", "256MB", NOW.minusSeconds(600), NOW.plusSeconds(12 * 60 + 4),
                        OverrideState.ACTIVE, 0, null, "", 0),
                ScriptedDesk.override(2, "pg-prod-3", "work_mem", "512MB", NOW.minusSeconds(60), NOW.plusSeconds(3600),
                        OverrideState.ACTIVE, 0, null, "", 1),
                ScriptedDesk.override(3, "pg-orders-1", "statement_timeout", "5s", NOW.minusSeconds(3600), NOW.minusSeconds(60),
                        OverrideState.ACTIVE, 3, NOW.plusSeconds(35), "connection refused", 0)),
                List.of(plan(7, PlanState.APPLYING), plan(8, PlanState.NEEDS_ATTENTION), plan(9, PlanState.APPLYING)),
                List.of(), false,
                List.of(new Incident(NOW.minusSeconds(30), "knobwright", "restore failed", "statement_timeout on pg-orders-1",
                        "attempt 3: connection refused", true)), "workbench 42@host");
        OperationsDialogs dialogs = new OperationsDialogs() {
            @Override
            public Optional<String> reason(String title, String question, String action) {
                questions.add(question);
                return reasons.isEmpty() ? Optional.empty() : reasons.pop();
            }

            @Override
            public void quickOverride(QuickOverrideViewModel form) {
            }
        };
        vm = new OperationsViewModel(desk, new BackgroundWork(TaskRunner.inline(), Runnable::run, (a, d) -> { }, timer),
                dialogs, clock, ZoneOffset.UTC);
    }

    private static ChangePlan plan(long id, PlanState state) {
        return new ChangePlan(id, 1, "orders-" + id, "postgresql-oltp", 2, NOW.minusSeconds(id * 60), "alice", state,
                ChangePlan.NO_BASELINE, List.of());
    }

    @Test
    void tilesCountLiveOverridesFailingRestorationsAndPlansBeingApplied() {
        vm.refresh();

        assertThat(vm.active()).extracting(OverrideLine::headline).containsExactly("work_mem on pg-prod-3 → 256MB",
                "work_mem on pg-prod-3 → 512MB", "statement_timeout on pg-orders-1 → 5s");
        assertThat(vm.active().get(1).detail()).endsWith("stacked on #1");
        assertThat(vm.alarms()).extracting(OverrideLine::id).containsExactly(3L);
        assertThat(vm.alarms().getFirst().problem()).isEqualTo("connection refused");
        assertThat(vm.applyingCountProperty().get()).isEqualTo(2);
        assertThat(vm.attentionCountProperty().get()).isEqualTo(1);
        assertThat(vm.plans()).extracting(PlanLine::id).as("the one needing attention first").containsExactly(8L, 7L, 9L);
        assertThat(vm.restartsKnownProperty().get()).as("nothing tracks pending restarts yet").isFalse();
        assertThat(vm.incidents()).singleElement().satisfies(i -> {
            assertThat(i.time()).isEqualTo("09:59");
            assertThat(i.headline()).isEqualTo("restore failed · statement_timeout on pg-orders-1");
            assertThat(i.alarm()).isTrue();
        });
        assertThat(vm.statusProperty().get()).isEqualTo("Updated 10:00:00 · restorations run by workbench 42@host");
    }

    @Test
    void countdownsAreComputedFromTheDeadlineAtEachTick() {
        vm.refresh();
        OverrideLine first = vm.active().getFirst();
        OverrideLine failing = vm.alarms().getFirst();
        assertThat(first.countdownProperty().get()).isEqualTo("restores in 12:04");
        assertThat(failing.countdownProperty().get()).isEqualTo("restore failing");
        assertThat(failing.retryProperty().get()).isEqualTo("failed 3 times; next try 10:00:35 (in 0:35)");

        clock.advance(Duration.ofSeconds(5));
        assertThat(first.countdownProperty().get()).as("nothing moves between ticks").isEqualTo("restores in 12:04");
        vm.tick();
        assertThat(first.countdownProperty().get()).isEqualTo("restores in 11:59");
        assertThat(vm.active().get(1).countdownProperty().get()).isEqualTo("restores in 59:55");

        clock.advance(Duration.ofMinutes(13));
        vm.tick();
        assertThat(first.countdownProperty().get()).isEqualTo("restoring now");
        assertThat(failing.retryProperty().get()).endsWith("(due now)");
        assertThat(vm.active().get(1).retryProperty().get()).as("only a failing restoration has a retry").isEmpty();
    }

    @Test
    void pollingReadsAgainEveryTwoSecondsUntilStoppedAndAtOnceWhenTheSchedulerRestores() {
        vm.startPolling();
        assertThat(desk.reads).hasValue(1);
        timer.advance(OperationsViewModel.POLL);
        assertThat(desk.reads).hasValue(2);

        desk.state = new OperationsState(List.of(), List.of(), List.of(), true, List.of(), "");
        desk.listeners.forEach(Runnable::run);
        assertThat(desk.reads).hasValue(3);
        assertThat(vm.active()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("no restoration scheduler runs for this store");

        vm.stopPolling();
        timer.advance(Duration.ofSeconds(10));
        desk.listeners.forEach(Runnable::run);
        assertThat(desk.reads).as("a hidden screen reads nothing").hasValue(3);
    }

    @Test
    void aFailingReadIsSaidOnTheMessageLineAndClearedByTheNextGoodOne() {
        desk.failure = UserError.input("The store is locked by another process.");
        vm.refresh();
        assertThat(vm.messageProperty().get()).contains("The store is locked by another process.");
        assertThat(vm.messageIsErrorProperty().get()).isTrue();

        desk.failure = null;
        vm.refresh();
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.active()).hasSize(3);
    }

    @Test
    void extendRestoreAndCancelEachAskForAReasonAndPassItOn() {
        vm.refresh();
        OverrideLine first = vm.active().getFirst();

        reasons.push(Optional.of("INC-7 still open"));
        vm.extend(first);
        assertThat(questions.getLast()).contains("restore at 10:42:04 instead of 10:12:04");
        assertThat(desk.calls.getLast()).isEqualTo("extend 1 by PT30M because INC-7 still open");
        assertThat(vm.messageProperty().get()).isEqualTo("Override 1 (work_mem on pg-prod-3 → 256MB) now restores at 10:42:04.");

        reasons.push(Optional.of("load is back to normal"));
        vm.restoreNow(first);
        assertThat(desk.calls.getLast()).isEqualTo("restore 1 because load is back to normal");

        reasons.push(Optional.of("keep it, agreed with the team"));
        vm.cancel(vm.active().get(1));
        assertThat(questions.getLast()).contains("overrides under it end too");
        assertThat(desk.calls.getLast()).isEqualTo("cancel 2 because keep it, agreed with the team");
        assertThat(vm.messageProperty().get()).isEqualTo("Override 2 cancelled: work_mem on pg-prod-3 keeps 512MB.");

        int before = desk.calls.size();
        vm.extend(first);
        assertThat(desk.calls).as("cancelling the question does nothing").hasSize(before);
    }

    @Test
    void aRefusedActionIsShownPlainly() {
        vm.refresh();
        desk.actionFailure = UserError.input("Override 1 is restoring right now; try again in a moment.");
        reasons.push(Optional.of("still needed"));
        vm.extend(vm.active().getFirst());
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("Override 1 is restoring right now; try again in a moment.");
        assertThat(vm.busyProperty().get()).isFalse();
    }


    @Test
    void storedTimesInAnIncidentReadAsTheOperatorsClock() {
        assertThat(IncidentLine.local("INC-7 (restores at 2026-12-06T09:38:42.612906939Z, stacked on override 3)",
                ZoneOffset.ofHours(1))).isEqualTo("INC-7 (restores at 10:38:42, stacked on override 3)");
    }
}
