package io.knobwright.app.apply;

import io.knobwright.model.apply.journal.JournalStep;
import io.knobwright.model.apply.journal.RunState;
import io.knobwright.model.apply.journal.StepPhase;
import io.knobwright.model.plan.PlanState;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.knobwright.app.apply.ApplyFixture.autoConf;
import static io.knobwright.app.apply.ApplyFixture.online;
import static io.knobwright.app.apply.ApplyFixture.settings;
import static io.knobwright.app.apply.ApplyFixture.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A Knobwright process killed with SIGKILL in the middle of applying a plan to a real PostgreSQL, after step 2 was
 * set and verified: the next command of any process puts the old configuration back whole, the plan and the journal
 * say so; and a run one process is putting back is left alone by another that starts meanwhile.
 */
class ApplyKilledProcessTest {

    private static final String[] PARAMETERS = {"work_mem", "random_page_cost", "effective_io_concurrency"};
    private static final int SIGKILLED = 128 + 9;

    private static EmbeddedPostgres postgres;
    /** A store with the server in its fleet and plan 1 approved, made once: each test applies a copy of it. */
    private static Path preparedStore;
    private static long planId;
    @TempDir
    static Path shared;
    @TempDir
    Path testDir;
    private Path dataDir;
    private String url;
    private List<String> oldSettings;
    private String oldAutoConf;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void serverAndPreparedStore() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        preparedStore = shared.resolve("prepared");
        try (ApplyFixture fixture = ApplyFixture.onDisk(preparedStore, postgres.getJdbcUrl("postgres", "postgres"))) {
            planId = fixture.approved(online("work_mem", "4096", "8192"), online("random_page_cost", "4", "1.1"),
                    online("effective_io_concurrency", "1", "200")).id();
        }
    }

    /** The prepared store, closed, copied file by file with its owner-only permissions. */
    private static void copyStore(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void oldConfiguration() throws Exception {
        url = postgres.getJdbcUrl("postgres", "postgres");
        dataDir = testDir.resolve("store");
        copyStore(preparedStore, dataDir);
        sql(url, "ALTER SYSTEM RESET ALL", "SELECT pg_reload_conf()");
        oldSettings = settings(url, PARAMETERS);
        oldAutoConf = autoConf(url);
    }

    @AfterEach
    void endChildren() throws Exception {
        for (Process p : started) {
            p.destroyForcibly();
        }
        sql(url, "ALTER SYSTEM RESET ALL", "SELECT pg_reload_conf()");
    }

    /** A child process's stdout, line by line, read on a thread of its own so the test can wait with a timeout. */
    private record Child(Process process, BlockingQueue<String> lines, Path stderr) {

        String await(String prefix) throws Exception {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<String> seen = new java.util.ArrayList<>();
            while (System.nanoTime() < until) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line != null) {
                    seen.add(line);
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            return fail("child never printed " + prefix + " but " + seen + "; exit " + (process.isAlive() ? "none yet"
                    : process.exitValue()) + ", stderr:\n" + Files.readString(stderr));
        }

        void tell(String line) throws IOException {
            Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            in.write(line + "\n");
            in.flush();
        }

        int exit() throws Exception {
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("child ended").isTrue();
            return process.exitValue();
        }

        String err() throws IOException {
            return Files.readString(stderr);
        }
    }

    private Child child(String... args) throws IOException {
        Path stderr = Files.createTempFile(testDir, "child-", ".err");
        Process p = ApplyChildProcess.start(stderr, args);
        started.add(p);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException ended) {
                // the child is gone
            }
        });
        return new Child(p, lines, stderr);
    }

    /** The approved three-step plan, applied by a child that is killed with SIGKILL after step 2. */
    private long appliedAndKilledAfterStepTwo() throws Exception {
        Child applying = child("apply", dataDir.toString(), String.valueOf(planId), "2");
        applying.await("STEP 2 VERIFIED");
        assertThat(settings(url, PARAMETERS)).as("the server holds steps 1 and 2 when the process dies")
                .containsExactly("8192", "1.1", oldSettings.get(2));
        applying.process().destroyForcibly();
        assertThat(applying.exit()).as("destroyForcibly is SIGKILL: no shutdown hook, no finally").isEqualTo(SIGKILLED);
        return planId;
    }

    private void assertOldConfigurationAndRecordedSo(long plan) throws Exception {
        assertThat(settings(url, PARAMETERS)).containsExactlyElementsOf(oldSettings);
        assertThat(autoConf(url)).as("postgresql.auto.conf as before the run").isEqualTo(oldAutoConf);
        try (ApplyFixture fixture = ApplyFixture.reopened(dataDir)) {
            assertThat(fixture.planState(plan)).isEqualTo(PlanState.ROLLED_BACK);
            assertThat(fixture.store.applyJournal().unfinished()).isEmpty();
            assertThat(fixture.context.apply().runsOf(plan)).singleElement().satisfies(run -> {
                assertThat(run.state()).isEqualTo(RunState.ROLLED_BACK);
                assertThat(run.message()).contains("stopped while applying");
                // Step 3 was journaled APPLYING before the kill (the journal is written before the server is asked).
                assertThat(run.steps()).extracting(JournalStep::phase).containsOnly(StepPhase.COMPENSATED);
            });
            assertThat(fixture.context.audit().about("plan:" + plan)).extracting(r -> r.action())
                    .contains("plan.rolled-back");
        }
    }

    @Test
    void aProcessKilledAfterStepTwoIsRolledBackByTheNextCommand() throws Exception {
        long plan = appliedAndKilledAfterStepTwo();

        Child next = child("cli", "--data-dir", dataDir.toString(), "--as", "alice", "plan", "list");
        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(next.err()).contains("apply run").contains("of plan " + plan).contains("had been interrupted: rolled back");

        assertOldConfigurationAndRecordedSo(plan);
    }

    @Test
    void aRunOneProcessIsPuttingBackIsLeftAloneByAnotherThatStartsMeanwhile() throws Exception {
        long plan = appliedAndKilledAfterStepTwo();

        Child first = child("recover", dataDir.toString());
        first.await("RECOVERING");
        // This JVM is the other process: opening the store and recovering is what every command does at its start.
        try (ApplyFixture meanwhile = ApplyFixture.reopened(dataDir)) {
            assertThat(meanwhile.context.apply().recover()).as("the run is the first process's: not reported, not touched")
                    .isEmpty();
            assertThat(meanwhile.planState(plan)).isEqualTo(PlanState.APPLYING);
        }
        assertThat(settings(url, PARAMETERS)).as("nothing was put back by the second process")
                .containsExactly("8192", "1.1", oldSettings.get(2));

        first.tell("go on");
        assertThat(first.await("RECOVERED")).isEqualTo("RECOVERED [ROLLED_BACK]");
        assertThat(first.exit()).isZero();
        assertOldConfigurationAndRecordedSo(plan);
    }
}
