package io.knobwright.model.config;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.diff.CatalogValueEquivalence;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.ResolvedParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ConfigParsersTest {

    private static final ParameterCatalog MARIADB_10_11 = new CatalogRepository().require(Engine.MARIADB, "10.11");
    private static final ParameterCatalog POSTGRESQL_16 = new CatalogRepository().require(Engine.POSTGRESQL, "16");

    @TempDir
    Path dir;

    private Map<String, String> pg(String text) throws Exception {
        Path f = dir.resolve("postgresql.conf");
        Files.writeString(f, text);
        return values(new PostgresConfParser(FileSource.disk()).parse(f));
    }

    /** The settings a MariaDB 10.11 server takes from the file. */
    private Map<String, String> cnf(String text) throws Exception {
        Path f = dir.resolve("my.cnf");
        Files.writeString(f, text);
        return values(MyCnfOptions.resolve(new MyCnfParser(FileSource.disk()).parse(f).serverOptions(MARIADB_10_11.engineVersion()),
                MARIADB_10_11).settings());
    }

    private static Map<String, String> values(Map<String, ConfigSetting> settings) {
        return settings.values().stream().collect(Collectors.toMap(ConfigSetting::name, ConfigSetting::value));
    }

    @Test
    void postgresqlConfReadsUnitsQuotesCommentsAndLastValueWins() throws Exception {
        Map<String, String> v = pg("""
                # memory
                shared_buffers = 8GB            # a quarter of RAM
                work_mem 64MB
                search_path = '"$user", public'
                log_line_prefix = '%m [%p] it''s \\'quoted\\' '
                shared_buffers = '4GB'
                """);
        assertThat(v).containsEntry("shared_buffers", "4GB")
                .containsEntry("work_mem", "64MB")
                .containsEntry("search_path", "\"$user\", public")
                .containsEntry("log_line_prefix", "%m [%p] it's 'quoted' ");
    }

    @Test
    void postgresqlConfFollowsIncludesRelativeToTheIncludingFile() throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/01-memory.conf"), "work_mem = 32MB\n");
        Files.writeString(dir.resolve("conf.d/02-override.conf"), "work_mem = 48MB\n");
        Files.writeString(dir.resolve("conf.d/readme.txt"), "this is not read\n");
        Files.writeString(dir.resolve("extra.conf"), "max_connections = 300\n");
        Map<String, String> v = pg("""
                max_connections = 100
                include 'extra.conf'
                include_if_exists 'missing.conf'
                include_dir 'conf.d'
                """);
        assertThat(v).containsEntry("max_connections", "300").containsEntry("work_mem", "48MB").hasSize(2);
    }

    @Test
    void settingsFromIncludedFilesNameTheirOwnFileAndLine() throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/90-ci.conf"), "# CI\nlisten_addresses = '127.0.0.1'\nwork_mem = 8MB\n");
        Path f = dir.resolve("postgresql.conf");
        Files.writeString(f, "work_mem = 4MB\nmax_connections = 100\ninclude_dir = 'conf.d'\n");
        Map<String, ConfigSetting> settings = new PostgresConfParser(FileSource.disk()).parse(f);
        assertThat(settings.get("work_mem").where()).isEqualTo("90-ci.conf line 3");
        assertThat(settings.get("work_mem").file()).isEqualTo(dir.resolve("conf.d/90-ci.conf").toString());
        assertThat(settings.get("max_connections").where()).isEqualTo("postgresql.conf line 2");
    }

    @Test
    void postgresqlConfErrorsNameFileLineAndProblem() {
        assertThatThrownBy(() -> pg("work_mem = 4MB\nshared_buffers = '8GB\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("line 2").hasMessageContaining("unterminated quoted value for shared_buffers");
        assertThatThrownBy(() -> pg("work_mem =\n")).hasMessageContaining("line 1: work_mem has no value");
        assertThatThrownBy(() -> pg("include 'nope.conf'\n")).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> pg("= 5\n")).hasMessageContaining("expected a parameter name");
        assertThatThrownBy(() -> pg("work_mem = 4MB extra\n")).hasMessageContaining("unexpected text after the value");
    }

    @Test
    void includeLoopIsStopped() throws Exception {
        Files.writeString(dir.resolve("a.conf"), "include 'b.conf'\n");
        Files.writeString(dir.resolve("b.conf"), "include 'a.conf'\n");
        assertThatThrownBy(() -> pg("include 'a.conf'\n")).hasMessageContaining("nest deeper");
    }

    @Test
    void myCnfKeepsOnlyTheGroupsTheServerReadsAndNormalisesSpellings() throws Exception {
        Map<String, String> v = cnf("""
                [client]
                port = 3307
                [client-server]
                socket = /run/mysqld/mysqld.sock
                [mysqld]
                innodb-buffer-pool-size = 8G   # most of RAM
                max_connections=500
                loose-performance-schema = ON
                [mariadb-10.11]
                innodb_log_file_size = "1G"
                [mariadb-11.4]
                innodb_log_file_size = 2G
                [mysqld-8.0]
                max_connections = 800
                [mysqldump]
                quick
                """);
        assertThat(v).containsEntry("innodb_buffer_pool_size", "8G")
                .containsEntry("max_connections", "500")
                .containsEntry("performance_schema", "ON")
                .containsEntry("innodb_log_file_size", "1G")
                .containsEntry("socket", "/run/mysqld/mysqld.sock")
                .doesNotContainKeys("port", "quick");
    }

    @Test
    void myCnfErrorsNameTheLine() {
        assertThatThrownBy(() -> cnf("[mysqld\nmax_connections=5\n")).hasMessageContaining("line 1").hasMessageContaining("no closing ]");
        assertThatThrownBy(() -> cnf("[mysqld]\nmax_connections=\n")).hasMessageContaining("line 2: max_connections has no value");
        assertThatThrownBy(() -> cnf("[mysqld]\nx'; DROP TABLE t; -- = 1\n")).hasMessageContaining("is not an option name");
        assertThatThrownBy(() -> cnf("max_connections = 5\n[mysqld]\n")).hasMessageContaining("line 1")
                .hasMessageContaining("comes before any [group]");
    }

    @Test
    void exportThenImportGivesTheSameValues() throws Exception {
        List<ResolvedParameter> resolved = List.of(
                new ResolvedParameter("shared_buffers", "2097152", "8kB", "pg-oltp", 3, "25% of RAM", false, ""),
                new ResolvedParameter("log_line_prefix", "%m [%p] it's ", null, "pg-base", 1, null, false, ""),
                new ResolvedParameter("random_page_cost", "1.1", null, "pg-base", 1, null, false, ""),
                new ResolvedParameter("jit", "off", null, "pg-oltp", 3, null, true, ""),
                new ResolvedParameter("application_name", "line one\nline two", null, "pg-base", 1, null, false, ""));
        Path conf = dir.resolve("out.conf");
        Files.writeString(conf, ConfigWriter.postgresqlConf("Knobwright export", resolved, POSTGRESQL_16));
        Map<String, String> back = values(new PostgresConfParser(FileSource.disk()).parse(conf));
        assertSameValues(back, resolved, POSTGRESQL_16);

        List<ResolvedParameter> mysql = List.of(
                new ResolvedParameter("innodb_buffer_pool_size", "8589934592", "B", "my-oltp", 1, "RAM*0.7", false, ""),
                new ResolvedParameter("sql_mode", "STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION", null, "my-base", 1, null, false, ""),
                new ResolvedParameter("init_connect", "SET @a = 'it''s' -- \"q\" \\ #not a comment\nSET @b = 1", null,
                        "my-base", 1, null, false, ""),
                new ResolvedParameter("tmpdir", "C:\\temp\\new", null, "my-base", 1, null, false, ""));
        Path cnf = dir.resolve("out.cnf");
        Files.writeString(cnf, ConfigWriter.myCnf("Knobwright export", mysql, MARIADB_10_11));
        assertThat(Files.readString(cnf).lines().filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("[")))
                .as("one line per setting").hasSize(mysql.size());
        assertSameValues(values(MyCnfOptions.resolve(new MyCnfParser(FileSource.disk()).parse(cnf).serverOptions(
                MARIADB_10_11.engineVersion()), MARIADB_10_11).settings()), mysql, MARIADB_10_11);
    }

    /** The server's own reader, my_print_defaults, where it is installed (the MariaDB service of CI). */
    @Test
    void myCnfEscapesAreReadByTheServersOwnReaderAsKnobwrightReadsThem() throws Exception {
        Path cnf = Files.writeString(dir.resolve("escapes.cnf"), """
                [mysqld]
                init_connect = "a\\nb\\tc\\\\d \\"e\\" 'f' #g"  # comment
                tmpdir = C:\\temp\\new\\x
                ft_boolean_syntax = 'h\\si\\'j'
                """);
        Map<String, String> knobwright = new LinkedHashMap<>();
        new MyCnfParser(FileSource.disk()).parse(cnf).options().forEach(o -> knobwright.put(o.name(), o.value()));
        assertThat(knobwright).containsEntry("init_connect", "a\nb\tc\\d \"e\" 'f' #g")
                .containsEntry("tmpdir", "C:\temp\new\\x").hasSize(3);

        Process process;
        try {
            process = new ProcessBuilder("my_print_defaults", "--defaults-file=" + cnf, "mysqld").start();
        } catch (IOException notInstalled) {
            assumeTrue(false, "my_print_defaults is not installed");
            return;
        }
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        String expected = knobwright.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue() + "\n")
                .collect(Collectors.joining());
        assertThat(printed).isEqualTo(expected);
    }

    /** Read back as the server reads it: "16GB" is the 2097152 x 8kB that was resolved. */
    private static void assertSameValues(Map<String, String> back, List<ResolvedParameter> resolved, ParameterCatalog catalog) {
        assertThat(back.keySet()).containsExactlyInAnyOrderElementsOf(resolved.stream().map(ResolvedParameter::name).toList());
        CatalogValueEquivalence same = new CatalogValueEquivalence();
        for (ResolvedParameter p : resolved) {
            assertThat(same.same(catalog.find(p.name()).orElse(null), back.get(p.name()), p.value()))
                    .as(p.name() + ": wrote " + p.value() + ", read back " + back.get(p.name())).isTrue();
        }
    }
}
