package io.knobwright.app.simulation.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.knobwright.simulator.model.WorkloadShape;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every measured run of a bench, with the workload shapes, as JSON (--save): the raw material behind the printed
 * figures, for whoever doubts them.
 */
final class BenchRecord {

    private final Map<String, Object> workloads = new LinkedHashMap<>();

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
}
