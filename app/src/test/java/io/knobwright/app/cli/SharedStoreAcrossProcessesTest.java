package io.knobwright.app.cli;

import io.knobwright.app.AppContext;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README promises that the workbench and the CLI share a store: real CLI processes, started together on one
 * data directory, all succeed, and nothing they write is lost or doubled, also when the process that serves the
 * store to the others exits in the middle (decision 0043).
 */
class SharedStoreAcrossProcessesTest {

    @TempDir
    Path temp;

    private record Batch(int process, Path commands, Path exitCodes, Process child) {
    }

    @Test
    void eightProcessesOfTwentyCommandsAllSucceedWhileTheWorkbenchHoldsTheStore() throws Exception {
        Path dataDir = Files.createDirectory(temp.resolve("data"));
        List<Batch> batches;
        try (AppContext workbench = AppContext.open(dataDir)) {
            // opened first, through the workbench's own code: it owns the file and serves every CLI process
            workbench.fleet().removeDemoFleet(); // keeps 'fleet list' short: the test is about sharing, not printing
            batches = runTogether(dataDir, 8, 20);
        }
        assertEveryWriteIsThereOnce(dataDir, batches, 20);
    }

    @Test
    void processesStartedTogetherWithoutAWorkbenchAllSucceedWhileTheServingOneComesAndGoes() throws Exception {
        // each process that serves the others exits in the middle of their work; H2 takes seconds for each
        // take-over, so fewer processes keep the test short
        Path dataDir = Files.createDirectory(temp.resolve("data"));
        try (AppContext setup = AppContext.open(dataDir)) {
            setup.fleet().removeDemoFleet();
        }

        List<Batch> batches = runTogether(dataDir, 4, 5);

        assertEveryWriteIsThereOnce(dataDir, batches, 5);
    }

    private List<Batch> runTogether(Path dataDir, int processes, int commandsEach) throws Exception {
        Path conf = temp.resolve("postgresql.conf");
        Files.writeString(conf, "shared_buffers = 2GB\nwork_mem = '32MB'\n");
        List<Batch> batches = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            Path commands = temp.resolve("batch-" + p);
            Files.write(commands, commandLines(dataDir, conf, p, commandsEach), StandardCharsets.UTF_8);
            Path exitCodes = temp.resolve("batch-" + p + ".codes");
            batches.add(new Batch(p, commands, exitCodes, CliBatchProcess.start(commands, exitCodes)));
        }
        for (Batch batch : batches) {
            if (!batch.child().waitFor(180, TimeUnit.SECONDS)) {
                batch.child().destroyForcibly();
            }
        }
        for (Batch batch : batches) {
            String err = Files.readString(batch.commands().resolveSibling(batch.commands().getFileName() + ".err"));
            List<String> codes = Files.exists(batch.exitCodes()) ? Files.readAllLines(batch.exitCodes()) : List.of();
            assertThat(codes).as("process %d: %s", batch.process(), err).hasSize(commandsEach).allMatch(c -> c.endsWith("=> 0"));
            assertThat(err).as("stderr of process %d", batch.process()).isEmpty();
            assertThat(batch.child().exitValue()).isZero();
        }
        return batches;
    }

    /**
     * Per process, in turns of five: add an instance (an inventory import), list the fleet, tag that instance, import a template, assign
     * the template to the instance.
     */
    private static List<String> commandLines(Path dataDir, Path conf, int p, int count) {
        List<String> lines = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            String instance = "p" + p + "-" + (j - j % 5);
            String template = "t" + p + "-" + (j - j % 5);
            List<String> args = switch (j % 5) {
                case 0 -> List.of("fleet", "import", "--file", inventory(conf.resolveSibling(instance + ".csv"),
                        instance + ",postgresql,16,batch=b" + p).toString());
                case 1 -> List.of("fleet", "list", "--json");
                case 2 -> List.of("fleet", "edit", instance, "--tag", "edited=yes");
                case 3 -> List.of("template", "import", "--file", conf.toString(), "--name", template,
                        "--engine", "postgresql", "--version", "16");
                default -> List.of("template", "assign", "--template", template, "--instance", instance);
            };
            lines.add(String.join("\t", Stream.concat(Stream.of("--data-dir", dataDir.toString()), args.stream()).toList()));
        }
        return lines;
    }

    /** A one-instance inventory: registers without contacting a server, so the test needs none. */
    private static Path inventory(Path file, String row) {
        try {
            return Files.writeString(file, "name,engine,version,tags\n" + row + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertEveryWriteIsThereOnce(Path dataDir, List<Batch> batches, int commandsEach) throws IOException {
        int turns = (commandsEach + 4) / 5;
        try (KnobwrightStore store = KnobwrightStore.open(dataDir)) {
            Map<String, Instance> added = store.instances().findAll().stream()
                    .filter(i -> i.name().matches("p\\d+-\\d+"))
                    .collect(Collectors.toMap(Instance::name, Function.identity()));
            assertThat(added).hasSize(batches.size() * turns);
            for (Batch batch : batches) {
                for (int turn = 0; turn < turns; turn++) {
                    String suffix = batch.process() + "-" + turn * 5;
                    Instance instance = added.get("p" + suffix);
                    assertThat(instance).as("p" + suffix).isNotNull();
                    assertThat(instance.tags()).containsEntry("edited", "yes").containsEntry("batch", "b" + batch.process());
                    assertThat(store.templates().history("t" + suffix)).as("versions of t" + suffix).hasSize(1);
                    assertThat(store.templateAssignments().find(instance.id()))
                            .hasValueSatisfying(a -> assertThat(a.templateName()).isEqualTo("t" + suffix));
                }
            }
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("H2 writes no trace files")
                    .noneMatch(name -> name.endsWith(".trace.db"));
        }
    }
}
