package io.knobwright.model.value;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerTextTest {

    /** A misspelt name in the table would silently fall back to exact comparison. */
    @Test
    void everyParameterReadAsWordsOrNamesIsATextParameterOfAShippedCatalog() {
        CatalogRepository catalogs = new CatalogRepository();
        List<String> unknown = new ArrayList<>();
        for (List<Engine> engines : List.of(List.of(Engine.POSTGRESQL), List.of(Engine.MARIADB, Engine.MYSQL))) {
            for (String name : ServerText.listedNames(engines.getFirst())) {
                boolean found = false;
                for (Engine engine : engines) {
                    for (String version : engine.supportedVersions()) {
                        ParameterCatalog catalog = catalogs.require(engine, version);
                        found |= catalog.find(name).map(ParameterSpec::type).filter(t -> t == ParameterType.STRING).isPresent();
                    }
                }
                if (!found) {
                    unknown.add(engines.getFirst().id() + " " + name);
                }
            }
        }
        assertThat(unknown).isEmpty();
    }
}
