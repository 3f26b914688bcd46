package io.knobwright.simulator.calibration;

import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Explanation;
import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.ModelParameters;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.WorkloadShape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small model for the calibration's tests, independent of the built-in one: CPU time per transaction times
 * cpuScale, misses of a shared_buffers-sized cache times the device's read time times ioScale, sorts larger than
 * work_mem spilled at the device's bandwidth times spillScale, and clients sharing the CPUs. unusedConstant
 * changes nothing, so no run can inform it.
 */
record ToyModel(ModelParameters theta) implements PerformanceModel {

    static final ModelParameters PRIORS = new ModelParameters(priors());

    private static Map<String, ModelParameters.Prior> priors() {
        Map<String, ModelParameters.Prior> p = new LinkedHashMap<>();
        p.put("cpuScale", new ModelParameters.Prior(1, 1, 0.5, "CPU time per ms of measured CPU"));
        p.put("ioScale", new ModelParameters.Prior(1, 1, 0.5, "device read time factor"));
        p.put("spillScale", new ModelParameters.Prior(1, 1, 0.5, "temporary file cost factor"));
        p.put("unusedConstant", new ModelParameters.Prior(1, 1, 0.5, "read by nothing"));
        return p;
    }

    static ToyModel at(double cpuScale, double ioScale) {
        return new ToyModel(PRIORS.with("cpuScale", cpuScale).with("ioScale", ioScale));
    }

    @Override
    public String name() {
        return "toy";
    }

    @Override
    public Prediction predict(Scenario s) {
        WorkloadShape w = s.workload();
        double cpuMs = 0;
        double pages = 0;
        double sortBytes = 0;
        for (QueryClass q : w.classes()) {
            cpuMs += q.callsPerTx() * q.cpuMs();
            pages += q.callsPerTx() * q.pagesRead();
            sortBytes += q.callsPerTx() * q.sortInputBytes();
        }
        double hit = Math.min(1, s.knobs().get("shared_buffers") / Math.max(1, w.dataBytes()));
        double miss = 1 - hit;
        double spill = sortBytes > s.knobs().get("work_mem") ? sortBytes : 0;
        DeviceProfile d = s.machine().device();
        double cpu = cpuMs * theta.get("cpuScale");
        double io = pages * miss * d.randomReadMs() * theta.get("ioScale");
        double spillMs = 2 * spill / (d.seqMBps() * 1e6) * 1000 * theta.get("spillScale");
        int clients = w.clients();
        double cpuQueue = Math.max(1, (double) clients / s.machine().cpus());
        double txMs = cpu * cpuQueue + io + spillMs;
        double tps = 1000 * clients / txMs;
        Map<String, Double> features = new LinkedHashMap<>();
        features.put("missRatio", miss);
        features.put("spillBytesPerTx", spill);
        features.put("cpuMsPerTx", cpu);
        return new Prediction(s.name(), Map.of(
                Metric.THROUGHPUT_TPS, Estimate.relative(tps, 0.2),
                Metric.LATENCY_P95_MS, Estimate.relative(1.5 * txMs, 0.3),
                Metric.BUFFER_HIT_RATIO, Estimate.exact(hit)),
                List.of(new Explanation(Metric.THROUGHPUT_TPS, "toy queue", "clients over CPU, I/O and spill time",
                        Map.of("txMs", txMs))),
                List.of(), name(), features);
    }

    /** A sort-free read-mostly workload over 1 GB, on 2 CPUs and an SSD. */
    static Scenario scenario(String name, double sharedBuffersMb, int clients) {
        return scenario(name, sharedBuffersMb, 4, clients, 0);
    }

    static Scenario scenario(String name, double sharedBuffersMb, double workMemMb, int clients, double sortMb) {
        QueryClass select = new QueryClass("select", 10, 0.05, 4, sortMb * 1024 * 1024, 0, 0, 0, false);
        QueryClass update = new QueryClass("update", 1, 0.2, 3, 0, 0, 2, 200, false);
        WorkloadShape w = new WorkloadShape("toy", List.of(select, update), 1024.0 * 1024 * 1024, 0.8, clients, 0, 1);
        Knobs knobs = Knobs.postgresDefaults().with("shared_buffers", sharedBuffersMb * 1024 * 1024)
                .with("work_mem", workMemMb * 1024 * 1024);
        return new Scenario(name, new Machine(2, 8L << 30, DeviceProfile.SSD), w, knobs);
    }
}
