package io.knobwright.connectors.catalog;

import io.knobwright.model.catalog.ParameterCatalog;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads the full parameter catalog of a live server from its own system views
 * (pg_settings, information_schema.SYSTEM_VARIABLES), so catalogs are generated, never guessed.
 */
public interface CatalogReader {

    /** True when this reader understands the JDBC URL's scheme. */
    boolean accepts(String jdbcUrl);

    /** Reads every parameter the connected server knows; {@code source} of each entry names the server version. */
    ParameterCatalog read(Connection connection) throws SQLException;
}
