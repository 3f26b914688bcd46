package io.knobwright.connectors.load;

import io.knobwright.connectors.LocalServices;
import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The driver is not PostgreSQL's alone: the same script and session settings on the local MariaDB 10.11. */
class LoadDriverMariaDbTest {

    private final LoadDriver driver = new LoadDriver(() -> DriverManager.getConnection(LocalServices.MARIADB_URL,
            "root", null));

    @Test
    void aScriptRunsUnderSessionSettingsOnMariaDb() {
        LocalServices.requireMariaDb();
        LoadScript check = LoadScript.parse("check", """
                \\set n random(1, 10)
                SELECT IF(@@session.sort_buffer_size = 262144 AND @@session.sql_mode LIKE '%ANSI_QUOTES%', :n,
                          (SELECT 1 UNION SELECT 2));
                """);
        // MariaDB's 1/0 is NULL, not an error: a subquery of two rows is one when a setting did not apply
        LoadRun run = driver.run(check, LoadDriver.Options.of(2, Duration.ZERO, Duration.ofMillis(300))
                .withSettings(Map.of("sort_buffer_size", "262144", "sql_mode", "ANSI_QUOTES,STRICT_TRANS_TABLES")),
                p -> { }, () -> false);
        assertThat(run.transactions()).isPositive();
        assertThat(run.failed()).isZero();
    }

    @Test
    void aSettingMariaDbDoesNotKnowIsRefused() {
        LocalServices.requireMariaDb();
        assertThatThrownBy(() -> driver.run(LoadScript.parse("s", "SELECT 1;"), LoadDriver.Options.of(1,
                Duration.ZERO, Duration.ofMillis(200)).withSettings(Map.of("no_such_variable", "1")), p -> { },
                () -> false))
                .isInstanceOf(UserError.class).hasMessageContaining("The server refused no_such_variable = '1'");
    }
}
