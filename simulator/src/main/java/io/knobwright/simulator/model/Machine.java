package io.knobwright.simulator.model;

/**
 * The host an instance runs on: what the model divides CPU and memory among.
 *
 * @param memoryBytes RAM available to the server and its OS page cache
 */
public record Machine(int cpus, long memoryBytes, DeviceProfile device) {

    public Machine {
        if (cpus < 1) {
            throw new IllegalArgumentException("A machine has at least one CPU: " + cpus);
        }
        if (memoryBytes < 64L << 20) {
            throw new IllegalArgumentException("A machine has at least 64 MB of RAM: " + memoryBytes + " bytes");
        }
        java.util.Objects.requireNonNull(device, "device");
    }
}
