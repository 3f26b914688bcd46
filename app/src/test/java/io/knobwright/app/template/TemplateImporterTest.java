package io.knobwright.app.template;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.config.FileSource;
import io.knobwright.model.config.SkippedSetting;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.EntryValue;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.template.TemplateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Servers' own configuration files as a new user imports them. The Debian layouts under
 * src/test/resources/server-config are read as if they were at /etc (their includes are absolute paths).
 */
class TemplateImporterTest {

    private static final Path MY_CNF = Path.of("/etc/mysql/my.cnf");
    private static final Path POSTGRESQL_CONF = Path.of("/etc/postgresql/15/main/postgresql.conf");

    @TempDir
    Path dir;

    private static TemplateImporter importer(String layout) throws Exception {
        Path root = Path.of(TemplateImporterTest.class.getResource("/server-config/" + layout).toURI());
        return new TemplateImporter(new CatalogRepository(), under(root));
    }

    /** The files of {@code root} as if it were the file system's root, paths named as on the server. */
    private static FileSource under(Path root) {
        FileSource disk = FileSource.disk();
        return new FileSource() {
            @Override
            public Optional<String> read(Path path) {
                return disk.read(onDisk(path));
            }

            @Override
            public List<Path> list(Path directory) {
                return disk.list(onDisk(directory)).stream().map(f -> directory.resolve(f.getFileName().toString())).toList();
            }

            private Path onDisk(Path path) {
                return root.resolve(path.getRoot().relativize(path.toAbsolutePath()).toString());
            }
        };
    }

    private static Map<String, String> values(TemplateImporter.Result result) {
        return result.template().entries().stream().collect(Collectors.toMap(TemplateEntry::parameter,
                e -> ((EntryValue.Literal) e.value()).text()));
    }

    private static Map<String, String> skipped(TemplateImporter.Result result) {
        return result.skipped().stream().collect(Collectors.toMap(SkippedSetting::name, SkippedSetting::reason));
    }

    private static Instance instance(String name, Engine engine, String version) {
        return new Instance(7, name, engine, version, version, null, Map.of(), null, null, null, null, false);
    }

    @Test
    void debiansMariaDbMyCnfImportsAsMariaDb1011WithTheIncludedFilesAndOneServersSettingsSkipped() throws Exception {
        TemplateImporter.Result result = importer("debian-mariadb-10.11").read(ImportOptions.of(MY_CNF, "shop"), null);

        assertThat(result.checkedAgainst().version()).isEqualTo(new EngineVersion(Engine.MARIADB, "10.11"));
        assertThat(result.checkedAgainst().guessed()).isFalse();
        assertThat(result.template().engine()).isEqualTo(Engine.MARIADB);
        assertThat(result.template().targetVersions()).containsExactly("10.11");
        assertThat(values(result)).containsOnly(
                Map.entry("expire_logs_days", "10"),
                Map.entry("character_set_server", "utf8mb4"),
                Map.entry("collation_server", "utf8mb4_general_ci"),
                Map.entry("skip_name_resolve", "ON"),
                Map.entry("log_error", "/var/log/mysql/error.log"),
                Map.entry("log_bin", "ON"),
                Map.entry("innodb_buffer_pool_size", "1G"),
                Map.entry("max_connections", "300"),
                Map.entry("innodb_log_file_size", "512M"));
        assertThat(skipped(result)).containsOnlyKeys("socket", "user", "pid_file", "basedir", "datadir", "bind_address",
                "port", "server_id", "log_bin_basename", "server_audit_logging");
        assertThat(skipped(result).get("user")).contains("a startup option");
        assertThat(skipped(result).get("datadir")).isEqualTo("it names this server's own files");
        assertThat(result.skipped()).extracting(SkippedSetting::where).startsWith("my.cnf line 25", "90-dba.cnf line 3", "90-dba.cnf line 4");
        TemplateEntry pool = result.template().entries().stream()
                .filter(e -> e.parameter().equals("innodb_buffer_pool_size")).findFirst().orElseThrow();
        assertThat(pool.rationale()).isEqualTo("imported from 90-dba.cnf line 13");
    }

