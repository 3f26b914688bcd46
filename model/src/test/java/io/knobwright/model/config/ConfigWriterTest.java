package io.knobwright.model.config;

import io.knobwright.model.UserError;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.ResolvedParameter;
import io.knobwright.model.value.Values;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigWriterTest {

    private static final CatalogRepository CATALOGS = new CatalogRepository();
    private static final ParameterCatalog POSTGRES_16 = CATALOGS.require(Engine.POSTGRESQL, "16");
    private static final ParameterCatalog MARIADB_10_11 = CATALOGS.require(Engine.MARIADB, "10.11");

    @TempDir
    Path dir;

    /** Resolved values are in the base unit, as plans and comparisons hold them. */
    private static final List<ResolvedParameter> POSTGRES = List.of(
            resolved("shared_buffers", "16384", "8kB"),
            resolved("effective_cache_size", "2314101", "8kB"),
            resolved("log_min_duration_statement", "1000", "ms"),
            resolved("unix_socket_permissions", "511", null),
            resolved("wal_buffers", "-1", "8kB"),
            resolved("log_line_prefix", "%m [%p] it's ", null),
            resolved("random_page_cost", "1.1", null),
            resolved("jit", "off", null));

    private static final List<ResolvedParameter> MARIADB = List.of(
            resolved("innodb_buffer_pool_size", "8589934592", "B"),
            resolved("max_allowed_packet", "16777216", "B"),
            resolved("long_query_time", "0.5", "s"),
            resolved("sql_mode", "STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION", null),
            resolved("init_connect", "SET NAMES \"utf8mb4\"", null));

    private static ResolvedParameter resolved(String name, String value, String unit) {
        return new ResolvedParameter(name, value, unit, "t", 1, null, false, "");
    }

    @Test
    void postgresqlConfWritesValuesInTheUnitADbaWrites() {
        String conf = ConfigWriter.postgresqlConf("export", POSTGRES, POSTGRES_16);
        assertThat(conf).contains("shared_buffers = 128MB  #", "effective_cache_size = 18512808kB  #",
                "log_min_duration_statement = 1s  #", "unix_socket_permissions = 0777  #", "wal_buffers = -1  #",
                "random_page_cost = 1.1  #", "jit = off  #", "log_line_prefix = '%m [%p] it''s '  #");
    }

    @Test
    void sqlWritesUnitsWhereTheStatementTakesThemAndPlainNumbersWhereItDoesNot() {
        assertThat(ConfigWriter.sqlScript(POSTGRES_16, "export", POSTGRES))
                .contains("ALTER SYSTEM SET effective_cache_size = '18512808kB';", "ALTER SYSTEM SET shared_buffers = '128MB';");
        // SET GLOBAL takes no suffix: bytes are the literal that means the same
        assertThat(ConfigWriter.sqlScript(MARIADB_10_11, "export", MARIADB))
                .contains("SET GLOBAL innodb_buffer_pool_size = 8589934592;", "SET GLOBAL long_query_time = 0.5;");
    }

    @Test
    void myCnfWritesSizesWithSuffixes() {
        assertThat(ConfigWriter.myCnf("export", MARIADB, MARIADB_10_11))
                .contains("innodb_buffer_pool_size = 8G  #", "max_allowed_packet = 16M  #", "long_query_time = 0.5  #");
    }

    @Test
    void sqlScriptQuotesValuesAndRefusesOddNames() {
        String sql = ConfigWriter.sqlScript(POSTGRES_16, "plan 7", List.of(resolved("log_line_prefix", "it's", null)));
        assertThat(sql).contains("ALTER SYSTEM SET log_line_prefix = 'it''s';").contains("SELECT pg_reload_conf();");
        assertThatThrownBy(() -> ConfigWriter.sqlScript(CATALOGS.require(Engine.MYSQL, "8.0"), "x",
                List.of(resolved("a; DROP TABLE t", "1", null))))
                .isInstanceOf(UserError.class).hasMessageContaining("Cannot write the parameter name");
    }
}
