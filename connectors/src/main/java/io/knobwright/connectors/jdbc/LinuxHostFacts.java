package io.knobwright.connectors.jdbc;

import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;

import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * CPUs and memory of a Linux database host, from the files a server can read for us: /proc/cpuinfo,
 * /proc/meminfo and the cgroup limits of its container (v2 memory.max / cpu.max, v1 memory.limit_in_bytes /
 * cpu.cfs_quota_us). A container sees the host's whole /proc/meminfo, so without the cgroup limit a
 * server limited to 4 GB on a 256 GB host would be tuned as if it had 256 GB.
 *
 * <p>Only limits visible at the root of the server's cgroup mount are read: that is the container's own
 * cgroup. Limits a service manager sets on a bare-metal unit (systemd MemoryMax=) are not seen.
 */
public final class LinuxHostFacts {

    /** Reads a server-side file; empty when missing or not readable. */
    @FunctionalInterface
    public interface ServerFiles {
        Optional<String> read(String path) throws SQLException;
    }

    private LinuxHostFacts() {
    }

    /** CPUs and memory from whatever the files give; zero for what they do not. Disk facts stay unknown. */
    public static HardwareFacts read(ServerFiles files) throws SQLException {
        int processors = files.read("/proc/cpuinfo").map(LinuxHostFacts::processors).orElse(0);
        long memTotal = files.read("/proc/meminfo").map(LinuxHostFacts::memTotalBytes).orElse(0L);
        if (processors == 0 && memTotal == 0) {
            return HardwareFacts.UNKNOWN;
        }
        OptionalDouble cpuLimit = cpuLimit(files.read("/sys/fs/cgroup/cpu.max"));
        if (cpuLimit.isEmpty()) {
            cpuLimit = cpuLimit(files.read("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"), files.read("/sys/fs/cgroup/cpu/cpu.cfs_period_us"));
        }
        OptionalLong memoryLimit = limitBytes(files.read("/sys/fs/cgroup/memory.max"));
        if (memoryLimit.isEmpty()) {
            memoryLimit = limitBytes(files.read("/sys/fs/cgroup/memory/memory.limit_in_bytes"));
        }
        return HardwareFacts.probed(cappedCpus(processors, cpuLimit), cappedMemory(memTotal, memoryLimit), DiskType.UNKNOWN, 0);
    }

    /** Number of "processor : n" entries in /proc/cpuinfo. */
    public static int processors(String cpuinfo) {
        return (int) cpuinfo.lines()
                .filter(line -> line.startsWith("processor") && line.substring("processor".length()).trim().startsWith(":"))
                .count();
    }

    /** MemTotal of /proc/meminfo in bytes (the file says kB and means KiB), 0 when absent. */
    public static long memTotalBytes(String meminfo) {
        return meminfo.lines()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> line.substring("MemTotal:".length()).trim().split("\\s+")[0])
                .mapToLong(kib -> parseLong(kib).orElse(0) * 1024)
                .findFirst()
                .orElse(0);
    }

    /** cgroup v2 cpu.max: "max 100000" (no limit) or "150000 100000" (1.5 CPUs). */
    static OptionalDouble cpuLimit(Optional<String> cpuMax) {
        if (cpuMax.isEmpty()) {
            return OptionalDouble.empty();
        }
        String[] parts = cpuMax.get().trim().split("\\s+");
        if (parts.length != 2) {
            return OptionalDouble.empty();
        }
        return ratio(parseLong(parts[0]), parseLong(parts[1]));
    }

    /** cgroup v1: quota -1 means no limit. */
    static OptionalDouble cpuLimit(Optional<String> quota, Optional<String> period) {
        if (quota.isEmpty() || period.isEmpty()) {
            return OptionalDouble.empty();
        }
        return ratio(parseLong(quota.get().trim()), parseLong(period.get().trim()));
    }

    /** A memory limit file: "max" or a huge v1 sentinel mean no limit; both are caught by capping at MemTotal. */
    static OptionalLong limitBytes(Optional<String> limit) {
        return limit.map(text -> parseLong(text.trim())).orElse(OptionalLong.empty());
    }

    static int cappedCpus(int processors, OptionalDouble limit) {
        if (limit.isEmpty() || processors == 0) {
            return processors;
        }
        return (int) Math.max(1, Math.min(processors, Math.ceil(limit.getAsDouble())));
    }

    static long cappedMemory(long memTotal, OptionalLong limit) {
        if (limit.isEmpty() || limit.getAsLong() <= 0 || memTotal == 0) {
            return memTotal;
        }
        return Math.min(memTotal, limit.getAsLong());
    }

    private static OptionalDouble ratio(OptionalLong quota, OptionalLong period) {
        if (quota.isEmpty() || period.isEmpty() || quota.getAsLong() <= 0 || period.getAsLong() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) quota.getAsLong() / period.getAsLong());
    }

    private static OptionalLong parseLong(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }
}