    @Test
    void theVersionGivenOrTheInstancesDecidesWhichVersionGroupsApply() throws Exception {
        TemplateImporter importer = importer("debian-mariadb-10.11");
        TemplateImporter.Result given = importer.read(new ImportOptions(MY_CNF, "shop", null, "11.4.5", null, null), null);
        assertThat(given.checkedAgainst().describe()).isEqualTo("MariaDB 11.4 (as given)");
        assertThat(values(given)).containsEntry("max_connections", "300").doesNotContainKey("innodb_log_file_size");

        TemplateImporter.Result ofInstance = importer.read(new ImportOptions(MY_CNF, "shop", null, null, "db7", null),
                instance("db7", Engine.MARIADB, "11.4"));
        assertThat(ofInstance.checkedAgainst().describe()).isEqualTo("MariaDB 11.4 (of instance db7)");

        assertThatThrownBy(() -> importer.read(new ImportOptions(MY_CNF, "shop", Engine.MYSQL, null, "db7", null),
                instance("db7", Engine.MARIADB, "10.11")))
                .hasMessage("Instance 'db7' runs MariaDB, not MySQL: leave out the engine or the instance");
    }

    @Test
    void aMyCnfNamingNoVersionIsCheckedAgainstTheNewestCatalogOfTheEngineItsGroupsPointToAndSaysSo() throws Exception {
        // this machine's CI /etc/mysql/my.cnf: MariaDB 10.11, but nothing in the file says which version
        Path cnf = Files.writeString(dir.resolve("my.cnf"), """
                [client-server]
                socket = /run/mysqld/mysqld.sock
                [mysqld]
                user = mysql
                pid-file = /run/mysqld/mysqld.pid
                basedir = /usr
                datadir = /var/lib/mysql
                bind-address = 127.0.0.1
                port = 3306
                skip-name-resolve
                character-set-server = utf8mb4
                collation-server = utf8mb4_general_ci
                log-error = /var/log/mysql/error.log
                """);
        TemplateImporter importer = new TemplateImporter(new CatalogRepository(), FileSource.disk());
        TemplateImporter.Result result = importer.read(ImportOptions.of(cnf, "ci"), null);
        assertThat(result.checkedAgainst().version()).isEqualTo(new EngineVersion(Engine.MARIADB, "11.4"));
        assertThat(result.checkedAgainst().guessed()).isTrue();
        assertThat(result.checkedAgainst().basis()).isEqualTo(VersionChoice.NEWEST);
        assertThat(values(result)).containsOnlyKeys("skip_name_resolve", "character_set_server", "collation_server", "log_error");

        TemplateImporter.Result forInstance = importer.read(new ImportOptions(cnf, "ci", null, null, "local", null),
                instance("local", Engine.MARIADB, "10.11"));
        assertThat(forInstance.checkedAgainst().version().major()).isEqualTo("10.11");
        assertThat(forInstance.template().targetVersions()).containsExactly("10.11");
    }

    @Test
    void aFileWithGroupsForTwoCataloguedVersionsAsksWhichServerItIsFor() throws Exception {
        Path cnf = Files.writeString(dir.resolve("both.cnf"), "[mariadb-10.11]\nmax_connections = 100\n[mariadb-11.4]\nmax_connections = 200\n");
        TemplateImporter importer = new TemplateImporter(new CatalogRepository(), FileSource.disk());
        assertThatThrownBy(() -> importer.read(ImportOptions.of(cnf, "both"), null))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("MariaDB 10.11 and MariaDB 11.4").hasMessageContaining("--version or --instance");
        assertThat(values(importer.read(new ImportOptions(cnf, "both", null, "10.11", null, null), null)))
                .containsExactly(Map.entry("max_connections", "100"));
    }

