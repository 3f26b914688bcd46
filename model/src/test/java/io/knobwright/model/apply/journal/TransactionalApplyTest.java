package io.knobwright.model.apply.journal;

import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All or nothing against a server that changes one parameter at a time: the journal (a real store) and the
 * compensation logic, with a scripted server standing in for the connection (its faults are scripted; the real
 * servers are exercised by the connectors' tests).
 */
class TransactionalApplyTest {

    private final KnobwrightStore store = KnobwrightStore.inMemory("apply-" + System.nanoTime(), false);
    private final TransactionalApply apply = new TransactionalApply(store.applyJournal(), Clock.systemUTC());

    @AfterEach
    void close() {
        store.close();
    }

    /** A server holding parameters in a map; faults are scripted per parameter. */
    private static class ScriptedServer implements ServerSession {
        final Map<String, String> values = new HashMap<>(Map.of("work_mem", "4096", "shared_buffers", "16384",
                "max_connections", "100", "random_page_cost", "4"));
        final Set<String> refuse = new HashSet<>();
        final Set<String> dropConnectionAfterSet = new HashSet<>();
        final Set<String> refuseRestore = new HashSet<>();
        boolean down;
        final Set<String> restartOnly = new HashSet<>();
        final Map<String, String> pending = new HashMap<>();
        /** Parameters only an option-file edit can change: handed over, never set. */
        final Set<String> optionFileOnly = new HashSet<>();
        final List<String> sent = new java.util.ArrayList<>();

        @Override
        public Optional<String> handOver(String parameter, String value) {
            return optionFileOnly.contains(parameter)
                    ? Optional.of("write `" + parameter + " = " + value + "` under [mariadbd] in the option file and restart")
                    : Optional.empty();
        }

        @Override
        public String read(String parameter) {
            return values.get(parameter);
        }

        @Override
        public void set(String parameter, String value) {
            if (down) {
                throw new ServerStepException("could not connect to server: Connection refused", true);
            }
            sent.add(parameter);
            if (refuse.contains(parameter)) {
                throw new ServerStepException("invalid value for parameter \"" + parameter + "\": \"" + value + "\"", false);
            }
            if (restartOnly.contains(parameter)) {
                pending.put(parameter, value);
            } else {
                values.put(parameter, value);
            }
            if (dropConnectionAfterSet.contains(parameter)) {
                throw new ServerStepException("terminating connection due to administrator command", true);
            }
        }

        @Override
        public void restore(String parameter, String prior) {
            if (down) {
                throw new ServerStepException("could not connect to server: Connection refused", true);
            }
            if (refuseRestore.contains(parameter)) {
                throw new ServerStepException("permission denied to set parameter \"" + parameter + "\"", false);
            }
            pending.remove(parameter);
            values.put(parameter, prior);
        }

        @Override
        public boolean pendingRestart(String parameter) {
            return pending.containsKey(parameter);
        }

        @Override
        public boolean same(String parameter, String expected, String actual) {
            return expected.equals(actual);
        }
    }

    private static ApplyRun planned(List<String[]> changes) {
        List<JournalStep> steps = new java.util.ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            steps.add(new JournalStep(i, changes.get(i)[0], null, changes.get(i)[1], changes.get(i).length > 2, StepPhase.PLANNED, ""));
        }
        return new ApplyRun(0, 7, 1, "orders-1", "alice", RunState.APPLYING, Instant.now(), null, steps, "");
    }

    private static final List<String[]> THREE = List.of(new String[]{"work_mem", "65536"}, new String[]{"random_page_cost", "1.1"},
            new String[]{"max_connections", "300"});

    @Test
    void everyChangeLandsAndIsVerifiedAndJournaled() {
        ScriptedServer server = new ScriptedServer();
        ApplyRun run = apply.apply(planned(THREE), server);
        assertThat(run.state()).isEqualTo(RunState.APPLIED);
        assertThat(server.values).containsEntry("work_mem", "65536").containsEntry("random_page_cost", "1.1")
                .containsEntry("max_connections", "300");
        assertThat(run.steps()).extracting(JournalStep::phase).containsOnly(StepPhase.VERIFIED);
        assertThat(run.steps()).extracting(JournalStep::prior).containsExactly("4096", "4", "100");
        assertThat(store.applyJournal().ofPlan(7)).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(RunState.APPLIED));
    }

    @Test
    void aValueRefusedAtStepThreePutsStepsOneAndTwoBack() {
        ScriptedServer server = new ScriptedServer();
        server.refuse.add("max_connections");
        ApplyRun run = apply.apply(planned(THREE), server);
        assertThat(run.state()).isEqualTo(RunState.ROLLED_BACK);
        assertThat(server.values).containsEntry("work_mem", "4096").containsEntry("random_page_cost", "4")
                .containsEntry("max_connections", "100");
        assertThat(run.steps()).extracting(JournalStep::phase)
                .containsExactly(StepPhase.COMPENSATED, StepPhase.COMPENSATED, StepPhase.FAILED);
        assertThat(run.message()).contains("step 3 (max_connections) failed").contains("invalid value")
                .contains("holds its configuration from before the run");
    }

    @Test
    void aConnectionLostRightAfterAStepCountsThatStepAsPossiblyMadeAndPutsItBackToo() {
        ScriptedServer server = new ScriptedServer();
        server.dropConnectionAfterSet.add("random_page_cost");
        ApplyRun run = apply.apply(planned(THREE), server);
        assertThat(run.state()).isEqualTo(RunState.ROLLED_BACK);
        assertThat(server.values).containsEntry("random_page_cost", "4").containsEntry("work_mem", "4096");
        assertThat(run.steps().get(1).phase()).isEqualTo(StepPhase.COMPENSATED);
        assertThat(run.steps().get(2).phase()).isEqualTo(StepPhase.PLANNED);
    }

    @Test
    void whenPuttingBackFailsTooTheRunSaysWhatIsWhere() {
        ScriptedServer server = new ScriptedServer();
        server.refuse.add("max_connections");
        server.refuseRestore.add("work_mem");
        ApplyRun run = apply.apply(planned(THREE), server);
        assertThat(run.state()).isEqualTo(RunState.NEEDS_ATTENTION);
        assertThat(server.values).containsEntry("work_mem", "65536").containsEntry("random_page_cost", "4");
        assertThat(run.message()).contains("Putting back failed for work_mem (wanted back: 4096")
                .contains("work_mem may hold 65536 or 4096").contains("random_page_cost is back at 4")
                .contains("Set those parameters by hand");
    }

    @Test
    void aServerThatGoesAwayMidApplyLeavesTheRunForTheNextStartWhichPutsItBack() {
        ScriptedServer server = new ScriptedServer() {
            @Override
            public void set(String parameter, String value) {
                down |= parameter.equals("max_connections");
                super.set(parameter, value);
            }
        };
        ApplyRun run = apply.apply(planned(THREE), server);
        assertThat(run.state()).as("nothing a person must decide while the server is away").isEqualTo(RunState.APPLYING);
        assertThat(run.message()).contains("could not be reached to put back")
                .contains("work_mem may hold 65536 or 4096").contains("next time it starts");
        assertThat(server.values).containsEntry("work_mem", "65536").containsEntry("random_page_cost", "1.1");

        List<ApplyRun> whileDown = apply.recover(r -> Optional.of(server));
        assertThat(whileDown).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(RunState.APPLYING));

        server.down = false;
        List<ApplyRun> recovered = apply.recover(r -> Optional.of(server));
        assertThat(recovered).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(RunState.ROLLED_BACK));
        assertThat(server.values).containsEntry("work_mem", "4096").containsEntry("random_page_cost", "4")
                .containsEntry("max_connections", "100");
        assertThat(store.applyJournal().unfinished()).isEmpty();
    }

    @Test
    void aRunALiveProcessOwnsIsLeftToItAndOnlyOneOfTwoClaimersTakesAnOrphan() {
        ScriptedServer server = new ScriptedServer();
        ApplyRun live = store.applyJournal().start(planned(THREE), RunOwner.current().text());
        assertThat(apply.recover(r -> Optional.of(server))).as("a run this live process is applying").isEmpty();
        assertThat(store.applyJournal().find(live.id()).orElseThrow().state()).isEqualTo(RunState.APPLYING);

        // A pid that no longer runs (or runs since another time): its run is an orphan, taken by one claimer only.
        String dead = new RunOwner(ProcessHandle.current().pid(), Instant.parse("2001-01-01T00:00:00Z")).text();
        ApplyRun orphan = store.applyJournal().start(planned(THREE), dead);
        assertThat(RunOwner.parse(dead).orElseThrow().alive()).isFalse();
        assertThat(store.applyJournal().claim(orphan.id(), dead, "1@1")).isTrue();
        assertThat(store.applyJournal().claim(orphan.id(), dead, "2@2")).isFalse();
        assertThat(store.applyJournal().owner(orphan.id())).contains("1@1");
    }

    @Test
    void aRestartOnlyParameterCountsAsAppliedWhenTheServerSaysItWaitsForARestart() {
        ScriptedServer server = new ScriptedServer();
        server.restartOnly.add("shared_buffers");
        List<String[]> one = List.<String[]>of(new String[]{"shared_buffers", "2097152", "restart"});
        ApplyRun run = apply.apply(planned(one), server);
        assertThat(run.state()).isEqualTo(RunState.APPLIED);
        assertThat(run.pendingRestarts()).containsExactly("shared_buffers");
    }

    @Test
    void aRunInterruptedByAKilledProcessIsCompensatedAtTheNextStart() {
        ScriptedServer server = new ScriptedServer();
        // What a process killed after step 2 leaves behind: step 1 verified, step 2 started, step 3 planned.
        ApplyRun started = store.applyJournal().start(planned(THREE).withSteps(List.of(
                new JournalStep(0, "work_mem", "4096", "65536", false, StepPhase.PLANNED, ""),
                new JournalStep(1, "random_page_cost", "4", "1.1", false, StepPhase.PLANNED, ""),
                new JournalStep(2, "max_connections", "100", "300", false, StepPhase.PLANNED, ""))));
        store.applyJournal().step(started.id(), 0, StepPhase.VERIFIED, "");
        store.applyJournal().step(started.id(), 1, StepPhase.APPLYING, "");
        server.values.put("work_mem", "65536");
        server.values.put("random_page_cost", "1.1");

        List<ApplyRun> recovered = apply.recover(run -> Optional.of(server));
        assertThat(recovered).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(RunState.ROLLED_BACK);
            assertThat(r.message()).contains("stopped while applying");
        });
        assertThat(server.values).containsEntry("work_mem", "4096").containsEntry("random_page_cost", "4")
                .containsEntry("max_connections", "100");
        assertThat(store.applyJournal().unfinished()).isEmpty();
    }

    @Test
    void anInterruptedRunWhoseServerIsDownStaysForTheNextStart() {
        ApplyRun started = store.applyJournal().start(planned(THREE));
        List<ApplyRun> recovered = apply.recover(run -> {
            throw new ServerStepException("Connection refused", true);
        });
        assertThat(recovered).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(started.id()));
        assertThat(store.applyJournal().unfinished()).hasSize(1);
    }

    @Test
    void anInterruptedRunForAnInstanceGoneFromTheFleetNeedsAttention() {
        store.applyJournal().start(planned(THREE));
        assertThat(apply.recover(run -> Optional.empty())).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(RunState.NEEDS_ATTENTION));
    }

    @Test
    void aServerThatCannotBeReadBeforehandIsLeftUntouched() {
        ScriptedServer server = new ScriptedServer() {
            @Override
            public String read(String parameter) {
                throw new ServerStepException("Connection refused", true);
            }
        };
        ApplyRun run = apply.apply(planned(THREE), server);
        assertThat(run.state()).isEqualTo(RunState.ROLLED_BACK);
        assertThat(run.message()).startsWith("Nothing was changed");
    }

    @Test
    void aChangeOnlyTheOptionFileCanMakeIsHandedOverNotSentAndTheRunIsAppliedWithWhatToWrite() {
        ScriptedServer server = new ScriptedServer();
        server.values.put("back_log", "150");
        server.optionFileOnly.add("back_log");
        ApplyRun run = apply.apply(planned(List.of(new String[]{"work_mem", "65536"}, new String[]{"back_log", "300", "restart"})), server);
        assertThat(run.state()).isEqualTo(RunState.APPLIED);
        assertThat(server.sent).containsExactly("work_mem");
        assertThat(server.values).containsEntry("back_log", "150");
        assertThat(run.steps()).extracting(JournalStep::phase).containsExactly(StepPhase.VERIFIED, StepPhase.HANDED_OVER);
        assertThat(run.steps().get(1).error()).contains("back_log = 300");
        assertThat(run.message()).contains("to finish: write `back_log = 300` under [mariadbd] in the option file and restart");
        assertThat(run.pendingRestarts()).containsExactly("back_log");
        assertThat(store.applyJournal().find(run.id()).orElseThrow().steps().get(1).phase()).isEqualTo(StepPhase.HANDED_OVER);
    }

    @Test
    void aRefusalAfterAHandedOverStepPutsBackWhatWasSentAndTellsNothingToWrite() {
        ScriptedServer server = new ScriptedServer();
        server.optionFileOnly.add("back_log");
        server.refuse.add("max_connections");
        ApplyRun run = apply.apply(planned(List.of(new String[]{"work_mem", "65536"}, new String[]{"back_log", "300", "restart"},
                new String[]{"max_connections", "300"})), server);
        assertThat(run.state()).isEqualTo(RunState.ROLLED_BACK);
        assertThat(server.values).containsEntry("work_mem", "4096");
        assertThat(run.steps()).extracting(JournalStep::phase)
                .containsExactly(StepPhase.COMPENSATED, StepPhase.COMPENSATED, StepPhase.FAILED);
        assertThat(run.steps().get(1).error()).contains("do not make this edit");
        assertThat(run.message()).doesNotContain("to finish").contains("holds its configuration from before the run");
        assertThat(run.pendingRestarts()).isEmpty();
    }
}
