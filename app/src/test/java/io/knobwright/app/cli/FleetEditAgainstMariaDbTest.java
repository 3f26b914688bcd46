package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The machine's MariaDB 10.11 (127.0.0.1:3306, root without password; .ci/run starts it) reports its CPUs but never
 * its RAM, so a MariaDB template that sizes the buffer pool from RAM cannot resolve until someone enters it.
 */
class FleetEditAgainstMariaDbTest {

    private static final long GB = 1L << 30;

    private final CliHarness cli = CliHarness.withRealServers();

    @AfterEach
    void closeStore() {
        cli.close();
    }

    @Test
    void aMariaDbTemplateResolvesOnceTheRamIsEnteredAndARefreshKeepsIt() throws Exception {
        CliHarness.Result added = cli.run("fleet", "add", "--name", "local-maria",
                "--jdbc-url", "jdbc:mariadb://127.0.0.1:3306/test", "--user", "root");
        assertThat(added.exitCode()).as(added.err()).isZero();

        CliHarness.Result before = cli.run("template", "resolve", "--template", "mariadb-oltp", "--instance", "local-maria", "--json");
        assertThat(before.exitCode()).isEqualTo(1);
        assertThat(before.errLines()).singleElement().asString()
                .contains("RAM is not known for this instance")
                .endsWith("Enter the RAM of 'local-maria' with Edit in the workbench or with:"
                        + " knobwright fleet edit local-maria --ram 64GB");

        assertThat(cli.run("fleet", "edit", "local-maria", "--ram", "16GB").exitCode()).isZero();

        CliHarness.Result after = cli.run("template", "resolve", "--template", "mariadb-oltp", "--instance", "local-maria", "--json");
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(bufferPool(new ObjectMapper().readTree(after.out()))).isEqualTo(String.valueOf(12 * GB)); // 75% of RAM

        CliHarness.Result refreshed = cli.run("fleet", "refresh", "local-maria", "--json");
        assertThat(refreshed.exitCode()).as(refreshed.err()).isZero();
        JsonNode hardware = new ObjectMapper().readTree(refreshed.out()).get("instance").get("hardware");
        assertThat(hardware.get("memoryBytes").asLong()).isEqualTo(16 * GB);
        assertThat(hardware.get("memorySource").asText()).isEqualTo("entered");
        assertThat(hardware.get("cpusSource").asText()).isEqualTo("probed");
    }

    private static String bufferPool(JsonNode resolved) {
        for (JsonNode parameter : resolved) {
            if (parameter.get("name").asText().equals("innodb_buffer_pool_size")) {
                return parameter.get("value").asText();
            }
        }
        throw new AssertionError("innodb_buffer_pool_size not resolved: " + resolved);
    }
}
