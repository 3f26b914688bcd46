package io.knobwright.model.template;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.template.io.BuiltInTemplates;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every built-in template must be clean on every catalogued version it targets: they are what DBAs start from. */
class BuiltInTemplatesValidateTest {

    private static final long MB = 1024L * 1024;
    private static final long GB = 1024 * MB;
    private static final HardwareFacts SMALL_VM = new HardwareFacts(2, 4 * GB, DiskType.SSD, 50 * GB);
    private static final HardwareFacts SIXTEEN_CPUS_64GB = new HardwareFacts(16, 64 * GB, DiskType.SSD, 2048 * GB);
    private static final HardwareFacts BIG_SERVER = new HardwareFacts(64, 512 * GB, DiskType.NVME, 4096 * GB);

    private final Map<String, TemplateVersion> builtIns = BuiltInTemplates.load().stream()
            .map(t -> new TemplateVersion(t, 1, "knobwright", Instant.EPOCH, "built-in"))
            .collect(Collectors.toMap(TemplateVersion::name, Function.identity()));
    private final TemplateResolver resolver = new TemplateResolver(name -> Optional.ofNullable(builtIns.get(name)));
    private final CatalogRepository catalogs = new CatalogRepository();
    private final TemplateValidator validator = new TemplateValidator(resolver, catalogs);

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
        for (Engine engine : Engine.values()) {
            assertThat(builtIns.keySet()).as(engine.id()).contains(
                    engine.id() + "-base", engine.id() + "-oltp", engine.id() + "-olap",
                    engine.id() + "-mixed", engine.id() + "-web", engine.id() + "-small");
        }
    }

    @Test
    void everyBuiltInEntrySaysWhyInOneLine() {
        SoftAssertions soft = new SoftAssertions();
        for (TemplateVersion t : builtIns.values()) {
            soft.assertThat(t.template().description()).as(t.name() + " description").isNotBlank();
            for (TemplateEntry e : t.template().entries()) {
                soft.assertThat(e.rationale()).as(t.name() + " " + e.parameter()).isNotBlank().doesNotContain("\n");
                soft.assertThat(e.rationale().length()).as(t.name() + " " + e.parameter() + " rationale length").isLessThanOrEqualTo(140);
            }
        }
        soft.assertAll();
    }

    @Test
    void oltpProfilesGiveASixteenCpu64GbServerWhatADbaWouldSet() {
        for (String v : Engine.POSTGRESQL.supportedVersions()) {
            Map<String, String> pg = resolve("postgresql-oltp", SIXTEEN_CPUS_64GB, Engine.POSTGRESQL, v);
            assertThat(pg.get("shared_buffers")).as("PostgreSQL %s shared_buffers, 8kB pages", v).isEqualTo(String.valueOf(16 * GB / 8192));
            assertThat(pg.get("max_connections")).as("PostgreSQL %s", v).isEqualTo("400");
        }
        for (Engine engine : List.of(Engine.MYSQL, Engine.MARIADB)) {
            for (String v : engine.supportedVersions()) {
                Map<String, String> my = resolve(engine.id() + "-oltp", SIXTEEN_CPUS_64GB, engine, v);
                String what = engine.displayName() + " " + v;
                assertThat(my.get("innodb_buffer_pool_size")).as(what + " buffer pool, bytes").isEqualTo(String.valueOf(48 * GB));
                assertThat(my.get("max_connections")).as(what).isEqualTo("640");
                assertThat(my.get("innodb_flush_log_at_trx_commit")).as(what).isEqualTo("1");
                assertThat(my.get("sync_binlog")).as(what).isEqualTo("1");
                assertThat(my.get("max_heap_table_size")).as(what + " follows tmp_table_size").isEqualTo(my.get("tmp_table_size"));
                String redo = engine == Engine.MYSQL ? "innodb_redo_log_capacity" : "innodb_log_file_size";
                assertThat(my.get(redo)).as(what + " " + redo).isEqualTo(String.valueOf(8 * GB));
                if (engine == Engine.MYSQL) {
                    assertThat(my.get("innodb_buffer_pool_instances")).as(what).isEqualTo("8");
                }
            }
        }
        for (String v : Engine.SQLSERVER.supportedVersions()) {
            Map<String, String> ms = resolve("sqlserver-oltp", SIXTEEN_CPUS_64GB, Engine.SQLSERVER, v);
            assertThat(ms.get("max server memory (mb)")).as("SQL Server %s, in MB", v).isEqualTo(String.valueOf(60 * 1024));
            assertThat(ms.get("max degree of parallelism")).as("SQL Server %s", v).isEqualTo("4");
            assertThat(ms.get("cost threshold for parallelism")).as("SQL Server %s", v).isEqualTo("50");
        }
        for (String v : Engine.ORACLE.supportedVersions()) {
            Map<String, String> ora = resolve("oracle-oltp", SIXTEEN_CPUS_64GB, Engine.ORACLE, v);
            assertThat(gb(ora.get("sga_target"))).as("Oracle %s SGA, GB", v).isCloseTo(40.96, within(0.01));
            assertThat(ora.get("sga_max_size")).as("Oracle %s", v).isEqualTo(ora.get("sga_target"));
            assertThat(gb(ora.get("pga_aggregate_target"))).as("Oracle %s PGA, GB", v).isCloseTo(10.24, within(0.01));
            assertThat(ora.get("memory_target")).as("Oracle %s: AMM off", v).isEqualTo("0");
            assertThat(ora.get("processes")).as("Oracle %s", v).isEqualTo("800");
            assertThat(ora.get("sessions")).as("Oracle %s: 1.5 x processes + 22", v).isEqualTo("1222");
        }
    }

    /**
     * The memory a profile hands the engine's main pools must leave the OS and the per-connection memory their
     * share: at most 80% of RAM for buffer pools and SGA+PGA, and at least 2GB outside SQL Server's
     * max server memory (which is meant to sit close to RAM).
     */
    @Test
    void noProfileLeavesTheOperatingSystemShortOfMemory() {
        SoftAssertions soft = new SoftAssertions();
        for (TemplateVersion t : builtIns.values()) {
            Engine engine = t.template().engine();
            for (String v : t.template().targetVersions()) {
                for (HardwareFacts machine : List.of(SMALL_VM, SIXTEEN_CPUS_64GB, BIG_SERVER)) {
                    Map<String, String> r = resolve(t.name(), machine, engine, v);
                    double ramGb = machine.memoryBytes() / (double) GB;
                    String what = "%s %s on %d CPUs/%.0fGB".formatted(t.name(), v, machine.cpus(), ramGb);
                    if (engine == Engine.SQLSERVER) {
                        soft.assertThat(ramGb - gb(r.get("max server memory (mb)")) * MB).as(what + ": GB left to the OS")
                                .isGreaterThanOrEqualTo(2.0);
                        continue;
                    }
                    double takenGb = switch (engine) {
                        case POSTGRESQL -> gb(r.get("shared_buffers")) * 8192;
                        case ORACLE -> gb(r.get("sga_target")) + gb(r.get("pga_aggregate_target"));
                        default -> gb(r.get("innodb_buffer_pool_size"));
                    };
                    soft.assertThat(takenGb / ramGb).as(what + ": share of RAM").isLessThanOrEqualTo(0.8 + 1e-9);
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void smallProfilesLeaveMostOfAFourGigabyteMachineToItsOtherApplications() {
        assertThat(gb(resolve("mysql-small", SMALL_VM, Engine.MYSQL, "8.4").get("innodb_buffer_pool_size"))).isEqualTo(1.0);
        assertThat(gb(resolve("mariadb-small", SMALL_VM, Engine.MARIADB, "11.4").get("innodb_buffer_pool_size"))).isEqualTo(1.0);
        assertThat(resolve("sqlserver-small", SMALL_VM, Engine.SQLSERVER, "2022").get("max server memory (mb)")).isEqualTo("2048");
        Map<String, String> ora = resolve("oracle-small", SMALL_VM, Engine.ORACLE, "19c");
        assertThat(gb(ora.get("sga_target")) + gb(ora.get("pga_aggregate_target"))).isLessThanOrEqualTo(2.0);
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

    @Test
    void newSessionsOnlyAndHostDependentDefaultsAreExplained() {
        Template t = new Template("audit", Engine.POSTGRESQL, List.of("16"), null, List.of(
                TemplateEntry.literal("log_connections", "on", "who logs in"),
                new TemplateEntry("unix_socket_directories", new EntryValue.ResetToDefault(), false, "")), false, "");
        List<ValidationIssue> issues = validator.validate(new TemplateVersion(t, 1, "lin", Instant.EPOCH, ""));
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.severity()).isEqualTo(ValidationIssue.Severity.INFO);
            assertThat(i.message()).isEqualTo("log_connections reaches only sessions opened after the change;"
                    + " open ones keep the old value until they reconnect");
        });
        assertThat(issues).anySatisfy(i -> assertThat(i.message())
                .isEqualTo("The default of unix_socket_directories depends on the distribution's build: instances"
                        + " are not compared with it"));
    }

    /** Resolved values by lower-case parameter name, failing on any resolution problem. */
    private Map<String, String> resolve(String template, HardwareFacts facts, Engine engine, String version) {
        ParameterCatalog catalog = catalogs.require(engine, version);
        return resolver.resolve(builtIns.get(template), facts, catalog).stream()
                .collect(Collectors.toMap(p -> p.name().toLowerCase(java.util.Locale.ROOT), ResolvedParameter::value));
    }

    private static double gb(String bytes) {
        return new BigDecimal(bytes).doubleValue() / GB;
    }
}
