package io.knobwright.app.simulation;

import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HardwareClassTest {

    @TempDir
    Path sys;

    @Test
    void theClassNamesCpusWholeGibibytesAndTheStorage() {
        assertThat(HardwareClass.of(new HardwareFacts(2, 24L << 30, DiskType.SSD, 0))).isEqualTo("2cpu-24GiB-ssd");
        assertThat(HardwareClass.of(new HardwareFacts(8, (long) (15.6 * (1L << 30)), DiskType.NVME, 0)))
                .as("rounded to the nearest GiB: 15.6 GiB of MemTotal is a 16 GiB machine").isEqualTo("8cpu-16GiB-nvme");
        assertThat(HardwareClass.of(HardwareFacts.UNKNOWN)).isEqualTo("?cpu-?GiB-unknown");
    }

    @Test
    void theLocalMachineIsClassifiedFromWhatItReports() {
        String local = HardwareClass.of(HardwareClass.localMachine());
        assertThat(local).matches("\\d+cpu-\\d+GiB-(ssd|hdd|unknown)");
        assertThat(local).startsWith(Runtime.getRuntime().availableProcessors() + "cpu-");
    }

    @Test
    void storageIsSsdWhenNoPhysicalDiskRotatesAndUnknownBehindVirtualDisks() throws Exception {
        device("sda", "0");
        device("loop0", "1");
        assertThat(HardwareClass.localDisk(sys)).as("loop devices are not storage").isEqualTo(DiskType.SSD);
        device("sdb", "1");
        assertThat(HardwareClass.localDisk(sys)).isEqualTo(DiskType.HDD);
        device("vda", "1");
        assertThat(HardwareClass.localDisk(sys)).as("virtio's rotational flag says nothing").isEqualTo(DiskType.UNKNOWN);
        assertThat(HardwareClass.localDisk(sys.resolve("missing"))).isEqualTo(DiskType.UNKNOWN);
    }

    private void device(String name, String rotational) throws Exception {
        Path queue = Files.createDirectories(sys.resolve(name).resolve("queue"));
        Files.writeString(queue.resolve("rotational"), rotational + "\n");
    }
}
