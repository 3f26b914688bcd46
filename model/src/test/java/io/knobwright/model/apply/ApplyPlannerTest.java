package io.knobwright.model.apply;

import io.knobwright.model.UserError;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.value.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PostgreSQL, MySQL and MariaDB statements, and what is refused before anything is written. */
class ApplyPlannerTest {

    private static final CatalogRepository SHIPPED = new CatalogRepository();
    private final ApplyPlanner postgres = new ApplyPlanner(SHIPPED.require(Engine.POSTGRESQL, "16"));
    private final ApplyPlanner mysql = new ApplyPlanner(SHIPPED.require(Engine.MYSQL, "8.0"));
    private final ApplyPlanner mariadb = new ApplyPlanner(SHIPPED.require(Engine.MARIADB, "10.11"));

    private static List<String> sql(List<ApplyStatement> statements) {
        return statements.stream().map(ApplyStatement::sql).toList();
    }

    @Test
    void postgresChangeIsAlterSystemAndReloadAndUndoesWithResetWhenNothingWasPersisted() {
        ApplyStep step = postgres.plan("work_mem", "64MB", PriorValue.notPersisted("4096"));

        assertThat(sql(step.apply())).containsExactly("ALTER SYSTEM SET work_mem = '64MB'", "SELECT pg_reload_conf()");
        assertThat(sql(step.compensation())).containsExactly("ALTER SYSTEM RESET work_mem", "SELECT pg_reload_conf()");
        assertThat(step.verify().executable()).isEqualTo("SELECT setting FROM pg_settings WHERE name = ?");
        assertThat(step.verify().binds()).containsExactly("work_mem");
        assertThat(step.restartNeeded()).isFalse();
    }

    @Test
    void postgresUndoPutsBackAPersistedValueInTheEnginesSpelling() {
        ApplyStep step = postgres.plan("work_mem", "65536", PriorValue.persisted("8192"));

        assertThat(step.value()).isEqualTo("64MB");
        assertThat(sql(step.compensation())).containsExactly("ALTER SYSTEM SET work_mem = '8MB'", "SELECT pg_reload_conf()");
    }

    @Test
    void postgresRestartOnlyParameterIsWrittenNowAndFlaggedPendingRestart() {
        ApplyStep step = postgres.plan(new PlannedChange("shared_buffers", "16384", "262144", "8kB", null, "", ""),
                PriorValue.notPersisted("16384"));

        assertThat(sql(step.apply())).containsExactly("ALTER SYSTEM SET shared_buffers = '2GB'", "SELECT pg_reload_conf()");
        assertThat(step.restartNeeded()).isTrue();
        assertThat(step.note()).contains("pending_restart");
        assertThat(step.verify().executable()).contains("pg_file_settings");
    }

    @Test
    void postgresMixedCaseNamesAreQuotedAsQuoteIdentDoes() {
        ApplyStep step = postgres.plan("datestyle", "ISO, DMY", PriorValue.persisted("ISO, MDY"));

        assertThat(step.apply().getFirst().sql()).isEqualTo("ALTER SYSTEM SET \"DateStyle\" = 'ISO, DMY'");
    }

    @Test
    void postgresHostileTextStaysOneLiteral() {
        assertThat(postgresSet("x'; DROP TABLE t; --")).isEqualTo("ALTER SYSTEM SET log_line_prefix = 'x''; DROP TABLE t; --'");
        assertThat(postgresSet("*/ SELECT 1; /* %m")).isEqualTo("ALTER SYSTEM SET log_line_prefix = '*/ SELECT 1; /* %m'");
        assertThat(postgresSet("a\\'; SELECT 1; --")).isEqualTo("ALTER SYSTEM SET log_line_prefix = E'a\\\\''; SELECT 1; --'");
        assertThat(postgresSet("\u2019; \u201c \u02bc")).isEqualTo("ALTER SYSTEM SET log_line_prefix = '\u2019; \u201c \u02bc'");
    }

    private String postgresSet(String value) {
        return postgres.plan("log_line_prefix", value, PriorValue.persisted("%m ")).apply().getFirst().sql();
    }

    @Test
    void lineBreaksAndNulInTextAreRefusedForEveryEngine() {
        assertThatThrownBy(() -> postgres.plan("log_line_prefix", "%m\nALTER ROLE x SUPERUSER", PriorValue.persisted("%m ")))
                .isInstanceOf(UserError.class).hasMessageContaining("log_line_prefix").hasMessageContaining("line break");
        assertThatThrownBy(() -> mariadb.plan("init_connect", "SET @a=1\u0000", PriorValue.notPersisted("")))
                .isInstanceOf(UserError.class).hasMessageContaining("init_connect").hasMessageContaining("\\u0000");
    }

