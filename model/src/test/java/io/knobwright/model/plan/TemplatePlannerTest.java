package io.knobwright.model.plan;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.diff.CatalogValueEquivalence;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.template.EntryValue;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.template.TemplateException;
import io.knobwright.model.template.TemplateLibrary;
import io.knobwright.model.template.TemplateRepository;
import io.knobwright.model.template.TemplateVersion;
import io.knobwright.model.template.io.BuiltInTemplates;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplatePlannerTest {

    private static final long GB = 1L << 30;
    private final TemplateLibrary library = new TemplateLibrary(BuiltInTemplates.load(), new NoUserTemplates());
    private final TemplatePlanner planner = new TemplatePlanner(library::latest, new CatalogRepository(), new CatalogValueEquivalence());

    private final Instance pg = new Instance(7, "pg-orders-prod-01", Engine.POSTGRESQL, "16", "16.4", null, null,
            null, null, null, new HardwareFacts(16, 64 * GB, DiskType.NVME, 2048 * GB), false);

    private SettingsSnapshot snapshot(LiveSetting... settings) {
        return new SettingsSnapshot(7, Instant.parse("2026-11-25T09:00:00Z"), "16.4", List.of(settings));
    }

    @Test
    void onlyParametersThatDifferBecomeChangesWithFromToModeAndProvenance() {
        TemplateVersion oltp = library.require("postgresql-oltp");
        SettingsSnapshot current = snapshot(
                new LiveSetting("shared_buffers", "16384", "8kB", "default", false),
                new LiveSetting("effective_cache_size", "6291456", "8kB", "configuration file", false),
                new LiveSetting("jit", "on", null, "default", false));
        ChangePlan plan = planner.plan(oltp, pg, current, false, "lin", Instant.parse("2026-11-25T10:00:00Z"));

        PlannedChange sb = plan.changes().stream().filter(c -> c.parameter().equals("shared_buffers")).findFirst().orElseThrow();
        assertThat(sb.from()).isEqualTo("16384");
        assertThat(sb.to()).isEqualTo(String.valueOf(16 * GB / 8192));
        assertThat(sb.applyMode()).isEqualTo(ApplyMode.RESTART);
        assertThat(sb.provenance()).isEqualTo("postgresql-base v1: min(25% of RAM, 16GB)");
        // 75% of 64GB is 48GB = 6291456 x 8kB: already right, so no change
        assertThat(plan.changes()).extracting(PlannedChange::parameter).doesNotContain("effective_cache_size");
        assertThat(plan.changes()).extracting(PlannedChange::parameter).contains("jit");
        assertThat(plan.restartNeeded()).isTrue();
        assertThat(plan.baseline()).isEqualTo("snapshot of 2026-11-25T09:00:00Z");
        assertThat(plan.hasBaseline()).isTrue();
        assertThat(plan.state()).isEqualTo(PlanState.DRAFT);
    }

    @Test
    void aPlanForAnInstanceWhoseSettingsWereNeverReadSaysItHasNoBaseline() {
        ChangePlan plan = planner.plan(library.require("postgresql-oltp"), pg, null, false, "lin", Instant.now());

        assertThat(plan.hasBaseline()).isFalse();
        assertThat(plan.baseline()).isEqualTo(ChangePlan.NO_BASELINE);
        // Every entry of the template becomes a change from an unknown value.
        assertThat(plan.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.from()).isNull());
    }

    @Test
    void driftCountsTheParametersThatDiffer() {
        TemplateVersion oltp = library.require("postgresql-oltp");
        int all = planner.drift(oltp, pg, snapshot());
        int fewer = planner.drift(oltp, pg, snapshot(new LiveSetting("jit", "off", null, "configuration file", false)));
        assertThat(fewer).isEqualTo(all - 1);
    }

    /** The DateStyle, a mode in octal, a sentinel the server resolved: none of them is a change. */
    @Test
    void valuesTheServerTakesForTheCurrentOnesAreNoChanges() {
        Template own = new Template("own", Engine.POSTGRESQL, List.of("16"), null, List.of(
                TemplateEntry.literal("DateStyle", "iso, mdy", ""),
                TemplateEntry.literal("unix_socket_permissions", "0777", ""),
                TemplateEntry.literal("wal_buffers", "-1", ""),
                TemplateEntry.literal("search_path", "$user, public", "")), false, "");
        SettingsSnapshot current = snapshot(
                new LiveSetting("DateStyle", "ISO, MDY", null, "configuration file", false),
                new LiveSetting("unix_socket_permissions", "0777", null, "default", false),
                new LiveSetting("wal_buffers", "512", "8kB", "default", false),
                new LiveSetting("search_path", "\"$user\", public", null, "default", false));
        TemplateVersion version = new TemplateVersion(own, 1, "lin", Instant.EPOCH, "");
        assertThat(planner.plan(version, pg, current, false, "lin", Instant.EPOCH).changes()).isEmpty();
        assertThat(planner.drift(version, pg, current)).isZero();
    }

    @Test
    void aResetToAHostDependentDefaultIsNeitherDriftNorAPlannedChange() {
        Instance maria = new Instance(9, "maria-galera-2", Engine.MARIADB, "10.11", "10.11.19", null, null, null, null,
                null, new HardwareFacts(16, 64 * GB, DiskType.NVME, 2048 * GB), false);
        Template galera = new Template("galera", Engine.MARIADB, List.of("10.11"), null, List.of(
                new TemplateEntry("wsrep_node_name", new EntryValue.ResetToDefault(), false, ""),
                new TemplateEntry("thread_pool_size", new EntryValue.ResetToDefault(), false, ""),
                new TemplateEntry("max_connections", new EntryValue.ResetToDefault(), false, "")), false, "");
        TemplateVersion template = new TemplateVersion(galera, 1, "lin", Instant.EPOCH, "");
        SettingsSnapshot current = new SettingsSnapshot(9, Instant.parse("2026-11-25T09:00:00Z"), "10.11.19", List.of(
                new LiveSetting("wsrep_node_name", "db-galera-2", null, "", false),
                new LiveSetting("thread_pool_size", "16", null, "", false),
                new LiveSetting("max_connections", "500", null, "", false)));

        ChangePlan plan = planner.plan(template, maria, current, false, "lin", Instant.EPOCH);

        assertThat(plan.changes()).extracting(PlannedChange::parameter).containsExactly("max_connections");
        assertThat(planner.drift(template, maria, current)).isEqualTo(1);
    }

    @Test
    void aTemplateOfAnotherEngineIsRefused() {
        Instance maria = new Instance(8, "maria", Engine.MARIADB, "10.11", null, null, null, null, null, null, null, false);
        assertThatThrownBy(() -> planner.plan(library.require("postgresql-oltp"), maria, snapshot(), false, "lin", Instant.now()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("runs MariaDB");
    }

    @Test
    void aTemplateThatNeedsAnUnknownFactSaysWhichAndHowToSetIt() {
        Instance maria = new Instance(9, "shop maria", Engine.MARIADB, "10.11", "10.11.9-MariaDB", null, null,
                null, null, null, HardwareFacts.probed(4, 0, DiskType.UNKNOWN, 0), false);

        assertThatThrownBy(() -> planner.resolve(library.require("mariadb-oltp"), maria))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("RAM is not known for this instance")
                .hasMessageEndingWith("Enter the RAM of 'shop maria' with Edit in the workbench or with:"
                        + " knobwright fleet edit 'shop maria' --ram 64GB");

        assertThat(planner.resolve(library.require("mariadb-oltp"), maria.withHardware(maria.hardware().withMemory(16 * GB))))
                .filteredOn(p -> p.name().equals("innodb_buffer_pool_size"))
                .singleElement().satisfies(p -> assertThat(p.value()).isEqualTo(String.valueOf(12 * GB)));
    }

    @Test
    void anInstanceOfAVersionWithoutCatalogGetsAUserErrorNamingIt() {
        Instance old = new Instance(10, "pg12", Engine.POSTGRESQL, "12", "12.9", null, null, null, null, null, null, false);

        assertThatThrownBy(() -> planner.resolve(library.require("postgresql-oltp"), old))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("No template can be resolved for 'pg12': No parameter catalog for PostgreSQL 12.");
    }

    @Test
    void aSnapshotCutDownToTheTemplatesParametersPlansTheSameAsTheWholeSnapshot() {
        CatalogRepository catalogs = new CatalogRepository();
        for (String name : List.of("postgresql-oltp", "mariadb-olap", "sqlserver-oltp", "oracle-web")) {
            TemplateVersion template = library.require(name);
            Engine engine = template.template().engine();
            String version = template.template().targetVersions().getLast();
            Instance instance = new Instance(9, "i-" + name, engine, version, version, null, null, null, null, null,
                    new HardwareFacts(8, 32 * GB, DiskType.SSD, 500 * GB), false);
            List<LiveSetting> all = catalogs.require(engine, version).parameters().stream()
                    .map(p -> new LiveSetting(p.name(), p.defaultValue(), p.unit(), "default", false)).toList();
            Set<String> parameters = planner.parameters(template);
            SettingsSnapshot whole = new SettingsSnapshot(9, Instant.EPOCH, version, all);
            SettingsSnapshot cut = new SettingsSnapshot(9, Instant.EPOCH, version,
                    all.stream().filter(s -> parameters.contains(s.name())).toList());

            assertThat(cut.settings()).as(name).hasSizeLessThan(all.size() / 2);
            // every plan gets a fresh uid: the plans are the same in everything else
            assertThat(planner.plan(template, instance, cut, false, "lin", Instant.EPOCH))
                    .as(name).usingRecursiveComparison().ignoringFields("uid")
                    .isEqualTo(planner.plan(template, instance, whole, false, "lin", Instant.EPOCH));
        }
    }

    private static final class NoUserTemplates implements TemplateRepository {
        public List<TemplateVersion> latestVersions() { return List.of(); }
        public Optional<TemplateVersion> latest(String name) { return Optional.empty(); }
        public Optional<TemplateVersion> version(String name, int version) { return Optional.empty(); }
        public List<TemplateVersion> history(String name) { return List.of(); }
        public TemplateVersion save(io.knobwright.model.template.Template t, String a, String c) { throw new UnsupportedOperationException(); }
    }

}
