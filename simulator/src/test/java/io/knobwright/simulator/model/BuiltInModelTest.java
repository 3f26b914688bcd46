package io.knobwright.simulator.model;

import static io.knobwright.simulator.model.Workloads.GB;
import static io.knobwright.simulator.model.Workloads.MB;
import static io.knobwright.simulator.model.Workloads.defaults;
import static io.knobwright.simulator.model.Workloads.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInModelTest {

    private final BuiltInModel model = new BuiltInModel();

    private Prediction pgbench(int clients, Knobs knobs) {
        return model.predict(scenario(Workloads.pgbench(clients), knobs));
    }

    @Test
    void answersEveryMetricWithAFiniteIntervalAndAnExplanation() {
        Prediction p = pgbench(16, defaults());
        for (Metric m : Metric.values()) {
            Estimate e = p.get(m).orElseThrow();
            assertThat(e.low()).isLessThanOrEqualTo(e.mean());
            assertThat(e.high()).isGreaterThanOrEqualTo(e.mean());
            assertThat(p.explain(m)).as("explanation of %s", m).isNotEmpty();
        }
        assertThat(p.model()).isEqualTo("built-in");
        assertThat(p.features().keySet()).containsExactlyInAnyOrderElementsOf(Features.ALL);
        assertThat(p.throughput().high() / p.throughput().mean()).isEqualTo(1.25);
    }

    @Test
    void oneClientIsBoundByItsRoundTripsNotByTheServersCpus() {
        // a client waits for each answer before it sends the next statement: one client runs far below what two
        // cores serve, however cheap the statements; calibration fits the round trip of the host and its network
        BuiltInModel slowNetwork = new BuiltInModel(BuiltInModel.defaultParameters().with("roundTripMs", 1.0));
        WorkloadShape one = Workloads.pgbench(1);
        double statements = one.commitsPerTx() + one.classes().stream().mapToDouble(QueryClass::callsPerTx).sum();

        double tps = slowNetwork.predict(scenario(one, defaults())).throughput().mean();
        double many = slowNetwork.predict(scenario(Workloads.pgbench(32), defaults())).throughput().mean();

        assertThat(tps).isLessThanOrEqualTo(1000 / statements);
        assertThat(many).isGreaterThan(4 * tps);
    }

    @Test
    void aLoadGeneratorOnTheServersTwoCoresRunsFewerTransactionsWithEightClientsThanWithTwo() {
        // constants of the order the bench measured for select-only with its JDBC driver on the same 2 cores
        BuiltInModel host = new BuiltInModel(BuiltInModel.defaultParameters().with("roundTripMs", 0.002)
                .with("clientCpuMs", 0.008).with("switchCpuMs", 0.012));
        WorkloadShape local = Workloads.selectOnly(2).withClientsOnHost(true);

        Prediction two = host.predict(scenario(local, defaults()));
        Prediction eight = host.predict(scenario(local.withClients(8), defaults()));

        assertThat(eight.throughput().mean()).isLessThan(two.throughput().mean());
        assertThat(eight.explain(Metric.THROUGHPUT_TPS)).anySatisfy(e -> assertThat(e.text())
                .contains("its client on the same host"));
    }

    @Test
    void aClientOnTheServersHostPaysItsRoundTripsOnlyAsWakesOfIdleCores() {
        // decision 0159: select-only ran 12,644 tps at 1 client and 78,824 at 2 on the 2-vCPU host. Two client-backend
        // pairs keep both cores busy, so neither a wake nor a network's round trip is paid; a remote client's round
        // trip is paid whatever the cores do
        BuiltInModel host = new BuiltInModel(BuiltInModel.defaultParameters().with("roundTripMs", 0.05)
                .with("clientCpuMs", 0.008).with("wakeMs", 0.02));
        WorkloadShape local = Workloads.selectOnly(1).withClientsOnHost(true);
        WorkloadShape remote = Workloads.selectOnly(1);

        double localOne = host.predict(scenario(local, defaults())).throughput().mean();
        double localTwo = host.predict(scenario(local.withClients(2), defaults())).throughput().mean();
        double remoteOne = host.predict(scenario(remote, defaults())).throughput().mean();
        double remoteTwo = host.predict(scenario(remote.withClients(2), defaults())).throughput().mean();

        assertThat(localTwo).isGreaterThan(2.5 * localOne);
        assertThat(remoteTwo).isLessThan(2.2 * remoteOne);
        // the remote client waits out the 0.05 ms round trip of its statement; the local one does not
        assertThat(localOne).isGreaterThan(remoteOne);
        BuiltInModel slowerRoundTrip = new BuiltInModel(host.parameters().with("roundTripMs", 0.5));
        assertThat(slowerRoundTrip.predict(scenario(local, defaults())).throughput().mean())
                .isCloseTo(localOne, within(1e-9 * localOne));
    }

    @Test
    void remoteClientsOfTheSameWorkloadDoNotLoseThroughputFromTwoToEight() {
        BuiltInModel host = new BuiltInModel(BuiltInModel.defaultParameters().with("roundTripMs", 0.002)
                .with("clientCpuMs", 0.008).with("switchCpuMs", 0.012));
        WorkloadShape remote = Workloads.selectOnly(2);

        double two = host.predict(scenario(remote, defaults())).throughput().mean();
        double eight = host.predict(scenario(remote.withClients(8), defaults())).throughput().mean();
        double local = host.predict(scenario(remote.withClients(8).withClientsOnHost(true), defaults()))
                .throughput().mean();

        assertThat(eight).isGreaterThanOrEqualTo(two);
        assertThat(local).isLessThan(eight);
        assertThat(host.predict(scenario(remote, defaults())).explain(Metric.THROUGHPUT_TPS))
                .noneSatisfy(e -> assertThat(e.text()).contains("its client on the same host"));
    }

    @Test
    void aSortHeavyMixOnTwoCoresRunsSlowerWithWorkMem256MbThan4Mb() {
        double small = model.predict(scenario(Workloads.sortHeavy(4), defaults().with("work_mem", 4 * MB)))
                .throughput().mean();
        Prediction big = model.predict(scenario(Workloads.sortHeavy(4), defaults().with("work_mem", 256 * MB)));
        assertThat(big.throughput().mean()).isLessThan(small * 0.9);
        assertThat(big.get(Metric.TEMP_BYTES_PER_SEC).orElseThrow().mean()).isZero();
        assertThat(big.explain(Metric.THROUGHPUT_TPS)).anySatisfy(e -> assertThat(e.text())
                .contains("work_mem 256 MB keeps the 180 MB sort", "in memory (no spill)", "more sorting CPU per row"));
    }

    @Test
    void withoutTheSortCachePenaltyMoreWorkMemIsFaster() {
        BuiltInModel noPenalty = new BuiltInModel(BuiltInModel.defaultParameters().with("sortCachePenalty", 1e-6));
        double small = noPenalty.predict(scenario(Workloads.sortHeavy(4), defaults().with("work_mem", 4 * MB)))
                .throughput().mean();
        double big = noPenalty.predict(scenario(Workloads.sortHeavy(4), defaults().with("work_mem", 256 * MB)))
                .throughput().mean();
        assertThat(big).isGreaterThan(small);
    }

    @Test
    void moreSharedBuffersRaiseTheHitRatioAndThroughputOfALargerThanMemoryWorkload() {
        Prediction small = pgbench(16, defaults());
        Prediction large = pgbench(16, defaults().with("shared_buffers", GB));
        assertThat(large.get(Metric.BUFFER_HIT_RATIO).orElseThrow().mean())
                .isGreaterThan(small.get(Metric.BUFFER_HIT_RATIO).orElseThrow().mean());
        assertThat(large.throughput().mean()).isGreaterThan(small.throughput().mean());
        assertThat(large.features().get(Features.MISS_RATE)).isLessThan(small.features().get(Features.MISS_RATE));
    }

    @Test
    void sharedBuffersBeyondTheRamAreRefusedWithWhatToDo() {
        assertThatThrownBy(() -> pgbench(16, defaults().with("shared_buffers", 8 * GB)))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("shared_buffers 8 GB does not fit in 4 GB of RAM")
                .hasMessageContaining("lower shared_buffers");
    }

    @Test
    void aSettingPostgresWouldRejectIsRefused() {
        assertThatThrownBy(() -> pgbench(16, defaults().with("work_mem", 16 * 1024)))
                .isInstanceOf(SimulationException.class)
                .hasMessage("work_mem = 16 kB is not a value PostgreSQL accepts: give at least 64kB.");
        assertThatThrownBy(() -> pgbench(16, defaults().with("checkpoint_completion_target", 1.5)))
                .hasMessageContaining("checkpoint_completion_target");
    }

    @Test
    void largeWorkMemWithManyConnectionsWarnsOfRunningOutOfMemory() {
        WorkloadShape reports = new WorkloadShape("reports", List.of(
                new QueryClass("report", 1, 2000, 10000, 600 * MB, 600 * MB, 0, 0, false)), 2 * GB, 0.5, 40, 0, 0);
        Prediction safe = model.predict(scenario(reports, defaults()));
        Prediction risky = model.predict(scenario(reports, defaults().with("work_mem", 512 * MB)));
        assertThat(safe.get(Metric.OUT_OF_MEMORY_RISK).orElseThrow().mean()).isLessThan(0.05);
        assertThat(risky.get(Metric.OUT_OF_MEMORY_RISK).orElseThrow().mean()).isGreaterThan(0.05);
        assertThat(risky.warnings()).anySatisfy(w -> assertThat(w).startsWith("Out-of-memory risk"));
        assertThat(safe.warnings()).noneSatisfy(w -> assertThat(w).startsWith("Out-of-memory risk"));
    }

    @Test
    void clientsBeyondTheKneeAreWarnedAbout() {
        Prediction crowded = pgbench(64, defaults());
        assertThat(crowded.get(Metric.CONNECTION_SATURATION).orElseThrow().mean()).isGreaterThan(1);
        assertThat(crowded.warnings()).anySatisfy(w -> assertThat(w).contains("beyond the knee"));
        Prediction alone = pgbench(1, defaults());
        assertThat(alone.warnings()).noneSatisfy(w -> assertThat(w).contains("beyond the knee"));
    }

    @Test
    void checkpointsRequestedByWalVolumeAreWarnedAboutUntilMaxWalSizeIsRaised() {
        Prediction small = pgbench(16, defaults());
        assertThat(small.warnings()).anySatisfy(w -> assertThat(w).startsWith("Checkpoints are requested by WAL"));
        Prediction large = pgbench(16, defaults().with("max_wal_size", 64 * GB));
        assertThat(large.warnings()).noneSatisfy(w -> assertThat(w).startsWith("Checkpoints are requested"));
        assertThat(large.get(Metric.WAL_BYTES_PER_SEC).orElseThrow().mean() / large.throughput().mean())
                .isLessThan(small.get(Metric.WAL_BYTES_PER_SEC).orElseThrow().mean() / small.throughput().mean());
        assertThat(large.features().get(Features.FPI_SHARE)).isLessThan(small.features().get(Features.FPI_SHARE));
    }

    @Test
    void plannerSettingsLeavePlanSensitiveCostsToThePlannerProbe() {
        WorkloadShape w = new WorkloadShape("mixed", List.of(
                new QueryClass("join", 1, 5, 200, 0, 0, 0, 0, true),
                new QueryClass("point", 4, 0.1, 4, 0, 0, 0, 0, false)), 4 * GB, 0.9, 8, 0, 0);
        Prediction before = model.predict(scenario(w, defaults()));
        Prediction after = model.predict(scenario(w, defaults().with("random_page_cost", 1.1)
                .with("enable_nestloop", 0).with("effective_cache_size", 3 * GB)));
        assertThat(after.throughput().mean()).isEqualTo(before.throughput().mean());
        assertThat(after.explain(Metric.THROUGHPUT_TPS)).anySatisfy(e -> assertThat(e.text())
                .contains("\"join\"", "random_page_cost", "enable_nestloop",
                        "judged by the server's planner (EXPLAIN under both settings)")
                .doesNotContain("\"point\""));
    }

    @Test
    void synchronousCommitOffRemovesTheFlushWait() {
        // a host whose flush is mostly a wait for the device
        BuiltInModel waiting = new BuiltInModel(BuiltInModel.defaultParameters().with("flushCpuShare", 0.4));
        Prediction on = waiting.predict(scenario(Workloads.pgbench(8), defaults()));
        Prediction off = waiting.predict(scenario(Workloads.pgbench(8), defaults().with("synchronous_commit", 0)));
        assertThat(on.features().get(Features.FSYNC_SHARE)).isPositive();
        assertThat(off.features().get(Features.FSYNC_SHARE)).isZero();
        assertThat(off.get(Metric.LATENCY_P50_MS).orElseThrow().mean())
                .isLessThan(on.get(Metric.LATENCY_P50_MS).orElseThrow().mean());
        assertThat(on.explain(Metric.THROUGHPUT_TPS)).anySatisfy(e -> assertThat(e.text())
                .contains("its synchronous commit", "waiting for the device"));
    }

    @Test
    void aFlushThatCostsTheCoresMoreThanItsOwnTimeIsAllCpu() {
        // decision 0162: hosts measured charged a synchronous commit more CPU than the probe's flush takes; that CPU
        // queues with the statements, so on saturated cores it costs throughput, and no wait for the device is left
        BuiltInModel cpuBound = new BuiltInModel(BuiltInModel.defaultParameters().with("flushCpuShare", 1.8));
        Prediction on = cpuBound.predict(scenario(Workloads.pgbench(8), defaults()));
        Prediction off = cpuBound.predict(scenario(Workloads.pgbench(8), defaults().with("synchronous_commit", 0)));
        assertThat(on.features().get(Features.FSYNC_SHARE)).as("the flush's share counts its CPU").isPositive();
        assertThat(off.features().get(Features.FSYNC_SHARE)).isZero();
        assertThat(on.throughput().mean()).isLessThan(off.throughput().mean());
        assertThat(on.explain(Metric.THROUGHPUT_TPS)).anySatisfy(e -> assertThat(e.text())
                .contains("its synchronous commit", "of CPU (the WAL flush's system calls")
                .doesNotContain("waiting for the device"));
    }

    @Test
    void oneClientIsSaidInTheSingular() {
        Prediction one = pgbench(1, defaults());
        assertThat(one.explain(Metric.CONNECTION_SATURATION)).anySatisfy(e -> assertThat(e.text())
                .contains("; 1 client is ").doesNotContain("1 clients"));
        assertThat(pgbench(8, defaults()).explain(Metric.CONNECTION_SATURATION))
                .anySatisfy(e -> assertThat(e.text()).contains("; 8 clients are "));
    }

    @Test
    void clientsBeyondMaxConnectionsAreRefusedAndSaidSo() {
        Prediction p = pgbench(150, defaults());
        assertThat(p.warnings()).anySatisfy(w -> assertThat(w).contains("max_connections = 100", "50 are refused"));
    }

    @Test
    void predictionsAreDeterministicAndMoveSmoothlyWithEveryConstant() {
        Scenario s = scenario(Workloads.sortHeavy(4), defaults());
        assertThat(model.predict(s)).isEqualTo(model.predict(s));
        Scenario pg = scenario(Workloads.pgbench(16), defaults());
        for (Scenario sc : List.of(s, pg)) {
            double base = model.predict(sc).throughput().mean();
            for (String name : BuiltInModel.defaultParameters().names()) {
                ModelParameters theta = BuiltInModel.defaultParameters();
                double nudged = new BuiltInModel(theta.with(name, theta.get(name) * 1.01)).predict(sc).throughput().mean();
                assertThat(Math.abs(nudged / base - 1)).as("1%% change of %s", name).isLessThan(0.02);
            }
        }
    }

    @Test
    void parametersWithoutAConstantTheModelReadsAreRefused() {
        assertThatThrownBy(() -> new BuiltInModel(new ModelParameters(java.util.Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpuScale");
    }

    @Test
    void aReadOnlyWorkloadInMemoryWritesNothing() {
        WorkloadShape reads = new WorkloadShape("reads", List.of(new QueryClass("select", 10, 0.05, 3, 0, 0, 0, 0, false)),
                64 * MB, 0.8, 4, 0, 0);
        Prediction p = model.predict(scenario(reads, defaults()));
        assertThat(p.get(Metric.BUFFER_HIT_RATIO).orElseThrow().mean()).isEqualTo(1.0);
        assertThat(p.get(Metric.WAL_BYTES_PER_SEC).orElseThrow().mean()).isZero();
        assertThat(p.get(Metric.CHECKPOINT_WRITE_BYTES_PER_SEC).orElseThrow().mean()).isZero();
        assertThat(p.explain(Metric.CHECKPOINT_WRITE_BYTES_PER_SEC).getFirst().text()).contains("nothing to write");
        assertThat(p.explain(Metric.BUFFER_HIT_RATIO).getFirst().text()).contains("holds all 64 MB");
    }

    @Test
    void theModelReadsTheSettingsItNames() {
        assertThat(BuiltInModel.knobsRead()).contains("shared_buffers", "work_mem", "hash_mem_multiplier",
                "max_wal_size", "checkpoint_timeout", "checkpoint_completion_target", "full_page_writes",
                "synchronous_commit", "max_connections");
        assertThat(BuiltInModel.knobsRead()).doesNotContain("random_page_cost", "effective_cache_size");
    }

    @Test
    void anyScenarioIsEitherPredictedInFullOrRefusedWithAMessage() {
        java.util.Random rnd = new java.util.Random(13);
        DeviceProfile[] devices = {DeviceProfile.SSD, DeviceProfile.HDD, DeviceProfile.NVME, DeviceProfile.SAN};
        int predicted = 0;
        for (int i = 0; i < 400; i++) {
            Machine machine = new Machine(1 + rnd.nextInt(64), (long) (64 * MB * Math.exp(rnd.nextDouble() * Math.log(8192))),
                    devices[rnd.nextInt(devices.length)]);
            List<QueryClass> classes = new java.util.ArrayList<>();
            for (int c = 0; c <= rnd.nextInt(4); c++) {
                classes.add(new QueryClass("q" + c, rnd.nextDouble() * 5, maybe(rnd, Math.exp(rnd.nextGaussian() * 3)),
                        maybe(rnd, Math.exp(rnd.nextGaussian() * 4)), maybe(rnd, Math.exp(10 + rnd.nextDouble() * 14)),
                        maybe(rnd, Math.exp(10 + rnd.nextDouble() * 14)), maybe(rnd, rnd.nextDouble() * 20),
                        maybe(rnd, rnd.nextDouble() * 5000), rnd.nextBoolean()));
            }
            WorkloadShape w = new WorkloadShape("random", classes, maybe(rnd, Math.exp(15 + rnd.nextDouble() * 15)),
                    rnd.nextDouble() * 2, 1 + rnd.nextInt(rnd.nextBoolean() ? 10 : 3000), maybe(rnd, rnd.nextDouble() * 1000),
                    rnd.nextDouble() * 3);
            Knobs k = defaults().with("shared_buffers", 128 * 1024 * Math.exp(rnd.nextDouble() * Math.log(1e5)))
                    .with("work_mem", 64 * 1024 * Math.exp(rnd.nextDouble() * Math.log(1e5)))
                    .with("max_wal_size", 2 * MB * Math.exp(rnd.nextDouble() * 12))
                    .with("checkpoint_timeout", 30 + rnd.nextDouble() * 86000)
                    .with("checkpoint_completion_target", 0.01 + rnd.nextDouble() * 0.99)
                    .with("full_page_writes", rnd.nextInt(2)).with("synchronous_commit", rnd.nextInt(2))
                    .with("max_connections", 1 + rnd.nextInt(5000)).with("hash_mem_multiplier", 1 + rnd.nextDouble() * 10)
                    .with("max_parallel_workers_per_gather", rnd.nextInt(8));
            try {
                Prediction p = model.predict(new Scenario("random", machine, w, k));
                assertThat(p.metrics()).hasSize(Metric.values().length);
                assertThat(p.features().values()).allMatch(Double::isFinite);
                predicted++;
            } catch (SimulationException refused) {
                assertThat(refused.getMessage()).contains("shared_buffers");
            }
        }
        assertThat(predicted).isGreaterThan(300);
    }

    private static double maybe(java.util.Random rnd, double value) {
        return rnd.nextBoolean() ? 0 : value;
    }
}
