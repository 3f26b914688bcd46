package io.knobwright.connectors.catalog;

import io.knobwright.model.catalog.HostDependentDefaults;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a PostgreSQL server's catalog from pg_settings, which lists every parameter the running binary knows. */
public final class PostgresCatalogReader implements CatalogReader {

    private static final String QUERY = """
            SELECT name, vartype, unit, min_val, max_val, enumvals, boot_val, category, short_desc, context
              FROM pg_settings
             ORDER BY name""";

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public ParameterCatalog read(Connection connection) throws SQLException {
        String serverVersion = serverVersion(connection);
        String source = "pg_settings of PostgreSQL " + serverVersion;
        EngineVersion version = EngineVersion.fromServerVersion(Engine.POSTGRESQL, serverVersion);
        List<ParameterSpec> specs = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
            while (rs.next()) {
                specs.add(new ParameterSpec(Engine.POSTGRESQL, version.major(),
                        rs.getString("name"),
                        type(rs.getString("vartype")),
                        rs.getString("unit"),
                        decimal(rs.getString("min_val")),
                        decimal(rs.getString("max_val")),
                        strings(rs.getArray("enumvals")),
                        rs.getString("boot_val"),
                        PostgresContexts.applyMode(rs.getString("context")),
                        rs.getString("category"),
                        rs.getString("short_desc"),
                        source));
            }
        }
        return HostDependentDefaults.mark(new ParameterCatalog(version, source, specs));
    }

    /** "16.4", not the distribution suffix some builds append ("16.4 (Debian 16.4-1.pgdg120+1)"). */
    private static String serverVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version')")) {
            rs.next();
            return rs.getString(1).trim().split("\\s")[0];
        }
    }

    static ParameterType type(String vartype) {
        return switch (vartype) {
            case "bool" -> ParameterType.BOOLEAN;
            case "integer" -> ParameterType.INTEGER;
            case "real" -> ParameterType.REAL;
            case "string" -> ParameterType.STRING;
            case "enum" -> ParameterType.ENUM;
            default -> throw new IllegalArgumentException("Unknown pg_settings vartype '" + vartype
                    + "': update Knobwright before generating a catalog for this server.");
        };
    }

    /** pg_settings prints reals in C notation ("1.79769e+308"), which BigDecimal reads exactly. */
    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.asList((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
