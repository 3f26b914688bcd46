package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.WorkloadShape;

import java.util.List;
import java.util.Map;

/** Instances and workloads a DBA would recognise, on the shipped PostgreSQL catalogs. */
final class Requests {

    static final double MB = 1024.0 * 1024;
    static final double GB = 1024 * MB;
    static final CatalogRepository CATALOGS = new CatalogRepository();
    /** One recommender for all tests: it holds no per-request state. */
    static final Recommender RECOMMENDER = Recommender.builtIn();

    private Requests() {
    }

    static ParameterCatalog postgres(String major) {
        return CATALOGS.require(Engine.POSTGRESQL, major);
    }

    /** Point lookups over 48 GB of which the hot part is far larger than the default 128 MB of shared_buffers. */
    static WorkloadShape readHeavy(int clients) {
        return new WorkloadShape("read-heavy lookups", List.of(
                new QueryClass("select * from orders where id = $1", 4, 0.05, 6, 0, 0, 0, 0, false),
                new QueryClass("select * from order_lines where order_id = $1", 2, 0.08, 12, 0, 0, 0, 0, false)),
                48 * GB, 0.9, clients, 0, 0);
    }

    /** Reports that sort 48 MB and hash 24 MB per execution: every one spills at the default work_mem of 4 MB. */
    static WorkloadShape sortHeavy(int clients) {
        return new WorkloadShape("sort-heavy reports", List.of(
                new QueryClass("select ... order by created_at", 1, 40, 2000, 48 * MB, 0, 0, 0, false),
                new QueryClass("select customer, sum(total) ... group by customer", 1, 25, 1500, 0, 24 * MB, 0, 0,
                        false)),
                8 * GB, 0.8, clients, 0, 0);
    }

    /** One client asking a cheap question once a second over 50 MB. */
    static WorkloadShape idle() {
        return new WorkloadShape("idle", List.of(new QueryClass("select 1 from settings", 1, 0.05, 3, 0, 0, 0, 0,
                false)), 50 * MB, 0.5, 1, 1000, 0);
    }

    static RecommendationRequest request(String name, Machine machine, WorkloadShape workload,
                                         Map<String, String> current, RecommendationOptions options) {
        return new RecommendationRequest(name, machine, 0, postgres("16"), current, workload, List.of(), List.of(),
                options, PlannerEvidence.NONE);
    }

    static Machine machine(int cpus, double ramGb) {
        return new Machine(cpus, (long) (ramGb * GB), DeviceProfile.SSD);
    }
}
