package io.knobwright.connectors.catalog;

import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped PostgreSQL catalogs are exactly what real servers of each major report: same parameter names,
 * and per parameter the same type, unit, bounds, enum values, apply mode and default.
 *
 * <p>pg_settings is read here with its own query and compared column by column, independently of
 * {@link PostgresCatalogReader}, so a mapping slip in the reader cannot hide in both the file and the check.
 * A default the catalog marks as depending on the host or the build (unix_socket_directories, krb_server_keyfile:
 * see HostDependentDefaults) is not comparable and is skipped. Descriptions and categories are not compared: text
 * is not what validation relies on.
 * Each server runs only for its own major's test, so at most one is alive at a time.
 */
class PostgresCatalogMatchesLiveServerTest {

    static final List<Integer> MAJORS = EmbeddedPostgresMajors.MAJORS;

    /** The test's own reading of pg_settings.vartype, deliberately not shared with the reader. */
    private static final Map<String, ParameterType> VARTYPES = Map.of(
            "bool", ParameterType.BOOLEAN, "integer", ParameterType.INTEGER, "real", ParameterType.REAL,
            "string", ParameterType.STRING, "enum", ParameterType.ENUM);

    private record LiveRow(String name, String vartype, String unit, String minVal, String maxVal,
                           List<String> enumvals, String context, String bootVal) {
    }

    private final EmbeddedPostgresMajors servers = new EmbeddedPostgresMajors();
    private final CatalogRepository catalogs = new CatalogRepository();

    @ParameterizedTest(name = "PostgreSQL {0}")
    @FieldSource("MAJORS")
    void shippedCatalogDescribesEveryParameterOfTheLiveServer(int major) throws Exception {
        String serverVersion;
        Map<String, LiveRow> live;
        try (EmbeddedPostgres pg = servers.start(major); Connection c = pg.getPostgresDatabase().getConnection()) {
            serverVersion = scalar(c, "SELECT current_setting('server_version')");
            live = readPgSettings(c);
        }
        ParameterCatalog shipped = catalogs.require(Engine.POSTGRESQL, Integer.toString(major));

        List<String> differences = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(live.keySet());
        shipped.parameters().forEach(p -> missing.remove(p.name()));
        missing.forEach(name -> differences.add(name + ": on the server, missing from the catalog"));
        for (ParameterSpec spec : shipped.parameters()) {
            LiveRow row = live.get(spec.name());
            if (row == null) {
                differences.add(spec.name() + ": in the catalog, unknown to the server");
            } else {
                compare(spec, row, differences);
            }
        }

        assertThat(differences)
                .withFailMessage(() -> "postgresql-" + major + ".json differs from pg_settings of PostgreSQL "
                        + serverVersion + " in " + differences.size() + " place(s); regenerate it (docs/catalogs.md):\n  "
                        + String.join("\n  ", differences))
                .isEmpty();
        assertThat(shipped.size()).isEqualTo(live.size());
    }

    private static void compare(ParameterSpec spec, LiveRow row, List<String> differences) {
        differ(differences, spec.name(), "type", spec.type(), VARTYPES.get(row.vartype()));
        differ(differences, spec.name(), "unit", spec.unit(), row.unit());
        differNumber(differences, spec.name(), "min", spec.min(), row.minVal());
        differNumber(differences, spec.name(), "max", spec.max(), row.maxVal());
        differ(differences, spec.name(), "enumValues", spec.enumValues(), row.enumvals());
        differ(differences, spec.name(), "applyMode", spec.applyMode(), PostgresContexts.applyMode(row.context()));
        ShippedDefault.difference(spec, row.bootVal()).ifPresent(differences::add);
    }

    private static void differ(List<String> differences, String name, String what, Object catalog, Object live) {
        if (!Objects.equals(catalog, live)) {
            differences.add(name + ": " + what + " is " + catalog + " in the catalog, " + live + " on the server");
        }
    }

    /** 1.79769e+308 on the server and 1.79769E+308 in JSON are the same bound: compare values, not spelling. */
    private static void differNumber(List<String> differences, String name, String what, BigDecimal catalog,
                                     String live) {
        BigDecimal liveValue = live == null ? null : new BigDecimal(live);
        boolean same = catalog == null || liveValue == null ? catalog == liveValue : catalog.compareTo(liveValue) == 0;
        if (!same) {
            differences.add(name + ": " + what + " is " + catalog + " in the catalog, " + live + " on the server");
        }
    }

    private static Map<String, LiveRow> readPgSettings(Connection c) throws SQLException {
        Map<String, LiveRow> rows = new TreeMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, vartype, unit, min_val, max_val, enumvals, context, boot_val FROM pg_settings")) {
            while (rs.next()) {
                Array enumvals = rs.getArray("enumvals");
                rows.put(rs.getString("name"), new LiveRow(rs.getString("name"), rs.getString("vartype"),
                        rs.getString("unit"), rs.getString("min_val"), rs.getString("max_val"),
                        enumvals == null ? List.of() : Arrays.asList((String[]) enumvals.getArray()),
                        rs.getString("context"), rs.getString("boot_val")));
            }
        }
        return rows;
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
