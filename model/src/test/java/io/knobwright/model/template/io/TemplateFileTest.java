package io.knobwright.model.template.io;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.EntryValue;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateFileTest {

    @ParameterizedTest
    @EnumSource(TemplateFile.Format.class)
    void everyBuiltInTemplateSurvivesAWriteReadRoundTrip(TemplateFile.Format format) {
        for (Template t : BuiltInTemplates.load()) {
            Template back = TemplateFile.read(TemplateFile.write(t, format), format);
            assertThat(back.entries()).isEqualTo(t.entries());
            assertThat(back.parent()).isEqualTo(t.parent());
            assertThat(back.engine()).isEqualTo(t.engine());
        }
    }

    @Test
    void builtInsAreReadOnlyAndCarryARationaleForEveryEntry() {
        assertThat(BuiltInTemplates.load()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.builtIn()).isTrue();
            assertThat(t.entries()).allSatisfy(e -> assertThat(e.rationale()).as(t.name() + " " + e.parameter()).isNotBlank());
        });
    }

    @Test
    void readsExpressionsResetsAndLocks() {
        Template t = TemplateFile.read("""
                name: mine
                engine: postgres
                parent: postgresql-oltp
                entries:
                  - parameter: shared_buffers
                    expression: 30% of RAM
                  - parameter: jit
                    reset: true
                  - parameter: wal_level
                    value: logical
                    locked: true
                """, TemplateFile.Format.YAML);
        assertThat(t.engine()).isEqualTo(Engine.POSTGRESQL);
        assertThat(t.entries().get(0).value()).isEqualTo(new EntryValue.Expression("30% of RAM"));
        assertThat(t.entries().get(1).value()).isInstanceOf(EntryValue.ResetToDefault.class);
        assertThat(t.entries().get(2).locked()).isTrue();
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> TemplateFile.read("name: x\nengine: postgresql\nentries:\n  - parameter: [unclosed\n", TemplateFile.Format.YAML))
                .isInstanceOf(TemplateException.class).hasMessageStartingWith("Line ");
    }

    @Test
    void unknownKeyIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> TemplateFile.read("{\"name\":\"x\",\"engine\":\"mysql\",\"entrys\":[]}", TemplateFile.Format.JSON))
                .hasMessageContaining("unknown key 'entrys'");
    }

    @Test
    void entryWithTwoValueKindsIsRefused() {
        assertThatThrownBy(() -> TemplateFile.read("""
                name: x
                engine: postgresql
                entries:
                  - parameter: work_mem
                    value: 4MB
                    expression: RAM / 100
                """, TemplateFile.Format.YAML)).hasMessageContaining("Entry 1 (work_mem) must have exactly one of");
    }

    @Test
    void unknownEngineIsNamed() {
        assertThatThrownBy(() -> TemplateFile.read("name: x\nengine: db2\n", TemplateFile.Format.YAML))
                .hasMessageContaining("Unknown engine 'db2'");
    }

    @Test
    void deepNestingAndHugeValuesEndInASentenceNamingTheLimitAndTheFile() {
        String hugeJson = "{\"name\": \"t\", \"engine\": \"postgresql\", \"description\": \"" + "x".repeat(2_000_000) + "\"}";
        assertThatThrownBy(() -> TemplateFile.readLocated(hugeJson, TemplateFile.Format.JSON, "huge.json"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("huge.json").hasMessageContaining("longer than 1,000,000 characters, the limit");
        String deepYaml = "name: t\nengine: postgresql\ndescription: " + "[".repeat(1200) + "]".repeat(1200) + "\n";
        assertThatThrownBy(() -> TemplateFile.readLocated(deepYaml, TemplateFile.Format.YAML, "deep.yaml"))
                .isInstanceOf(TemplateException.class).hasMessageStartingWith("deep.yaml line 3: not a valid YAML template");
        String longYaml = "name: t\nengine: postgresql\ndescription: " + "x".repeat(1_500_000) + "\n";
        assertThatThrownBy(() -> TemplateFile.readLocated(longYaml, TemplateFile.Format.YAML, "long.yaml"))
                .hasMessage("long.yaml: the file is longer than 1,000,000 characters, the limit for a YAML file. That is no"
                        + " template or inventory Knobwright wrote; check that this is the file you meant.");
    }

    @Test
    void entriesKnowTheLineTheyStartOn() {
        TemplateFile.Located read = TemplateFile.readLocated("name: t\nengine: postgresql\nentries:\n"
                + "  - parameter: work_mem\n    value: 64MB\n\n  - parameter: jit\n    reset: true\n", TemplateFile.Format.YAML, "t.yaml");
        assertThat(read.entryLines()).containsExactly(4, 7);
    }
}
