package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.AppContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI as a user runs it: the real composition root on a data directory, one process per command,
 * real connectors against the local PostgreSQL (127.0.0.1:5432, trust auth; .ci/run starts it).
 */
class CliDataDirectoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private CliHarness.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliSession session = new CliSession(AppContext::open, c -> { throw new AssertionError("no workbench in tests"); },
                List.of(), Map.of("KNOBWRIGHT_HOME", home.toString()), InputStream.nullInputStream(),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliHarness.Result(Cli.run(session, args), out.toString(), err.toString());
    }

    @Test
    void aNewDataDirectoryStartsWithTheDemoFleetWhichCanBeRemovedForGood() throws Exception {
        JsonNode first = JSON.readTree(run("fleet", "list", "--json").out());
        assertThat(first.size()).isGreaterThan(10);
        first.forEach(i -> assertThat(i.get("demo").asBoolean()).isTrue());

        CliHarness.Result removed = run("fleet", "remove-demo");

        assertThat(removed.out()).contains("Removed " + first.size() + " demo instance(s).");
        assertThat(JSON.readTree(run("fleet", "list", "--json").out())).isEmpty();
    }

    @Test
    void aRegisteredServerIsThereInTheNextProcessWithItsSnapshot() throws Exception {
        run("fleet", "remove-demo");
        CliHarness.Result added = run("fleet", "add", "--name", "local-pg", "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:5432/postgres", "--user", "postgres", "--tier", "test", "--json");
        assertThat(added.exitCode()).as(added.err()).isZero();

        JsonNode shown = JSON.readTree(run("fleet", "show", "local-pg", "--json").out());
        CliHarness.Result refreshed = run("fleet", "refresh", "local-pg");

        assertThat(shown.get("instance").get("engine").asText()).isEqualTo("postgresql");
        assertThat(shown.get("instance").get("version").asText()).isEqualTo("15");
        assertThat(shown.get("snapshot").get("settingCount").asInt()).isGreaterThan(300);
        assertThat(refreshed.exitCode()).as(refreshed.err()).isZero();
        assertThat(refreshed.out()).startsWith("Refreshed 'local-pg': ");
    }

    @Test
    void aDataDirectoryThatIsAFileIsAOneLineUserError() throws Exception {
        Path file = java.nio.file.Files.writeString(home.resolve("not-a-dir"), "x");

        CliHarness.Result r = run("--data-dir", file.toString(), "fleet", "list");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("knobwright: ").contains(file.toString());
    }
}