    @Test
    void aMySqlOptionFileKeepsWhatTheCuratedCatalogKnowsAndReportsTheRest() throws Exception {
        // Ubuntu's mysql-server 8.4 mysqld.cnf, abridged
        Path cnf = Files.writeString(dir.resolve("mysqld.cnf"), """
                [mysqld]
                user            = mysql
                pid-file        = /var/run/mysqld/mysqld.pid
                socket          = /var/run/mysqld/mysqld.sock
                datadir         = /var/lib/mysql
                bind-address    = 127.0.0.1
                mysqlx-bind-address = 127.0.0.1
                key_buffer_size = 16M
                myisam-recover-options = BACKUP
                log_error = /var/log/mysql/error.log
                max_binlog_size = 100M
                """);
        TemplateImporter.Result result = new TemplateImporter(new CatalogRepository(), FileSource.disk())
                .read(ImportOptions.of(cnf, "ubuntu"), null);
        assertThat(result.checkedAgainst().version()).isEqualTo(new EngineVersion(Engine.MYSQL, "8.4"));
        assertThat(values(result)).containsOnlyKeys("key_buffer_size", "max_binlog_size");
        assertThat(skipped(result).get("myisam_recover_options")).contains("curated");
        assertThat(skipped(result)).containsKeys("user", "pid_file", "socket", "datadir", "bind_address", "mysqlx_bind_address");
    }

    @Test
    void debiansPostgresqlConfLeavesOutLocationAndIdentityAndNamesTheConfDFileOfEachEntry() throws Exception {
        TemplateImporter.Result result = importer("debian-postgresql-15")
                .read(new ImportOptions(POSTGRESQL_CONF, "pg15", null, "15", null, null), null);
        assertThat(result.checkedAgainst().describe()).isEqualTo("PostgreSQL 15 (as given)");
        assertThat(skipped(result)).containsOnlyKeys("data_directory", "hba_file", "ident_file", "external_pid_file",
                "port", "unix_socket_directories", "cluster_name", "listen_addresses");
        assertThat(values(result)).containsEntry("shared_buffers", "128MB").containsEntry("autovacuum", "off")
                .doesNotContainKeys("data_directory", "hba_file", "port");
        TemplateEntry autovacuum = result.template().entries().stream()
                .filter(e -> e.parameter().equals("autovacuum")).findFirst().orElseThrow();
        assertThat(autovacuum.rationale()).isEqualTo("imported from 90-ci.conf line 3");
        SkippedSetting port = result.skipped().stream().filter(s -> s.name().equals("port")).findFirst().orElseThrow();
        assertThat(port.where()).isEqualTo("90-ci.conf line 2");
    }

    @Test
    void aParameterUnknownToTheGuessedVersionSaysWhichVersionWasAssumedAndHowToGiveAnother() throws Exception {
        Path conf = Files.writeString(dir.resolve("postgresql.conf"), "vacuum_defer_cleanup_age = 0\n");
        TemplateImporter importer = new TemplateImporter(new CatalogRepository(), FileSource.disk());
        assertThatThrownBy(() -> importer.read(ImportOptions.of(conf, "old"), null))
                .hasMessageContaining("line 1: vacuum_defer_cleanup_age is not a PostgreSQL 18 parameter")
                .hasMessageContaining("checked against PostgreSQL 18, the newest catalog").hasMessageContaining("--version");
        assertThat(values(importer.read(new ImportOptions(conf, "old", null, "15", null, null), null)))
                .containsExactly(Map.entry("vacuum_defer_cleanup_age", "0"));
    }

    @Test
    void extensionParametersAndReadOnlyOnesAreSkippedNotFatal() throws Exception {
        Path conf = Files.writeString(dir.resolve("postgresql.conf"), """
                shared_preload_libraries = 'pg_stat_statements'
                pg_stat_statements.track = all
                block_size = 8192
                work_mem = 64MB
                """);
        TemplateImporter.Result result = new TemplateImporter(new CatalogRepository(), FileSource.disk())
                .read(ImportOptions.of(conf, "ext"), null);
        assertThat(values(result)).containsOnlyKeys("shared_preload_libraries", "work_mem");
        assertThat(skipped(result).get("pg_stat_statements.track")).contains("extension");
        assertThat(skipped(result).get("block_size")).contains("read-only");
    }

