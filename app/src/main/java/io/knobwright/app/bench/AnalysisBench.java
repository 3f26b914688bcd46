package io.knobwright.app.bench;

import io.knobwright.app.AppContext;
import io.knobwright.app.recommend.RecommendationService;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.WorkloadProfile;
import io.knobwright.simulator.recommend.RecommendationOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Issue #14's scale target "30 days of 1-minute metrics for 100 instances analysed in < 5 minutes": a fresh store on
 * disk (a temporary directory, deleted afterwards, the way `monitor collect` keeps the series: one packed row per
 * instance and minute at the raw resolution), filled with generated minute samples of PostgreSQL instances, then each
 * instance analysed as recommendations do: its workload profile over the whole stretch, and its recommendation (which
 * profiles its own 14-day window, fits the measured shape and searches). Generation is timed apart from the analysis.
 */
public final class AnalysisBench {

    private static final int MINUTES_PER_DAY = 1_440;
    /** Polls of one instance written per unit: three hours, a few hundred rows per transaction. */
    private static final int CHUNK_MINUTES = 180;

    private AnalysisBench() {
    }

    /**
     * @param samples      stored polls (rows), each with 23 metrics
     * @param profileTime  the profiles summed over instances (each thread's time, not wall time)
     * @param recommendTime the recommendations summed over instances
     * @param peakHeapGeneration the heap's peak while generating; {@code peakHeapAnalysis} while analysing
     */
    public record Figures(int instances, int days, int threads, long samples, Duration generation, long storeBytes,
                          Duration analysis, Duration profileTime, Duration recommendTime, Duration slowestInstance,
                          long peakHeapGeneration, long peakHeapAnalysis, long maxHeap, int withChanges, int noChange,
                          List<String> failures) {

        public Duration perInstance() {
            return analysis.dividedBy(Math.max(1, instances));
        }
    }

    public static Figures run(int instances, int days, int threads, Consumer<String> progress) {
        Path dir;
        try {
            dir = Files.createTempDirectory("knobwright-bench-analysis");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a temporary directory for the bench's store", e);
        }
        try {
            return run(dir, instances, days, threads, progress);
        } finally {
            delete(dir);
        }
    }

    private static Figures run(Path dir, int count, int days, int threads, Consumer<String> progress) {
        KnobwrightStore store = KnobwrightStore.open(dir);
        try (AppContext context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(),
                System::getenv)) {
            List<Instance> instances = store.instances().saveAll(postgresInstances(count));
            BenchFleet.seedSettings(store, instances);
            resetPeaks();
            Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            Instant start = end.minus(Duration.ofDays(days));
            long generating = System.nanoTime();
            long samples = generate(store, instances, start, days, progress);
            Duration generation = Duration.ofNanos(System.nanoTime() - generating);
            long peakGeneration = peakHeap();
            long storeBytes = size(dir);
            progress.accept(String.format(java.util.Locale.ROOT, "generated %,d samples in %.1f s (store %,d MB);"
                    + " analysing...", samples, generation.toNanos() / 1e9, storeBytes >> 20));
            System.gc();
            resetPeaks();
            return analyse(context, instances, days, threads, progress, samples, generation, storeBytes, peakGeneration);
        }
    }

    /** PostgreSQL instances of the sample fleet's mix of sizes, disks, versions and tiers, renamed apart, no connection. */
    private static List<Instance> postgresInstances(int count) {
        List<Instance> out = new ArrayList<>(count);
        int size = count * 3;
        for (Instance i : SampleFleet.generate(size, true, 7)) {
            if (i.engine() == Engine.POSTGRESQL && out.size() < count) {
                out.add(new Instance(0, "analysis-" + (out.size() + 1) + "-" + i.name(), i.engine(), i.version(),
                        i.fullVersion(), null, i.tags(), i.tier(), i.criticality(), i.workload(), i.hardware(), true));
            }
        }
        if (out.size() < count) {
            throw new IllegalStateException("The sample fleet gave " + out.size() + " PostgreSQL instances of " + count);
        }
        return out;
    }

    /**
     * Time-major, as the monitor writes: every instance's next stretch before the stretch after it. (Instance by
     * instance, each new instance's rows would land between the stored ones in the (resolution, at_ms) index.)
     */
    private static long generate(KnobwrightStore store, List<Instance> instances, Instant start, int days,
                                 Consumer<String> progress) {
        List<MinuteSamples> sources = instances.stream().map(i -> new MinuteSamples(i.id() * 31 + 7)).toList();
        long samples = 0;
        int minutes = days * MINUTES_PER_DAY;
        for (int from = 0; from < minutes; from += CHUNK_MINUTES) {
            int chunk = Math.min(CHUNK_MINUTES, minutes - from);
            Instant at = start.plus(MinuteSamples.STEP.multipliedBy(from));
            for (int n = 0; n < instances.size(); n++) {
                samples += store.workloadSeries().appendPolls(instances.get(n).id(), sources.get(n).polls(at, chunk));
            }
            int done = from + chunk;
            if (done % MINUTES_PER_DAY == 0 || done == minutes) {
                progress.accept("generated day " + done / MINUTES_PER_DAY + "/" + days + " of " + instances.size()
                        + " instances");
            }
        }
        return samples;
    }

    private static Figures analyse(AppContext context, List<Instance> instances, int days, int threads,
                                   Consumer<String> progress, long samples, Duration generation, long storeBytes,
                                   long peakGeneration) {
        AtomicLong profileNanos = new AtomicLong();
        AtomicLong recommendNanos = new AtomicLong();
        AtomicLong slowest = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger changed = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Duration window = Duration.ofDays(days);
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> all = new ArrayList<>();
            for (Instance instance : instances) {
                all.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    try {
                        WorkloadProfile profile = context.workload().profile(instance, window);
                        long t1 = System.nanoTime();
                        profileNanos.addAndGet(t1 - t0);
                        if (!profile.hasData()) {
                            failures.add(instance.name() + ": the profile found no data");
                        }
                        RecommendationService.Outcome outcome = context.recommendations().recommend(instance,
                                RecommendationOptions.CONSERVATIVE);
                        recommendNanos.addAndGet(System.nanoTime() - t1);
                        if (!outcome.set().noChange()) {
                            changed.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.add(instance.name() + ": " + e.getMessage());
                    }
                    slowest.accumulateAndGet(System.nanoTime() - t0, Math::max);
                    int n = done.incrementAndGet();
                    if (n % 10 == 0 || n == instances.size()) {
                        progress.accept(String.format(java.util.Locale.ROOT, "analysed %d/%d instances (%.1f s)", n,
                                instances.size(), (System.nanoTime() - started) / 1e9));
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The analysis was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("An analysis failed with a bug", e.getCause());
        }
        Duration analysis = Duration.ofNanos(System.nanoTime() - started);
        int answered = instances.size() - failures.size();
        return new Figures(instances.size(), days, threads, samples, generation, storeBytes, analysis,
                Duration.ofNanos(profileNanos.get()), Duration.ofNanos(recommendNanos.get()),
                Duration.ofNanos(slowest.get()), peakGeneration, peakHeap(), Runtime.getRuntime().maxMemory(),
                changed.get(), answered - changed.get(), List.copyOf(failures));
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The heap's peak since the last reset: the sum of the heap pools' peaks (an upper bound; pools peak apart). */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is the system's to clean
        }
    }
}
