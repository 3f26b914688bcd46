package io.knobwright.connectors.load;

import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadScriptTest {

    @Test
    void tpcbLikeIsPgbenchsDefaultTransaction() {
        LoadScript script = LoadScript.tpcbLike();
        List<LoadScript.Command> commands = script.transactions().getFirst().commands();
        assertThat(commands).filteredOn(c -> c instanceof LoadScript.SetVariable).hasSize(4);
        assertThat(script.statements()).extracting(LoadScript.Sql::text).containsExactly("BEGIN",
                "UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid",
                "SELECT abalance FROM pgbench_accounts WHERE aid = :aid",
                "UPDATE pgbench_tellers SET tbalance = tbalance + :delta WHERE tid = :tid",
                "UPDATE pgbench_branches SET bbalance = bbalance + :delta WHERE bid = :bid",
                "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta,"
                        + " CURRENT_TIMESTAMP)",
                "END");
        assertThat(LoadScript.selectOnly().statements()).hasSize(1);
        assertThat(LoadScript.builtin("Simple-Update").name()).isEqualTo("simple-update");
        assertThat(script.toString()).contains("tpcb-like", "1 alternative");
    }

    @Test
    void aScriptFileIsNamedAfterItself(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("orders.sql");
        java.nio.file.Files.writeString(file, "\\set id random(1, 10)\nSELECT * FROM orders WHERE id = :id;\n");
        LoadScript script = LoadScript.read(file);
        assertThat(script.name()).isEqualTo("orders.sql");
        assertThat(script.statements()).hasSize(1);
        assertThatThrownBy(() -> LoadScript.read(dir.resolve("missing.sql"))).isInstanceOf(UserError.class)
                .hasMessageContaining("Cannot read the script").hasMessageContaining("missing.sql");
        java.nio.file.Files.write(file, new byte[]{(byte) 0xff, (byte) 0xfe, 'x'});
        assertThatThrownBy(() -> LoadScript.read(file)).hasMessageContaining("readable UTF-8");
    }

    @Test
    void unknownBuiltinNamesTheOnesThatExist() {
        assertThatThrownBy(() -> LoadScript.builtin("tpcc"))
                .isInstanceOf(UserError.class).hasMessageContaining("tpcb-like, simple-update, select-only");
    }

    @Test
    void statementsEndAtSemicolonsOutsideQuotesAndMaySpanLines() {
        LoadScript script = LoadScript.parse("s", """
                -- a comment line is skipped

                SELECT 'a;b', "x;y", $$c;d$$, $t$ ; $t$ /* e; /* nested; */ */
                  FROM t; SELECT 2;
                SELECT E'it\\'s;'
                \\set n 1
                SELECT :n  -- no semicolon: ends at the end of the script
                """);
        assertThat(script.statements()).extracting(LoadScript.Sql::line).containsExactly(3, 4, 5, 7);
        assertThat(script.statements().get(0).text()).startsWith("SELECT 'a;b'").endsWith("FROM t");
        assertThat(script.statements().get(1).text()).isEqualTo("SELECT 2");
        assertThat(script.statements().get(2).text()).isEqualTo("SELECT E'it\\'s;'");
    }

    @Test
    void variablesAreSubstitutedAsNumbersOnlyOutsideQuotesAndNotInCasts() {
        LoadScript script = LoadScript.parse("s", """
                \\set v -5
                \\set d 2.5 * -1
                \\set big 1e300 * 1e300
                SELECT :v::int, ':v', ":v", a -:v, :d, :big, -:big, -- :v
                  :client_id + :scale;
                """);
        String sql = script.statements().getFirst().render(Map.of("v", -5L, "d", -2.5, "big",
                Double.POSITIVE_INFINITY, "client_id", 3L, "scale", 10L));
        assertThat(sql).isEqualTo("SELECT (-5)::int, ':v', \":v\", a -(-5), (-2.5), 'Infinity'::float8,"
                + " -'Infinity'::float8, -- :v\n  3 + 10");
        assertThat(LoadScript.literal(Double.NaN)).isEqualTo("'NaN'::float8");
        assertThat(LoadScript.literal(Double.NEGATIVE_INFINITY)).isEqualTo("'-Infinity'::float8");
        assertThat(LoadScript.literal(0.25)).isEqualTo("0.25");
    }

    @Test
    void metaCommandsContinueOverATrailingBackslash() {
        LoadScript script = LoadScript.parse("s", "\\set x 1 + \\\n   2\nSELECT :x;\n\\sleep 5 ms\n\\sleep :x us\n"
                + "\\sleep 1\n");
        List<LoadScript.Command> commands = script.transactions().getFirst().commands();
        ClientVariables variables = new ClientVariables("s", 1, 0, new SplittableRandom(1));
        variables.set((LoadScript.SetVariable) commands.get(0));
        assertThat(variables.values()).containsEntry("x", 3L);
        assertThat(variables.sleepMicros((LoadScript.Sleep) commands.get(2))).isEqualTo(5_000);
        assertThat(variables.sleepMicros((LoadScript.Sleep) commands.get(3))).isEqualTo(3);
        assertThat(variables.sleepMicros((LoadScript.Sleep) commands.get(4))).isEqualTo(1_000_000);
        assertThat(commands.get(2).line()).isEqualTo(4);
    }

    @Test
    void errorsNameTheLineAndWhatToDo() {
        assertError("SELECT 1;\n\\gset\n", "line 2", "unknown meta-command \\gset", "\\set and \\sleep");
        assertError("SELECT :aid;\n\\set aid 1\n", "line 1", ":aid is used before any \\set");
        assertError("\n\\set aid random(1, :nope)\nSELECT 1;", "line 2", ":nope is used before");
        assertError("\\set aid random(1,\nSELECT 1;", "line 1", "at column");
        assertError("\\set aid\nSELECT 1;", "line 1", "\\set needs a variable name and an expression");
        assertError("\\set 9x 1\nSELECT 1;", "line 1", "'9x' is not a variable name");
        assertError("\\sleep 5 minutes\nSELECT 1;", "line 1", "not the unit 'minutes'");
        assertError("\\sleep 1.5\nSELECT 1;", "line 1", "not '1.5'");
        assertError("\\sleep\nSELECT 1;", "line 1", "\\sleep takes a whole number");
        assertError("\\set a 1\n-- only a comment\n", "has no SQL statement");
        assertError("SELECT 1;\n\nSELECT 'open\n", "line 3", "never closed");
        assertError("SELECT 1; /* open\n", "line 1", "never closed");
        assertError("SELECT $x$ open\n", "line 1", "never closed");
    }

    @Test
    void aMixPicksEachScriptInProportionToItsWeight() {
        LoadScript a = LoadScript.parse("a", "SELECT 1;");
        LoadScript b = LoadScript.mix("b", List.of(new LoadScript.Weighted(LoadScript.parse("b1", "SELECT 2;"), 1),
                new LoadScript.Weighted(LoadScript.parse("b2", "SELECT 3;"), 1)));
        LoadScript mix = LoadScript.mix("mix", List.of(new LoadScript.Weighted(a, 3), new LoadScript.Weighted(b, 1)));
        assertThat(mix.transactions()).extracting(LoadScript.Transaction::name).containsExactly("a", "b1", "b2");
        assertThat(mix.transactions()).extracting(LoadScript.Transaction::weight).containsExactly(3.0, 0.5, 0.5);
        SplittableRandom random = new SplittableRandom(7);
        int aPicked = 0;
        for (int i = 0; i < 4000; i++) {
            if (mix.pick(random).name().equals("a")) {
                aPicked++;
            }
        }
        assertThat(aPicked).isBetween(2850, 3150);
        assertThat(mix.statements()).hasSize(3);
        assertThatThrownBy(() -> LoadScript.mix("empty", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadScript.Weighted(a, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commandsBuiltInCodeMakeAScriptOfOneTransaction() {
        LoadScript script = LoadScript.of("replayed", List.of(new LoadScript.Sql(1, "SELECT 1", List.of("SELECT 1"),
                List.of())));
        assertThat(script.pick(new SplittableRandom(1)).commands()).hasSize(1);
        assertThatThrownBy(() -> LoadScript.of("none", List.of()))
                .hasMessageContaining("at least one SQL statement");
        assertThatThrownBy(() -> new LoadScript.Sql(1, "x", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadScript.Sleep(1, new Expression.Constant(1L), 7))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesThatCannotBeComputedNameTheLine() {
        LoadScript script = LoadScript.parse("s", "\\set z 0\n\\set x 1 / :z\nSELECT 1;\n");
        List<LoadScript.Command> commands = script.transactions().getFirst().commands();
        ClientVariables variables = new ClientVariables("s", 1, 0, new SplittableRandom(1));
        variables.set((LoadScript.SetVariable) commands.get(0));
        assertThatThrownBy(() -> variables.set((LoadScript.SetVariable) commands.get(1)))
                .isInstanceOf(UserError.class).hasMessageContaining("line 2: division by zero");
        LoadScript sleepy = LoadScript.parse("s", "\\set d 1.5\n\\sleep :d\nSELECT :d;");
        ClientVariables other = new ClientVariables("s", 1, 0, new SplittableRandom(1));
        assertThatThrownBy(() -> other.render(sleepy.statements().getFirst()))
                .hasMessageContaining("line 3: variable :d has no value");
        other.set((LoadScript.SetVariable) sleepy.transactions().getFirst().commands().getFirst());
        assertThatThrownBy(() -> other.sleepMicros((LoadScript.Sleep) sleepy.transactions().getFirst().commands()
                .get(1))).hasMessageContaining("line 2: \\sleep needs a whole number");
    }

    private static void assertError(String script, String... parts) {
        assertThatThrownBy(() -> LoadScript.parse("mine", script))
                .isInstanceOf(UserError.class)
                .satisfies(e -> assertThat(((UserError) e).kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessageStartingWith("Script 'mine'")
                .hasMessageContainingAll(parts);
    }
}
