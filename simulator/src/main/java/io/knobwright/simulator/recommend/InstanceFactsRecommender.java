package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;
import io.knobwright.simulator.model.Estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL Server and Oracle (decision 0153): no performance model prices their settings, so the answer is the vendors'
 * guidance applied to the instance's facts and to whatever workload was measured ({@link FactsGuidance}), each change
 * through the same constraints as any other (valid values, locks, restart, the memory budget of
 * {@link FactsMemoryBudget}), and the set says how much evidence it had.
 */
final class InstanceFactsRecommender {

    static final List<String> SQL_SERVER = List.of("max server memory (MB)", "min server memory (MB)",
            "max degree of parallelism", "cost threshold for parallelism", "optimize for ad hoc workloads");
    static final List<String> ORACLE = List.of("memory_target", "memory_max_target", "sga_target", "sga_max_size",
            "pga_aggregate_target", "processes", "sessions", "open_cursors");
    static final String MODEL = "vendor guidance";
    /** Settings that share the memory budget, changed together or not at all. */
    private static final java.util.Set<String> MEMORY = java.util.Set.of("max server memory (MB)", "memory_target",
            "sga_target", "sga_max_size", "pga_aggregate_target");

    private InstanceFactsRecommender() {
    }

    static boolean handles(Engine engine) {
        return engine == Engine.SQLSERVER || engine == Engine.ORACLE;
    }

    static List<Constraint> constraints() {
        return List.of(new CatalogValidity(), new LockedParameters(), new RestartRequirement(), new DurabilityGuard(),
                new FactsMemoryBudget());
    }

    static RecommendationSet recommend(RecommendationRequest request) {
        boolean sqlServer = request.catalog().engineVersion().engine() == Engine.SQLSERVER;
        List<String> warnings = new ArrayList<>();
        Configuration today = SearchSpace.current(request, sqlServer ? SQL_SERVER : ORACLE, warnings);
        MySqlEvidence evidence = MySqlEvidence.of(request);
        List<String> measured = evidence.measured();
        String statement = "Evidence: instance facts (RAM " + Texts.bytes(request.machine().memoryBytes()) + ", "
                + request.machine().cpus() + " CPUs) and the settings in force"
                + (measured.isEmpty() ? "; no workload measured, so every recommendation rests on the vendor's "
                + "guidance for those facts (confidence low)." : "; measured: " + String.join(", ", measured) + ".");
        warnings.addFirst(statement);
        FactsMemoryBudget.Breakdown todayBudget = FactsMemoryBudget.of(request, today);
        if (!todayBudget.fits()) {
            warnings.add("Today's settings exceed the memory budget: " + todayBudget.describe() + ".");
        }
        List<RuleProposal> proposals = sqlServer ? FactsGuidance.sqlServer(request, today, !measured.isEmpty())
                : FactsGuidance.oracle(request, today, evidence);
        List<Recommendation> recs = new ArrayList<>();
        List<Considered> considered = new ArrayList<>();
        Configuration config = today;
        // the memory settings first and together (the SGA and the PGA may only fit the budget as a pair); the others
        // one by one, each judged against the budget the memory settings restore
        proposals = proposals.stream().filter(p -> !CatalogValues.same(request.catalog().find(p.parameter())
                .orElseThrow(), today.text(p.parameter()) == null ? "" : today.text(p.parameter()), p.to())).toList();
        List<RuleProposal> memory = proposals.stream().filter(p -> MEMORY.contains(p.parameter())).toList();
        List<List<RuleProposal>> steps = new ArrayList<>();
        if (!memory.isEmpty()) {
            steps.add(memory);
        }
        proposals.stream().filter(p -> !MEMORY.contains(p.parameter())).forEach(p -> steps.add(List.of(p)));
        for (List<RuleProposal> step : steps) {
            Configuration next = config;
            for (RuleProposal p : step) {
                next = next.with(p.parameter(), p.to());
            }
            Candidate candidate = new Candidate(request, today, next);
            Optional<String> violation = constraints().stream().map(c -> c.violation(candidate))
                    .flatMap(Optional::stream).findFirst();
            if (violation.isPresent()) {
                step.forEach(p -> considered.add(new Considered(p.parameter(),
                        MySqlRecommender.shown(request, p.parameter(), today), p.to(), violation.get())));
                continue;
            }
            config = next;
            step.forEach(p -> recs.add(recommendation(request, today, p)));
        }
        String version = request.catalog().engineVersion().toString();
        if (recs.isEmpty()) {
            String reason = !considered.isEmpty()
                    ? "The guidance would change " + considered.getFirst().parameter() + ", but: "
                    + considered.getFirst().why()
                    : "Today's settings already follow the vendor's guidance for " + Texts.bytes(
                    request.machine().memoryBytes()) + " of RAM and " + request.machine().cpus() + " CPUs"
                    + (measured.isEmpty() ? "; no workload was measured to say more." : ".");
            return new RecommendationSet(request.instance(), version, MODEL, List.of(), reason, null, considered,
                    warnings);
        }
        PredictedEffect overall = new PredictedEffect(Estimate.exact(0), List.of(), basis());
        return new RecommendationSet(request.instance(), version, MODEL, recs, "", overall, considered, warnings);
    }

    private static Recommendation recommendation(RecommendationRequest request, Configuration today, RuleProposal p) {
        ParameterSpec spec = request.catalog().find(p.parameter()).orElseThrow();
        double a = today.value(p.parameter());
        double b = CatalogValues.toModel(spec, p.to());
        // MAXDOP 0 means every processor: any number is a narrowing
        Recommendation.Direction direction = p.parameter().equals("max degree of parallelism") && a == 0
                ? Recommendation.Direction.DECREASE : MySqlRecommender.direction(spec, a, b);
        return new Recommendation(p.parameter(), MySqlRecommender.shown(request, p.parameter(), today), p.to(),
                direction, p.reason(), p.evidence(), p.reasoning(),
                new PredictedEffect(Estimate.exact(0), p.metrics(), basis()), p.confidence(), spec.applyMode(), "");
    }

    static String basis() {
        return "not predicted: the vendor's documented guidance for the instance's facts (decision 0153); no model "
                + "prices this engine's settings";
    }
}
