package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;
import io.knobwright.simulator.model.BuiltInModel;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Features;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.ModelParameters;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.Scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Recommends settings for one instance (decision 0149): reads today's configuration, searches the settings the
 * model prices under every constraint ({@link Search}), keeps the changes that earn their place
 * ({@link Attribution}), explains each, and adds the planner settings the instance's own queries were shown to
 * benefit from ({@link PlannerRule}). Thread-safe: one recommender serves a whole fleet, each request on its own.
 *
 * <pre>{@code
 * Recommender recommender = Recommender.builtIn();
 * RecommendationSet set = recommender.recommend(request);
 * if (set.noChange()) print(set.noChangeReason()); else set.recommendations().forEach(...);
 * }</pre>
 */
public final class Recommender {

    /** Below this predicted CPU and disk utilisation no setting limits the workload. */
    static final double IDLE = 0.25;

    private final Function<ModelParameters, PerformanceModel> family;
    private final ModelParameters theta;
    private final GainJudge judge;

    /**
     * @param family builds the model at given constants (the built-in model's constructor, or a calibrated one's)
     * @param theta  the constants to predict with, and their priors, which give the gain intervals
     */
    public Recommender(Function<ModelParameters, PerformanceModel> family, ModelParameters theta) {
        this.family = family;
        this.theta = theta;
        this.judge = new GainJudge(family, theta);
    }

    /** The built-in model at its default constants. */
    public static Recommender builtIn() {
        return new Recommender(BuiltInModel::new, BuiltInModel.defaultParameters());
    }

    /** A fresh model at this recommender's constants (models are cheap and keep no state between predictions). */
    PerformanceModel model() {
        return family.apply(theta);
    }

    public RecommendationSet recommend(RecommendationRequest request) {
        String version = request.catalog().engineVersion().toString();
        PerformanceModel model = family.apply(theta);
        Engine engine = request.catalog().engineVersion().engine();
        if (MySqlRecommender.handles(engine)) {
            return MySqlRecommender.recommend(request);
        }
        if (InstanceFactsRecommender.handles(engine)) {
            return InstanceFactsRecommender.recommend(request);
        }
        if (engine != Engine.POSTGRESQL) {
            return none(request, model, "Recommendations are built for PostgreSQL so far; " + version + " is not "
                    + "searched yet.", List.of(), List.of());
        }
        List<String> warnings = new ArrayList<>();
        Configuration today = SearchSpace.current(request, warnings);
        Evaluator evaluator = new Evaluator(model, request);
        Optional<Evaluator.Evaluation> judged = evaluator.evaluate(today);
        if (judged.isEmpty()) {
            warnings.add("The model refuses today's settings: " + evaluator.refusal(today));
        }
        Evaluator.Evaluation todayEval = judged.orElse(Evaluator.Evaluation.refused());
        MemoryBudget.Breakdown todayBudget = MemoryBudget.of(request, today);
        if (!todayBudget.fits()) {
            warnings.add("Today's settings exceed the memory budget: " + todayBudget.describe() + ".");
        }
        List<Constraint> hard = Constraint.all().stream().filter(c -> !(c instanceof MemoryBudget)).toList();
        Search.Result searched = new Search(request, today, todayEval, evaluator, hard).run();
        List<Considered> considered = new ArrayList<>();
        if (!MemoryBudget.of(request, searched.best()).fits() || evaluator.evaluate(searched.best()).isEmpty()) {
            blocked(request, today, searched.refusedBy(), considered);
            return none(request, model, "Today's settings exceed the memory budget, and no change the options and "
                    + "locks allow brings them within it: " + MemoryBudget.of(request, searched.best()).describe()
                    + ". Lower work_mem or shared_buffers by hand, or allow a restart.", considered, warnings);
        }
        Attribution attribution = new Attribution(request, today, todayEval, evaluator, judge, hard);
        Attribution.Outcome kept = attribution.prune(searched.best());
        List<Considered> blocked = Blocked.probe(request, today, todayEval, kept.config(), kept.eval(), evaluator,
                searched.refusedBy());
        considered.addAll(blocked);
        if (blocked.stream().noneMatch(c -> c.parameter().equals("max_connections"))) {
            // where the probe already shows max_connections blocked, that entry says why; a second would repeat it
            refusedClients(request, today, kept.config(), searched.refusedBy()).ifPresent(considered::add);
        }
        considered.addAll(kept.dropped());
        List<Recommendation> recs = new ArrayList<>();
        for (Attribution.Part part : kept.parts()) {
            recs.add(recommendation(request, today, kept, part));
        }
        PlannerRule.Outcome planner = PlannerRule.apply(request, today, kept.config(), Constraint.all());
        recs.addAll(planner.recommendations());
        considered.addAll(planner.considered());
        if (recs.isEmpty()) {
            return none(request, model, noChangeReason(request, todayEval, blocked, kept.dropped()), considered,
                    warnings);
        }
        PredictedEffect overall = effect(attribution.gain(today, todayEval, kept.config(), kept.eval()),
                todayEval, kept.eval());
        return new RecommendationSet(request.instance(), version, model.name(), recs, "", overall, considered,
                warnings);
    }

