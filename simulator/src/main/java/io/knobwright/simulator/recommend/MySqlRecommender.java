package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;
import io.knobwright.simulator.model.Estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recommendations for MySQL and MariaDB (decision 0153): a constrained search over the buffer pool, the in-memory
 * temporary table limit and (with a durability trade) the commit flush, priced by {@link MySqlObjective} from the
 * server's own counters; each change kept only where its own saving clears the minimum gain with its interval above
 * zero, or where the rest needs the memory it frees; then redo capacity, connections, thread pool and flush method
 * sized to the measured need ({@link MySqlRules}). Every change obeys the same constraints as PostgreSQL's, with the
 * MySQL memory budget.
 */
final class MySqlRecommender {

    /** The settings read: the searched ones, the budget's, the durability settings and the rules'. */
    static final List<String> READ = List.of("innodb_buffer_pool_size", "tmp_table_size", "max_heap_table_size",
            "sort_buffer_size", "join_buffer_size", "read_buffer_size", "read_rnd_buffer_size", "key_buffer_size",
            "innodb_log_buffer_size", "aria_pagecache_buffer_size", "query_cache_size", "max_connections",
            "innodb_flush_log_at_trx_commit", "sync_binlog", "innodb_doublewrite", "innodb_redo_log_capacity",
            "innodb_log_file_size", "innodb_flush_method", "thread_handling");

    static final String MODEL = "MySQL counters";

    private MySqlRecommender() {
    }

    static List<Constraint> constraints() {
        return List.of(new CatalogValidity(), new LockedParameters(), new RestartRequirement(), new DurabilityGuard(),
                new ConnectionFloor(), new MySqlMemoryBudget());
    }

    static RecommendationSet recommend(RecommendationRequest request) {
        String version = request.catalog().engineVersion().toString();
        List<String> warnings = new ArrayList<>();
        Configuration today = SearchSpace.current(request, READ, warnings);
        MySqlEvidence evidence = MySqlEvidence.of(request);
        warnings.add(evidenceStatement(evidence));
        MySqlMemoryBudget.Breakdown todayBudget = MySqlMemoryBudget.of(request, today);
        if (!todayBudget.fits()) {
            warnings.add("Today's settings exceed the memory budget: " + todayBudget.describe() + ".");
        }
        MySqlObjective objective = new MySqlObjective(request, today);
        List<Constraint> hard = constraints().stream().filter(c -> !(c instanceof MySqlMemoryBudget)).toList();
        MySqlSearch.Result searched = new MySqlSearch(request, today, objective, hard).run();
        List<Considered> considered = new ArrayList<>();
        if (!MySqlMemoryBudget.of(request, searched.best()).fits()) {
            searched.refusedBy().forEach((p, why) -> considered.add(new Considered(p, shown(request, p, today), "", why)));
            return none(request, "Today's settings exceed the memory budget, and no change the options and locks allow "
                    + "brings them within it: " + MySqlMemoryBudget.of(request, searched.best()).describe()
                    + ". Lower the buffer pool or the session buffers by hand, or lift the locks that keep them.", considered,
                    warnings);
        }
        Configuration kept = prune(request, today, searched.best(), objective, considered);
        List<Recommendation> recs = new ArrayList<>();
        for (MySqlSearch.Group g : MySqlSearch.Group.values()) {
            for (String p : g.parameters) {
                if (changed(request, today, kept, p)) {
                    recs.add(searchedRecommendation(request, today, kept, g, p, objective));
                }
            }
        }
        Configuration withRules = kept;
        for (RuleProposal proposal : MySqlRules.propose(request, today, kept, evidence)) {
            Configuration next = withRules.with(proposal.parameter(), proposal.to());
            Candidate candidate = new Candidate(request, today, next);
            Optional<String> violation = constraints().stream().map(c -> c.violation(candidate))
                    .flatMap(Optional::stream).findFirst();
            if (violation.isPresent()) {
                considered.add(new Considered(proposal.parameter(), shown(request, proposal.parameter(), today),
                        proposal.to(), violation.get()));
                continue;
            }
            withRules = next;
            recs.add(ruleRecommendation(request, today, proposal));
        }
        searched.refusedBy().forEach((p, why) -> {
            if (recs.stream().noneMatch(r -> r.parameter().equals(p))
                    && considered.stream().noneMatch(c -> c.parameter().equals(p))) {
                considered.add(new Considered(p, shown(request, p, today), "", why));
            }
        });
        if (recs.isEmpty()) {
            return none(request, noChangeReason(request, evidence, objective, today), considered, warnings);
        }
        Estimate all = objective.gain(today, withRules);
        PredictedEffect overall = new PredictedEffect(all, metrics(objective, today, withRules), basis());
        return new RecommendationSet(request.instance(), version, MODEL, recs, "", overall, considered, warnings);
    }

