package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.value.InvalidValueException;
import io.knobwright.model.value.Values;
import io.knobwright.simulator.model.Estimate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Planner settings are recommended only where the instance's own queries are shown to benefit, weighted by how
 * often they run, never as a global rule: the same random_page_cost can speed one query up and slow another.
 * For each judged value: the call-weighted time ratio r = sum(calls x after) / sum(calls x before); the saving 1 - r
 * has an 80% interval from the run-to-run noise of the timings (±{@value #TIMING_NOISE} per query, shrinking with the
 * square root of the number of queries timed). A value is recommended when the saving clears the minimum gain, its
 * interval lies above no saving, and no heavy query (at least {@value #HEAVY_SHARE} of the timed time) runs more than
 * {@value #REGRESSION} slower. Of several clear values for one setting, the largest saving wins.
 */
final class PlannerRule {

    /** Run-to-run noise of one query's timing (decision 0143 uses the same ±25%). */
    static final double TIMING_NOISE = 0.25;
    /** A query holding this share of the timed time is heavy: it may not regress. */
    static final double HEAVY_SHARE = 0.05;
    /** A heavy query slower by more than this blocks the setting (0143 warns at the same 25%). */
    static final double REGRESSION = 0.25;
    private static final int SHOWN_QUERIES = 5;

    record Outcome(List<Recommendation> recommendations, List<Considered> considered) {
    }

    private PlannerRule() {
    }

    /** Parallel settings the catalog files under resource usage, though they act through the planner. */
    private static final List<String> PARALLEL = List.of("max_parallel_workers_per_gather", "parallel_setup_cost",
            "parallel_tuple_cost", "min_parallel_table_scan_size", "min_parallel_index_scan_size",
            "parallel_leader_participation");

    /**
     * @param base the configuration the searched recommendations make: a planner setting that takes memory
     *             (max_parallel_workers_per_gather) must fit the budget together with them
     */
    static Outcome apply(RecommendationRequest request, Configuration today, Configuration base,
                         List<Constraint> constraints) {
        List<Recommendation> recs = new ArrayList<>();
        List<Considered> considered = new ArrayList<>();
        List<String> settings = request.planner().judgements().stream().map(PlannerJudgement::setting)
                .map(s -> s.toLowerCase(java.util.Locale.ROOT)).distinct().sorted().toList();
        for (String setting : settings) {
            Optional<ParameterSpec> spec = request.catalog().find(setting);
            if (spec.isEmpty()) {
                considered.add(new Considered(setting, "", "", request.catalog().engineVersion()
                        + " has no parameter " + setting + "."));
                continue;
            }
            if (!isPlannerSetting(spec.get())) {
                considered.add(new Considered(setting, shown(spec.get(), today.text(setting)), "", setting
                        + " is not a planner setting: it is judged by the search over the performance model, not by "
                        + "query timings."));
                continue;
            }
            String from = today.text(setting) != null ? today.text(setting)
                    : request.currentSettings().getOrDefault(setting, spec.get().defaultValue());
            Recommendation best = null;
            for (PlannerJudgement j : request.planner().judgements().stream()
                    .filter(j -> j.setting().equalsIgnoreCase(setting))
                    .sorted(Comparator.comparing(PlannerJudgement::to)).toList()) {
                if (from != null && CatalogValues.same(spec.get(), from, j.to())) {
                    continue;   // the judged value is already in force: nothing to recommend or to weigh
                }
                Optional<String> refusal = refusal(request, today, base, spec.get(), from, j, constraints);
                if (refusal.isPresent()) {
                    considered.add(new Considered(setting, shown(spec.get(), from), j.to(), refusal.get()));
                    continue;
                }
                Recommendation r = recommendation(request, spec.get(), from, j);
                if (best == null || r.effect().gain().mean() > best.effect().gain().mean()) {
                    best = r;
                }
            }
            if (best != null) {
                recs.add(best);
            }
        }
        return new Outcome(recs, considered);
    }

    static boolean isPlannerSetting(ParameterSpec spec) {
        return spec.category().startsWith("Query Tuning") || spec.name().startsWith("jit")
                || PARALLEL.contains(spec.name());
    }

    private static Optional<String> refusal(RecommendationRequest request, Configuration today, Configuration base,
                                            ParameterSpec spec, String from, PlannerJudgement j,
                                            List<Constraint> constraints) {
        Candidate candidate = new Candidate(request, today.with(spec.name(), from == null ? "" : from),
                base.with(spec.name(), j.to()));
        for (Constraint rule : constraints) {
            Optional<String> v = rule.violation(candidate);
            if (v.isPresent()) {
                return v;
            }
        }
        double before = j.queries().stream().mapToDouble(QueryTiming::weightBefore).sum();
        if (!(before > 0)) {
            return Optional.of("No query was timed under both values, so nothing shows that the instance's queries "
                    + "benefit" + (j.untimed().isEmpty() ? "." : ": " + j.untimed()));
        }
        for (QueryTiming q : j.queries()) {
            boolean heavy = q.weightBefore() >= HEAVY_SHARE * before;
            if (heavy && q.afterMs() > q.beforeMs() * (1 + REGRESSION) && q.afterMs() - q.beforeMs() > 0.05) {
                return Optional.of("The query " + q.query() + " (" + Texts.percent(q.weightBefore() / before)
                        + " of the timed time) would run " + Texts.percent(q.afterMs() / q.beforeMs() - 1)
                        + " slower.");
            }
        }
        Estimate saving = saving(j);
        if (!(saving.low() > 0 && saving.mean() >= request.options().minimumGain())) {
            return Optional.of("The call-weighted saving is " + Texts.change(saving) + ": not a clear improvement "
                    + "(it must reach " + Texts.percent(request.options().minimumGain())
                    + " with its interval above no saving).");
        }
        return Optional.empty();
    }

    /** 1 - r with the noise interval: r x exp(±h), h = noise / sqrt(queries timed). */
    static Estimate saving(PlannerJudgement j) {
        double before = j.queries().stream().mapToDouble(QueryTiming::weightBefore).sum();
        double after = j.queries().stream().mapToDouble(QueryTiming::weightAfter).sum();
        long timed = j.queries().stream().filter(q -> q.calls() > 0).count();
        double r = after / before;
        double h = TIMING_NOISE / Math.sqrt(Math.max(1, timed));
        return new Estimate(1 - r, 1 - r * Math.exp(h), 1 - r * Math.exp(-h));
    }

    private static Recommendation recommendation(RecommendationRequest request, ParameterSpec spec, String from,
                                                 PlannerJudgement j) {
        Estimate saving = saving(j);
        double before = j.queries().stream().mapToDouble(QueryTiming::weightBefore).sum();
        double after = j.queries().stream().mapToDouble(QueryTiming::weightAfter).sum();
        List<Evidence> evidence = j.queries().stream()
                .sorted(Comparator.comparingDouble(QueryTiming::weightBefore).reversed()
                        .thenComparing(QueryTiming::query))
                .limit(SHOWN_QUERIES)
                .map(q -> new Evidence(Evidence.Kind.QUERY, q.query(), Texts.number(q.beforeMs()) + " ms -> "
                        + Texts.number(q.afterMs()) + " ms", q.calls() + " calls, "
                        + Texts.percent(q.weightBefore() / before) + " of the timed time"))
                .toList();
        long faster = j.queries().stream().filter(q -> q.afterMs() < q.beforeMs()).count();
        String reasoning = "Timed by the instance's own planner, " + faster + " of its " + j.queries().size()
                + " top queries run faster with " + spec.name() + " = " + j.to() + ", and no heavy query slower by more"
                + " than " + Texts.percent(REGRESSION) + "; weighted by their calls they spend "
                + Texts.percent(saving.mean()) + " less time.";
        MetricChange time = new MetricChange("callWeightedStatementTime", "ms", Estimate.exact(before),
                Estimate.exact(after));
        Confidence confidence = saving.low() >= request.options().minimumGain() ? Confidence.HIGH : Confidence.MEDIUM;
        return new Recommendation(spec.name(), shown(spec, from), j.to(), Recommendation.Direction.CHANGE,
                Recommendation.Reason.PLANNER, evidence, reasoning,
                new PredictedEffect(saving, List.of(time), "per-query timings under both values, weighted by calls;"
                        + " interval from ±" + Texts.percent(TIMING_NOISE) + " run-to-run noise per query"),
                confidence, spec.applyMode(), "");
    }

    static String shown(ParameterSpec spec, String text) {
        if (text == null) {
            return "";
        }
        try {
            return Values.normalize(spec, text);
        } catch (InvalidValueException notAValue) {
            return text;
        }
    }
}
