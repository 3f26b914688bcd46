package io.knobwright.app.cli;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bidi overrides and zero-width characters make one name print as another ("db-\u202Edorp" reads "db-prod"):
 * refused on the way in, and a name that is already stored or comes from a file is printed escaped, never raw.
 */
class HiddenCharactersInNamesTest {

    private static final String[] HIDDEN = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
            "\u2068", "\u2069", "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\uFEFF", "\u0000", "\u001B", "\u2028"};

    private final CliHarness cli = new CliHarness();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        cli.close();
    }

    private static void assertNothingRaw(CliHarness.Result r) {
        for (String hidden : HIDDEN) {
            assertThat(r.out() + r.err()).doesNotContain(hidden);
        }
    }

    @Test
    void fleetAddRefusesEveryBidiControlAndZeroWidthCharacterInANameOrTagAndShowsItEscaped() {
        for (String hidden : HIDDEN) {
            CliHarness.Result r = cli.run("fleet", "add", "--name", "db-" + hidden + "prod", "--jdbc-url", "jdbc:fake://db");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(r.err()).contains("Instance name 'db-\\u").contains("an invisible or control character");
            assertNothingRaw(r);
        }
        CliHarness.Result tag = cli.run("fleet", "add", "--name", "db", "--jdbc-url", "jdbc:fake://db", "--tag", "team=pay\u200Bments");
        assertThat(tag.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(tag.err()).contains("Tag 'team=pay\\u200Bments' contains U+200B ZERO WIDTH SPACE");
        assertThat(cli.instances().findAll()).isEmpty();
    }

    @Test
    void fleetEditRefusesAHiddenCharacterInANewTag() {
        cli.add(new Instance(0, "orders", Engine.POSTGRESQL, "16", null, null, Map.of(), null, null, null, null, false));

        CliHarness.Result tag = cli.run("fleet", "edit", "orders", "--tag", "team\u2066=x");

        assertThat(tag.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(tag.err()).contains("Tag 'team\\u2066=x' contains U+2066 LEFT-TO-RIGHT ISOLATE");
        assertNothingRaw(tag);
        assertThat(cli.instances().findByName("orders").orElseThrow().tags()).isEmpty();
    }

    @Test
    void aNameAlreadyStoredIsListedEscapedAndMessagesQuotingItEscapeItToo() {
        cli.add(new Instance(0, "db-\u202Edorp", Engine.POSTGRESQL, "16", null, null, Map.of("team\u200B", "x"),
                null, null, null, null, false));

        CliHarness.Result list = cli.run("fleet", "list");
        CliHarness.Result missing = cli.run("template", "show", "oltp\u202E\u200B");

        assertThat(list.out()).contains("db-\\u202Edorp").contains("team\\u200B");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(missing.err()).contains("'oltp\\u202E\\u200B'");
        assertNothingRaw(list);
        assertNothingRaw(missing);
    }

    @Test
    void aTemplateFileWhoseNameOrParametersHideCharactersIsRefusedEscaped() throws Exception {
        Path yaml = Files.writeString(dir.resolve("t.yaml"), "name: \"oltp\\u202E\"\nengine: postgresql\ntargetVersions: ['16']\n"
                + "entries:\n  - parameter: \"work_mem\\u200D\"\n    value: 64MB\n");

        CliHarness.Result r = cli.run("template", "import", "--file", yaml.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("t.yaml: The template name 'oltp\\u202E' contains U+202E RIGHT-TO-LEFT OVERRIDE")
                .contains("t.yaml line 5: The parameter name 'work_mem\\u200D' contains U+200D ZERO WIDTH JOINER");
        assertNothingRaw(r);
        assertThat(cli.run("template", "show", "oltp\u202E").exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    }
}
