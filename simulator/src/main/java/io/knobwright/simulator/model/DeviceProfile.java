package io.knobwright.simulator.model;

/**
 * How fast the storage under an instance is, as far as the model needs it.
 *
 * @param randomReadMs a random 8 kB read that misses the OS page cache
 * @param seqMBps      sequential read or write bandwidth (temporary files, checkpoints, WAL)
 * @param fsyncMs      one WAL flush (a commit under synchronous_commit = on)
 */
public record DeviceProfile(double randomReadMs, double seqMBps, double fsyncMs) {

    /** A local NVMe/SATA SSD: the common case, and what a machine with an unknown disk is assumed to have. */
    public static final DeviceProfile SSD = new DeviceProfile(0.1, 500, 0.5);
    public static final DeviceProfile HDD = new DeviceProfile(8, 150, 8);
    /** NVMe: lower latency and far higher bandwidth than SATA. */
    public static final DeviceProfile NVME = new DeviceProfile(0.05, 2000, 0.1);
    /** A SAN or network block storage (EBS gp3 and the like): SSD latency plus the network hop. */
    public static final DeviceProfile SAN = new DeviceProfile(0.6, 250, 1.5);

    public DeviceProfile {
        if (!(randomReadMs > 0) || !(seqMBps > 0) || !(fsyncMs >= 0)) {
            throw new IllegalArgumentException("A device has positive latency and bandwidth: " + randomReadMs + " ms, "
                    + seqMBps + " MB/s, fsync " + fsyncMs + " ms");
        }
    }

    public static DeviceProfile of(io.knobwright.model.fleet.DiskType disk) {
        return switch (disk) {
            case HDD -> HDD;
            case NVME -> NVME;
            case SAN -> SAN;
            default -> SSD;
        };
    }
}
