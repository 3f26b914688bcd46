package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.value.InvalidValueException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the search reads and what it moves. It moves only settings whose benefit and cost the performance model both
 * prices (decision 0149): a setting whose benefit the model does not see (maintenance_work_mem speeds VACUUM and
 * CREATE INDEX, which the throughput objective does not contain) would only ever be shrunk to free memory, so it is
 * read for the memory budget but not searched. Planner settings are never searched: {@link PlannerRule} decides them
 * from the instance's own queries.
 */
final class SearchSpace {

    /** The settings searched, in the fixed order the search visits them and the answer lists them. */
    static final List<String> SEARCHED = List.of("shared_buffers", "work_mem", "hash_mem_multiplier",
            "max_wal_size", "checkpoint_timeout", "checkpoint_completion_target", "max_connections",
            "synchronous_commit");

    /** The settings read: the model's, the memory budget's, the durability settings and the connection floor. */
    static final List<String> READ = List.of("shared_buffers", "work_mem", "hash_mem_multiplier",
            "maintenance_work_mem", "autovacuum_work_mem", "autovacuum_max_workers", "max_wal_size", "min_wal_size",
            "checkpoint_timeout", "checkpoint_completion_target", "wal_buffers", "full_page_writes",
            "synchronous_commit", "fsync", "wal_writer_delay", "max_connections", "superuser_reserved_connections",
            "max_parallel_workers_per_gather", "max_parallel_workers");

    private static final double KB = 1024;
    private static final double MB = 1024 * KB;
    private static final double GB = 1024 * MB;

    private SearchSpace() {
    }

    /**
     * Today's configuration: each setting read as the server reports it, or the catalog's default when the request
     * does not list it (or lists a value the server would refuse, which goes into {@code warnings}).
     */
    static Configuration current(RecommendationRequest request, List<String> warnings) {
        return current(request, READ, warnings);
    }

    /** Today's values of {@code names} (another engine's settings), read as {@link #current(RecommendationRequest, List)}. */
    static Configuration current(RecommendationRequest request, List<String> names, List<String> warnings) {
        ParameterCatalog catalog = request.catalog();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : names) {
            Optional<ParameterSpec> spec = catalog.find(name);
            String given = request.currentSettings().get(name);
            // a setting whose default depends on the host (Oracle's processes) is known only when the server said it
            if (spec.isEmpty() || (spec.get().defaultValue() == null && given == null)) {
                continue;
            }
            String text = given == null ? spec.get().defaultValue() : given;
            try {
                CatalogValues.toModel(spec.get(), text);
            } catch (InvalidValueException refused) {
                String fallback = spec.get().defaultValue();
                warnings.add("Today's " + name + " = '" + given + "' is not a value " + catalog.engineVersion()
                        + " accepts (" + refused.getMessage() + ")" + (fallback == null ? "; it is left out."
                        : "; its default " + fallback + " was assumed."));
                if (fallback == null) {
                    continue;
                }
                text = fallback;
            }
            texts.put(name, text);
        }
        return new Configuration(catalog, texts);
    }

    /** The values the search tries for one setting, ascending, each valid in the catalog; empty when not searched. */
    static List<String> candidates(String name, RecommendationRequest request, Configuration current) {
        Optional<ParameterSpec> found = request.catalog().find(name);
        if (found.isEmpty() || current.text(name) == null) {
            return List.of();
        }
        ParameterSpec spec = found.get();
        double ram = request.machine().memoryBytes();
        List<Double> amounts = switch (name) {
            case "shared_buffers" -> ladder(32 * MB, ram - MemoryBudget.headroom(ram));
            case "work_mem" -> ladder(64 * KB, Math.min(ram / 8, 8 * GB));
            case "hash_mem_multiplier" -> List.of(1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0);
            case "max_wal_size" -> ladder(Math.max(256 * MB, current.value("min_wal_size")), walCeiling(request));
            case "checkpoint_timeout" -> List.of(60.0, 120.0, 300.0, 600.0, 900.0, 1200.0, 1800.0, 2700.0, 3600.0);
            case "checkpoint_completion_target" -> List.of(0.5, 0.7, 0.8, 0.9);
            case "max_connections" -> connections(ConnectionFloor.floor(request, current));
            case "synchronous_commit" -> request.options().allowDurabilityTrade() && request.workload().commitsPerTx() > 0
                    ? List.of(0.0) : List.of();
            default -> List.of();
        };
        if (name.equals("synchronous_commit")) {
            return amounts.isEmpty() || !spec.enumValues().contains("off") ? List.of() : List.of("off");
        }
        List<String> texts = new ArrayList<>();
        for (double amount : amounts) {
            CatalogValues.text(spec, amount).ifPresent(t -> {
                if (texts.stream().noneMatch(seen -> CatalogValues.same(spec, seen, t))) {
                    texts.add(t);
                }
            });
        }
        return texts;
    }

    /**
     * 1, 1.5, 2, 3, 4, 6, 8 ... times a power of two between the bounds: log-spaced, so a 1 GB box and a 512 GB box
     * get the same number of steps, and every value is one a DBA would write.
     */
    static List<Double> ladder(double low, double high) {
        List<Double> out = new ArrayList<>();
        for (double p = Math.pow(2, Math.floor(Math.log(low) / Math.log(2))); p <= high; p *= 2) {
            for (double m : new double[]{1, 1.5}) {
                double v = p * m;
                if (v >= low && v <= high) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** WAL may grow to max_wal_size: at most a tenth of the data volume when its size is known, and 64 GB. */
    private static double walCeiling(RecommendationRequest request) {
        double cap = 64 * GB;
        return request.diskBytes() > 0 ? Math.min(cap, request.diskBytes() / 10.0) : cap;
    }

    /** The workload's needs rounded up to tens, and room above them. */
    private static List<Double> connections(int floor) {
        List<Double> out = new ArrayList<>();
        for (double f : new double[]{1, 1.25, 1.5, 2}) {
            out.add(Math.ceil(floor * f / 10) * 10);
        }
        return out;
    }
}
