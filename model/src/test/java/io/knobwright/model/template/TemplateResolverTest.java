package io.knobwright.model.template;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateResolverTest {

    private static final long GB = 1024L * 1024 * 1024;
    private static final HardwareFacts SIXTY_FOUR_GB = new HardwareFacts(16, 64 * GB, DiskType.SSD, 1024 * GB);

    private static final ParameterCatalog MYSQL_84 = new CatalogRepository().require(Engine.MYSQL, "8.4");
    private static final ParameterCatalog MARIADB_1011 = new CatalogRepository().require(Engine.MARIADB, "10.11");

    private final Map<String, TemplateVersion> store = new HashMap<>();
    private final TemplateResolver resolver = new TemplateResolver(name -> Optional.ofNullable(store.get(name)));

    private TemplateVersion save(String name, String parent, TemplateEntry... entries) {
        return save(name, Engine.POSTGRESQL, parent, entries);
    }

    private TemplateVersion save(String name, Engine engine, String parent, TemplateEntry... entries) {
        int version = store.containsKey(name) ? store.get(name).version() + 1 : 1;
        TemplateVersion v = new TemplateVersion(new Template(name, engine, List.of(), parent, List.of(entries), false, ""),
                version, "lin", Instant.parse("2026-11-25T10:00:00Z"), "");
        store.put(name, v);
        return v;
    }

    private Map<String, ResolvedParameter> resolve(TemplateVersion leaf) {
        Map<String, ResolvedParameter> byName = new HashMap<>();
        resolver.resolve(leaf, SIXTY_FOUR_GB, TestCatalogs.postgres16()).forEach(p -> byName.put(p.name(), p));
        return byName;
    }

    @Test
    void percentOfRamBecomesEightKilobyteBlocks() {
        TemplateVersion base = save("base", null, TemplateEntry.expression("shared_buffers", "25% of RAM", "quarter of RAM"));
        ResolvedParameter sb = resolve(base).get("shared_buffers");
        assertThat(sb.value()).isEqualTo(String.valueOf(16 * GB / 8192));
        assertThat(sb.template()).isEqualTo("base");
        assertThat(sb.expression()).isEqualTo("25% of RAM");
    }

    @Test
    void expressionsMayReferToOtherEntriesWhateverTheirOrder() {
        TemplateVersion t = save("oltp", null,
                TemplateEntry.expression("work_mem", "(RAM - shared_buffers) / (max_connections * 3)", ""),
                TemplateEntry.expression("effective_cache_size", "RAM*0.75 - shared_buffers", ""),
                TemplateEntry.expression("shared_buffers", "min(RAM/4, 8GB)", ""),
                TemplateEntry.literal("max_connections", "200", ""));
        Map<String, ResolvedParameter> r = resolve(t);
        assertThat(r.get("shared_buffers").value()).isEqualTo(String.valueOf(8 * GB / 8192));
        assertThat(r.get("effective_cache_size").value()).isEqualTo(String.valueOf((48 * GB - 8 * GB) / 8192));
        long workMemKb = Math.round((56.0 * GB / 600) / 1024);
        assertThat(r.get("work_mem").value()).isEqualTo(String.valueOf(workMemKb));
    }

    @Test
    void childOverridesParentAndKeepsTheRest() {
        save("base", null, TemplateEntry.literal("max_connections", "100", ""), TemplateEntry.literal("work_mem", "4MB", ""));
        TemplateVersion child = save("child", "base", TemplateEntry.literal("work_mem", "64MB", "analytics sorts"));
        Map<String, ResolvedParameter> r = resolve(child);
        assertThat(r.get("work_mem").value()).isEqualTo("65536");
        assertThat(r.get("work_mem").template()).isEqualTo("child");
        assertThat(r.get("max_connections").template()).isEqualTo("base");
    }

    @Test
    void inheritanceWorksAtAnyDepth() {
        save("a", null, TemplateEntry.literal("max_connections", "100", ""));
        save("b", "a", TemplateEntry.literal("work_mem", "8MB", ""));
        save("c", "b", TemplateEntry.literal("checkpoint_timeout", "15min", ""));
        TemplateVersion d = save("d", "c", TemplateEntry.literal("max_connections", "300", ""));
        Map<String, ResolvedParameter> r = resolve(d);
        assertThat(r.get("max_connections").value()).isEqualTo("300");
        assertThat(r.get("max_connections").template()).isEqualTo("d");
        assertThat(r.get("checkpoint_timeout").value()).isEqualTo("900");
        assertThat(r.get("work_mem").template()).isEqualTo("b");
    }

    @Test
    void resetGoesBackToTheEngineDefault() {
        save("base", null, TemplateEntry.literal("work_mem", "64MB", ""));
        TemplateVersion child = save("child", "base",
                new TemplateEntry("work_mem", new EntryValue.ResetToDefault(), false, "default is safer here"));
        ResolvedParameter wm = resolve(child).get("work_mem");
        assertThat(wm.value()).isEqualTo("4096");
        assertThat(wm.reset()).isTrue();
        assertThat(wm.template()).isEqualTo("child");
    }

    @Test
    void aResetToADefaultThatDependsOnTheHostSaysItIsNotCompared() {
        TemplateVersion t = save("galera", Engine.MARIADB, null,
                new TemplateEntry("wsrep_node_name", new EntryValue.ResetToDefault(), false, "the server's own name"),
                new TemplateEntry("max_connections", new EntryValue.ResetToDefault(), false, ""));
        Map<String, ResolvedParameter> byName = new HashMap<>();
        resolver.resolve(t, SIXTY_FOUR_GB, MARIADB_1011).forEach(p -> byName.put(p.name(), p));

        ResolvedParameter nodeName = byName.get("wsrep_node_name");
        assertThat(nodeName.note()).isEqualTo("default depends on the host name: not compared");
        assertThat(nodeName.comparable(MARIADB_1011.find("wsrep_node_name").orElseThrow())).isFalse();
        assertThat(byName.get("max_connections").note()).isEmpty();
        assertThat(byName.get("max_connections").comparable(MARIADB_1011.find("max_connections").orElseThrow())).isTrue();
    }

    @Test
    void anExpressionCannotComputeWithADefaultThatDiffersFromServerToServer() {
        TemplateVersion t = save("pool", Engine.MARIADB, null,
                TemplateEntry.expression("thread_pool_max_threads", "thread_pool_size * 100", ""));
        assertThatThrownBy(() -> resolver.resolve(t, SIXTY_FOUR_GB, MARIADB_1011))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("the default of thread_pool_size depends on the CPU count")
                .hasMessageContaining("set thread_pool_size in the template");
    }

    @Test
    void overridingALockedEntryIsRefusedNamingBothTemplates() {
        save("base", null, TemplateEntry.literal("wal_level", "logical", "CDC needs it").asLocked());
        save("mid", "base");
        TemplateVersion child = save("child", "mid", TemplateEntry.literal("wal_level", "minimal", ""));
        assertThatThrownBy(() -> resolve(child))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("'child' cannot override wal_level")
                .hasMessageContaining("locked by 'base' v1");
    }

    @Test
    void inheritanceCycleIsRefusedNamingTheTemplates() {
        save("x", "z");
        save("y", "x");
        TemplateVersion z = save("z", "y");
        assertThatThrownBy(() -> resolve(z))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("z -> y -> x -> z");
    }

    @Test
    void parentOfAnotherEngineIsRefused() {
        save("mysql-base", Engine.MYSQL, null);
        TemplateVersion pg = save("pg-child", "mysql-base");
        assertThatThrownBy(() -> resolve(pg))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("'pg-child' (PostgreSQL) cannot inherit from 'mysql-base' (MySQL)");
    }

    @Test
    void resultAboveTheMaximumIsClampedWithAVisibleNote() {
        TemplateVersion t = save("big", null, TemplateEntry.expression("checkpoint_timeout", "2d", ""));
        ResolvedParameter ct = resolve(t).get("checkpoint_timeout");
        assertThat(ct.value()).isEqualTo("86400");
        assertThat(ct.clamped()).isTrue();
        assertThat(ct.note()).contains("clamped from 172800 to the maximum 86400");
    }

    @Test
    void resultBelowTheMinimumIsClamped() {
        TemplateVersion t = save("tiny", null, TemplateEntry.expression("shared_buffers", "RAM / 100000000", ""));
        ResolvedParameter sb = resolve(t).get("shared_buffers");
        assertThat(sb.value()).isEqualTo("16");
        assertThat(sb.note()).startsWith("clamped from");
    }

    @Test
    void expressionsReferringToEachOtherInACircleAreRefused() {
        TemplateVersion t = save("loop", null,
                TemplateEntry.expression("work_mem", "maintenance_work_mem / 2", ""),
                TemplateEntry.expression("maintenance_work_mem", "work_mem * 2", ""));
        assertThatThrownBy(() -> resolve(t)).isInstanceOf(TemplateException.class).hasMessageContaining("circle");
    }

    @Test
    void mixingSizesAndDurationsIsRefusedWithTheTemplateName() {
        TemplateVersion t = save("bad", null, TemplateEntry.expression("work_mem", "RAM + 5s", ""));
        assertThatThrownBy(() -> resolve(t))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Template 'bad', work_mem")
                .hasMessageContaining("cannot add");
    }

    @Test
    void aSizeForATimeParameterIsRefused() {
        TemplateVersion t = save("bad", null, TemplateEntry.expression("checkpoint_timeout", "RAM / 4", ""));
        assertThatThrownBy(() -> resolve(t)).isInstanceOf(TemplateException.class).hasMessageContaining("is a duration");
    }

    @Test
    void unknownParameterIsRefused() {
        TemplateVersion t = save("typo", null, TemplateEntry.literal("shared_buffer", "1GB", ""));
        assertThatThrownBy(() -> resolve(t)).isInstanceOf(TemplateException.class).hasMessageContaining("shared_buffer");
    }

    @Test
    void enumLiteralIsCheckedAndNormalised() {
        TemplateVersion ok = save("ok", null, TemplateEntry.literal("wal_level", "LOGICAL", ""));
        assertThat(resolve(ok).get("wal_level").value()).isEqualTo("logical");
        TemplateVersion bad = save("bad", null, TemplateEntry.literal("wal_level", "archive", ""));
        assertThatThrownBy(() -> resolve(bad)).hasMessageContaining("Template 'bad'")
                .hasMessageContaining("archive is not one of minimal, replica, logical");
    }

    @Test
    void literalsAreReadWithTheEnginesOwnSpellings() {
        TemplateVersion t = save("spell", null,
                TemplateEntry.literal("jit", "true", ""),
                TemplateEntry.literal("work_mem", "1GB", ""),
                TemplateEntry.literal("checkpoint_timeout", "15min", ""));
        Map<String, ResolvedParameter> r = resolve(t);
        assertThat(r.get("jit").value()).isEqualTo("on");
        assertThat(r.get("work_mem").value()).isEqualTo("1048576");
        assertThat(r.get("checkpoint_timeout").value()).isEqualTo("900");
        TemplateVersion bad = save("lowercase-unit", null, TemplateEntry.literal("work_mem", "64mb", ""));
        assertThatThrownBy(() -> resolve(bad)).hasMessageContaining("Template 'lowercase-unit'").hasMessageContaining("work_mem");
    }

    @Test
    void literalOutOfRangeIsAnErrorNotAClamp() {
        TemplateVersion t = save("range", null, TemplateEntry.literal("checkpoint_timeout", "10s", ""));
        assertThatThrownBy(() -> resolve(t)).hasMessageContaining("checkpoint_timeout").hasMessageContaining("30s");
    }

    @Test
    void resolutionIsDeterministic() {
        TemplateVersion t = save("d", null,
                TemplateEntry.expression("shared_buffers", "25% of RAM", ""),
                TemplateEntry.expression("effective_cache_size", "RAM*0.75", ""),
                TemplateEntry.literal("random_page_cost", "1.1", ""));
        List<ResolvedParameter> first = resolver.resolve(t, SIXTY_FOUR_GB, TestCatalogs.postgres16());
        List<ResolvedParameter> second = resolver.resolve(t, SIXTY_FOUR_GB, TestCatalogs.postgres16());
        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(ResolvedParameter::name)
                .containsExactly("effective_cache_size", "random_page_cost", "shared_buffers");
        assertThat(first.get(1).value()).isEqualTo("1.1");
    }

    @Test
    void unknownRamIsExplained() {
        TemplateVersion t = save("base", null, TemplateEntry.expression("shared_buffers", "25% of RAM", ""));
        assertThatThrownBy(() -> resolver.resolve(t, HardwareFacts.UNKNOWN, TestCatalogs.postgres16()))
                .hasMessageContaining("RAM is not known");
    }

    @Test
    void myCnfSpellingWithDashesOverridesTheParentsEntryInsteadOfDuplicatingIt() {
        save("mysql-parent", Engine.MYSQL, null, TemplateEntry.expression("innodb_buffer_pool_size", "50% of RAM", ""));
        TemplateVersion child = save("mysql-child", Engine.MYSQL, "mysql-parent",
                TemplateEntry.expression("innodb-buffer-pool-size", "75% of RAM", "pasted from my.cnf"));
        List<ResolvedParameter> resolved = resolver.resolve(child, SIXTY_FOUR_GB, MYSQL_84);
        assertThat(resolved).extracting(ResolvedParameter::name).containsExactly("innodb_buffer_pool_size");
        assertThat(resolved.getFirst().value()).isEqualTo(String.valueOf(48 * GB));
        assertThat(resolved.getFirst().template()).isEqualTo("mysql-child");
    }

    @Test
    void aLockedEntryCannotBeOverriddenBySpellingItWithDashes() {
        save("mysql-locked", Engine.MYSQL, null, TemplateEntry.literal("sync_binlog", "1", "crash safety").asLocked());
        TemplateVersion child = save("mysql-sneaky", Engine.MYSQL, "mysql-locked", TemplateEntry.literal("sync-binlog", "0", ""));
        assertThatThrownBy(() -> resolver.resolve(child, SIXTY_FOUR_GB, MYSQL_84))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("'mysql-sneaky' cannot override sync-binlog")
                .hasMessageContaining("locked by 'mysql-locked' v1");
    }

    @Test
    void anExpressionSeesAnEntrySpelledWithDashes() {
        TemplateVersion t = save("mysql-refs", Engine.MYSQL, null,
                TemplateEntry.literal("tmp-table-size", "256M", ""),
                TemplateEntry.expression("max_heap_table_size", "tmp_table_size", ""));
        Map<String, ResolvedParameter> byName = new HashMap<>();
        resolver.resolve(t, SIXTY_FOUR_GB, MYSQL_84).forEach(p -> byName.put(p.name(), p));
        assertThat(byName.get("max_heap_table_size").value()).isEqualTo(String.valueOf(256L * 1024 * 1024));
    }

    @Test
    void theSameParameterSpelledTwiceIsRefused() {
        assertThatThrownBy(() -> new Template("twice", Engine.MYSQL, List.of(), null, List.of(
                TemplateEntry.literal("sync_binlog", "1", ""), TemplateEntry.literal("sync-binlog", "0", "")), false, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sets sync-binlog twice");
    }
}
