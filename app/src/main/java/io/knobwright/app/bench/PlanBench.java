package io.knobwright.app.bench;

import io.knobwright.app.AppContext;
import io.knobwright.app.plan.PlanBatch;
import io.knobwright.app.plan.PlanService;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import com.sun.management.OperatingSystemMXBean;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures what the fleet waits on once it has settings: the drift column for every assigned instance (the
 * workbench measures it after each load) and a template planned offline for 1,000 instances, plans stored
 * (the Templates screen's Create plans, {@code plan create --offline}). Both run {@link PlanService} over an
 * in-memory store seeded by {@link BenchFleet}. The first run of each warms the JIT and is reported on its own;
 * the targets apply to the median of the runs after it. Exit status 0 when every target is met.
 */
public final class PlanBench {

    static final long DRIFT_TARGET_MS = 1000;
    static final long PLAN_TARGET_MS = 1000;
    static final int PLANNED_INSTANCES = 1000;
    static final String PLANNED_TEMPLATE = "postgresql-oltp";
    private static final int RUNS = 5;
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * What one run measured; times in milliseconds: wall times, and the CPU time of the whole process (drift runs on
     * several threads; the figure includes the JIT and the collector), which load on the machine does not inflate.
     */
    public record Result(int instances, int drifting, long driftColdMs, long driftMs, long driftCpuMs, int planned,
                         int changes, long planColdMs, long planMs, long planCpuMs) {

        public boolean meetsTargets() {
            return driftMs < DRIFT_TARGET_MS && planMs < PLAN_TARGET_MS;
        }
    }

    private PlanBench() {
    }

    public static Result run(int instances, PrintStream out) {
        out.printf(Locale.ROOT, "Plans bench: %d instances, each with a full settings snapshot and a built-in template"
                + " ...%n", instances);
        long seeding = System.nanoTime();
        try (AppContext app = BenchFleet.open("plans", instances, true)) {
            out.printf(Locale.ROOT, "  seeded the in-memory store in %d ms%n", millisSince(seeding));
            PlanService plans = app.plans();
            long[] drift = new long[RUNS];
            long[] driftCpu = new long[RUNS];
            Map<Long, Integer> measured = Map.of();
            for (int i = 0; i < RUNS; i++) {
                long cpu = PROCESS.getProcessCpuTime();
                long start = System.nanoTime();
                measured = plans.drift();
                drift[i] = millisSince(start);
                driftCpu[i] = (PROCESS.getProcessCpuTime() - cpu) / 1_000_000;
            }
            int drifting = (int) measured.values().stream().filter(n -> n > 0).count();

            List<Long> targets = app.fleet().list().stream().filter(i -> i.engine() == Engine.POSTGRESQL)
                    .limit(PLANNED_INSTANCES).map(Instance::id).toList();
            long[] plan = new long[RUNS];
            long[] planCpu = new long[RUNS];
            PlanBatch batch = null;
            for (int i = 0; i < RUNS; i++) {
                long cpu = PROCESS.getProcessCpuTime();
                long start = System.nanoTime();
                batch = plans.createPlans(PLANNED_TEMPLATE, targets, false, done -> { });
                plan[i] = millisSince(start);
                planCpu[i] = (PROCESS.getProcessCpuTime() - cpu) / 1_000_000;
            }
            int changes = batch.plans().stream().mapToInt(p -> p.changes().size()).sum();
            Result r = new Result(instances, drifting, drift[0], medianAfterFirst(drift), medianAfterFirst(driftCpu),
                    batch.plans().size(), changes, plan[0], medianAfterFirst(plan), medianAfterFirst(planCpu));
            print(r, measured.size(), out);
            return r;
        }
    }

    private static void print(Result r, int measured, PrintStream out) {
        out.println(Targets.machine());
        out.printf(Locale.ROOT, "  drift of %d instances (%d drifting): first run %d ms, median of the next %d %d ms"
                        + " (CPU %d ms)    target < %d ms    %s%n", measured, r.drifting(), r.driftColdMs(), RUNS - 1,
                r.driftMs(), r.driftCpuMs(), DRIFT_TARGET_MS, Targets.verdict(r.driftMs() < DRIFT_TARGET_MS));
        out.printf(Locale.ROOT, "  plan %s offline for %d PostgreSQL instances, stored (%d changes): first run %d ms,"
                        + " median of the next %d %d ms (CPU %d ms)    target < %d ms    %s%n", PLANNED_TEMPLATE, r.planned(),
                r.changes(), r.planColdMs(), RUNS - 1, r.planMs(), r.planCpuMs(), PLAN_TARGET_MS,
                Targets.verdict(r.planMs() < PLAN_TARGET_MS));
    }

    private static long medianAfterFirst(long[] runs) {
        long[] warm = Arrays.copyOfRange(runs, 1, runs.length);
        Arrays.sort(warm);
        return warm[warm.length / 2];
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
