package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.WorkloadShape;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The "single complex scenario" of the speed target: 200 query classes (lookups, writes, sorts, hash joins), 60 GB
 * of data, 500 clients, on the bench's machine; settings away from the defaults. Fixed seed.
 */
final class ComplexScenario {

    private ComplexScenario() {
    }

    static Scenario of(Machine machine) {
        SplittableRandom r = new SplittableRandom(42);
        List<QueryClass> classes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int kind = i % 4;
            classes.add(switch (kind) {
                case 0 -> new QueryClass("lookup " + i, 1 + r.nextInt(5), 0.05, 4, 0, 0, 0, 0, false);
                case 1 -> new QueryClass("write " + i, 1, 0.1, 5, 0, 0, 2, 300, false);
                case 2 -> new QueryClass("sort " + i, 0.1, 20, 2000, (1 + r.nextInt(200)) * 1048576.0, 0, 0, 0, true);
                default -> new QueryClass("hash " + i, 0.05, 40, 5000, 0, (1 + r.nextInt(500)) * 1048576.0, 0, 0, true);
            });
        }
        WorkloadShape shape = new WorkloadShape("complex: 200 query classes, 500 clients", classes, 60.0 * (1L << 30),
                0.8, 500, 5, 1);
        Knobs knobs = Knobs.postgresDefaults().with("shared_buffers", 4.0 * (1L << 30))
                .with("work_mem", 64.0 * (1 << 20)).with("max_wal_size", 8.0 * (1L << 30))
                .with("max_connections", 600);
        return new Scenario("complex", machine, shape, knobs);
    }
}