    /**
     * What changing {@code before} into {@code after} is predicted to do, priced exactly as a recommendation's effect
     * is (the same model, the same gain interval): for recording what an applied plan was expected to do, whatever made
     * the plan (decision 0152).
     *
     * @throws io.knobwright.simulator.model.SimulationException when the model refuses either configuration
     */
    public PredictedEffect predict(Scenario before, Scenario after) {
        PerformanceModel model = family.apply(theta);
        Prediction b = model.predict(before);
        Prediction a = model.predict(after);
        Estimate gain = judge.gain(b.throughput().mean(), a.throughput().mean(), before, after, new HashMap<>());
        List<MetricChange> metrics = new ArrayList<>();
        for (Metric m : List.of(Metric.THROUGHPUT_TPS, Metric.LATENCY_P95_MS, Metric.PEAK_MEMORY_BYTES,
                Metric.OUT_OF_MEMORY_RISK)) {
            metrics.add(new MetricChange(m.jsonName(), m.unit(), b.get(m).orElse(Estimate.exact(0)),
                    a.get(m).orElse(Estimate.exact(0))));
        }
        return new PredictedEffect(gain, metrics, a.model() + " model; " + judge.basis());
    }

    private Recommendation recommendation(RecommendationRequest request, Configuration today,
                                          Attribution.Outcome kept, Attribution.Part part) {
        String p = part.parameter();
        ParameterSpec spec = request.catalog().find(p).orElseThrow();
        String from = PlannerRule.shown(spec, today.text(p));
        String to = kept.config().text(p);
        double a = today.value(p);
        double b = kept.config().value(p);
        Recommendation.Direction direction = spec.type() == io.knobwright.model.catalog.ParameterType.INTEGER
                || spec.type() == io.knobwright.model.catalog.ParameterType.REAL
                ? (b > a ? Recommendation.Direction.INCREASE : Recommendation.Direction.DECREASE)
                : Recommendation.Direction.CHANGE;
        Evaluator.Evaluation before = part.withoutEval();
        Evaluator.Evaluation after = kept.eval();
        Confidence confidence = part.reason() != Recommendation.Reason.THROUGHPUT ? Confidence.LOW
                : part.gain().low() >= request.options().minimumGain() ? Confidence.HIGH : Confidence.MEDIUM;
        String reasoning = Reasons.reasoning(p, from, to, direction, part.reason(), before, after, part.gain(),
                MemoryBudget.of(request, part.without()), MemoryBudget.of(request, kept.config()));
        return new Recommendation(p, from, to, direction, part.reason(),
                Reasons.evidence(request, p, today, before, after), reasoning, effect(part.gain(), before, after),
                confidence, spec.applyMode(),
                DataLossWindow.of(p, today.text(p), to, kept.config()).orElse(""));
    }

    private PredictedEffect effect(Estimate gain, Evaluator.Evaluation before, Evaluator.Evaluation after) {
        List<MetricChange> metrics = new ArrayList<>();
        for (Metric m : List.of(Metric.THROUGHPUT_TPS, Metric.LATENCY_P95_MS, Metric.PEAK_MEMORY_BYTES,
                Metric.OUT_OF_MEMORY_RISK)) {
            metrics.add(new MetricChange(m.jsonName(), m.unit(), before.metric(m), after.metric(m)));
        }
        return new PredictedEffect(gain, metrics, after.prediction().model() + " model; " + judge.basis());
    }

    private static String noChangeReason(RecommendationRequest request, Evaluator.Evaluation today,
                                         List<Considered> blocked, List<Considered> dropped) {
        double cpu = today.feature(Features.CPU_UTILISATION);
        double disk = today.feature(Features.DISK_UTILISATION);
        String gain = Texts.percent(request.options().minimumGain());
        if (!blocked.isEmpty()) {
            Considered first = blocked.getFirst();
            return "No change the options and locks allow is predicted to gain at least " + gain + "; "
                    + first.parameter() + " " + first.from() + " -> " + first.to() + " would: " + first.why();
        }
        if (cpu < IDLE && disk < IDLE) {
            return "The workload leaves the server mostly idle (predicted CPU " + Texts.percent(cpu) + " and disk "
                    + Texts.percent(disk) + " busy at " + Texts.number(today.throughput()) + " tps): no setting the "
                    + "model reads limits it, so today's settings are kept.";
        }
        if (!dropped.isEmpty()) {
            Considered best = dropped.getLast();
            return "No change is predicted to gain at least " + gain + " with its interval above no change; the best "
                    + "candidate, " + best.parameter() + " " + best.from() + " -> " + best.to() + ", was set aside: "
                    + best.why();
        }
        return "No change within the constraints is predicted to gain at least " + gain + " with its interval above "
                + "no change: today's settings are kept.";
    }

    private static RecommendationSet none(RecommendationRequest request, PerformanceModel model, String reason,
                                          List<Considered> considered, List<String> warnings) {
        return new RecommendationSet(request.instance(), request.catalog().engineVersion().toString(), model.name(),
                List.of(), reason, null, considered, warnings);
    }

    /** Clients still refused in the answer, and what kept max_connections from admitting them. */
    private static Optional<Considered> refusedClients(RecommendationRequest request, Configuration today,
                                                       Configuration answer, Map<String, String> refusedBy) {
        if (!ConnectionFloor.refuses(request, answer)) {
            return Optional.empty();
        }
        int floor = ConnectionFloor.floor(request, answer);
        return Optional.of(new Considered("max_connections", today.text("max_connections"), Integer.toString(floor),
                "max_connections " + today.text("max_connections") + " refuses some of the workload's "
                        + request.workload().clients() + " clients; " + floor + " would admit them, but "
                        + refusedBy.getOrDefault("max_connections", "the model refuses that configuration") + "."));
    }

    private static void blocked(RecommendationRequest request, Configuration today, Map<String, String> refusedBy,
                                List<Considered> considered) {
        refusedBy.forEach((p, why) -> considered.add(new Considered(p, request.catalog().find(p)
                .map(spec -> PlannerRule.shown(spec, today.text(p))).orElse(""), "", why)));
    }
}
