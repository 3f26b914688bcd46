package io.knobwright.connectors.catalog;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbCatalogReaderTest {

    private final MariaDbCatalogReader reader = MariaDbCatalogReader.withCuratedTables();

    private ParameterSpec map(String name, String scope, String type, String min, String max, String enumList,
                              String defaultValue, String readOnly, String commandLineArgument) {
        return reader.toSpec("10.11", "test", new MariaDbCatalogReader.Row(name, scope, type, "Comment", min, max,
                enumList, defaultValue, readOnly, commandLineArgument));
    }

    @Nested
    class MappingOfOneRow {

        @Test
        void lowerCasesTheNameAndTakesUnitFromTheCuratedTable() {
            ParameterSpec spec = map("INNODB_BUFFER_POOL_SIZE", "GLOBAL", "BIGINT UNSIGNED", "2097152",
                    "18446744073701163008", null, "134217728", "NO", "REQUIRED");
            assertThat(spec.name()).isEqualTo("innodb_buffer_pool_size");
            assertThat(spec.type()).isEqualTo(ParameterType.INTEGER);
            assertThat(spec.unit()).isEqualTo("B");
            assertThat(spec.max()).isEqualByComparingTo(new BigDecimal("18446744073701163008"));
            assertThat(spec.applyMode()).isEqualTo(ApplyMode.ONLINE);
            assertThat(spec.category()).isEqualTo("InnoDB");
        }

        @Test
        void leavesUnitEmptyForCountsEvenWhenTheNameEndsInSize() {
            ParameterSpec spec = map("PERFORMANCE_SCHEMA_ACCOUNTS_SIZE", "GLOBAL", "BIGINT", "-1", "1048576", null,
                    "-1", "YES", "REQUIRED");
            assertThat(spec.unit()).isNull();
            assertThat(spec.min()).isEqualByComparingTo("-1");
        }

        @Test
        void setBecomesStringListingItsMembersInTheDescription() {
            ParameterSpec spec = map("SQL_MODE", "SESSION", "SET", null, null,
                    "REAL_AS_FLOAT,PIPES_AS_CONCAT,STRICT_TRANS_TABLES", "STRICT_TRANS_TABLES", "NO", "REQUIRED");
            assertThat(spec.type()).isEqualTo(ParameterType.STRING);
            assertThat(spec.enumValues()).isEmpty();
            assertThat(spec.description()).contains("Comma-separated combination of: REAL_AS_FLOAT, PIPES_AS_CONCAT");
        }

        @Test
        void enumKeepsItsChoices() {
            ParameterSpec spec = map("BINLOG_FORMAT", "SESSION", "ENUM", null, null, "MIXED,STATEMENT,ROW", "MIXED",
                    "NO", "REQUIRED");
            assertThat(spec.type()).isEqualTo(ParameterType.ENUM);
            assertThat(spec.enumValues()).containsExactly("MIXED", "STATEMENT", "ROW");
            assertThat(spec.defaultValue()).isEqualTo("MIXED");
        }

        @Test
        void enumWithoutAListOfChoicesBecomesString() {
            ParameterSpec spec = map("CHARACTER_SET_SERVER", "SESSION", "ENUM", null, null, null, "utf8mb4", "NO",
                    "REQUIRED");
            assertThat(spec.type()).isEqualTo(ParameterType.STRING);
            assertThat(spec.defaultValue()).isEqualTo("utf8mb4");
            assertThat(spec.description()).contains("SHOW CHARACTER SET");
        }

        @Test
        void doubleLimitsAndDefaultLoseTheServersTrailingZeros() {
            ParameterSpec spec = map("LONG_QUERY_TIME", "SESSION", "DOUBLE", "0.000000", "31536000.000000", null,
                    "10.000000", "NO", "REQUIRED");
            assertThat(spec.type()).isEqualTo(ParameterType.REAL);
            assertThat(spec.min().toPlainString()).isEqualTo("0");
            assertThat(spec.max().toPlainString()).isEqualTo("31536000");
            assertThat(spec.defaultValue()).isEqualTo("10");
            assertThat(spec.unit()).isEqualTo("s");
        }

        @Test
        void readOnlyWithAStartupOptionNeedsARestart() {
            assertThat(map("INNODB_PAGE_SIZE", "GLOBAL", "BIGINT UNSIGNED", "4096", "65536", null, "16384", "YES",
                    "REQUIRED").applyMode()).isEqualTo(ApplyMode.RESTART);
            assertThat(map("LOG_BIN", "GLOBAL", "BOOLEAN", null, null, "OFF,ON", null, "YES", null).applyMode())
                    .as("log_bin is set by --log-bin").isEqualTo(ApplyMode.RESTART);
        }

        @Test
        void readOnlyWithoutAnyStartupOptionCannotBeChangedAtAll() {
            assertThat(map("VERSION", "GLOBAL", "VARCHAR", null, null, null, null, "YES", null).applyMode())
                    .isEqualTo(ApplyMode.READ_ONLY);
        }

        @Test
        void sessionOnlyVariablesAreGroupedAsSessionAndSaySo() {
            ParameterSpec spec = map("TIMESTAMP", "SESSION ONLY", "DOUBLE", "0", "2147483647", null, "0", "NO", null);
            assertThat(spec.category()).isEqualTo(MariaDbCategories.SESSION);
            assertThat(spec.description()).contains("Session only");
        }
    }

    @Test
    void acceptsMariaDbAndMySqlUrlsOnly() {
        assertThat(reader.accepts("jdbc:mariadb://db1:3306/")).isTrue();
        assertThat(reader.accepts("jdbc:mysql://db1:3306/")).isTrue();
        assertThat(reader.accepts("jdbc:postgresql://db1/")).isFalse();
    }

    @Test
    void readsTheLiveServerWithItsVersionInEverySource() throws Exception {
        ParameterCatalog catalog;
        try (Connection c = LocalMariaDb.connect()) {
            catalog = reader.read(c);
        }
        assertThat(catalog.size()).isGreaterThan(400);
        assertThat(catalog.origin()).startsWith("information_schema.SYSTEM_VARIABLES of MariaDB "
                + catalog.engineVersion().major() + ".");
        assertThat(catalog.parameters()).allSatisfy(p -> assertThat(p.source()).isEqualTo(catalog.origin()));
        ParameterSpec maxConnections = catalog.find("max_connections").orElseThrow();
        assertThat(maxConnections.type()).isEqualTo(ParameterType.INTEGER);
        assertThat(maxConnections.applyMode()).isEqualTo(ApplyMode.ONLINE);
        assertThat(maxConnections.min()).isEqualByComparingTo("10");
        assertThat(catalog.find("innodb_page_size").orElseThrow().applyMode()).isEqualTo(ApplyMode.RESTART);
        assertThat(catalog.find("version").orElseThrow().applyMode()).isEqualTo(ApplyMode.READ_ONLY);
        assertThat(catalog.find("innodb_flush_method").orElseThrow().enumValues()).contains("O_DIRECT", "fsync");
    }

    @Test
    void everyUnitInTheCuratedTableNamesANumericVariableOfAShippedCatalog() {
        CatalogRepository repository = new CatalogRepository();
        Map<String, ParameterType> known = new HashMap<>();
        for (String major : Engine.MARIADB.supportedVersions()) {
            repository.require(Engine.MARIADB, major).parameters()
                    .forEach(p -> known.put(p.name(), p.type()));
        }
        assertThat(new MariaDbUnits().names()).allSatisfy(name ->
                assertThat(known.get(name)).as(name).isIn(ParameterType.INTEGER, ParameterType.REAL));
    }
}