    @Test
    void unknownParameterIsRefusedWithTheNearestNames() {
        assertThatThrownBy(() -> postgres.plan("work_mem = '1'; DROP TABLE t; --", "1", PriorValue.persisted("1")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("Unknown parameter")
                .hasMessageContaining("PostgreSQL 16");
        assertThatThrownBy(() -> postgres.plan("shared_buffer", "1GB", PriorValue.persisted("1")))
                .hasMessageContaining("Did you mean shared_buffers");
    }

    @Test
    void valuesOutsideTheRangeTheChoicesOrTheTypeAreRefusedNamingWhatIsAllowed() {
        assertThatThrownBy(() -> postgres.plan("shared_buffers", "10TB", PriorValue.persisted("16384")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("shared_buffers").hasMessageContaining("10TB")
                .hasMessageContaining("valid:");
        assertThatThrownBy(() -> postgres.plan("wal_level", "archive'; --", PriorValue.persisted("replica")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("wal_level").hasMessageContaining("replica");
        assertThatThrownBy(() -> mysql.plan("max_connections", "100; SET GLOBAL read_only=1", PriorValue.persisted("151")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("max_connections");
        assertThatThrownBy(() -> mysql.plan("max_connections", "200000", PriorValue.persisted("151")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("100000");
    }

    @Test
    void readOnlyParametersAreRefusedBeforeAnyStatement() {
        assertThatThrownBy(() -> postgres.plan("block_size", "8192", PriorValue.notPersisted("8192")))
                .isInstanceOf(UserError.class).hasMessageContaining("block_size").hasMessageContaining("cannot be changed");
    }

    @Test
    void compensationThatMustSetAValueNeedsTheCapturedPriorValue() {
        assertThat(sql(postgres.plan("work_mem", "64MB", PriorValue.notPersisted(null)).compensation()))
                .startsWith("ALTER SYSTEM RESET work_mem");
        assertThatThrownBy(() -> mariadb.plan("max_connections", "200", PriorValue.notPersisted(null)))
                .isInstanceOf(UserError.class).hasMessageContaining("max_connections").hasMessageContaining("unknown");
    }

    @Test
    void mysqlDynamicVariableIsPersistedAndUndoneBySettingBackAndForgettingThePersistedEntry() {
        ApplyStep step = mysql.plan("innodb_buffer_pool_size", "1G", PriorValue.notPersisted("134217728"));

        assertThat(sql(step.apply())).containsExactly("SET PERSIST innodb_buffer_pool_size = 1073741824");
        assertThat(sql(step.compensation())).containsExactly("SET GLOBAL innodb_buffer_pool_size = 134217728",
                "RESET PERSIST IF EXISTS innodb_buffer_pool_size");
        assertThat(step.verify().sql()).isEqualTo("SELECT @@GLOBAL.innodb_buffer_pool_size");
    }

    @Test
    void mysqlRestartOnlyVariableUsesPersistOnlyAndVerifiesThePersistedValue() {
        ApplyStep step = mysql.plan("innodb_flush_method", "o_direct", PriorValue.persisted("fsync"));

        assertThat(step.apply().getFirst().sql()).isEqualTo("SET PERSIST_ONLY innodb_flush_method = 'O_DIRECT'");
        assertThat(step.apply().getFirst().executable()).isEqualTo("SET PERSIST_ONLY innodb_flush_method = ?");
        assertThat(step.apply().getFirst().binds()).containsExactly("O_DIRECT");
        assertThat(sql(step.compensation())).containsExactly("SET PERSIST_ONLY innodb_flush_method = 'fsync'");
        assertThat(step.verify().executable()).contains("performance_schema.persisted_variables").endsWith("= ?");
        assertThat(step.restartNeeded()).isTrue();
    }

    @Test
    void mysqlBooleansAreKeywordsAndNumericChoicesBareNumbers() {
        assertThat(mysql.plan("innodb_adaptive_hash_index", "true", PriorValue.persisted("OFF")).apply().getFirst().sql())
                .isEqualTo("SET PERSIST innodb_adaptive_hash_index = ON");
        assertThat(mysql.plan("innodb_flush_log_at_trx_commit", "2", PriorValue.persisted("1")).apply().getFirst().sql())
                .isEqualTo("SET PERSIST innodb_flush_log_at_trx_commit = 2");
    }

    @Test
    void mysqlHostileTextIsShownEscapedAndExecutedThroughABind() {
        String hostile = "x\\'; DROP TABLE t; -- /* \u2019";
        ApplyStatement set = mysql.plan("authentication_policy", hostile, PriorValue.persisted("*,,")).apply().getFirst();

        assertThat(set.sql()).isEqualTo("SET PERSIST authentication_policy = 'x\\\\''; DROP TABLE t; -- /* \u2019'");
        assertThat(set.executable()).isEqualTo("SET PERSIST authentication_policy = ?");
        assertThat(set.binds()).containsExactly(hostile);
    }

    @Test
    void mariadbDynamicVariableIsSetGlobalAndSaysItLastsUntilRestart() {
        ApplyStep step = mariadb.plan("init_connect", "SET NAMES utf8mb4", PriorValue.notPersisted(""));

        assertThat(step.delivery()).isEqualTo(ApplyStep.Delivery.SQL);
        assertThat(sql(step.apply())).containsExactly("SET GLOBAL init_connect = 'SET NAMES utf8mb4'");
        assertThat(step.apply().getFirst().binds()).containsExactly("SET NAMES utf8mb4");
        assertThat(sql(step.compensation())).containsExactly("SET GLOBAL init_connect = ''");
        assertThat(step.note()).contains("until the server restarts");
    }

    @Test
    void mariadbRestartOnlyVariableBecomesOptionFileLinesAndNeverSql() {
        ApplyStep step = mariadb.plan("innodb_buffer_pool_chunk_size", "128M", PriorValue.notPersisted("0"));

        assertThat(step.delivery()).isEqualTo(ApplyStep.Delivery.OPTION_FILE);
        assertThat(step.apply()).isEmpty();
        assertThat(step.compensation()).isEmpty();
        assertThat(step.optionFile()).isEqualTo(new OptionFileChange("[mariadbd]", "innodb_buffer_pool_chunk_size",
                "innodb_buffer_pool_chunk_size = 128M"));
        assertThat(step.optionFileUndo().removesLine()).isTrue();
        assertThat(step.note()).contains("cannot be applied live").contains("restart");
    }

    @Test
    void mariadbOptionFileUndoRestoresAPersistedLine() {
        ApplyStep step = mariadb.plan("innodb_flush_method", "fsync", PriorValue.persisted("O_DIRECT"));

        assertThat(step.optionFileUndo().line()).isEqualTo("innodb_flush_method = O_DIRECT");
    }
}
