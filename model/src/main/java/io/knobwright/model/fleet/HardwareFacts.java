package io.knobwright.model.fleet;

import java.util.Objects;

/**
 * What Knobwright knows about the machine under an instance. Zero means "not known".
 *
 * @param cpus        logical CPUs available to the server
 * @param memoryBytes RAM available to the server
 * @param diskBytes   size of the data volume
 */
public record HardwareFacts(int cpus, long memoryBytes, DiskType diskType, long diskBytes) {

    public static final HardwareFacts UNKNOWN = new HardwareFacts(0, 0, DiskType.UNKNOWN, 0);

    public HardwareFacts {
        if (cpus < 0) {
            throw new IllegalArgumentException("CPU count cannot be negative: " + cpus);
        }
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("Memory cannot be negative: " + memoryBytes);
        }
        if (diskBytes < 0) {
            throw new IllegalArgumentException("Disk size cannot be negative: " + diskBytes);
        }
        Objects.requireNonNull(diskType, "diskType");
    }
}
