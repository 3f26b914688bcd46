package io.knobwright.model.diff;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.LiveSetting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared comparison against what real servers say, with the shipped catalogs: PostgreSQL 15 and MariaDB 10.11
 * were given many spellings of values and asked what they stored (two spellings are the same setting exactly when
 * the server stores the same thing), and every setting they report in two forms must compare as one value.
 */
class ComparisonAgainstServersTest {

    private static final CatalogRepository CATALOGS = new CatalogRepository();
    private static final ParameterCatalog POSTGRES_15 = CATALOGS.require(Engine.POSTGRESQL, "15");
    private static final ParameterCatalog MARIADB_10_11 = CATALOGS.require(Engine.MARIADB, "10.11");

    /**
     * Settings of an untouched server that really differ from the catalog's default: chosen by initdb, the
     * packaging, the machine (stack size, shared memory, the operating system's keepalives) or the release (the
     * catalog was read from 15.19), not by a sentinel.
     */
    private static final Set<String> POSTGRES_SET_BY_ENVIRONMENT = Set.of("lc_collate", "lc_ctype", "server_encoding",
            "client_encoding", "max_stack_depth", "shared_memory_size", "tcp_keepalives_count", "tcp_keepalives_idle",
            "tcp_keepalives_interval", "timezone_abbreviations", "krb_server_keyfile", "server_version",
            "server_version_num");

    /**
     * Variables MariaDB reports as compiled-in although it derived them from the machine or from other variables
     * (innodb_open_files = 0 and innodb_io_capacity_max = 4294967295 mean "work it out", sql_big_selects follows
     * max_join_size): a difference from the catalog's default that is really there.
     */
    private static final Set<String> MARIADB_DERIVED = Set.of("innodb_buffer_pool_size_auto_min",
            "innodb_io_capacity_max", "innodb_log_file_mmap", "innodb_log_write_ahead_size", "innodb_lru_flush_size",
            "innodb_open_files", "sql_big_selects");

    private final CatalogValueEquivalence equivalence = new CatalogValueEquivalence();

    static Stream<Arguments> postgresSessionPairs() {
        return byParameter(ServerValues.read("pg_session_pairs-15.tsv"));
    }

    static Stream<Arguments> mariadbSessionPairs() {
        return byParameter(ServerValues.read("mariadb_session_pairs-10.11.tsv"));
    }

