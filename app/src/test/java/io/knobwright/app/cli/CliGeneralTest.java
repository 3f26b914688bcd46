package io.knobwright.app.cli;

import io.knobwright.model.UserError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CliGeneralTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void closeStore() {
        cli.close();
    }

    @Test
    void versionNamesTheBuildVersionAndTheJava() {
        CliHarness.Result r = cli.run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("Knobwright \\d+\\.\\d+\\.\\d+").contains("Java 25");
        assertThat(cli.openedDataDirs).isEmpty();
    }

    @Test
    void everyCommandHasHelpAndHelpNeverOpensTheStore() {
        java.util.Map<String, CommandLine> commands = new java.util.LinkedHashMap<>();
        collect(Cli.commandLine(new CliSession((d, as) -> { throw new AssertionError(); }, c -> 0, List.of(), java.util.Map.of(),
                java.io.InputStream.nullInputStream(), new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()))), "", commands);
        List<String> paths = List.copyOf(commands.keySet());

        assertThat(paths).contains("fleet list", "fleet add", "fleet import", "fleet show", "fleet refresh", "fleet remove",
                "fleet remove-demo", "catalog list", "catalog generate", "bench fleet-ui", "bench templates");
        for (String path : paths) {
            List<String> args = new ArrayList<>(List.of(path.isEmpty() ? new String[0] : path.split(" ")));
            args.add("--help");
            CliHarness.Result r = cli.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(path).isZero();
            assertThat(r.out()).as(path).startsWith("Usage: knobwright");
            // descriptions are written as lines; help must not wrap them again into ragged halves
            List<String> printed = r.out().lines().toList();
            for (String line : commands.get(path).getCommandSpec().usageMessage().description()) {
                // picocli formats each line ('%%' prints as '%'); CommandTreeTest checks that every line formats
                assertThat(printed).as(path + " prints its description's lines whole")
                        .contains(String.format(line).stripTrailing());
            }
        }
        assertThat(cli.openedDataDirs).isEmpty();
    }

    private static void collect(CommandLine cl, String prefix, java.util.Map<String, CommandLine> commands) {
        commands.put(prefix.strip(), cl);
        cl.getSubcommands().forEach((name, sub) -> collect(sub, prefix + " " + name, commands));
    }

    @Test
    void benchTemplatesReportsItsFigureNextToTheTargetAndTheExitCodeFollowsItWithoutOpeningTheStore() {
        CliHarness.Result r = cli.run("bench", "templates");

        assertThat(r.out()).contains("Template bench: the editor's check of postgresql-oltp").contains("target p99 < 5 ms");
        if (r.exitCode() == 0) {
            assertThat(r.err()).isEmpty();
        } else {
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.errLines()).containsExactly("knobwright: the template check missed its target (figures above).");
        }
        assertThat(cli.openedDataDirs).isEmpty();
    }

    @Test
    void benchPlansMeasuresDriftAndPlanningOnAGeneratedFleetAndTheExitCodeFollowsTheTargets() {
        CliHarness.Result r = cli.run("bench", "plans", "--instances", "200");

        assertThat(r.out()).contains("Plans bench: 200 instances").contains("drift of 200 instances")
                .contains("plan postgresql-oltp offline for ").contains("target < 1000 ms");
        if (r.exitCode() == 0) {
            assertThat(r.err()).isEmpty();
        } else {
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.errLines()).containsExactly("knobwright: drift or planning missed its target (figures above).");
        }
        assertThat(cli.openedDataDirs).isEmpty();
    }

    @Test
    void benchFleetUiMeasuresTheBrowserAndTheExitCodeFollowsTheTargets() {
        CliHarness.Result r = cli.run("bench", "fleet-ui", "--instances", "300");

        assertThat(r.out()).contains("Fleet browser bench: 300 instances");
        if (r.exitCode() == 0) {
            assertThat(r.err()).isEmpty();
        } else {
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.errLines()).containsExactly("knobwright: the fleet browser missed at least one target (figures above).");
        }
        assertThat(cli.openedDataDirs).isEmpty();
    }

    @Test
    void benchPlansRefusesAFleetSizeOutOfRangeAsAUserError() {
        CliHarness.Result r = cli.run("bench", "plans", "--instances", "0");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("knobwright: --instances must be between 1 and 100000, got 0.");
    }

    @Test
    void benchFleetUiRefusesAnEmptyFleet() {
        CliHarness.Result r = cli.run("bench", "fleet-ui", "--instances", "0");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("knobwright: --instances must be between 1 and 1000000, got 0.");
    }

    @Test
    void withoutACommandTheWorkbenchOpensAndItsExitCodeIsReturned() {
        cli.workbenchExitCode = 0;

        CliHarness.Result r = cli.run();

        assertThat(r.exitCode()).isZero();
        assertThat(cli.workbenchOpenings).isEqualTo(1);
    }

    @Test
    void dataDirFlagWorksBeforeAndAfterTheCommand() {
        cli.run("--data-dir", "/tmp/kw-a", "fleet", "list");
        cli.run("fleet", "list", "--data-dir", "/tmp/kw-b");

        assertThat(cli.openedDataDirs).containsExactly(Path.of("/tmp/kw-a"), Path.of("/tmp/kw-b"));
    }

    @Test
    void knobwrightHomeIsTheDataDirWhenNoFlagIsGiven() {
        cli.env.put("KNOBWRIGHT_HOME", "/srv/knobwright");

        cli.run("fleet", "list");
        cli.run("--data-dir", "/tmp/flag-wins", "fleet", "list");

        assertThat(cli.openedDataDirs).containsExactly(Path.of("/srv/knobwright"), Path.of("/tmp/flag-wins"));
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        CliHarness.Result r = cli.run("fleet", "lst");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument").contains("list").contains("Try 'knobwright fleet --help'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aGroupWithoutItsCommandIsAUsageError() {
        CliHarness.Result r = cli.run("fleet");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing command: use one of list, add");
    }

    @Test
    void userErrorsAreOneLineWithoutAStackTrace() {
        CliHarness.Result r = cli.run("fleet", "show", "ghost");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("knobwright: No instance 'ghost'. See 'knobwright fleet list' for ids and names.");
    }

    @Test
    void aListOfProblemsStaysOneLineWithItsItemsApart() {
        assertThat(Cli.oneLine("Nothing was imported; fix these first:\n  a.yaml line 5: no_such_param is unknown\n"
                + "  a.yaml line 7: 128XB has an unknown unit\n")).isEqualTo("Nothing was imported; fix these first:"
                + " a.yaml line 5: no_such_param is unknown; a.yaml line 7: 128XB has an unknown unit");
        assertThat(Cli.oneLine("First sentence.\nSecond one")).isEqualTo("First sentence. Second one");
    }

    @Test
    void debugAddsTheStackTrace() {
        CliHarness.Result r = cli.run("--debug", "fleet", "show", "ghost");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("No instance 'ghost'").contains("at io.knobwright.app.fleet.DefaultFleetService.require");
    }

    @Test
    void anUnexpectedFailureIsReportedAsABugInOneLineThatPointsToDebug() {
        cli.server.crash(new NullPointerException("Cannot invoke \"String.length()\" because \"version\" is null"));

        CliHarness.Result r = cli.run("fleet", "add", "--name", "x", "--jdbc-url", "jdbc:fake://db");

        assertThat(r.exitCode()).isEqualTo(70);
        assertThat(r.errLines()).containsExactly("knobwright: Knobwright hit a bug: java.lang.NullPointerException:"
                + " Cannot invoke \"String.length()\" because \"version\" is null. Run again with --debug to see where,"
                + " and report it.");
    }

    @Test
    void anIllegalArgumentFromInsideKnobwrightIsABugNotAUserError() {
        cli.server.crash(new IllegalArgumentException("Diff counts cannot be negative"));

        CliHarness.Result r = cli.run("fleet", "add", "--name", "x", "--jdbc-url", "jdbc:fake://db");

        assertThat(r.exitCode()).isEqualTo(70);
        assertThat(r.errLines()).singleElement().asString().startsWith("knobwright: Knobwright hit a bug: ");
    }

    @Test
    void withDebugABugPrintsItsStackTrace() {
        cli.server.crash(new IllegalStateException("no snapshot row"));

        CliHarness.Result r = cli.run("--debug", "fleet", "add", "--name", "x", "--jdbc-url", "jdbc:fake://db");

        assertThat(r.exitCode()).isEqualTo(70);
        assertThat(r.errLines().getFirst()).isEqualTo("knobwright: Knobwright hit a bug: java.lang.IllegalStateException:"
                + " no snapshot row. The stack trace follows; please report it.");
        assertThat(r.err()).contains("at io.knobwright.app.cli.CliGeneralTest");
    }

    @Test
    void everyKindOfUserErrorHasItsDocumentedExitCode() {
        assertThat(Cli.exitCode(UserError.Kind.INPUT)).isEqualTo(1);
        assertThat(Cli.exitCode(UserError.Kind.STORE)).isEqualTo(1);
        assertThat(Cli.exitCode(UserError.Kind.UNREACHABLE)).isEqualTo(3);
    }

    static Path writeTemp(String content) {
        try {
            Path f = java.nio.file.Files.createTempFile("kw-cli", ".csv");
            f.toFile().deleteOnExit();
            return java.nio.file.Files.writeString(f, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
