package io.knobwright.connectors.catalog;

import io.knobwright.connectors.ConnectorException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Input the generator refuses before it connects anywhere. */
class CatalogGeneratorInputTest {

    @Test
    void generatorWithoutReadersCannotBeBuilt() {
        assertThatThrownBy(() -> CatalogGenerator.withReaders(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A catalog generator needs at least one catalog reader");
    }

    @Test
    void missingUrlIsAskedFor() {
        CatalogGenerator generator = CatalogGenerator.withReaders(List.of(new PostgresCatalogReader()));

        assertThatThrownBy(() -> generator.generate(" ", "postgres", null))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("A JDBC URL is required, e.g. jdbc:postgresql://host:5432/postgres.");
    }
}
