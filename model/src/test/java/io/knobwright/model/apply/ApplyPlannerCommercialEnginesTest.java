package io.knobwright.model.apply;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.value.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQL Server and Oracle statements: generated and checked here; no server of either runs on this machine. */
class ApplyPlannerCommercialEnginesTest {

    private static final CatalogRepository SHIPPED = new CatalogRepository();
    private final ApplyPlanner sqlServer = new ApplyPlanner(SHIPPED.require(Engine.SQLSERVER, "2022"));
    private final ApplyPlanner oracle = new ApplyPlanner(SHIPPED.require(Engine.ORACLE, "19c"));

    private static List<String> sql(List<ApplyStatement> statements) {
        return statements.stream().map(ApplyStatement::sql).toList();
    }

    @Test
    void sqlServerOrdinaryOptionIsSpConfigureAndReconfigure() {
        ApplyStep step = sqlServer.plan("backup compression default", "1", PriorValue.persisted("0"));

        assertThat(sql(step.apply())).containsExactly("EXEC sp_configure N'backup compression default', 1; RECONFIGURE;");
        assertThat(sql(step.compensation())).containsExactly("EXEC sp_configure N'backup compression default', 0; RECONFIGURE;");
        assertThat(step.verify().executable()).isEqualTo("SELECT value_in_use FROM sys.configurations WHERE name = ?");
        assertThat(step.verify().binds()).containsExactly("backup compression default");
    }

    @Test
    void sqlServerAdvancedOptionTurnsShowAdvancedOptionsOnOnlyWhenOffAndBackAfterwards() {
        ApplyStep step = sqlServer.plan("MAX SERVER MEMORY (MB)", "4096", PriorValue.persisted("2147483647"));

        assertThat(step.apply().getFirst().sql()).isEqualTo("""
                DECLARE @advanced int = (SELECT CONVERT(int, value_in_use) FROM sys.configurations WHERE name = N'show advanced options');
                IF @advanced = 0 BEGIN EXEC sp_configure N'show advanced options', 1; RECONFIGURE; END;
                EXEC sp_configure N'max server memory (MB)', 4096; RECONFIGURE;
                IF @advanced = 0 BEGIN EXEC sp_configure N'show advanced options', 0; RECONFIGURE; END;""");
        assertThat(step.compensation().getFirst().sql()).contains("N'max server memory (MB)', 2147483647;");
    }

    @Test
    void sqlServerRestartOptionIsVerifiedByItsConfiguredValue() {
        ApplyStep step = sqlServer.plan("user connections", "500", PriorValue.persisted("0"));

        assertThat(step.restartNeeded()).isTrue();
        assertThat(step.verify().executable()).startsWith("SELECT value FROM sys.configurations");
    }

    @Test
    void sqlServerHostileValuesAndNamesAreRefused() {
        assertThatThrownBy(() -> sqlServer.plan("user connections", "1; EXEC xp_cmdshell 'dir'", PriorValue.persisted("0")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("user connections");
        assertThatThrownBy(() -> sqlServer.plan("user connections', 1; --", "1", PriorValue.persisted("0")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("Unknown parameter");
    }

    @Test
    void oracleDynamicParameterIsSetInMemoryAndSpfile() {
        ApplyStep step = oracle.plan("open_cursors", "500", PriorValue.persisted("300"));

        assertThat(sql(step.apply())).containsExactly("ALTER SYSTEM SET open_cursors = 500 SCOPE=BOTH");
        assertThat(sql(step.compensation())).containsExactly("ALTER SYSTEM SET open_cursors = 300 SCOPE=BOTH");
        assertThat(step.verify().executable()).isEqualTo("SELECT value FROM v$parameter WHERE name = ?");
    }

    @Test
    void oracleStaticParameterGoesToTheSpfileAndIsVerifiedThere() {
        ApplyStep step = oracle.plan("processes", "600", PriorValue.notPersisted("300"));

        assertThat(sql(step.apply())).containsExactly("ALTER SYSTEM SET processes = 600 SCOPE=SPFILE");
        assertThat(sql(step.compensation())).containsExactly("ALTER SYSTEM RESET processes SCOPE=SPFILE");
        assertThat(step.verify().executable()).contains("v$spparameter");
        assertThat(step.restartNeeded()).isTrue();
    }

    @Test
    void oracleUndoOfAnUnpersistedDynamicParameterResetsTheSpfileAndRestoresMemory() {
        ApplyStep step = oracle.plan("sga_target", "2G", PriorValue.notPersisted("1073741824"));

        assertThat(sql(step.apply())).containsExactly("ALTER SYSTEM SET sga_target = 2147483648 SCOPE=BOTH");
        assertThat(sql(step.compensation())).containsExactly("ALTER SYSTEM RESET sga_target SCOPE=SPFILE",
                "ALTER SYSTEM SET sga_target = 1073741824 SCOPE=MEMORY");
    }

    @Test
    void oracleNewSessionParameterIsDeferred() {
        ApplyStep step = oracle.plan("session_cached_cursors", "100", PriorValue.persisted("50"));

        assertThat(sql(step.apply())).containsExactly("ALTER SYSTEM SET session_cached_cursors = 100 DEFERRED SCOPE=BOTH");
    }

    @Test
    void oracleBooleansChoicesAndHostileTextAreWrittenByOracleRules() {
        assertThat(oracle.plan("resource_limit", "true", PriorValue.persisted("FALSE")).apply().getFirst().sql())
                .isEqualTo("ALTER SYSTEM SET resource_limit = TRUE SCOPE=BOTH");
        assertThat(oracle.plan("cursor_sharing", "force", PriorValue.persisted("EXACT")).apply().getFirst().sql())
                .isEqualTo("ALTER SYSTEM SET cursor_sharing = FORCE SCOPE=BOTH");
        assertThat(oracle.plan("fal_server", "x'; DROP USER scott; -- \\ /* \u2019", PriorValue.persisted(""))
                .apply().getFirst().sql())
                .isEqualTo("ALTER SYSTEM SET fal_server = 'x''; DROP USER scott; -- \\ /* \u2019' SCOPE=BOTH");
    }
}
