package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.model.engine.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BackupVerifyCommandTest {

    private static final String DUMP = """
            -- MariaDB dump 10.19  Distrib 10.11.9-MariaDB, for debian-linux-gnu (x86_64)
            --
            -- Host: 127.0.0.1    Database: shop
            /*!40101 SET NAMES utf8mb4 */;
            CREATE TABLE `items` (`id` int(11) NOT NULL, `note` varchar(100) DEFAULT NULL, PRIMARY KEY (`id`));
            INSERT INTO `items` VALUES (1,'it\\'s ; fine'),(2,'two');
            -- Dump completed on 2026-12-06 15:00:00
            """;

    private final CliHarness cli = new CliHarness();

    @TempDir
    Path dir;

    @AfterEach
    void closeStore() {
        cli.close();
    }

    @Test
    void verifyStoresAGoodDumpForTheInstanceAndNamesTheCutOneWithExitCodeFive() throws Exception {
        cli.server.server(Engine.MARIADB, "10.11.9-MariaDB");
        assertThat(cli.run("fleet", "add", "--name", "shop", "--jdbc-url", "jdbc:fake://db:3306/shop").exitCode()).isZero();
        Path good = Files.writeString(dir.resolve("shop.sql"), DUMP);
        Path cut = Files.writeString(dir.resolve("cut.sql"), DUMP.substring(0, DUMP.indexOf("(2,")));

        CliHarness.Result ok = cli.run("backup", "verify", "--path", good.toString(), "--instance", "shop", "--json");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        JsonNode v = new ObjectMapper().readTree(ok.out());
        assertThat(v.get("path").asText()).isEqualTo(good.toAbsolutePath().toString());
        assertThat(v.get("kind").asText()).isEqualTo("MARIADB_DUMP");
        assertThat(v.get("status").asText()).isEqualTo("GOOD");
        assertThat(v.get("problems")).isEmpty();
        assertThat(v.get("checksums").asInt()).isEqualTo(1);
        assertThat(v.get("sizeBytes").asLong()).isEqualTo(Files.size(good));
        assertThat(v.get("backupTime").asText()).isNotBlank();
        assertThat(v.get("instance").get("instance").asText()).isEqualTo("shop");
        assertThat(v.get("instance").get("compliant").asBoolean()).isTrue();
        assertThat(v.get("instance").get("missedSchedules")).isEmpty();

        CliHarness.Result damaged = cli.run("backup", "verify", "--path", cut.toString(), "--json");
        assertThat(damaged.exitCode()).isEqualTo(ExitCodes.AUDIT_BROKEN);
        JsonNode d = new ObjectMapper().readTree(damaged.out());
        assertThat(d.get("status").asText()).isEqualTo("DAMAGED");
        assertThat(d.get("instance").isNull()).isTrue();
        assertThat(d.get("problems").findValuesAsText("file")).containsOnly("cut.sql");
        assertThat(d.get("problems").findValuesAsText("kind")).containsExactlyInAnyOrder("TRUNCATED", "MISSING_FOOTER");

        CliHarness.Result text = cli.run("backup", "verify", "--path", cut.toString());
        assertThat(text.out()).contains("DAMAGED").contains("cut.sql: dump completion footer missing");

        CliHarness.Result watched = cli.run("backup", "watch", "--instance", "shop", "--path", dir.toString(), "--rpo", "6h");
        assertThat(watched.exitCode()).as(watched.err()).isZero();
        assertThat(watched.out()).contains("Watching " + dir.toAbsolutePath()).contains("PT6H");
        CliHarness.Result badRpo = cli.run("backup", "watch", "--instance", "shop", "--path", dir.toString(), "--rpo", "soon");
        assertThat(badRpo.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(badRpo.err()).contains("--rpo 'soon' is not a duration");

        CliHarness.Result missing = cli.run("backup", "verify", "--path", dir.resolve("nope.sql").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(missing.err()).contains("No backup at").contains("nope.sql");
    }

    @Test
    void aDamagedBackupOfAnInstanceIsACriticalAlertThatNoMaintenanceWindowSilences() throws Exception {
        cli.server.server(Engine.MARIADB, "10.11.9-MariaDB");
        assertThat(cli.run("fleet", "add", "--name", "shop", "--jdbc-url", "jdbc:fake://db:3306/shop").exitCode()).isZero();
        Path cut = Files.writeString(dir.resolve("cut.sql"), DUMP.substring(0, DUMP.indexOf("(2,")));
        assertThat(cli.run("backup", "verify", "--path", cut.toString(), "--instance", "shop").exitCode())
                .isEqualTo(ExitCodes.AUDIT_BROKEN);
        java.time.Instant now = java.time.Instant.now();
        assertThat(cli.run("maintenance", "add", "--instance", "shop", "--from", now.minusSeconds(600).toString(), "--to",
                now.plusSeconds(3600).toString(), "--reason", "planned restart").exitCode()).isZero();

        CliHarness.Result listed = cli.run("alerts", "list", "--instance", "shop", "--json");

        JsonNode alerts = new ObjectMapper().readTree(listed.out());
        JsonNode failed = null;
        for (JsonNode alert : alerts.isArray() ? alerts : alerts.path("alerts")) {
            if (alert.path("kind").asText().equals("backup_failed")) {
                failed = alert;
            }
        }
        assertThat(failed).as(listed.out()).isNotNull();
        assertThat(failed.path("severity").asText()).isEqualTo("critical");
        assertThat(failed.path("silenced").asBoolean()).as("a window never hides a failed backup").isFalse();
        assertThat(failed.path("evidence").toString()).contains("cut.sql").contains("TRUNCATED");
        assertThat(listed.out()).contains("backup_overdue");
    }
}
