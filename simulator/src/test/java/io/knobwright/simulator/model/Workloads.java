package io.knobwright.simulator.model;

import java.util.List;

/** Scenarios the tests share: a 2-core, 4 GB host like the one the measurements come from. */
final class Workloads {

    static final double MB = 1024.0 * 1024;
    static final double GB = 1024 * MB;

    static final Machine SMALL_HOST = new Machine(2, (long) (4 * GB), DeviceProfile.SSD);

    /** pgbench's TPC-B-like transaction over 8 GB: reads, updates, one commit. */
    static WorkloadShape pgbench(int clients) {
        return new WorkloadShape("pgbench tpcb", List.of(new QueryClass("tpcb", 1, 0.3, 20, 0, 0, 4, 600, false)),
                8 * GB, 0.9, clients, 0, 1);
    }

    /** pgbench's select-only: one primary-key lookup per transaction over 400 MB, no commit to wait for. */
    static WorkloadShape selectOnly(int clients) {
        return new WorkloadShape("pgbench select-only", List.of(new QueryClass("select", 1, 0.008, 4, 0, 0, 0, 0, false)),
                400 * MB, 0.9, clients, 0, 0);
    }

    /** The sort-heavy mix: a 180 MB sort (about 1.1 s of sorting CPU) and a 40 MB hash aggregate. */
    static WorkloadShape sortHeavy(int clients) {
        return new WorkloadShape("sort-heavy", List.of(
                new QueryClass("select ... order by", 1, 1200, 5000, 180 * MB, 0, 0, 0, false),
                new QueryClass("select ... group by", 1, 300, 5000, 0, 40 * MB, 0, 0, false)),
                2 * GB, 0.8, clients, 0, 0);
    }

    static Scenario scenario(WorkloadShape w, Knobs knobs) {
        return new Scenario("test", SMALL_HOST, w, knobs);
    }

    static Knobs defaults() {
        return Knobs.postgresDefaults();
    }

    private Workloads() {
    }
}
