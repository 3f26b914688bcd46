package io.knobwright.connectors.catalog;

import io.knobwright.model.catalog.CatalogFile;
import io.knobwright.model.catalog.ParameterCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a check but the regeneration path of the shipped MariaDB catalogs: runs only with
 * -Dknobwright.regenerateCatalogs=true and writes resources/src/main/resources/catalog/mariadb-{major}.json
 * from the server at {@link LocalMariaDb#URL}. See docs/catalogs-mariadb.md.
 */
@EnabledIfSystemProperty(named = "knobwright.regenerateCatalogs", matches = "true")
class RegenerateMariaDbCatalogTest {

    private static final Path CATALOG_DIR = Path.of(System.getProperty("knobwright.catalogDir",
            "../resources/src/main/resources/catalog"));

    @Test
    void writesTheCatalogOfTheConnectedServer() throws Exception {
        ParameterCatalog catalog;
        try (Connection c = LocalMariaDb.connect()) {
            catalog = MariaDbCatalogReader.withCuratedTables().read(c);
        }
        Path file = CATALOG_DIR.resolve("mariadb-" + catalog.engineVersion().major() + ".json");
        Files.createDirectories(CATALOG_DIR);
        try (OutputStream out = Files.newOutputStream(file)) {
            CatalogFile.write(catalog, out);
        }
        System.out.println("Wrote " + catalog.size() + " variables of " + catalog.origin() + " to " + file.toAbsolutePath());
        assertThat(Files.size(file)).isPositive();
    }
}
