package io.knobwright.connectors.catalog;

import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogFile;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.file.UserFileWriter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Generating a catalog from a live PostgreSQL 18, and what the user sees when that cannot work. */
class CatalogGeneratorTest {

    private static final int MAJOR = 18;
    private static EmbeddedPostgres pg;

    private final CatalogGenerator generator = CatalogGenerator.withReaders(List.of(new PostgresCatalogReader()));

    @BeforeAll
    static void startServer() throws Exception {
        pg = new EmbeddedPostgresMajors().start(MAJOR);
    }

    @AfterAll
    static void stopServer() throws Exception {
        pg.close();
    }

    private String url(String database) {
        return pg.getJdbcUrl("postgres", database).replaceFirst("\\?.*$", "");
    }

    @Test
    void readsEveryParameterWithItsTypeUnitBoundsAndApplyMode() {
        ParameterCatalog catalog = generator.generate(url("postgres"), "postgres", null);

        assertThat(catalog.engineVersion().engine()).isEqualTo(Engine.POSTGRESQL);
        assertThat(catalog.engineVersion().major()).isEqualTo("18");
        assertThat(catalog.origin()).startsWith("pg_settings of PostgreSQL 18.");
        assertThat(catalog.parameters()).extracting(ParameterSpec::name)
                .containsExactlyInAnyOrderElementsOf(new CatalogRepository().require(Engine.POSTGRESQL, "18")
                        .parameters().stream().map(ParameterSpec::name).toList());

        ParameterSpec sharedBuffers = catalog.find("shared_buffers").orElseThrow();
        assertThat(sharedBuffers.type()).isEqualTo(ParameterType.INTEGER);
        assertThat(sharedBuffers.unit()).isEqualTo("8kB");
        assertThat(sharedBuffers.min()).isEqualByComparingTo("16");
        assertThat(sharedBuffers.defaultValue()).isEqualTo("16384");
        assertThat(sharedBuffers.applyMode()).isEqualTo(ApplyMode.RESTART);
        assertThat(sharedBuffers.category()).isEqualTo("Resource Usage / Memory");
        assertThat(sharedBuffers.source()).isEqualTo(catalog.origin());

        assertThat(catalog.find("work_mem").orElseThrow()).satisfies(p -> {
            assertThat(p.unit()).isEqualTo("kB");
            assertThat(p.applyMode()).isEqualTo(ApplyMode.ONLINE);
        });
        assertThat(catalog.find("checkpoint_timeout").orElseThrow().unit()).isEqualTo("s");
        assertThat(catalog.find("wal_level").orElseThrow().enumValues()).containsExactly("minimal", "replica", "logical");
        assertThat(catalog.find("seq_page_cost").orElseThrow().max()).isEqualByComparingTo("1.79769e+308");
        assertThat(catalog.find("block_size").orElseThrow().applyMode()).isEqualTo(ApplyMode.READ_ONLY);
        assertThat(catalog.find("max_wal_size").orElseThrow().applyMode()).isEqualTo(ApplyMode.RELOAD);
        assertThat(catalog.find("log_connections").orElseThrow().applyMode()).isEqualTo(ApplyMode.NEW_SESSIONS);
        assertThat(catalog.find("application_name").orElseThrow().defaultValue()).isEmpty();
    }

    @Test
    void writtenCatalogReadsBackUnchanged(@TempDir Path dir) throws Exception {
        ParameterCatalog catalog = generator.generate(url("postgres"), "postgres", null);
        Path out = dir.resolve("catalogs/postgresql-18.json");

        generator.writeTo(catalog, out, UserFileWriter.Existing.REFUSE);

        try (InputStream in = Files.newInputStream(out)) {
            ParameterCatalog back = CatalogFile.read(in);
            assertThat(back.parameters()).containsExactlyInAnyOrderElementsOf(catalog.parameters());
            assertThat(back.origin()).isEqualTo(catalog.origin());
        }
        assertThat(dir.resolve("catalogs")).isDirectoryContaining(p -> p.getFileName().toString().equals("postgresql-18.json"));
        assertThat(Files.list(out.getParent())).hasSize(1);
    }

    @Test
    void unknownUserIsRefusedWithAMessageAboutCredentials() {
        assertThatThrownBy(() -> generator.generate(url("postgres"), "nobody", "secret"))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("refused user 'nobody'")
                .hasMessageContaining("check the user name and the password (--user, --password-env)")
                .hasMessageNotContaining("secret");
    }

    @Test
    void missingDatabaseIsNamedAsSuch() {
        assertThatThrownBy(() -> generator.generate(url("no_such_db"), "postgres", null))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("database named in the URL does not exist");
    }

    @Test
    void closedPortFailsFastSayingTheServerCouldNotBeReached() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> generator.generate("jdbc:postgresql://127.0.0.1:1/postgres?password=hunter2", "postgres", null))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageContaining("could not be reached")
                .hasMessageNotContaining("hunter2");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CatalogGenerator.LOGIN_TIMEOUT);
    }

    @Test
    void urlOfAnEngineWithoutReaderIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> generator.generate("jdbc:sqlserver://db1:1433", "sa", null))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("no catalog reader understands that URL")
                .hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void unwritableTargetEndsInAMessageNamingThePath(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        ParameterCatalog tiny = new ParameterCatalog(new EngineVersion(Engine.POSTGRESQL, "18"),
                "test", List.of(new ParameterSpec(Engine.POSTGRESQL, "18", "work_mem", ParameterType.INTEGER, "kB",
                BigDecimal.valueOf(64), BigDecimal.valueOf(2147483647), null, "4096", ApplyMode.ONLINE, "", "", "")));

        assertThatThrownBy(() -> generator.writeTo(tiny, blocker.resolve("postgresql-18.json"), UserFileWriter.Existing.REFUSE))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("not-a-folder")
                .hasMessageContaining("writable");
        assertThat(blocker).hasContent("x");
    }
}