    private static Stream<Arguments> byParameter(List<Map<String, String>> rows) {
        Map<String, List<Map<String, String>>> grouped = new LinkedHashMap<>();
        rows.forEach(r -> grouped.computeIfAbsent(r.get("parameter"), k -> new ArrayList<>()).add(r));
        return grouped.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postgresSessionPairs")
    void twoSpellingsAreTheSameExactlyWhenPostgresStoresTheSameSetting(String parameter, List<Map<String, String>> rows) {
        ParameterSpec spec = POSTGRES_15.find(parameter).orElseThrow();
        List<String> disagreements = disagreements(spec, rows, "setting");
        for (Map<String, String> row : rows) {
            if (!equivalence.same(spec, row.get("input"), row.get("shown"))) {
                disagreements.add("'" + row.get("input") + "' differs from what SHOW prints for it, '" + row.get("shown") + "'");
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mariadbSessionPairs")
    void twoSpellingsAreTheSameExactlyWhenMariaDbStoresTheSameSetting(String parameter, List<Map<String, String>> rows) {
        ParameterSpec spec = MARIADB_10_11.find(parameter).orElseThrow();
        assertThat(disagreements(spec, rows, "reported")).isEmpty();
    }

    /** Every pair of inputs, and every input against what the server stored for it. */
    private List<String> disagreements(ParameterSpec spec, List<Map<String, String>> rows, String stored) {
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String input = rows.get(i).get("input");
            if (!equivalence.same(spec, input, rows.get(i).get(stored))) {
                disagreements.add("'" + input + "' differs from what the server stored for it, '" + rows.get(i).get(stored) + "'");
            }
            for (int j = i + 1; j < rows.size(); j++) {
                String other = rows.get(j).get("input");
                boolean server = rows.get(i).get(stored).equals(rows.get(j).get(stored));
                if (equivalence.same(spec, input, other) != server) {
                    disagreements.add("'" + input + "' and '" + other + "' are " + (server ? "" : "not ")
                            + "the same setting to the server");
                }
            }
        }
        return disagreements;
    }

    static Stream<Arguments> postgresSettings() {
        return ServerValues.read("pg_settings-15.tsv").stream()
                .filter(r -> POSTGRES_15.contains(r.get("name")))
                .map(r -> Arguments.of(r.get("name"), r.get("setting"), r.get("shown"), r.get("source")));
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @MethodSource("postgresSettings")
    void whatPgSettingsHoldsIsTheSameAsWhatShowPrints(String name, String setting, String shown, String source) {
        assertThat(equivalence.same(POSTGRES_15.find(name).orElseThrow(), setting, shown)).isTrue();
    }

    /** Settings the server reports with source "default", whose catalog states a default. */
    static Stream<Arguments> postgresDefaults() {
        return postgresSettings().filter(a -> a.get()[3].equals("default")
                && !POSTGRES_SET_BY_ENVIRONMENT.contains((String) a.get()[0])
                && POSTGRES_15.find((String) a.get()[0]).orElseThrow().defaultValue() != null
                && !POSTGRES_15.find((String) a.get()[0]).orElseThrow().defaultIsHostDependent());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("postgresDefaults")
    void aPostgresServerLeftAloneHasItsCatalogDefaults(String name, String setting, String shown, String source) {
        ParameterSpec spec = POSTGRES_15.find(name).orElseThrow();
        String configured = equivalence.configured(spec, new LiveSetting(name, setting, null, source, false));
        assertThat(equivalence.same(spec, configured, spec.defaultValue()))
                .as("%s = '%s' against the catalog default '%s'", name, setting, spec.defaultValue()).isTrue();
    }

    static Stream<Arguments> mariadbVariables() {
        return ServerValues.read("system_variables-mariadb-10.11.tsv").stream()
                .filter(r -> MARIADB_10_11.contains(r.get("name")) && r.get("global_value") != null && r.get("selected") != null)
                .map(r -> Arguments.of(r.get("name"), r.get("global_value"), r.get("selected")));
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @MethodSource("mariadbVariables")
    void whatShowVariablesPrintsIsTheSameAsWhatSelectReturns(String name, String shown, String selected) {
        assertThat(equivalence.same(MARIADB_10_11.find(name).orElseThrow(), shown, selected)).isTrue();
    }

    /** Variables the server reports as compiled-in (connector source "default"), whose catalog states a default. */
    static Stream<Arguments> mariadbDefaults() {
        return ServerValues.read("system_variables-mariadb-10.11.tsv").stream()
                .filter(r -> r.get("origin").equals("COMPILE-TIME") && r.get("global_value") != null
                        && !MARIADB_DERIVED.contains(r.get("name"))
                        && MARIADB_10_11.find(r.get("name")).map(ParameterSpec::defaultValue).isPresent()
                        && !MARIADB_10_11.find(r.get("name")).orElseThrow().defaultIsHostDependent())
                .map(r -> Arguments.of(r.get("name"), r.get("global_value")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mariadbDefaults")
    void aMariaDbServerLeftAloneHasItsCatalogDefaults(String name, String value) {
        ParameterSpec spec = MARIADB_10_11.find(name).orElseThrow();
        String configured = equivalence.configured(spec, new LiveSetting(name, value, null, "default", false));
        assertThat(equivalence.same(spec, configured, spec.defaultValue()))
                .as("%s = '%s' against the catalog default '%s'", name, value, spec.defaultValue()).isTrue();
    }
}
