package io.knobwright.model.config;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** my.cnf as mysqld and mariadbd read it: which groups, which names, what a prefix means. */
class MyCnfTest {

    private static final CatalogRepository CATALOGS = new CatalogRepository();

    @TempDir
    Path dir;

    private MyCnfFile file(String text) throws Exception {
        Path f = dir.resolve("my.cnf");
        Files.writeString(f, text);
        return new MyCnfParser(FileSource.disk()).parse(f);
    }

    private static MyCnfOptions.Resolution read(MyCnfFile file, Engine engine, String version) {
        ParameterCatalog catalog = CATALOGS.require(engine, version);
        return MyCnfOptions.resolve(file.serverOptions(catalog.engineVersion()), catalog);
    }

    private static Map<String, String> values(MyCnfOptions.Resolution resolution) {
        return resolution.settings().values().stream().collect(Collectors.toMap(ConfigSetting::name, ConfigSetting::value));
    }

    private static Map<String, String> skipped(MyCnfOptions.Resolution resolution) {
        return resolution.skipped().stream().collect(Collectors.toMap(SkippedSetting::name, SkippedSetting::reason));
    }

    @Test
    void aSkipOptionThatIsAVariableOfItsOwnIsThatVariableOtherwiseItSwitchesOff() throws Exception {
        MyCnfOptions.Resolution r = read(file("""
                [mysqld]
                skip-name-resolve
                skip_external_locking
                skip-log-bin
                disable-innodb-adaptive-hash-index
                enable-general-log
                """), Engine.MARIADB, "10.11");
        assertThat(values(r)).containsEntry("skip_name_resolve", "ON")
                .containsEntry("skip_external_locking", "ON")
                .containsEntry("log_bin", "OFF")
                .containsEntry("innodb_adaptive_hash_index", "OFF")
                .containsEntry("general_log", "ON")
                .doesNotContainKeys("name_resolve", "external_locking");
    }

    @Test
    void startupOptionsAndUnknownLooseOptionsAreSkippedWithTheReasonAndUnknownOthersPassOn() throws Exception {
        MyCnfOptions.Resolution r = read(file("""
                [mysqld]
                user = mysql
                loose-no-such-plugin-option = 1
                maximum-max_allowed_packet = 1G
                no-such-option = 1
                """), Engine.MARIADB, "10.11");
        assertThat(skipped(r)).containsOnlyKeys("user", "no_such_plugin_option", "maximum_max_allowed_packet");
        assertThat(skipped(r).get("user")).contains("operating-system account");
        assertThat(skipped(r).get("no_such_plugin_option")).contains("loose-").contains("MariaDB 10.11");
        assertThat(r.skipped().getFirst().where()).isEqualTo("my.cnf line 2");
        assertThat(values(r)).containsOnlyKeys("no_such_option");
    }

    @Test
    void logBinWithAFileNameSwitchesTheLogOnAndLeavesTheNameOut() throws Exception {
        MyCnfOptions.Resolution r = read(file("[mysqld]\nlog-bin = /var/log/mysql/mysql-bin.log\n"), Engine.MARIADB, "10.11");
        assertThat(values(r)).containsExactly(Map.entry("log_bin", "ON"));
        assertThat(skipped(r).get("log_bin_basename")).contains("/var/log/mysql/mysql-bin.log");
    }

    @Test
    void optionsOfAnotherNameSetTheirVariableWhereTheVersionHasNoVariableOfTheOptionsName() throws Exception {
        MyCnfFile f = file("""
                [mysqld]
                default-time-zone = +00:00
                transaction-isolation = READ-COMMITTED
                """);
        assertThat(values(read(f, Engine.MARIADB, "10.11"))).containsEntry("time_zone", "+00:00")
                .containsEntry("tx_isolation", "READ-COMMITTED");
        assertThat(values(read(f, Engine.MARIADB, "11.4"))).containsEntry("transaction_isolation", "READ-COMMITTED");
    }

    @Test
    void eachServerReadsItsOwnGroupsAndOnlyItsOwnVersionsGroups() throws Exception {
        MyCnfFile f = file("""
                [client-server]
                socket = /run/mysqld/mysqld.sock
                [server]
                max_connections = 100
                [mariadb]
                sync_binlog = 1
                [mariadb-10.11]
                max_connections = 200
                [mysqld-8.0]
                max_connections = 300
                [mariadbd-11.4]
                max_connections = 400
                """);
        assertThat(values(read(f, Engine.MARIADB, "10.11"))).containsEntry("max_connections", "200")
                .containsEntry("socket", "/run/mysqld/mysqld.sock").containsEntry("sync_binlog", "1");
        assertThat(values(read(f, Engine.MARIADB, "11.4"))).containsEntry("max_connections", "400");
        assertThat(values(read(f, Engine.MYSQL, "8.0"))).containsExactly(Map.entry("max_connections", "300"));
        assertThat(values(read(f, Engine.MYSQL, "8.4"))).containsExactly(Map.entry("max_connections", "100"));
    }

    @Test
    void versionSuffixedGroupsNameTheServerTheFileIsFor() throws Exception {
        assertThat(file("[mysqld]\n[mariadb-10.11]\n").versionGroups()).containsExactly(new EngineVersion(Engine.MARIADB, "10.11"));
        assertThat(file("[mysqld-10.11]\n").versionGroups()).containsExactly(new EngineVersion(Engine.MARIADB, "10.11"));
        assertThat(file("[mysqld-8.0]\n").versionGroups()).containsExactly(new EngineVersion(Engine.MYSQL, "8.0"));
        assertThat(file("[client-server]\n[mysqld]\n").hasMariaDbGroups()).isTrue();
        assertThat(file("[client]\n[mysqld]\n[mysqld-8.4]\n").hasMariaDbGroups()).isFalse();
    }

    @Test
    void includedDirectoriesAreReadInNameOrderAndEachFileNeedsItsOwnGroup() throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/50-server.cnf"), "[mysqld]\nmax_connections = 50\n");
        Files.writeString(dir.resolve("conf.d/60-tuning.cnf"), "[mysqld]\nmax_connections = 60\n");
        Files.writeString(dir.resolve("conf.d/README"), "max_connections = 1\n");
        Map<String, ConfigSetting> settings = read(file("[mysqld]\nmax_connections = 10\n!includedir conf.d\n"),
                Engine.MARIADB, "10.11").settings();
        assertThat(settings.get("max_connections").value()).isEqualTo("60");
        assertThat(settings.get("max_connections").where()).isEqualTo("60-tuning.cnf line 2");

        Files.writeString(dir.resolve("conf.d/70-bare.cnf"), "max_connections = 70\n");
        assertThatThrownBy(() -> file("!includedir conf.d\n")).hasMessageContaining("70-bare.cnf line 1")
                .hasMessageContaining("before any [group]");
    }
}
