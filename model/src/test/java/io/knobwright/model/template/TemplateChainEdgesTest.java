package io.knobwright.model.template;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.template.io.BuiltInTemplates;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a template shows and refuses beyond ordinary resolution: entries in force, broken chains, odd expressions. */
class TemplateChainEdgesTest {

    private static final long GB = 1024L * 1024 * 1024;
    private static final HardwareFacts SERVER = new HardwareFacts(16, 64 * GB, DiskType.SSD, 1024 * GB);

    private final Map<String, TemplateVersion> store = new HashMap<>();
    private final TemplateResolver resolver = new TemplateResolver(name -> Optional.ofNullable(store.get(name)));

    private TemplateVersion save(String name, String parent, List<String> targets, TemplateEntry... entries) {
        TemplateVersion v = new TemplateVersion(new Template(name, Engine.POSTGRESQL, targets, parent, List.of(entries), false, ""),
                1, "lin", Instant.parse("2026-11-25T10:00:00Z"), "");
        store.put(name, v);
        return v;
    }

    private TemplateVersion save(String name, String parent, TemplateEntry... entries) {
        return save(name, parent, List.of(), entries);
    }

    private List<ResolvedParameter> resolve(TemplateVersion leaf) {
        return resolver.resolve(leaf, SERVER, TestCatalogs.postgres16());
    }

    @Test
    void entriesInForceSayWhereEachComesFromHowItReadsAndWhetherItIsLocked() {
        save("base", null,
                new TemplateEntry("shared_buffers", new EntryValue.Literal("8GB"), true, "sized by the platform team"),
                TemplateEntry.expression("work_mem", "RAM / 1000", ""),
                new TemplateEntry("jit", new EntryValue.ResetToDefault(), false, ""));
        TemplateVersion child = save("child", "base", TemplateEntry.literal("work_mem", "64MB", "analytics sorts"));

        assertThat(resolver.effectiveEntries(child))
                .extracting(e -> e.entry().parameter() + " " + e.display() + " from " + e.from().name() + (e.locked() ? " locked" : ""))
                .containsExactly("jit (engine default) from base", "shared_buffers 8GB from base locked", "work_mem 64MB from child");
        assertThat(resolver.effectiveEntries(store.get("base")))
                .filteredOn(e -> e.entry().parameter().equals("work_mem")).singleElement()
                .satisfies(e -> assertThat(e.display()).isEqualTo("= RAM / 1000"));
    }

    @Test
    void parentThatDoesNotExistIsNamed() {
        TemplateVersion orphan = save("orders", "ghost", TemplateEntry.literal("work_mem", "4MB", ""));

        assertThatThrownBy(() -> resolve(orphan))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Template 'orders' has parent 'ghost', which does not exist");
    }

    @Test
    void expressionForAParameterThatIsNoNumberIsRefused() {
        TemplateVersion t = save("t", null, TemplateEntry.expression("wal_level", "CPUS", ""));

        assertThatThrownBy(() -> resolve(t))
                .hasMessage("Template 't' uses an expression for wal_level, which is not numeric (enum)");
    }

    @Test
    void expressionsMayUseTheDiskAndTheDefaultsOfParametersTheTemplateDoesNotSet() {
        TemplateVersion t = save("t", null,
                TemplateEntry.expression("maintenance_work_mem", "DISK / 1024", ""),
                TemplateEntry.expression("work_mem", "max_connections * 1MB", ""));

        assertThat(resolve(t)).extracting(p -> p.name() + "=" + p.value())
                .containsExactly("maintenance_work_mem=1048576", "work_mem=102400");
    }

    @Test
    void nameThatIsNeitherAFactNorAParameterIsRefusedWithWhatItCouldBe() {
        TemplateVersion t = save("t", null, TemplateEntry.expression("work_mem", "RAM / conections", ""));

        assertThatThrownBy(() -> resolve(t))
                .hasMessage("Template 't', work_mem: column 7: 'conections' is neither an instance fact (RAM, CPUS, DISK)"
                        + " nor a PostgreSQL 16 parameter");
    }

    @Test
    void parameterWithoutANumericValueCannotBeComputedWith() {
        TemplateVersion t = save("t", null, TemplateEntry.expression("work_mem", "wal_level * 2", ""));

        assertThatThrownBy(() -> resolve(t))
                .hasMessage("Template 't', work_mem: column 1: wal_level has no numeric value to compute with");
    }

    @Test
    void validationFlagsReadOnlyParametersUncataloguedVersionsAndClampsOnTheSmallMachine() {
        TemplateValidator validator = new TemplateValidator(resolver, new CatalogRepository());
        TemplateVersion t = save("t", null, List.of("16"),
                TemplateEntry.literal("block_size", "8192", ""),
                TemplateEntry.expression("shared_buffers", "RAM / 100000", ""));

        assertThat(validator.validate(t, List.of("16", "12")))
                .extracting(i -> i.severity() + " " + i.version() + " " + i.message())
                .contains("ERROR 16 block_size is read-only on PostgreSQL 16: it is fixed when the server is built or initialised",
                        "WARNING 16 On a 2-CPU/4GB machine, shared_buffers is clamped from 5 to the minimum 16 (unit 8kB)",
                        "ERROR 12 No catalog for PostgreSQL 12")
                .noneMatch(line -> line.startsWith("WARNING 16 On a 64-CPU"));
    }

    @Test
    void validationOfABrokenChainIsThatOneError() {
        TemplateValidator validator = new TemplateValidator(resolver, new CatalogRepository());
        TemplateVersion orphan = save("orders", "ghost", List.of("16"), TemplateEntry.literal("work_mem", "4MB", ""));

        assertThat(validator.validate(orphan))
                .containsExactly(new ValidationIssue(ValidationIssue.Severity.ERROR, "", "",
                        "Template 'orders' has parent 'ghost', which does not exist"));
    }

    @Test
    void libraryListsBuiltInsFirstThenTheUsersOwnByEngineAndName() {
        TemplateLibrary library = new TemplateLibrary(BuiltInTemplates.load(), new InMemoryTemplateRepository());
        library.save(new Template("zeta", Engine.MARIADB, List.of(), null, List.of(), false, ""), "lin", "");
        library.save(new Template("orders", Engine.POSTGRESQL, List.of(), null, List.of(), false, ""), "lin", "");
        library.save(new Template("alpha", Engine.MARIADB, List.of(), null, List.of(), false, ""), "lin", "");

        List<TemplateVersion> all = library.all();
        int builtIns = BuiltInTemplates.load().size();

        assertThat(all.subList(0, builtIns)).allSatisfy(v -> assertThat(library.isBuiltIn(v.name())).isTrue());
        assertThat(all.subList(0, builtIns)).isSortedAccordingTo(
                java.util.Comparator.comparing((TemplateVersion v) -> v.template().engine()).thenComparing(TemplateVersion::name));
        assertThat(all.subList(builtIns, all.size())).extracting(TemplateVersion::name).containsExactly("orders", "alpha", "zeta");
        assertThat(library.isBuiltIn("orders")).isFalse();
    }

    @Test
    void rollingBackToAVersionThatNeverExistedSaysSo() {
        TemplateLibrary library = new TemplateLibrary(List.of(), new InMemoryTemplateRepository());
        library.save(new Template("orders", Engine.POSTGRESQL, List.of(), null, List.of(), false, ""), "lin", "");

        assertThatThrownBy(() -> library.rollback("orders", 7, "lin"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Template 'orders' has no version 7");
    }
}
