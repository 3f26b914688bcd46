package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.FactSource;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fleet edit}, and how {@code fleet show} and {@code fleet refresh} treat the facts it enters. */
class FleetEditCommandTest {

    private static final long GB = 1L << 30;

    private final CliHarness cli = new CliHarness();

    @BeforeEach
    void registerAServerThatReportsEightCpusAndThirtyTwoGigabytes() {
        cli.server.hardware(HardwareFacts.probed(8, 32 * GB, DiskType.UNKNOWN, 0));
        assertThat(cli.run("fleet", "add", "--name", "orders", "--jdbc-url", "jdbc:fake://db1/app", "--tag", "team=web")
                .exitCode()).isZero();
    }

    @AfterEach
    void closeStore() {
        cli.close();
    }

    private Instance stored() {
        return cli.instances().findByName("orders").orElseThrow();
    }

    @Test
    void enteredHardwareIsStoredAsEnteredAndShowSaysWhereEachFactComesFrom() {
        CliHarness.Result r = cli.run("fleet", "edit", "orders", "--ram", "64G", "--disk-type", "nvme", "--disk", "2TB");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualToIgnoringNewLines("Updated 'orders': ram 65536 MB (entered),"
                + " disk-type nvme (entered), disk 2048 GB (entered).");
        HardwareFacts h = stored().hardware();
        assertThat(h.memoryBytes()).isEqualTo(64 * GB);
        assertThat(h.source(HardwareFact.RAM)).isEqualTo(FactSource.ENTERED);
        assertThat(h.source(HardwareFact.CPUS)).isEqualTo(FactSource.PROBED);

        String shown = cli.run("fleet", "show", "orders").out();
        assertThat(shown).containsPattern("cpus +8 \\(probed\\)")
                .containsPattern("memory +65536 MB \\(entered; the server reported 32768 MB\\)")
                .containsPattern("disk type +nvme \\(entered\\)")
                .containsPattern("disk size +2048 GB \\(entered\\)");
    }

    @Test
    void showJsonKeepsTheHardwareFieldsAndAddsTheSourceOfEach() throws Exception {
        cli.run("fleet", "edit", "orders", "--ram", "65536MB");

        JsonNode hardware = new ObjectMapper().readTree(cli.run("fleet", "show", "orders", "--json").out())
                .get("instance").get("hardware");

        assertThat(hardware.get("memoryBytes").asLong()).isEqualTo(64 * GB);
        assertThat(hardware.get("cpus").asInt()).isEqualTo(8);
        assertThat(hardware.get("cpusSource").asText()).isEqualTo("probed");
        assertThat(hardware.get("memorySource").asText()).isEqualTo("entered");
        assertThat(hardware.get("diskTypeSource").asText()).isEqualTo("unknown");
        assertThat(hardware.get("diskSource").asText()).isEqualTo("unknown");
    }

    @Test
    void tierCriticalityWorkloadAndTagsCanBeEditedToo() {
        CliHarness.Result r = cli.run("fleet", "edit", "orders", "--tier", "prod", "--criticality", "critical",
                "--workload", "olap", "--tag", "region=eu", "--remove-tag", "team");

        assertThat(r.exitCode()).as(r.err()).isZero();
        Instance i = stored();
        assertThat(i.tier()).isEqualTo(Tier.PRODUCTION);
        assertThat(i.criticality()).isEqualTo(Criticality.CRITICAL);
        assertThat(i.tags()).isEqualTo(Map.of("region", "eu"));
    }

    @Test
    void oneBadValueIsRefusedWithWhatToWriteAndNothingIsStored() {
        CliHarness.Result r = cli.run("fleet", "edit", "orders", "--ram", "64GB", "--cpus", "0");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly(
                "knobwright: CPUs '0' is not a CPU count; give at least 1, e.g. 16, or 'unknown'.");
        assertThat(stored().hardware().memoryBytes()).isEqualTo(32 * GB);

        CliHarness.Result noUnit = cli.run("fleet", "edit", "orders", "--ram", "64");
        assertThat(noUnit.exitCode()).isEqualTo(1);
        assertThat(noUnit.errLines()).containsExactly(
                "knobwright: RAM '64' is 64 bytes, less than 16MB; write the unit, e.g. 64GB.");
    }

    @Test
    void editWithoutAnythingToChangeIsAUsageError() {
        CliHarness.Result r = cli.run("fleet", "edit", "orders");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines().getFirst()).startsWith("knobwright: Nothing to change: give at least one of --ram");
    }

    @Test
    void removingATagTheInstanceDoesNotHaveNamesTheTagsItHas() {
        CliHarness.Result r = cli.run("fleet", "edit", "orders", "--remove-tag", "tema");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("knobwright: 'orders' has no tag 'tema'; its tags: team.");
    }

    @Test
    void refreshKeepsEnteredRamUpdatesProbedCpusAndWarnsWhereTheServerDisagrees() {
        cli.run("fleet", "edit", "orders", "--ram", "64GB");
        cli.server.hardware(HardwareFacts.probed(12, 32 * GB, DiskType.UNKNOWN, 0));

        CliHarness.Result r = cli.run("fleet", "refresh", "orders");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.errLines()).containsExactly("knobwright: warning: the RAM of 'orders' was entered as 65536 MB;"
                + " the server reports 32768 MB. Kept the entered value; to follow the server, run:"
                + " knobwright fleet edit orders --ram unknown");
        assertThat(stored().hardware().memoryBytes()).isEqualTo(64 * GB);
        assertThat(stored().hardware().cpus()).isEqualTo(12);
        assertThat(cli.run("fleet", "show", "orders").out())
                .containsPattern("memory +65536 MB \\(entered; the server reported 32768 MB\\)");

        cli.run("fleet", "edit", "orders", "--ram", "unknown");
        cli.run("fleet", "refresh", "orders");
        assertThat(stored().hardware().memoryBytes()).isEqualTo(32 * GB);
        assertThat(stored().hardware().source(HardwareFact.RAM)).isEqualTo(FactSource.PROBED);
    }
}
