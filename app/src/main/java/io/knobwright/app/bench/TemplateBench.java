package io.knobwright.app.bench;

import com.sun.management.ThreadMXBean;
import io.knobwright.app.AppContext;
import io.knobwright.app.template.ConfigurationRef;
import io.knobwright.app.template.ConfigurationView;
import io.knobwright.app.template.TemplateService;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.Template;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures what the template editor waits on after each edit, through {@link TemplateService} as the editor calls
 * it: validate the draft against every engine version it targets, resolve it for an instance and diff it against
 * that instance's newest snapshot. The store is in memory ({@link BenchFleet}), the catalogs and templates are the
 * shipped ones. The first runs warm the JIT and are not counted. Exit status 0 when the target is met.
 */
public final class TemplateBench {

    static final double P99_TARGET_MS = 5;
    static final String TEMPLATE = "postgresql-oltp";
    private static final int FLEET = 50;
    private static final int WARM_UP = 500;
    private static final int RUNS = 2000;

    /** What one run measured, in milliseconds: wall time, and the CPU time of the measuring thread (load does not inflate it). */
    public record Result(double p50Ms, double p99Ms, double cpuP50Ms, double cpuP99Ms) {

        public boolean meetsTargets() {
            return p99Ms < P99_TARGET_MS;
        }
    }

    private TemplateBench() {
    }

    public static Result run(PrintStream out) {
        try (AppContext app = BenchFleet.open("templates", FLEET, true)) {
            TemplateService templates = app.templates();
            Template draft = templates.require(TEMPLATE).template();
            Instance instance = app.fleet().list().stream()
                    .filter(i -> i.engine() == Engine.POSTGRESQL && app.fleet().latestSnapshot(i.id()).isPresent())
                    .findFirst().orElseThrow();
            ConfigurationRef compared = new ConfigurationRef.InstanceRef(instance.name());
            out.printf(Locale.ROOT, "Template bench: the editor's check of %s (%d target versions) against %s (%s %s)%n",
                    TEMPLATE, draft.targetVersions().size(), instance.name(), instance.engine().displayName(),
                    instance.version());
            ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocatedBefore = 0;
            long[] nanos = new long[RUNS];
            long[] cpu = new long[RUNS];
            for (int i = -WARM_UP; i < RUNS; i++) {
                if (i == 0) {
                    allocatedBefore = threads.getCurrentThreadAllocatedBytes();
                }
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                templates.validateDraft(draft);
                ConfigurationView[] views = templates.compareDraft(draft, compared);
                templates.compare(views[0], views[1]);
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                    cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
                }
            }
            long allocatedPerRun = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / RUNS;
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            Result r = new Result(nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6, cpu[RUNS / 2] / 1e6,
                    cpu[RUNS * 99 / 100] / 1e6);
            out.println(Targets.machine());
            out.printf(Locale.ROOT, "  validate + resolve + diff (%d runs): p50 %.2f ms, p99 %.2f ms    target p99 < %.0f ms"
                    + "    %s%n", RUNS, r.p50Ms(), r.p99Ms(), P99_TARGET_MS, Targets.verdict(r.meetsTargets()));
            out.printf(Locale.ROOT, "  the same, CPU time of the measuring thread: p50 %.2f ms, p99 %.2f ms; %d kB allocated"
                    + " per check (the garbage collector's pauses land in the p99)%n", r.cpuP50Ms(), r.cpuP99Ms(),
                    allocatedPerRun / 1024);
            return r;
        }
    }
}
