package io.knobwright.model.diff;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.LiveSetting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pairs a server takes for the same setting, or not, that the comparison once got wrong: each would have put a
 * change into a plan that changes nothing, or hidden one that does. Real catalogs throughout.
 */
class SameSettingTest {

    private static final CatalogRepository CATALOGS = new CatalogRepository();

    private final CatalogValueEquivalence equivalence = new CatalogValueEquivalence();

    private static ParameterSpec spec(String engine, String version, String name) {
        ParameterCatalog catalog = CATALOGS.require(Engine.require(engine), version);
        return catalog.find(name).orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1} {2}: ''{3}'' = ''{4}''")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            postgresql | 16 | DateStyle               | iso, mdy               | ISO, MDY
            postgresql | 16 | DateStyle               | 'iso, mdy'             | ISO, MDY
            postgresql | 16 | DateStyle               | mdy, iso               | ISO
            postgresql | 16 | DateStyle               | German                 | German, DMY
            postgresql | 13 | DateStyle               | Euro                   | ISO, DMY
            postgresql | 16 | search_path             | $user, Public          | '"$user", public'
            postgresql | 16 | search_path             | '"$user",public'       | "$user", public
            postgresql | 16 | log_destination         | csvlog, stderr         | STDERR,csvlog
            postgresql | 16 | TimeZone                | europe/berlin          | Europe/Berlin
            postgresql | 16 | client_encoding         | utf-8                  | UTF8
            postgresql | 16 | client_encoding         | unicode                | UTF8
            postgresql | 16 | default_text_search_config | english             | pg_catalog.english
            postgresql | 16 | shared_preload_libraries | 'pg_stat_statements, auto_explain' | pg_stat_statements,auto_explain
            postgresql | 16 | unix_socket_permissions | 0777                   | 511
            postgresql | 16 | unix_socket_permissions | 0700                   | 448
            postgresql | 15 | log_file_mode           | 0600                   | 384
            postgresql | 15 | data_directory_mode     | 0700                   | 448
            postgresql | 15 | archive_command         | (disabled)             | ''
            postgresql | 16 | effective_cache_size    | 2314101                | 18512808kB
            postgresql | 16 | shared_buffers          | 1GB                    | 131072
            postgresql | 16 | shared_buffers          | 1024MB                 | 1GB
            postgresql | 16 | log_min_duration_statement | -1                  | -1ms
            postgresql | 16 | synchronous_commit      | true                   | on
            postgresql | 16 | enable_seqscan          | yes                    | 1
            mariadb    | 10.11 | event_scheduler      | 1                      | ON
            mariadb    | 10.11 | event_scheduler      | 0                      | OFF
            mariadb    | 10.11 | autocommit           | 1                      | ON
            mariadb    | 10.11 | sql_mode             | "STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION" | no_engine_substitution,strict_trans_tables
            mariadb    | 10.11 | optimizer_switch     | mrr=on,MRR_COST_BASED=on | index_merge=on,mrr=on,mrr_cost_based=on,rowid_filter=on
            mariadb    | 10.11 | time_zone            | +1:00                  | +01:00
            mariadb    | 10.11 | character_set_server | UTF8MB4                | utf8mb4
            mariadb    | 10.11 | innodb_buffer_pool_size | 134217728           | 128M
            mysql      | 8.0   | enforce_gtid_consistency | 1                  | ON
            mariadb    | 11.4  | log_slow_verbosity   | 'EXPLAIN,QUERY_PLAN'   | query_plan,explain
            """)
    void theServerTakesTheseForOneSetting(String engine, String version, String name, String a, String b) {
        assertThat(equivalence.same(spec(engine, version, name), a, b)).isTrue();
        assertThat(equivalence.same(spec(engine, version, name), b, a)).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} {2}: ''{3}'' <> ''{4}''")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            postgresql | 16 | DateStyle               | ISO, DMY               | ISO, MDY
            postgresql | 16 | DateStyle               | German                 | German, MDY
            postgresql | 16 | search_path             | "Public"               | public
            postgresql | 16 | search_path             | public, "$user"        | "$user", public
            postgresql | 16 | shared_preload_libraries | auto_explain,pg_stat_statements | pg_stat_statements,auto_explain
            postgresql | 16 | log_line_prefix         | '%m [%p] '             | %m [%p]
            postgresql | 16 | application_name        | App                    | app
            postgresql | 16 | unix_socket_permissions | 0777                   | 777
            postgresql | 15 | archive_command         | (disabled)             | cp %p /archive/%f
            postgresql | 16 | wal_buffers             | -1                     | 512
            postgresql | 16 | log_min_duration_statement | -1                  | -1s
            mysql      | 8.0   | gtid_mode            | 1                      | ON
            mariadb    | 10.11 | sql_mode             | STRICT_TRANS_TABLES    | STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION
            mariadb    | 10.11 | optimizer_switch     | mrr=off                | index_merge=on,mrr=on
            mariadb    | 10.11 | optimizer_switch     | mrr=on                 | index_merge=on
            mariadb    | 10.11 | datadir              | /var/lib/MySQL/        | /var/lib/mysql/
            """)
    void theServerTakesTheseForDifferentSettings(String engine, String version, String name, String a, String b) {
        assertThat(equivalence.same(spec(engine, version, name), a, b)).isFalse();
        assertThat(equivalence.same(spec(engine, version, name), b, a)).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} {2} = {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql | 16    | wal_buffers                         | 512  | default
            postgresql | 13    | wal_buffers                         | 2048 | override
            postgresql | 18    | io_max_concurrency                  | 64   | default
            mariadb    | 10.11 | performance_schema_max_cond_instances | 1400 | auto
            """)
    void aValueTheServerPickedForASentinelIsThatSentinel(String engine, String version, String name, String value,
                                                       String source) {
        ParameterSpec spec = spec(engine, version, name);
        String configured = equivalence.configured(spec, new LiveSetting(name, value, null, source, false));
        assertThat(configured).isEqualTo(spec.defaultValue());
        assertThat(equivalence.same(spec, configured, "-1")).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} {2} = {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql | 16    | wal_buffers                | 2048 | configuration file
            postgresql | 16    | log_min_duration_statement | 250  | configuration file
            postgresql | 16    | shared_buffers             | 1024 | default
            mariadb    | 10.11 | max_connections            | 200  | auto
            """)
    void aValueSetOnPurposeOrWithoutSentinelIsTakenAsReported(String engine, String version, String name, String value,
                                                            String source) {
        ParameterSpec spec = spec(engine, version, name);
        assertThat(equivalence.configured(spec, new LiveSetting(name, value, null, source, false))).isEqualTo(value);
    }
}
