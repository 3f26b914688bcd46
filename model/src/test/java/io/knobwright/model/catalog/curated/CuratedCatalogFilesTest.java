package io.knobwright.model.catalog.curated;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogFile;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped curated JSON is exactly what the tables say, and the version differences a DBA relies on hold. */
class CuratedCatalogFilesTest {

    private final CatalogRepository repository = new CatalogRepository();

    static List<EngineVersion> versions() {
        return CuratedCatalogs.versions();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void shippedFileMatchesTheCuratedTable(EngineVersion version) {
        ParameterCatalog shipped = repository.find(version).orElseThrow(() -> new AssertionError(
                "No shipped catalog for " + version + ": run RegenerateCuratedCatalogsTest with "
                        + "-Dknobwright.regenerateCatalogs=true"));
        assertThat(json(shipped)).as("%s differs from its table: regenerate it", version)
                .isEqualTo(json(CuratedCatalogs.build(version)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void everyEntryLinksTheVendorsDocumentationForItsOwnVersion(EngineVersion version) {
        String versionSegment = switch (version.engine()) {
            case MYSQL -> "/refman/" + version.major() + "/";
            case ORACLE -> "/oracle-database/" + version.major().replaceAll("\\D", "") + "/";
            default -> "learn.microsoft.com/en-us/sql/";
        };
        assertThat(CuratedCatalogs.build(version).parameters()).allSatisfy(p ->
                assertThat(p.source()).as(p.name()).contains(versionSegment));
    }

    @Test
    void mySql84CarriesItsNewInnoDbDefaultsAndDropsRemovedVariables() {
        ParameterCatalog v80 = CuratedCatalogs.build(new EngineVersion(Engine.MYSQL, "8.0"));
        ParameterCatalog v84 = CuratedCatalogs.build(new EngineVersion(Engine.MYSQL, "8.4"));
        assertThat(defaultOf(v80, "innodb_io_capacity")).isEqualTo("200");
        assertThat(defaultOf(v84, "innodb_io_capacity")).isEqualTo("10000");
        assertThat(defaultOf(v84, "innodb_log_buffer_size")).isEqualTo("67108864");
        assertThat(defaultOf(v84, "innodb_buffer_pool_in_core_file")).isEqualTo("OFF");
        assertThat(defaultOf(v84, "innodb_change_buffering")).isEqualTo("none");
        assertThat(v80.contains("default_authentication_plugin")).isTrue();
        assertThat(v84.contains("default_authentication_plugin")).isFalse();
        assertThat(v84.contains("expire_logs_days")).isFalse();
        assertThat(v84.contains("mysql_native_password")).isTrue();
    }

    @Test
    void oracleDeferredParametersReachNewSessionsAndStaticOnesRestart() {
        ParameterCatalog v19 = CuratedCatalogs.build(new EngineVersion(Engine.ORACLE, "19c"));
        assertThat(v19.find("recyclebin").orElseThrow().applyMode()).isEqualTo(ApplyMode.NEW_SESSIONS);
        assertThat(v19.find("processes").orElseThrow().requiresRestart()).isTrue();
        assertThat(v19.find("sga_target").orElseThrow().applyMode().name()).isEqualTo("ONLINE");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"19c", "23ai"})
    void oracleSessionsCursorCacheAndThreadsPerCpuSayWhatTheReferenceSays(String version) {
        ParameterCatalog oracle = CuratedCatalogs.build(new EngineVersion(Engine.ORACLE, version));
        ParameterSpec sessions = oracle.find("sessions").orElseThrow();
        assertThat(sessions.min()).isEqualByComparingTo("1");
        assertThat(sessions.max()).isEqualByComparingTo("65535");
        assertThat(oracle.find("session_cached_cursors").orElseThrow().applyMode()).isEqualTo(ApplyMode.NEW_SESSIONS);
        assertThat(oracle.find("parallel_threads_per_cpu").orElseThrow().defaultDependsOn())
                .isEqualTo("the operating system");
    }

    private static String defaultOf(ParameterCatalog catalog, String name) {
        return catalog.find(name).map(ParameterSpec::defaultValue).orElseThrow();
    }

    private static String json(ParameterCatalog catalog) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogFile.write(catalog, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
