package io.knobwright.connectors.catalog;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.HostDependentDefaults;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a MariaDB server's own description of its variables from information_schema.SYSTEM_VARIABLES.
 * The mapping rules (types, apply modes, units, categories) are explained in docs/catalogs-mariadb.md and
 * docs/decisions/0020-mariadb-catalog-mapping.md.
 */
public final class MariaDbCatalogReader implements CatalogReader {

    static final String QUERY = """
            SELECT VARIABLE_NAME, VARIABLE_SCOPE, VARIABLE_TYPE, VARIABLE_COMMENT, NUMERIC_MIN_VALUE,
                   NUMERIC_MAX_VALUE, ENUM_VALUE_LIST, DEFAULT_VALUE, READ_ONLY, COMMAND_LINE_ARGUMENT
            FROM information_schema.SYSTEM_VARIABLES
            ORDER BY VARIABLE_NAME""";

    /**
     * Read-only variables without a command-line argument of their own that are nevertheless set at startup
     * through an option of another spelling (--log-bin, --relay-log, --memlock, --skip-external-locking).
     * Every other read-only variable without a command-line argument is a fact of the build or the host
     * (version, have_ssl, hostname) or of the session (warning_count) and is catalogued as READ_ONLY.
     */
    static final Set<String> SET_BY_STARTUP_OPTION = Set.of(
            "log_bin", "log_bin_basename", "log_bin_index", "relay_log_basename", "relay_log_index",
            "locked_in_memory", "skip_external_locking");

    private final MariaDbUnits units;
    private final MariaDbCategories categories;

    public MariaDbCatalogReader(MariaDbUnits units, MariaDbCategories categories) {
        this.units = units;
        this.categories = categories;
    }

    /** The reader with the project's curated unit and category tables. */
    public static MariaDbCatalogReader withCuratedTables() {
        return new MariaDbCatalogReader(new MariaDbUnits(), new MariaDbCategories());
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:"));
    }

    @Override
    public ParameterCatalog read(Connection connection) throws SQLException {
        String fullVersion = serverVersion(connection);
        if (!fullVersion.toLowerCase(Locale.ROOT).contains("mariadb")) {
            throw new SQLException("The server reports version '" + fullVersion + "', which is not MariaDB. "
                    + "information_schema.SYSTEM_VARIABLES exists only on MariaDB; connect to a MariaDB server.");
        }
        EngineVersion engineVersion = EngineVersion.fromServerVersion(Engine.MARIADB, fullVersion);
        String release = fullVersion.split("-")[0];
        String source = "information_schema.SYSTEM_VARIABLES of MariaDB " + release;
        List<ParameterSpec> specs = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
            while (rs.next()) {
                specs.add(toSpec(engineVersion.major(), source, new Row(
                        rs.getString("VARIABLE_NAME"), rs.getString("VARIABLE_SCOPE"), rs.getString("VARIABLE_TYPE"),
                        rs.getString("VARIABLE_COMMENT"), rs.getString("NUMERIC_MIN_VALUE"),
                        rs.getString("NUMERIC_MAX_VALUE"), rs.getString("ENUM_VALUE_LIST"),
                        rs.getString("DEFAULT_VALUE"), rs.getString("READ_ONLY"),
                        rs.getString("COMMAND_LINE_ARGUMENT"))));
            }
        }
        return HostDependentDefaults.mark(new ParameterCatalog(engineVersion, source, specs));
    }

    private static String serverVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** One row of SYSTEM_VARIABLES as the server gives it. */
    record Row(String name, String scope, String type, String comment, String min, String max, String enumList,
               String defaultValue, String readOnly, String commandLineArgument) {
    }

    ParameterSpec toSpec(String major, String source, Row row) {
        String name = row.name().toLowerCase(Locale.ROOT);
        ParameterType type = typeOf(row.type(), row.enumList());
        boolean numeric = type == ParameterType.INTEGER || type == ParameterType.REAL;
        List<String> enumValues = type == ParameterType.ENUM ? splitList(row.enumList()) : List.of();
        return new ParameterSpec(Engine.MARIADB, major, name, type,
                numeric ? units.unitOf(name).orElse(null) : null,
                numeric ? number(row.min()) : null,
                numeric ? number(row.max()) : null,
                enumValues, defaultValue(type, row.defaultValue()), applyMode(name, row),
                categories.categoryOf(name, row.scope()), description(row), source);
    }

    /**
     * SET and FLAGSET values are comma-separated combinations ("STRICT_TRANS_TABLES,NO_ZERO_DATE",
     * "index_merge=on,mrr=off"), not one choice out of a list, so they are STRING; their members go into the
     * description so a user still sees what is allowed. An ENUM the server gives no list for (character sets,
     * collations, locales: the choices are whatever the server has installed) is STRING too, because an ENUM
     * without choices would reject every value.
     */
    static ParameterType typeOf(String variableType, String enumList) {
        return switch (variableType.toUpperCase(Locale.ROOT)) {
            case "BOOLEAN" -> ParameterType.BOOLEAN;
            case "INT", "BIGINT", "INT UNSIGNED", "BIGINT UNSIGNED" -> ParameterType.INTEGER;
            case "DOUBLE" -> ParameterType.REAL;
            case "ENUM" -> enumList == null || enumList.isBlank() ? ParameterType.STRING : ParameterType.ENUM;
            default -> ParameterType.STRING;
        };
    }

    static ApplyMode applyMode(String lowerName, Row row) {
        if (!"YES".equalsIgnoreCase(row.readOnly())) {
            return ApplyMode.ONLINE;
        }
        boolean startupSettable = row.commandLineArgument() != null || SET_BY_STARTUP_OPTION.contains(lowerName);
        return startupSettable ? ApplyMode.RESTART : ApplyMode.READ_ONLY;
    }

    private static String description(Row row) {
        String comment = row.comment() == null ? "" : row.comment().trim();
        String type = row.type().toUpperCase(Locale.ROOT);
        StringBuilder text = new StringBuilder(comment);
        if (("SET".equals(type) || "FLAGSET".equals(type)) && row.enumList() != null && !row.enumList().isBlank()) {
            appendSentence(text, ("SET".equals(type) ? "Comma-separated combination of: " : "Comma-separated flag=on|off list of: ")
                    + String.join(", ", splitList(row.enumList())) + ".");
        }
        if ("ENUM".equals(type) && (row.enumList() == null || row.enumList().isBlank())) {
            appendSentence(text, "One of the names the server has installed (SHOW CHARACTER SET, SHOW COLLATION or "
                    + "the locale list); the server reports no fixed list.");
        }
        if (row.scope() != null && row.scope().toUpperCase(Locale.ROOT).startsWith("SESSION ONLY")) {
            appendSentence(text, "Session only: cannot be set globally or in my.cnf.");
        }
        return text.toString();
    }

    private static void appendSentence(StringBuilder text, String sentence) {
        if (!text.isEmpty()) {
            text.append(text.charAt(text.length() - 1) == '.' ? " " : ". ");
        }
        text.append(sentence);
    }

    private static String defaultValue(ParameterType type, String value) {
        if (value == null) {
            return null;
        }
        if (type == ParameterType.REAL) {
            BigDecimal n = number(value);
            return n == null ? value : n.toPlainString();
        }
        return value;
    }

    private static List<String> splitList(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** DOUBLE limits come as "0.000000"; kept as plain numbers without trailing zeros ("31536000", "0.5"). */
    static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal n = new BigDecimal(text.trim()).stripTrailingZeros();
        return n.scale() < 0 ? n.setScale(0) : n;
    }
}
