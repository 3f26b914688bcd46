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
}
