package io.knobwright.connectors.jdbc;

import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LinuxHostFactsTest {

    private static final String CPUINFO = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            model name\t: Intel(R) Xeon(R)
            processor_flags_not_a_cpu : yes

            processor\t: 1
            vendor_id\t: GenuineIntel

            processor\t: 2

            processor\t: 3
            """;
    private static final String MEMINFO = """
            MemTotal:       16318400 kB
            MemFree:         1234567 kB
            """;

    @Test
    void countsProcessorsAndReadsMemTotalInBytes() throws Exception {
        HardwareFacts facts = LinuxHostFacts.read(files(Map.of("/proc/cpuinfo", CPUINFO, "/proc/meminfo", MEMINFO)));

        assertThat(facts).isEqualTo(HardwareFacts.probed(4, 16318400L * 1024, DiskType.UNKNOWN, 0));
    }

    @Test
    void containerLimitsOfCgroupV2WinOverTheHostsFigures() throws Exception {
        HardwareFacts facts = LinuxHostFacts.read(files(Map.of("/proc/cpuinfo", CPUINFO, "/proc/meminfo", MEMINFO,
                "/sys/fs/cgroup/cpu.max", "150000 100000\n", "/sys/fs/cgroup/memory.max", "4294967296\n")));

        assertThat(facts.cpus()).isEqualTo(2); // 1.5 CPUs of quota round up: the server can use two at once
        assertThat(facts.memoryBytes()).isEqualTo(4L * 1024 * 1024 * 1024);
    }

    @Test
    void containerLimitsOfCgroupV1WinOverTheHostsFigures() throws Exception {
        HardwareFacts facts = LinuxHostFacts.read(files(Map.of("/proc/cpuinfo", CPUINFO, "/proc/meminfo", MEMINFO,
                "/sys/fs/cgroup/cpu/cpu.cfs_quota_us", "100000\n", "/sys/fs/cgroup/cpu/cpu.cfs_period_us", "100000\n",
                "/sys/fs/cgroup/memory/memory.limit_in_bytes", "2147483648\n")));

        assertThat(facts.cpus()).isEqualTo(1);
        assertThat(facts.memoryBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
    }

    @Test
    void unlimitedCgroupsLeaveTheHostsFigures() throws Exception {
        HardwareFacts facts = LinuxHostFacts.read(files(Map.of("/proc/cpuinfo", CPUINFO, "/proc/meminfo", MEMINFO,
                "/sys/fs/cgroup/cpu.max", "max 100000\n", "/sys/fs/cgroup/memory.max", "max\n",
                "/sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n")));

        assertThat(facts.cpus()).isEqualTo(4);
        assertThat(facts.memoryBytes()).isEqualTo(16318400L * 1024);
    }

    @Test
    void serverWithoutProcFilesIsUnknown() throws Exception {
        assertThat(LinuxHostFacts.read(files(Map.of()))).isEqualTo(HardwareFacts.UNKNOWN);
    }

    private static LinuxHostFacts.ServerFiles files(Map<String, String> contents) {
        return path -> Optional.ofNullable(contents.get(path));
    }
}
