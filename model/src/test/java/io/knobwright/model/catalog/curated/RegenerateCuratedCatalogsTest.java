package io.knobwright.model.catalog.curated;

import io.knobwright.model.catalog.CatalogFile;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.EngineVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the curated catalogs into resources/src/main/resources/catalog. Runs only with
 * -Dknobwright.regenerateCatalogs=true; edit the tables, run this, review the JSON diff, commit both.
 */
@EnabledIfSystemProperty(named = "knobwright.regenerateCatalogs", matches = "true")
class RegenerateCuratedCatalogsTest {

    private static final Path CATALOG_DIR = Path.of(System.getProperty("knobwright.catalogDir",
            "../resources/src/main/resources/catalog"));

    @Test
    void writesEveryCuratedCatalog() throws Exception {
        Files.createDirectories(CATALOG_DIR);
        for (EngineVersion version : CuratedCatalogs.versions()) {
            ParameterCatalog catalog = CuratedCatalogs.build(version);
            Path file = CATALOG_DIR.resolve(CatalogFile.resourcePath(version).substring("/catalog/".length()));
            try (OutputStream out = Files.newOutputStream(file)) {
                CatalogFile.write(catalog, out);
            }
            System.out.println("Wrote " + catalog.size() + " parameters of " + version + " to " + file);
            assertThat(Files.size(file)).isPositive();
        }
    }
}
