package io.knobwright.app.simulation;

import io.knobwright.connectors.jdbc.LinuxHostFacts;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The hardware class an observation is filed under, "2cpu-24GiB-ssd": CPUs, RAM rounded to whole GiB, and the kind of
 * storage. Observations transfer within a class (SIMULATOR.md §3), so it is coarse on purpose; a fact that is not
 * known reads "?" ("?cpu-8GiB-unknown") and such observations only meet their like.
 */
public final class HardwareClass {

    private HardwareClass() {
    }

    public static String of(HardwareFacts facts) {
        String cpus = facts.cpus() > 0 ? String.valueOf(facts.cpus()) : "?";
        String memory = facts.memoryBytes() > 0 ? String.valueOf(Math.max(1, Math.round(facts.memoryBytes() / (double) (1L << 30)))) : "?";
        return cpus + "cpu-" + memory + "GiB-" + facts.diskType().name().toLowerCase(Locale.ROOT);
    }

    /**
     * This machine's CPUs and memory (within its cgroup limits, as a server's are read) and its storage: SSD when no
     * physical block device is rotational, HDD when one is, unknown when /sys says nothing or only virtual disks
     * (virtio's vd*, Xen's xvd*) are there, whose rotational flag says nothing of the storage behind. A sandbox runs here.
     */
    public static HardwareFacts localMachine() {
        HardwareFacts facts;
        try {
            facts = LinuxHostFacts.read(HardwareClass::readLocal);
        } catch (SQLException impossible) {
            facts = HardwareFacts.UNKNOWN;
        }
        if (facts.cpus() == 0) {
            facts = facts.withCpus(Runtime.getRuntime().availableProcessors());
        }
        return facts.withDiskType(localDisk(Path.of("/sys/block")));
    }

    static DiskType localDisk(Path sysBlock) {
        List<String> rotational;
        boolean virtual;
        try (Stream<Path> devices = Files.list(sysBlock)) {
            rotational = devices.filter(d -> !d.getFileName().toString().matches("(loop|ram|zram|dm-|md|sr|nbd).*"))
                    .map(d -> readLocal(d.resolve("queue/rotational").toString()).orElse("").strip())
                    .filter(s -> !s.isEmpty()).toList();
            try (Stream<Path> again = Files.list(sysBlock)) {
                virtual = again.anyMatch(d -> d.getFileName().toString().matches("x?vd.*"));
            }
        } catch (IOException | RuntimeException e) {
            return DiskType.UNKNOWN;
        }
        if (rotational.isEmpty() || virtual) {
            return DiskType.UNKNOWN;
        }
        return rotational.contains("1") ? DiskType.HDD : DiskType.SSD;
    }

    private static Optional<String> readLocal(String path) {
        try {
            return Optional.of(Files.readString(Path.of(path)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
