package io.knobwright.app.simulation.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.WorkloadShape;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every measured run of a bench, with the workload shapes, as JSON (--save): the raw material behind the printed
 * figures, for whoever doubts them.
 */
final class BenchRecord {

    /** The key of the machine's entry beside the workloads'. */
    private static final String MACHINE = "_machine";

    private final Map<String, Object> workloads = new LinkedHashMap<>();

    /** The machine the runs were measured on (its CPUs, memory and the WAL flush probed), which predictions need. */
    void machine(Machine machine) {
        workloads.put(MACHINE, machine);
    }

    @SuppressWarnings("unchecked")
    void workload(String name, WorkloadShape shape) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("shape", shape);
        w.put("runs", new ArrayList<>());
        workloads.put(name, w);
    }

    @SuppressWarnings("unchecked")
    void run(String workload, BenchConfiguration c, BenchLoad.Run r) {
        Map<String, Object> w = (Map<String, Object>) workloads.get(workload);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("configuration", c.name());
        row.put("settings", c.settings());
        row.put("clients", c.clients());
        row.put("calibration", c.calibration());
        row.put("run", r);
        ((List<Object>) w.get("runs")).add(row);
    }

    void write(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), workloads);
    }

    /** A saved file read back: the machine when it was saved, and each workload's shape and runs. */
    record Saved(Optional<Machine> machine, List<SavedWorkload> workloads) {
    }

    /**
     * One saved run of a configuration; {@code calibration} false for a predicted configuration (and, in a file from
     * before decision 0159, for the defaults measured again in the second phase).
     */
    record SavedRun(String configuration, Map<String, String> settings, int clients, boolean calibration,
                    BenchLoad.Run run) {
    }

    record SavedWorkload(String name, WorkloadShape shape, List<SavedRun> rows) {

        /** The configurations in the order first measured, the defaults first; calibrating when measured so. */
        List<BenchConfiguration> design() {
            Map<String, BenchConfiguration> design = new LinkedHashMap<>();
            rows.stream().filter(r -> r.configuration().equals("defaults")).findFirst()
                    .ifPresent(r -> design.put(r.configuration(), configuration(r)));
            for (SavedRun r : rows) {
                design.merge(r.configuration(), configuration(r), (a, b) -> a.calibration() ? a : b);
            }
            // rounds ran in shuffled order: the design lists the defaults, then the others by name (c01, c02, ...)
            return design.values().stream().sorted(java.util.Comparator.comparing(
                    (BenchConfiguration c) -> !c.name().equals("defaults")).thenComparing(BenchConfiguration::name))
                    .toList();
        }

        /**
         * The saved runs of {@code configurations}, as a bench measures them. A file from before decision 0159 measured
         * the predicted configurations in a second phase, with the defaults again: all of a configuration's runs count.
         */
        Map<BenchConfiguration, List<BenchLoad.Run>> runs(List<BenchConfiguration> configurations) {
            Map<BenchConfiguration, List<BenchLoad.Run>> runs = new LinkedHashMap<>();
            for (BenchConfiguration c : configurations) {
                runs.put(c, runs(c.name()));
            }
            return runs;
        }

        List<BenchLoad.Run> runs(String configuration) {
            return rows.stream().filter(r -> r.configuration().equals(configuration)).map(SavedRun::run).toList();
        }

        private static BenchConfiguration configuration(SavedRun r) {
            return new BenchConfiguration(r.configuration(), r.settings(), r.clients(), r.calibration());
        }
    }

    static Saved read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + " as a saved bench: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + " is not a file `bench simulator --save` wrote.");
        }
        Optional<Machine> machine = root.has(MACHINE)
                ? Optional.of(json.treeToValue(root.get(MACHINE), Machine.class)) : Optional.empty();
        List<SavedWorkload> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (e.getKey().equals(MACHINE)) {
                continue;
            }
            JsonNode w = e.getValue();
            WorkloadShape shape = json.treeToValue(w.get("shape"), WorkloadShape.class);
            List<SavedRun> rows = new ArrayList<>();
            for (JsonNode r : w.path("runs")) {
                rows.add(json.treeToValue(r, SavedRun.class));
            }
            out.add(new SavedWorkload(e.getKey(), shape, rows));
        }
        return new Saved(machine, out);
    }
}
