package io.knobwright.model.fleet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HardwareFactsTest {

    private static final long GB = 1L << 30;

    @Test
    void aRefreshUpdatesProbedFactsAndNeverOverwritesEnteredOnes() {
        HardwareFacts stored = HardwareFacts.probed(8, 32 * GB, DiskType.UNKNOWN, 0).withMemory(64 * GB);

        HardwareFacts refreshed = stored.updatedBy(HardwareFacts.probed(16, 32 * GB, DiskType.UNKNOWN, 0));

        assertThat(refreshed.cpus()).isEqualTo(16);
        assertThat(refreshed.source(HardwareFact.CPUS)).isEqualTo(FactSource.PROBED);
        assertThat(refreshed.memoryBytes()).isEqualTo(64 * GB);
        assertThat(refreshed.source(HardwareFact.RAM)).isEqualTo(FactSource.ENTERED);
    }

    @Test
    void whatAProbeDoesNotFindStaysAsItWasAndUnknownFactsGetFilledIn() {
        // MariaDB reports CPUs but never RAM; a disk was entered by hand
        HardwareFacts stored = new HardwareFacts(0, 0, DiskType.NVME, 500 * GB);

        HardwareFacts refreshed = stored.updatedBy(HardwareFacts.probed(4, 0, DiskType.UNKNOWN, 0));

        assertThat(refreshed.cpus()).isEqualTo(4);
        assertThat(refreshed.source(HardwareFact.CPUS)).isEqualTo(FactSource.PROBED);
        assertThat(refreshed.source(HardwareFact.RAM)).isEqualTo(FactSource.UNKNOWN);
        assertThat(refreshed.diskType()).isEqualTo(DiskType.NVME);
        assertThat(refreshed.source(HardwareFact.DISK_SIZE)).isEqualTo(FactSource.ENTERED);
        assertThat(HardwareFacts.probed(8, 16 * GB, DiskType.UNKNOWN, 0).updatedBy(HardwareFacts.UNKNOWN))
                .isEqualTo(HardwareFacts.probed(8, 16 * GB, DiskType.UNKNOWN, 0));
    }

    @Test
    void enteringAFactMarksItEnteredAndEnteringNothingMakesItUnknownForTheNextProbe() {
        HardwareFacts probed = HardwareFacts.probed(8, 16 * GB, DiskType.UNKNOWN, 0);

        HardwareFacts entered = probed.withCpus(12);
        assertThat(entered.source(HardwareFact.CPUS)).isEqualTo(FactSource.ENTERED);
        assertThat(entered.source(HardwareFact.RAM)).isEqualTo(FactSource.PROBED);

        HardwareFacts forgotten = entered.withCpus(0);
        assertThat(forgotten.source(HardwareFact.CPUS)).isEqualTo(FactSource.UNKNOWN);
        assertThat(forgotten.updatedBy(HardwareFacts.probed(8, 0, DiskType.UNKNOWN, 0)).source(HardwareFact.CPUS))
                .isEqualTo(FactSource.PROBED);
    }

    @Test
    void factsGivenWithoutSourceCountAsEnteredAndUnknownFactsAreNeverProbed() {
        HardwareFacts fromInventory = new HardwareFacts(16, 64 * GB, DiskType.SSD, 0);
        assertThat(fromInventory.source(HardwareFact.CPUS)).isEqualTo(FactSource.ENTERED);
        assertThat(fromInventory.source(HardwareFact.DISK_SIZE)).isEqualTo(FactSource.UNKNOWN);

        HardwareFacts probe = HardwareFacts.probed(4, 0, DiskType.UNKNOWN, 0);
        assertThat(probe.probed()).containsExactly(HardwareFact.CPUS);
        assertThat(probe).isEqualTo(new HardwareFacts(4, 0, DiskType.UNKNOWN, 0, java.util.Set.of(HardwareFact.CPUS)));
    }

    @Test
    void onlyEnteredFactsTheServerReportsDifferentlyDisagree() {
        HardwareFacts stored = HardwareFacts.probed(8, 0, DiskType.UNKNOWN, 0).withMemory(64 * GB).withDiskType(DiskType.SSD);

        assertThat(stored.enteredDifferently(HardwareFacts.probed(16, 32 * GB, DiskType.UNKNOWN, 0)))
                .containsExactly(HardwareFact.RAM);
        assertThat(stored.enteredDifferently(HardwareFacts.probed(16, 64 * GB, DiskType.UNKNOWN, 0))).isEmpty();
        assertThat(stored.enteredDifferently(HardwareFacts.UNKNOWN)).isEmpty();
    }
}
