package io.knobwright.model.config;

import io.knobwright.model.UserError;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.ResolvedParameter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A SQL export holds only statements the target server accepts; what it cannot set is said in comments. */
class SqlScriptTest {

    private static final CatalogRepository CATALOGS = new CatalogRepository();

    private static ResolvedParameter p(String name, String value) {
        return new ResolvedParameter(name, value, null, "t", 1, null, false, "");
    }

    private static String script(Engine engine, String version, ResolvedParameter... parameters) {
        ParameterCatalog catalog = CATALOGS.require(engine, version);
        return ConfigWriter.sqlScript(catalog, "export", List.of(parameters));
    }

    private static List<String> statements(String script) {
        return script.lines().filter(l -> !l.isBlank() && !l.startsWith("--")).toList();
    }

    @Test
    void postgresqlGetsAlterSystemForRestartOnlySettingsSaidToNeedARestartAndNothingForOneServersFiles() {
        String sql = script(Engine.POSTGRESQL, "15", p("data_directory", "/var/lib/postgresql/15/main"),
                p("hba_file", "/etc/postgresql/15/main/pg_hba.conf"), p("port", "5433"), p("block_size", "8192"),
                p("shared_buffers", "16384"), p("work_mem", "4096"), p("log_line_prefix", "it's"));
        assertThat(statements(sql)).containsExactly(
                "ALTER SYSTEM SET shared_buffers = '128MB';  -- t v1; takes effect after a restart",
                "ALTER SYSTEM SET work_mem = '4MB';  -- t v1",
                "ALTER SYSTEM SET log_line_prefix = 'it''s';  -- t v1",
                "SELECT pg_reload_conf();");
        assertThat(sql).contains("-- not set: data_directory names this server's own files")
                .contains("-- not set: hba_file names this server's own files")
                .contains("-- not set: port is how this server is reached")
                .contains("-- not set: block_size cannot be changed on PostgreSQL 15")
                .contains("-- Restart the server for these to take effect: shared_buffers");
    }

    @Test
    void mysqlPersistsRestartOnlySettingsForTheNextStartAndLeavesReadOnlyOnesOut() {
        String sql = script(Engine.MYSQL, "8.4", p("max_connections", "500"), p("innodb_log_file_size", "1073741824"),
                p("lower_case_table_names", "1"), p("server_id", "7"));
        assertThat(statements(sql)).containsExactly(
                "SET PERSIST max_connections = 500;  -- t v1",
                "SET PERSIST_ONLY innodb_log_file_size = 1073741824;  -- t v1; takes effect after a restart");
        assertThat(sql).contains("-- not set: lower_case_table_names cannot be changed")
                .contains("-- not set: server_id is this server's own identity");
    }

    @Test
    void mariadbSetsOnlyWhatSetGlobalAcceptsAndListsRestartOnlySettingsAsACommentedMyCnfSection() {
        String sql = script(Engine.MARIADB, "10.11", p("max_connections", "500"), p("skip_name_resolve", "ON"),
                p("performance_schema", "ON"), p("version", "10.11.19-MariaDB"), p("socket", "/run/mysqld/mysqld.sock"));
        assertThat(statements(sql)).containsExactly("SET GLOBAL max_connections = 500;  -- t v1");
        assertThat(sql).contains("""
                -- SET GLOBAL cannot change these while the server runs: add them to its my.cnf and restart it.
                -- [mysqld]
                -- skip_name_resolve = ON  # t v1
                -- performance_schema = ON  # t v1
                """).contains("-- not set: version cannot be changed").contains("-- not set: socket is how this server is reached");
    }

    @Test
    void oddParameterNamesAreRefusedRatherThanWrittenIntoSql() {
        assertThatThrownBy(() -> script(Engine.MYSQL, "8.4", p("a; DROP TABLE t", "1")))
                .isInstanceOf(UserError.class).hasMessageStartingWith("Cannot write the parameter name 'a; DROP TABLE t' into SQL");
    }
}
