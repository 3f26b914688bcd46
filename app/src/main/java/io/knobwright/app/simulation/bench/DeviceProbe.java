package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.model.DeviceProfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Measures the one device figure the bench's workloads feel: how long a WAL flush takes on the disk under the
 * sandbox's data (an 8 kB write then fdatasync, as PostgreSQL's default wal_sync_method does, repeated; the median).
 * Read latency and bandwidth stay the SSD profile's: every workload here fits in the page cache.
 */
final class DeviceProbe {

    private DeviceProbe() {
    }

    static DeviceProfile measure(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "fsync-probe", ".tmp");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer page = ByteBuffer.allocate(8192);
            double[] ms = new double[60];
            for (int i = 0; i < ms.length; i++) {
                page.clear();
                long t0 = System.nanoTime();
                ch.write(page, (long) (i % 8) * 8192);
                ch.force(false);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            double median = ms[ms.length / 2];
            DeviceProfile ssd = DeviceProfile.SSD;
            return new DeviceProfile(ssd.randomReadMs(), ssd.seqMBps(), median);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
