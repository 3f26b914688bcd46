package io.knobwright.model.template;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.io.BuiltInTemplates;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every built-in template must be clean on every catalogued version it targets: they are what DBAs start from. */
class BuiltInTemplatesValidateTest {

    private final Map<String, TemplateVersion> builtIns = BuiltInTemplates.load().stream()
            .map(t -> new TemplateVersion(t, 1, "knobwright", Instant.EPOCH, "built-in"))
            .collect(Collectors.toMap(TemplateVersion::name, Function.identity()));
    private final TemplateResolver resolver = new TemplateResolver(name -> Optional.ofNullable(builtIns.get(name)));
    private final TemplateValidator validator = new TemplateValidator(resolver, new CatalogRepository());

    @Test
    void builtInTemplatesHaveNoErrorsOnAnyTargetedVersion() {
        assertThat(builtIns).isNotEmpty();
        for (TemplateVersion t : builtIns.values()) {
            List<ValidationIssue> errors = validator.validate(t).stream()
                    .filter(i -> i.severity() == ValidationIssue.Severity.ERROR).toList();
            assertThat(errors).as(t.name()).isEmpty();
        }
    }

    @Test
    void everyEngineHasTheSixProfiles() {
        for (Engine engine : List.of(Engine.POSTGRESQL)) {
            assertThat(builtIns.keySet()).as(engine.id()).contains(
                    engine.id() + "-base", engine.id() + "-oltp", engine.id() + "-olap",
                    engine.id() + "-mixed", engine.id() + "-web", engine.id() + "-small");
        }
    }

    @Test
    void typoInAParameterGetsASuggestion() {
        Template typo = new Template("typo", Engine.POSTGRESQL, List.of("16"), null,
                List.of(TemplateEntry.literal("shared_bufers", "1GB", "")), false, "");
        List<ValidationIssue> issues = validator.validate(new TemplateVersion(typo, 1, "lin", Instant.EPOCH, ""));
        assertThat(issues).anySatisfy(i -> assertThat(i.message()).contains("Did you mean shared_buffers?"));
    }

    @Test
    void parameterMissingFromAnOlderVersionIsReportedForThatVersionOnly() {
        // io_method appeared in PostgreSQL 18
        Template t = new Template("new-knob", Engine.POSTGRESQL, List.of("17", "18"), null,
                List.of(TemplateEntry.literal("io_method", "worker", "")), false, "");
        List<ValidationIssue> errors = validator.validate(new TemplateVersion(t, 1, "lin", Instant.EPOCH, "")).stream()
                .filter(i -> i.severity() == ValidationIssue.Severity.ERROR).toList();
        assertThat(errors).extracting(ValidationIssue::version).containsOnly("17");
    }

    @Test
    void restartRequiredParametersAreFlagged() {
        List<ValidationIssue> issues = validator.validate(builtIns.get("postgresql-oltp"));
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.severity()).isEqualTo(ValidationIssue.Severity.INFO);
            assertThat(i.parameter()).isEqualTo("shared_buffers");
        });
    }
}
