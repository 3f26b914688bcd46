package io.knobwright.model.template;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.io.BuiltInTemplates;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateLibraryTest {

    private final InMemoryTemplateRepository repository = new InMemoryTemplateRepository();
    private final TemplateLibrary library = new TemplateLibrary(BuiltInTemplates.load(), repository);

    private static Template template(String name, String parent, TemplateEntry... entries) {
        return new Template(name, Engine.POSTGRESQL, List.of(), parent, List.of(entries), false, "");
    }

    @Test
    void everySaveIsANewImmutableVersion() {
        library.save(template("payments", "postgresql-oltp", TemplateEntry.literal("work_mem", "16MB", "")), "lin", "first");
        TemplateVersion v2 = library.save(template("payments", "postgresql-oltp", TemplateEntry.literal("work_mem", "32MB", "")), "sam", "more sort memory");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(library.history("payments")).extracting(TemplateVersion::version).containsExactly(2, 1);
        assertThat(library.find("payments@1").orElseThrow().template().entries().getFirst().value())
                .isEqualTo(new EntryValue.Literal("16MB"));
        assertThat(library.history("payments").getFirst().author()).isEqualTo("sam");
    }

    @Test
    void rollbackSavesTheOldVersionAsTheNewest() {
        library.save(template("t", null, TemplateEntry.literal("work_mem", "16MB", "")), "lin", "");
        library.save(template("t", null, TemplateEntry.literal("work_mem", "1GB", "")), "lin", "oops");
        TemplateVersion v3 = library.rollback("t", 1, "lin");
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.comment()).isEqualTo("Rolled back to version 1");
        assertThat(library.latest("t").orElseThrow().template().entries()).isEqualTo(library.find("t@1").orElseThrow().template().entries());
    }

    @Test
    void builtInsCannotBeChangedButCanBeCopied() {
        assertThatThrownBy(() -> library.save(template("postgresql-oltp", null), "lin", ""))
                .hasMessageContaining("built-in template and cannot be changed");
        TemplateVersion copy = library.copy("postgresql-oltp", "oltp-custom", "lin");
        assertThat(copy.template().builtIn()).isFalse();
        assertThat(copy.template().parent()).isEqualTo("postgresql-base");
        assertThat(copy.comment()).isEqualTo("Copied from postgresql-oltp v1");
    }

    @Test
    void cyclesAndLockedOverridesAreRefusedBeforeAnythingIsStored() {
        library.save(template("a", null), "lin", "");
        library.save(template("b", "a"), "lin", "");
        assertThatThrownBy(() -> library.save(template("a", "b"), "lin", "")).hasMessageContaining("cycle");
        assertThat(library.history("a")).hasSize(1);

        assertThatThrownBy(() -> library.save(template("mine", "postgresql-oltp",
                TemplateEntry.literal("log_checkpoints", "off", "")), "lin", ""))
                .hasMessageContaining("locked by 'postgresql-base'");
        assertThat(library.latest("mine")).isEmpty();
    }

    @Test
    void pinnedReferencesAndBadReferences() {
        assertThat(library.find("postgresql-base@1")).isPresent();
        assertThat(library.find("postgresql-base@2")).isEmpty();
        assertThatThrownBy(() -> library.find("x@latest")).hasMessageContaining("must be a version number");
        assertThatThrownBy(() -> library.require("nope")).hasMessageContaining("No template 'nope'");
    }

    @Test
    void aTemplateOrParameterNameWithABidiOverrideOrZeroWidthCharacterIsNeverStored() {
        assertThatThrownBy(() -> library.save(template("pay\u202Ements", null, TemplateEntry.literal("work_mem", "16MB", "")), "lin", ""))
                .isInstanceOf(TemplateException.class)
                .hasMessage("The template name 'pay\\u202Ements' contains U+202E RIGHT-TO-LEFT OVERRIDE, an invisible or control"
                        + " character that can make a name print as another one. Use visible characters only.");
        assertThatThrownBy(() -> library.save(template("payments", null, TemplateEntry.literal("work\u200B_mem", "16MB", "")), "lin", ""))
                .hasMessageStartingWith("Template 'payments': The parameter name 'work\\u200B_mem' contains U+200B ZERO WIDTH SPACE");
        assertThat(library.history("payments")).isEmpty();
        assertThat(library.history("pay\u202Ements")).isEmpty();
    }
}
