package io.knobwright.simulator.recommend;

import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.WorkloadShape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generated instances, workloads, settings in force, locks and options for the property tests (decision 0150):
 * machines from 1 GB and one CPU to 512 GB and 64 CPUs on every kind of storage, PostgreSQL 13 to 18 with their
 * shipped catalogs, settings anywhere in a plausible range (including over the memory budget, durability already
 * off, max_connections below the clients), locks, both options, and planner judgements with made-up timings. Each
 * request comes from one seed, so a failing case is replayed by its seed alone.
 */
final class GeneratedRequests {

    private static final double MB = 1024.0 * 1024;
    private static final double GB = 1024 * MB;
    private static final DeviceProfile[] DEVICES = {DeviceProfile.SSD, DeviceProfile.HDD, DeviceProfile.NVME,
            DeviceProfile.SAN};
    private static final String[] VERSIONS = {"13", "14", "15", "16", "17", "18"};
    private static final String[] LOCKABLE = {"shared_buffers", "work_mem", "max_*", "checkpoint_*",
            "synchronous_commit", "hash_mem_multiplier", "random_page_cost", "enable_*"};
    private static final String[] JUDGED = {"random_page_cost:1.1", "random_page_cost:2", "random_page_cost:4",
            "jit:off", "enable_nestloop:off", "effective_cache_size:48GB", "max_parallel_workers_per_gather:4",
            "effective_io_concurrency:200", "shared_buffers:1GB", "no_such_setting:1"};

    private GeneratedRequests() {
    }

    static RecommendationRequest request(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Machine machine = new Machine(1 + r.nextInt(64), (long) (Math.pow(2, r.nextInt(10)) * GB),
                DEVICES[r.nextInt(DEVICES.length)]);
        String version = VERSIONS[r.nextInt(VERSIONS.length)];
        WorkloadShape workload = workload(r);
        Map<String, String> settings = settings(r);
        List<LockRule> locks = new ArrayList<>();
        for (String name : LOCKABLE) {
            if (r.nextInt(8) == 0) {
                locks.add(new LockRule(LockScope.ALL, new ParameterPattern(name), "generated lock"));
            }
        }
        RecommendationOptions options = new RecommendationOptions(r.nextBoolean(), r.nextBoolean());
        long disk = new long[]{0, (long) (20 * GB), (long) (500 * GB), (long) (8192 * GB)}[r.nextInt(4)];
        return new RecommendationRequest("generated-" + seed, machine, disk, Requests.postgres(version), settings,
                workload, List.of(), locks, options, planner(r));
    }

    private static WorkloadShape workload(SplittableRandom r) {
        List<QueryClass> classes = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            classes.add(new QueryClass("query " + i, r.nextDouble(0.2, 5), logUniform(r, 0.01, 200),
                    logUniform(r, 1, 20_000), bytesOrNone(r), bytesOrNone(r), r.nextInt(4) == 0 ? 0 : r.nextDouble(30),
                    r.nextDouble(20_000), r.nextBoolean()));
        }
        double data = Math.pow(2, 3 + r.nextInt(19)) * MB;   // 8 MB to 2 TB
        double[] think = {0, 1, 50};
        double[] commits = {0, 1, 2};
        return new WorkloadShape("generated", classes, data, r.nextDouble(1.5), 1 + r.nextInt(300),
                think[r.nextInt(3)], commits[r.nextInt(3)]);
    }

    private static double bytesOrNone(SplittableRandom r) {
        return r.nextBoolean() ? 0 : logUniform(r, 1, 2048) * MB;
    }

    private static double logUniform(SplittableRandom r, double low, double high) {
        return Math.exp(r.nextDouble(Math.log(low), Math.log(high)));
    }

    /** Settings in force, in the spellings servers and users write; some over the budget, some weakened. */
    private static Map<String, String> settings(SplittableRandom r) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("shared_buffers", pick(r, "16MB", "128MB", "1GB", "4GB", "16GB", "64GB", "16384"));
        s.put("work_mem", pick(r, "64kB", "1MB", "4MB", "64MB", "256MB", "1GB", "4096"));
        s.put("max_connections", pick(r, "10", "100", "500", "2000"));
        s.put("synchronous_commit", pick(r, "on", "off", "local", "remote_apply"));
        s.put("full_page_writes", pick(r, "on", "off"));
        s.put("max_parallel_workers_per_gather", pick(r, "0", "2", "8"));
        s.put("hash_mem_multiplier", pick(r, "1", "2", "8"));
        s.put("max_wal_size", pick(r, "64MB", "1GB", "32GB"));
        s.put("checkpoint_timeout", pick(r, "30s", "5min", "1h"));
        s.put("random_page_cost", pick(r, "1.1", "4"));
        return s;
    }

    private static PlannerEvidence planner(SplittableRandom r) {
        List<PlannerJudgement> judgements = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String judged = JUDGED[r.nextInt(JUDGED.length)];
            List<QueryTiming> timings = new ArrayList<>();
            int queries = r.nextInt(5);
            for (int q = 0; q < queries; q++) {
                double before = logUniform(r, 0.01, 500);
                timings.add(new QueryTiming("query " + q, r.nextLong(100_000), before, before * r.nextDouble(0.2, 1.6)));
            }
            int colon = judged.indexOf(':');
            judgements.add(new PlannerJudgement(judged.substring(0, colon), judged.substring(colon + 1), timings));
        }
        return new PlannerEvidence(judgements);
    }

    private static String pick(SplittableRandom r, String... choices) {
        return choices[r.nextInt(choices.length)];
    }
}
