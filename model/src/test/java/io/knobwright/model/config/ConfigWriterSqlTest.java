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

/** The SQL each engine takes to apply a resolved template, and values a my.cnf cannot carry. */
class ConfigWriterSqlTest {

    private static ParameterCatalog catalog(Engine engine, String version) {
        return new CatalogRepository().require(engine, version);
    }

    private static final List<ResolvedParameter> PARAMETERS = List.of(
            new ResolvedParameter("max_connections", "500", null, "shop", 3, null, false, ""),
            new ResolvedParameter("sql_mode", "STRICT_TRANS_TABLES,NO_ZERO_DATE", null, "shop", 3, null, false, ""),
            new ResolvedParameter("innodb_buffer_pool_size", "12884901888", null, "shop", 3, "75% of RAM", false,
                    "clamped from 13000000000 to the maximum 12884901888"));

    @Test
    void mysqlPersistsEachSettingAndQuotesOnlyWhatIsNotANumber() {
        assertThat(ConfigWriter.sqlScript(catalog(Engine.MYSQL, "8.4"), "shop v3 for mysql-1", PARAMETERS)).isEqualTo("""
                -- shop v3 for mysql-1

                SET PERSIST max_connections = 500;  -- shop v3
                SET PERSIST sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_DATE';  -- shop v3
                SET PERSIST innodb_buffer_pool_size = 12884901888;  -- shop v3: 75% of RAM (clamped from 13000000000 to the maximum 12884901888)
                """);
    }

    @Test
    void mariaDbSetsGlobalsWhichTheServerForgetsOnRestart() {
        assertThat(ConfigWriter.sqlScript(catalog(Engine.MARIADB, "10.11"), "h", PARAMETERS.subList(0, 1)))
                .isEqualTo("-- h\n\nSET GLOBAL max_connections = 500;  -- shop v3\n"
                        + "-- SET GLOBAL lasts until the server restarts: deploy the my.cnf export too.\n");
    }

    @Test
    void sqlServerUsesSpConfigureAndReconfigures() {
        List<ResolvedParameter> parameters = List.of(
                new ResolvedParameter("max degree of parallelism", "8", null, "dw", 1, null, false, ""));

        assertThat(ConfigWriter.sqlScript(catalog(Engine.SQLSERVER, "2022"), "h", parameters))
                .isEqualTo("-- h\n\nEXEC sp_configure 'max degree of parallelism', '8';  -- dw v1\nRECONFIGURE;\n");
    }

    @Test
    void oracleWritesToTheSpfile() {
        List<ResolvedParameter> parameters = List.of(
                new ResolvedParameter("sga_target", "8G", null, "erp", 2, null, false, ""));

        assertThat(ConfigWriter.sqlScript(catalog(Engine.ORACLE, "19c"), "h", parameters))
                .isEqualTo("-- h\n\nALTER SYSTEM SET sga_target = '8G' SCOPE=SPFILE;  -- erp v2\n");
    }

    @Test
    void myCnfWritesAValueWithBothQuoteKindsOrALineBreakOnOneLineWithTheServersEscapes() {
        List<ResolvedParameter> parameters = List.of(
                new ResolvedParameter("init_connect", "SET NAMES 'utf8' -- \"x\"", null, "shop", 1, null, false, ""),
                new ResolvedParameter("ft_boolean_syntax", "a\\b\nc\rd", null, "shop", 1, null, false, ""));

        assertThat(ConfigWriter.myCnf("h", parameters, catalog(Engine.MARIADB, "10.11"))).isEqualTo("""
                # h

                [mysqld]
                init_connect = "SET NAMES 'utf8' -- \\"x\\""  # shop v1
                ft_boolean_syntax = "a\\\\b\\nc\\rd"  # shop v1
                """);
    }

    @Test
    void aParameterNameThatWouldSplitTheLineIsAUserErrorNamingIt() {
        List<ResolvedParameter> parameters = List.of(
                new ResolvedParameter("work_mem\nshared_buffers", "1", null, "shop", 1, null, false, ""));

        for (var export : List.<Runnable>of(
                () -> ConfigWriter.postgresqlConf("h", parameters, catalog(Engine.POSTGRESQL, "16")),
                () -> ConfigWriter.myCnf("h", parameters, catalog(Engine.MARIADB, "10.11")))) {
            assertThatThrownBy(export::run)
                    .isInstanceOf(UserError.class)
                    .hasMessage("Cannot export the parameter name 'work_mem shared_buffers' (from shop): it holds a line"
                            + " break or another control character. Remove that entry from the template.");
        }
    }

    @Test
    void commentsAfterASettingStayOnItsLine() {
        List<ResolvedParameter> parameters = List.of(
                new ResolvedParameter("work_mem", "65536", "kB", "evil\nshared_buffers = 1", 2, "RAM /\r\n 4", false,
                        "clamped\nmax_connections = 1"));

        String conf = ConfigWriter.postgresqlConf("h", parameters, catalog(Engine.POSTGRESQL, "16"));

        assertThat(conf.lines().filter(l -> !l.startsWith("#") && !l.isEmpty()))
                .containsExactly("work_mem = 64MB  # evil shared_buffers = 1 v2: RAM /   4 (clamped max_connections = 1)");
    }
}
