package io.knobwright.app.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile YAML and JSON templates: `template import` checks them as it checks a postgresql.conf (its --help says
 * the whole file is checked first), names every bad entry by line, and stores nothing when one is refused.
 */
class TemplateImportChecksTest {

    private final CliHarness cli = new CliHarness();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        cli.close();
    }

    private static final String HOSTILE_YAML = """
            name: hostile
            engine: postgresql
            targetVersions: ['16']
            entries:
              - parameter: work_mem
                value: 64MB
              - parameter: no_such_param
                value: 1
              - parameter: shared_buffers
                value: 128XB
              - parameter: maintenance_work_mem
                expression: min(
              - parameter: temp_buffers
                expression: RAM / 0
              - parameter: effective_cache_size
                expression: effective_cache_size * 2
              - parameter: "bad\\0name"
                value: 1
              - parameter: "bad\\nname"
                value: 1
            """;

    @Test
    void aHostileYamlTemplateIsRefusedEntryByEntryAndNothingIsStored() throws Exception {
        Path yaml = Files.writeString(dir.resolve("hostile.yaml"), HOSTILE_YAML);

        CliHarness.Result r = cli.run("template", "import", "--file", yaml.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).startsWith("knobwright: Nothing was imported; fix these first:")
                .contains("hostile.yaml line 7: no_such_param is not a PostgreSQL 16 parameter")
                .contains("hostile.yaml line 9: shared_buffers on PostgreSQL 16: 128XB has an unknown unit 'XB'")
                .contains("hostile.yaml line 11: Template 'hostile', maintenance_work_mem: In 'min(', column 5")
                .contains("hostile.yaml line 13: Template 'hostile', temp_buffers: Column 5: division by zero")
                .contains("hostile.yaml line 15: Expressions refer to each other in a circle: effective_cache_size -> effective_cache_size")
                .contains("hostile.yaml line 17: The parameter name 'bad\\u0000name' contains U+0000 NULL")
                .contains("hostile.yaml line 19: The parameter name 'bad\\nname' contains U+000A LINE FEED (LF)")
                .doesNotContain("\u0000").doesNotContain("line 5:");
        assertThat(r.errLines()).hasSize(1);
        assertThat(cli.run("template", "show", "hostile").exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    }

    @Test
    void aJsonTemplateMeetsTheSameChecksWithTheSameMessagesAsAPostgresqlConf() throws Exception {
        Path json = Files.writeString(dir.resolve("hostile.json"), """
                {"name": "hostile", "engine": "postgresql", "targetVersions": ["16"],
                 "entries": [
                   {"parameter": "work_mem", "value": "64MB"},
                   {"parameter": "shared_bufers", "value": "8GB"},
                   {"parameter": "max_connections", "value": "lots"}
                 ]}
                """);
        Path conf = Files.writeString(dir.resolve("hostile.conf"), """
                work_mem = 64MB
                shared_bufers = 8GB
                max_connections = lots
                """);

        CliHarness.Result fromJson = cli.run("template", "import", "--file", json.toString());
        CliHarness.Result fromConf = cli.run("template", "import", "--file", conf.toString(), "--name", "hostile", "--version", "16");

        assertThat(List.of(fromJson.exitCode(), fromConf.exitCode())).containsOnly(ExitCodes.USER_ERROR);
        for (String problem : List.of("shared_bufers is not a PostgreSQL 16 parameter",
                "max_connections on PostgreSQL 16: lots is not a number")) {
            assertThat(fromConf.err()).contains(problem);
            assertThat(fromJson.err()).contains(problem);
        }
        assertThat(fromJson.err()).contains("hostile.json line 4: shared_bufers").contains("hostile.json line 5: max_connections");
        assertThat(cli.run("template", "show", "hostile").exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    }

    @Test
    void aTemplateTargetingSeveralVersionsIsCheckedAgainstEachAndSaysHowToNarrowIt() throws Exception {
        Path yaml = Files.writeString(dir.resolve("new-knob.yaml"), "name: new-knob\nengine: postgresql\n"
                + "targetVersions: ['17', '18']\nentries:\n  - parameter: io_method\n    value: worker\n");

        CliHarness.Result r = cli.run("template", "import", "--file", yaml.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("new-knob.yaml line 5: io_method is not a PostgreSQL 17 parameter")
                .contains("targets versions 17, 18").contains("--version");
        assertThat(cli.run("template", "import", "--file", yaml.toString(), "--version", "18").exitCode()).isZero();
    }

    @Test
    void anExpressionMayReferToTheParentsParametersAndAMissingParentIsNamed() throws Exception {
        Path child = Files.writeString(dir.resolve("child.yaml"), "name: child\nengine: postgresql\nparent: postgresql-base\n"
                + "targetVersions: ['16']\nentries:\n  - parameter: maintenance_work_mem\n    expression: shared_buffers / 4\n");
        assertThat(cli.run("template", "import", "--file", child.toString()).exitCode()).isZero();

        Path orphan = Files.writeString(dir.resolve("orphan.yaml"), "name: orphan\nengine: postgresql\nparent: nobody\n"
                + "targetVersions: ['16']\nentries:\n  - parameter: work_mem\n    value: 64MB\n");
        CliHarness.Result r = cli.run("template", "import", "--file", orphan.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("orphan.yaml: Template 'orphan' has parent 'nobody', which does not exist");
    }
}