    @Test
    void aValueWithALineBreakIsRefusedAtImportInEveryFormat() throws Exception {
        TemplateImporter importer = new TemplateImporter(new CatalogRepository(), FileSource.disk());
        Path yaml = Files.writeString(dir.resolve("t.yaml"), """
                name: banner
                engine: postgresql
                entries:
                  - parameter: application_name
                    value: "first line\\nsecond line"
                """);
        Path json = Files.writeString(dir.resolve("t.json"), """
                {"name": "banner", "engine": "postgresql",
                 "entries": [{"parameter": "application_name", "value": "first line\\r\\nsecond line"}]}
                """);
        Path conf = Files.writeString(dir.resolve("escaped.conf"), "application_name = 'first line\\nsecond line'\n");
        Path carriageReturn = Files.writeString(dir.resolve("cr.conf"), "application_name = 'first line\\rsecond line'\n");
        Path blockScalar = Files.writeString(dir.resolve("block.yaml"), """
                name: banner
                engine: postgresql
                entries:
                  - parameter: application_name
                    value: |
                      first line
                      second line
                """);
        // mysqld reads \n in a my.cnf value as a line break (mysys), and so does the import
        Path cnf = Files.writeString(dir.resolve("escaped.cnf"), "[mariadb]\ninit_connect = \"SET @a = 1\\nSET @b = 2\"\n");
        for (Path file : List.of(yaml, json, conf, carriageReturn, blockScalar, cnf)) {
            assertThatThrownBy(() -> importer.read(ImportOptions.of(file, "banner"), null)).as(file.toString())
                    .isInstanceOf(TemplateException.class)
                    .hasMessageMatching("(?s).*(application_name|init_connect) holds a line break.*")
                    .hasMessageContaining("write it on one line");
        }
    }

    @Test
    void aYamlTemplateLosesOneServersSettingsToo() throws Exception {
        Path yaml = Files.writeString(dir.resolve("t.yaml"), """
                name: mine
                engine: postgresql
                entries:
                  - parameter: data_directory
                    value: /srv/pg
                  - parameter: work_mem
                    value: 64MB
                """);
        TemplateImporter.Result result = new TemplateImporter(new CatalogRepository(), FileSource.disk())
                .read(ImportOptions.of(yaml, null), null);
        assertThat(result.template().entries()).extracting(TemplateEntry::parameter).containsExactly("work_mem");
        assertThat(result.skipped()).extracting(SkippedSetting::name).containsExactly("data_directory");
        assertThat(result.checkedAgainst()).isNull();
    }

    @Test
    void anIncludedShadowFileListsNoAccountNamesOnlyItsLinesAndAtMostTwentyOfThem() throws Exception {
        StringBuilder shadow = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            shadow.append("account").append(i).append(":$6$salt$hash:19000:0:99999:7:::\n");
        }
        Path secrets = Files.writeString(dir.resolve("shadow"), shadow);
        Path conf = Files.writeString(dir.resolve("postgresql.conf"), "work_mem = 64MB\ninclude_if_exists '" + secrets + "'\n");

        assertThatThrownBy(() -> new TemplateImporter(new CatalogRepository(), FileSource.disk())
                .read(new ImportOptions(conf, "x", null, "16", null, null), null))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(secrets + " line 1: not a PostgreSQL 16 parameter (the name is not quoted")
                .hasMessageContaining(secrets + " line 20: ").hasMessageContaining("... and 10 more")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("account").doesNotContain("$6$")
                        .doesNotContain(secrets + " line 21:"));
    }

    @Test
    void aNamedFilesBadLineIsQuotedEscaped() throws Exception {
        Path conf = Files.writeString(dir.resolve("postgresql.conf"), "work_mem = 64MB\n\u200Bwork_mem = 1\n");
        assertThatThrownBy(() -> new TemplateImporter(new CatalogRepository(), FileSource.disk())
                .read(new ImportOptions(conf, "x", null, "16", null, null), null))
                .hasMessageContaining("line 2: expected a parameter name, found '\\u200B'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u200B"));
    }
}
