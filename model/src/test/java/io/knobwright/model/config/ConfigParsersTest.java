package io.knobwright.model.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigParsersTest {

    @TempDir
    Path dir;

    private Map<String, String> pg(String text) throws Exception {
        Path f = dir.resolve("postgresql.conf");
        Files.writeString(f, text);
        return values(new PostgresConfParser(FileSource.disk()).parse(f));
    }

    private Map<String, String> cnf(String text) throws Exception {
        Path f = dir.resolve("my.cnf");
        Files.writeString(f, text);
        return values(new MyCnfParser(FileSource.disk()).parse(f));
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
    void myCnfKeepsOnlyServerSectionsAndNormalisesSpellings() throws Exception {
        Map<String, String> v = cnf("""
                [client]
                port = 3307
                [mysqld]
                innodb-buffer-pool-size = 8G   # most of RAM
                max_connections=500
                skip-name-resolve
                loose-performance-schema = ON
                skip-log-bin
                [mariadb-10.11]
                innodb_log_file_size = "1G"
                [mysqldump]
                quick
                """);
        assertThat(v).containsEntry("innodb_buffer_pool_size", "8G")
                .containsEntry("max_connections", "500")
                .containsEntry("name_resolve", "OFF")
                .containsEntry("performance_schema", "ON")
                .containsEntry("log_bin", "OFF")
                .containsEntry("innodb_log_file_size", "1G")
                .doesNotContainKeys("port", "quick");
    }

    @Test
    void myCnfErrorsNameTheLine() {
        assertThatThrownBy(() -> cnf("[mysqld\nmax_connections=5\n")).hasMessageContaining("line 1").hasMessageContaining("no closing ]");
        assertThatThrownBy(() -> cnf("[mysqld]\nmax_connections=\n")).hasMessageContaining("line 2: max_connections has no value");
        assertThatThrownBy(() -> cnf("[mysqld]\nx'; DROP TABLE t; -- = 1\n")).hasMessageContaining("is not an option name");
    }
}