    /**
     * Keeps the searched changes that earn their place, judging each against the rest without it (as
     * {@link Attribution} does): its own saving at least the minimum gain with the low end above zero, or the memory
     * it frees is what keeps the rest within the budget. The weakest of the others is dropped and the rest judged again.
     */
    private static Configuration prune(RecommendationRequest request, Configuration today, Configuration best,
                                       MySqlObjective objective, List<Considered> considered) {
        Configuration config = best;
        double minimum = request.options().minimumGain();
        while (true) {
            MySqlSearch.Group weakest = null;
            double weakestGain = Double.POSITIVE_INFINITY;
            for (MySqlSearch.Group g : MySqlSearch.Group.values()) {
                if (!groupChanged(request, today, config, g)) {
                    continue;
                }
                Configuration without = back(today, config, g);
                boolean needed = !MySqlMemoryBudget.of(request, without).fits();
                Estimate gain = objective.gain(without, config);
                boolean earns = gain.mean() >= minimum && gain.low() > 0;
                if (!earns && !needed && gain.mean() < weakestGain) {
                    weakest = g;
                    weakestGain = gain.mean();
                }
            }
            if (weakest == null) {
                return config;
            }
            Configuration without = back(today, config, weakest);
            Estimate gain = objective.gain(without, config);
            for (String p : weakest.parameters) {
                if (changed(request, today, config, p)) {
                    considered.add(new Considered(p, shown(request, p, today), config.text(p), "Predicted to save "
                            + Texts.change(gain) + " of the session time, short of the minimum gain of "
                            + Texts.percent(minimum) + " with its interval above no change."));
                }
            }
            config = without;
        }
    }

    private static Recommendation searchedRecommendation(RecommendationRequest request, Configuration today,
                                                         Configuration kept, MySqlSearch.Group g, String p,
                                                         MySqlObjective objective) {
        ParameterSpec spec = request.catalog().find(p).orElseThrow();
        Configuration without = back(today, kept, g);
        Estimate gain = objective.gain(without, kept);
        boolean earns = gain.mean() >= request.options().minimumGain() && gain.low() > 0;
        Recommendation.Reason reason = earns ? Recommendation.Reason.THROUGHPUT
                : todayOverBudget(request, today) ? Recommendation.Reason.MEMORY_SAFETY
                : Recommendation.Reason.MAKES_ROOM;
        Confidence confidence = !earns ? Confidence.LOW
                : gain.low() >= request.options().minimumGain() ? Confidence.HIGH : Confidence.MEDIUM;
        if (g == MySqlSearch.Group.TMP_TABLES && confidence == Confidence.HIGH) {
            // the spilled tables' sizes are assumed, and some go to disk at any size (TEXT/BLOB columns)
            confidence = Confidence.MEDIUM;
        }
        String from = shown(request, p, today);
        String to = kept.text(p);
        String reasoning = MySqlReasons.searched(request, p, from, to, reason, gain, objective, without, kept);
        String window = p.equals("innodb_flush_log_at_trx_commit") ? MySqlReasons.flushWindow(to) : "";
        return new Recommendation(p, from, to, direction(spec, today.value(p), kept.value(p)), reason,
                MySqlReasons.evidence(request, p, objective, without, kept), reasoning,
                new PredictedEffect(gain, metrics(objective, without, kept), basis()), confidence, spec.applyMode(),
                window);
    }

    private static Recommendation ruleRecommendation(RecommendationRequest request, Configuration today,
                                                     RuleProposal p) {
        ParameterSpec spec = request.catalog().find(p.parameter()).orElseThrow();
        double a = today.value(p.parameter());
        double b = CatalogValues.toModel(spec, p.to());
        return new Recommendation(p.parameter(), shown(request, p.parameter(), today), p.to(), direction(spec, a, b),
                p.reason(), p.evidence(), p.reasoning(), new PredictedEffect(Estimate.exact(0), p.metrics(),
                "not priced: sized to the measured need; no throughput change is predicted for it"),
                p.confidence(), spec.applyMode(), "");
    }

