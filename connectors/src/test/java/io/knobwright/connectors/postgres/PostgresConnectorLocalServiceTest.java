package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.LocalServices;
import io.knobwright.connectors.ServerInfo;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.LiveSetting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The machine's PostgreSQL 15 service (trust authentication): read only, never reconfigured here. */
class PostgresConnectorLocalServiceTest {

    private final PostgresConnector connector = new PostgresConnector();

    @BeforeAll
    static void serviceIsUp() {
        LocalServices.requirePostgres();
    }

    @Test
    void probeReportsPostgres15() {
        ServerInfo info = connector.probe(new ConnectionTarget(LocalServices.POSTGRES_URL, "postgres", null));

        assertThat(info.version()).isEqualTo(new EngineVersion(Engine.POSTGRESQL, "15"));
        assertThat(info.fullVersion()).startsWith("15.");
        assertThat(info.hardware().cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void readSettingsReturnsThe15SettingsWithUnits() {
        List<LiveSetting> settings = connector.readSettings(new ConnectionTarget(LocalServices.POSTGRES_URL, "postgres", null));

        assertThat(settings).hasSizeGreaterThan(300);
        assertThat(settings).filteredOn(s -> s.name().equals("shared_buffers"))
                .singleElement().satisfies(s -> assertThat(s.unit()).isEqualTo("8kB"));
        // PostgreSQL 15 added this setting: the list comes from this server, not from a fixed list
        assertThat(settings).extracting(LiveSetting::name).contains("log_startup_progress_interval", "recursive_worktable_factor");
    }

    @Test
    void readCatalogIsTheServersOwnDescriptionNotTheShippedOne() {
        ParameterCatalog own = connector.readCatalog(new ConnectionTarget(LocalServices.POSTGRES_URL, "postgres", null))
                .orElseThrow();
        ParameterCatalog shipped = new CatalogRepository().require(Engine.POSTGRESQL, "15");

        assertThat(own.engineVersion()).isEqualTo(new EngineVersion(Engine.POSTGRESQL, "15"));
        assertThat(own.origin()).startsWith("pg_settings of PostgreSQL 15.");
        assertThat(own.size()).isGreaterThan(300);
        // Debian builds with lz4 and zstd; the shipped catalog comes from an upstream build without them
        assertThat(own.find("wal_compression").orElseThrow().enumValues()).contains("lz4", "zstd");
        assertThat(shipped.find("wal_compression").orElseThrow().enumValues()).doesNotContain("lz4");
        assertThat(own.find("shared_buffers").orElseThrow().unit()).isEqualTo("8kB");
    }

    @Test
    void missingDatabaseIsNamedInTheMessage() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> connector.probe(new ConnectionTarget("jdbc:postgresql://127.0.0.1:5432/no_such_db", "postgres", null)))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("PostgreSQL at 127.0.0.1:5432 has no database 'no_such_db': check the database name at the end of"
                        + " the JDBC URL (every server has 'postgres' unless someone dropped it).");
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }
}
