package io.knobwright.model.template;

import io.knobwright.model.catalog.BuildVariants;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ServerDescriptions;
import io.knobwright.model.engine.Engine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Refusals of the upstream build and of a given server are told apart. */
class TemplateValidatorBuildVariantsTest {

    private final CatalogRepository shipped = new CatalogRepository();
    private final TemplateResolver resolver = new TemplateResolver(name -> Optional.empty());

    private static TemplateVersion template(String version, TemplateEntry... entries) {
        return new TemplateVersion(new Template("t", Engine.POSTGRESQL, List.of(version), null, List.of(entries), false, ""),
                1, "lin", Instant.EPOCH, "");
    }

    private static List<ValidationIssue> about(List<ValidationIssue> issues, String parameter) {
        return issues.stream().filter(i -> i.parameter().equals(parameter)).toList();
    }

    @Test
    void aValueOnlySomeBuildsAcceptIsAWarningForTheVersionNamingWhoAcceptsIt() {
        TemplateVersion lz4 = template("15", TemplateEntry.literal("wal_compression", "lz4", ""));

        List<ValidationIssue> issues = new TemplateValidator(resolver, shipped).validate(lz4);

        assertThat(about(issues, "wal_compression")).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(ValidationIssue.Severity.WARNING);
            assertThat(i.message()).contains("--with-lz4").contains("upstream build of PostgreSQL 15");
        });
    }

    @Test
    void withoutKnownVariantsTheSameValueIsAnError() {
        TemplateVersion lz4 = template("15", TemplateEntry.literal("wal_compression", "lz4", ""));

        List<ValidationIssue> issues = new TemplateValidator(resolver, shipped, BuildVariants.none()).validate(lz4);

        assertThat(about(issues, "wal_compression")).extracting(ValidationIssue::severity)
                .containsExactly(ValidationIssue.Severity.ERROR);
    }

    @Test
    void aValueNoBuildAcceptsStaysAnError() {
        TemplateVersion brotli = template("15", TemplateEntry.literal("wal_compression", "brotli", ""));

        List<ValidationIssue> issues = new TemplateValidator(resolver, shipped).validate(brotli);

        assertThat(about(issues, "wal_compression")).extracting(ValidationIssue::severity)
                .containsExactly(ValidationIssue.Severity.ERROR);
    }

    @Test
    void aVersionBeforeTheOptionExistedRefusesIt() {
        // lz4 for WAL arrived in 15; 14 builds accept it for TOAST only
        TemplateVersion wal14 = template("14", TemplateEntry.literal("wal_compression", "lz4", ""));
        TemplateVersion toast14 = template("14", TemplateEntry.literal("default_toast_compression", "lz4", ""));

        TemplateValidator validator = new TemplateValidator(resolver, shipped);

        assertThat(about(validator.validate(wal14), "wal_compression")).extracting(ValidationIssue::severity)
                .containsExactly(ValidationIssue.Severity.ERROR);
        assertThat(about(validator.validate(toast14), "default_toast_compression")).extracting(ValidationIssue::severity)
                .containsExactly(ValidationIssue.Severity.WARNING);
    }

    @Test
    void aValueAServerOfTheFleetAcceptedIsAWarningNamingThatServer() {
        ParameterCatalog upstream = shipped.require(Engine.POSTGRESQL, "16");
        List<ParameterSpec> specs = new ArrayList<>();
        for (ParameterSpec p : upstream.parameters()) {
            specs.add(!p.name().equals("huge_pages") ? p : new ParameterSpec(p.engine(), p.version(), p.name(), p.type(),
                    p.unit(), p.min(), p.max(), List.of("off", "on", "try", "madvise"), p.defaultValue(), p.applyMode(),
                    p.category(), p.description(), p.source()));
        }
        ParameterCatalog patched = new ParameterCatalog(upstream.engineVersion(), "pg_settings of PostgreSQL 16.9 (patched)", specs);
        BuildVariants variants = BuildVariants.curated().withServers(List.of(patched), shipped);
        TemplateVersion madvise = template("16", TemplateEntry.literal("huge_pages", "madvise", ""));

        List<ValidationIssue> issues = new TemplateValidator(resolver, shipped, variants).validate(madvise);

        assertThat(about(issues, "huge_pages")).filteredOn(i -> i.severity() != ValidationIssue.Severity.INFO)
                .singleElement().satisfies(i -> {
                    assertThat(i.severity()).isEqualTo(ValidationIssue.Severity.WARNING);
                    assertThat(i.message()).contains("a server of your fleet (pg_settings of PostgreSQL 16.9 (patched))");
                });
    }

    @Test
    void againstOneServerItsOwnDescriptionDecidesAndTheMessageNamesIt() {
        TemplateVersion lz4 = template("15", TemplateEntry.literal("wal_compression", "lz4", ""));
        TemplateValidator validator = new TemplateValidator(resolver, shipped);

        List<ValidationIssue> upstream = validator.validateAgainst(lz4, shipped.require(Engine.POSTGRESQL, "15"),
                "emb (PostgreSQL 15.19)");
        List<ValidationIssue> debian = validator.validateAgainst(lz4,
                ServerDescriptions.debian15(shipped), "pg-local (PostgreSQL 15.20)");

        assertThat(about(upstream, "wal_compression")).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(ValidationIssue.Severity.ERROR);
            assertThat(i.message()).startsWith("Refused by emb (PostgreSQL 15.19): ");
        });
        assertThat(debian).noneMatch(i -> i.severity() == ValidationIssue.Severity.ERROR);
    }

    @Test
    void aTemplateOfAnotherEngineIsRefusedForTheServer() {
        TemplateVersion pg = template("15", TemplateEntry.literal("work_mem", "64MB", ""));

        List<ValidationIssue> issues = new TemplateValidator(resolver, shipped)
                .validateAgainst(pg, shipped.require(Engine.MARIADB, "10.11"), "shop (MariaDB 10.11.9)");

        assertThat(issues).singleElement().satisfies(i -> assertThat(i.message()).contains("shop (MariaDB 10.11.9) runs"));
    }
}