    private static List<MetricChange> metrics(MySqlObjective objective, Configuration before, Configuration after) {
        List<MetricChange> out = new ArrayList<>();
        double missBefore = objective.missRatio(before, MySqlObjective.Scenario.CENTRAL);
        double missAfter = objective.missRatio(after, MySqlObjective.Scenario.CENTRAL);
        // an unpriced miss ratio (a smaller pool, nothing missed today, the data's size unknown) is left out
        if (Double.isFinite(missBefore) && Double.isFinite(missAfter)) {
            out.add(new MetricChange("bufferPoolMissRatio", "ratio", range(objective::missRatio, before),
                    range(objective::missRatio, after)));
        }
        out.add(new MetricChange("waitingSessionSeconds", "s/s", range(objective::cost, before),
                range(objective::cost, after)));
        return out;
    }

    private static Estimate range(java.util.function.BiFunction<Configuration, MySqlObjective.Scenario, Double> f,
                                  Configuration c) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (MySqlObjective.Scenario s : MySqlObjective.Scenario.values()) {
            double v = f.apply(c, s);
            v = Double.isFinite(v) ? v : 0;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double mid = f.apply(c, MySqlObjective.Scenario.CENTRAL);
        mid = Double.isFinite(mid) ? Math.min(Math.max(mid, lo), hi) : lo;
        return new Estimate(mid, lo, hi);
    }

    static String basis() {
        return "MySQL counters: buffer pool misses and temporary tables on disk priced from the measured rates at "
                + "today's settings; the interval spans the access-skew and table-size assumptions (decision 0153)";
    }

    private static String evidenceStatement(MySqlEvidence e) {
        List<String> measured = e.measured();
        return measured.isEmpty()
                ? "Evidence: instance facts and settings only; no workload measured, so only the memory budget and the "
                + "settings' own limits are weighed (confidence low). Run `knobwright monitor collect` while the "
                + "application runs."
                : "Evidence: " + String.join(", ", measured) + " measured by the collector (SHOW GLOBAL STATUS, the "
                + "process list, information_schema).";
    }

    private static String noChangeReason(RecommendationRequest request, MySqlEvidence e, MySqlObjective objective,
                                         Configuration today) {
        if (e.measured().isEmpty()) {
            return "No workload has been measured, and without it nothing but the memory budget can be weighed; "
                    + "today's settings fit it, so they are kept.";
        }
        double waiting = objective.cost(today, MySqlObjective.Scenario.CENTRAL);
        return "No change within the constraints is predicted to save at least "
                + Texts.percent(request.options().minimumGain()) + " of the session time with its interval above no "
                + "change (waiting priced today: " + Texts.number(waiting) + " session-seconds per second"
                + (e.poolMeasured() ? ", buffer pool hit ratio " + Texts.percent(e.hitRatio()) : "")
                + "); today's settings are kept.";
    }

    private static RecommendationSet none(RecommendationRequest request, String reason, List<Considered> considered,
                                          List<String> warnings) {
        return new RecommendationSet(request.instance(), request.catalog().engineVersion().toString(), MODEL,
                List.of(), reason, null, considered, warnings);
    }

    private static boolean todayOverBudget(RecommendationRequest request, Configuration today) {
        return !MySqlMemoryBudget.of(request, today).fits();
    }

    static Configuration back(Configuration today, Configuration config, MySqlSearch.Group g) {
        Configuration out = config;
        for (String p : g.parameters) {
            if (today.text(p) != null) {
                out = out.with(p, today.text(p));
            }
        }
        return out;
    }

    private static boolean groupChanged(RecommendationRequest request, Configuration today, Configuration c,
                                        MySqlSearch.Group g) {
        return g.parameters.stream().anyMatch(p -> changed(request, today, c, p));
    }

    static boolean changed(RecommendationRequest request, Configuration today, Configuration c, String p) {
        Optional<ParameterSpec> spec = request.catalog().find(p);
        return spec.isPresent() && today.text(p) != null && c.text(p) != null
                && !CatalogValues.same(spec.get(), today.text(p), c.text(p));
    }

    static String shown(RecommendationRequest request, String p, Configuration today) {
        return request.catalog().find(p).map(spec -> PlannerRule.shown(spec, today.text(p))).orElse("");
    }

    static Recommendation.Direction direction(ParameterSpec spec, double a, double b) {
        boolean numeric = spec.type() == ParameterType.INTEGER || spec.type() == ParameterType.REAL;
        return numeric && !Double.isNaN(a) && !Double.isNaN(b)
                ? (b > a ? Recommendation.Direction.INCREASE : Recommendation.Direction.DECREASE)
                : Recommendation.Direction.CHANGE;
    }

    static boolean handles(Engine engine) {
        return engine == Engine.MYSQL || engine == Engine.MARIADB;
    }
}
