package io.knobwright.simulator.recommend;

import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Knobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which of the search's changes earn a place in the answer. Each change is judged by what the others would lose
 * without it: its gain is the final configuration's throughput over the same configuration with that one setting
 * back at today's value, with the interval of {@link GainJudge}. A change stays when that gain clears the minimum
 * gain and its interval lies above no change, or when the rest would break the memory budget or a guard without it
 * (it makes room, or keeps memory or latency safe). Otherwise the weakest change is dropped, and the rest judged
 * again, until every change stays; so the answer holds only changes that earn their place, and it still obeys every
 * constraint (a change is dropped only where the rest is feasible without it).
 */
final class Attribution {

    /** One change as judged in the final configuration; {@code reason} null when it does not earn its place. */
    record Part(String parameter, Recommendation.Reason reason, Estimate gain, Configuration without,
                Evaluator.Evaluation withoutEval) {
    }

    /** The changes that stay, the configuration they make, and what was dropped with why. */
    record Outcome(Configuration config, Evaluator.Evaluation eval, List<Part> parts, List<Considered> dropped) {
    }

    private final RecommendationRequest request;
    private final Configuration today;
    private final Evaluator.Evaluation todayEval;
    private final Evaluator evaluator;
    private final GainJudge judge;
    private final List<Constraint> hard;
    private final Map<Knobs, double[]> ensembleCache = new HashMap<>();

    Attribution(RecommendationRequest request, Configuration today, Evaluator.Evaluation todayEval,
                Evaluator evaluator, GainJudge judge, List<Constraint> hard) {
        this.request = request;
        this.today = today;
        this.todayEval = todayEval;
        this.evaluator = evaluator;
        this.judge = judge;
        this.hard = hard;
    }

    Outcome prune(Configuration best) {
        Configuration config = best;
        List<Considered> dropped = new ArrayList<>();
        while (true) {
            Evaluator.Evaluation eval = evaluator.evaluate(config).orElseThrow();
            List<Part> parts = new ArrayList<>();
            for (String p : ordered(config.changedFrom(today))) {
                parts.add(judge(p, config, eval));
            }
            Optional<Part> weakest = parts.stream().filter(part -> part.reason() == null)
                    .min(Comparator.comparingDouble((Part part) -> part.gain().mean()).thenComparing(Part::parameter));
            if (weakest.isEmpty()) {
                return new Outcome(config, eval, parts, dropped);
            }
            Part w = weakest.get();
            String from = request.catalog().find(w.parameter()).map(spec -> PlannerRule.shown(spec, today.text(w.parameter())))
                    .orElse(today.text(w.parameter()));
            dropped.add(new Considered(w.parameter(), from, config.text(w.parameter()),
                    "Predicted " + Texts.change(w.gain()) + " on top of the other changes: below the minimum gain of "
                            + Texts.percent(request.options().minimumGain()) + ", or its interval reaches below no"
                            + " change."));
            config = w.without();
        }
    }

    /** The overall gain of a configuration over today's. */
    Estimate gain(Configuration from, Evaluator.Evaluation fromEval, Configuration to, Evaluator.Evaluation toEval) {
        return judge.gain(fromEval.throughput(), toEval.throughput(), evaluator.scenario(from), evaluator.scenario(to),
                ensembleCache);
    }

    private Part judge(String p, Configuration config, Evaluator.Evaluation eval) {
        Configuration without = config.with(p, today.text(p));
        Optional<Evaluator.Evaluation> withoutEval = evaluator.evaluate(without);
        if (p.equals("max_connections") && ConnectionFloor.refuses(request, without)
                && !ConnectionFloor.refuses(request, config)) {
            // sized to the clients the workload opens: without it some are refused, whatever the throughput says
            Evaluator.Evaluation shown = withoutEval.orElse(todayEval);
            return new Part(p, Recommendation.Reason.SIZED_TO_MEASURED, gainOrExact(without, shown, config, eval),
                    without, shown);
        }
        boolean todayFits = MemoryBudget.of(request, today).fits();
        boolean feasible = violates(without).isEmpty();
        if (!MemoryBudget.of(request, without).fits() || withoutEval.isEmpty() || !feasible) {
            Recommendation.Reason reason = todayFits ? Recommendation.Reason.MAKES_ROOM
                    : Recommendation.Reason.MEMORY_SAFETY;
            Evaluator.Evaluation shown = withoutEval.orElse(todayEval);
            return new Part(p, reason, gainOrExact(without, shown, config, eval), without, shown);
        }
        Evaluator.Evaluation w = withoutEval.get();
        Optional<String> guard = Evaluator.guardViolation(todayEval, w);
        if (guard.isPresent()) {
            boolean memory = w.oomRisk() > Math.max(Evaluator.OOM_LIMIT, todayEval.oomRisk()) + 1e-9;
            return new Part(p, memory ? Recommendation.Reason.MEMORY_SAFETY : Recommendation.Reason.KEEPS_LATENCY,
                    gainOrExact(without, w, config, eval), without, w);
        }
        double centre = w.throughput() > 0 ? eval.throughput() / w.throughput() - 1 : 0;
        double minimum = request.options().minimumGain();
        if (centre < minimum) {
            // the interval cannot rescue a centre below the minimum: no need to ask the ensemble
            if (w.oomRisk() > Evaluator.OOM_LIMIT && eval.oomRisk() < w.oomRisk() - 0.01) {
                return new Part(p, Recommendation.Reason.MEMORY_SAFETY, Estimate.exact(centre), without, w);
            }
            return new Part(p, null, Estimate.exact(centre), without, w);
        }
        Estimate gain = gain(without, w, config, eval);
        boolean clears = gain.low() > 0 && gain.mean() >= minimum;
        return new Part(p, clears ? Recommendation.Reason.THROUGHPUT : null, gain, without, w);
    }

    private Estimate gainOrExact(Configuration without, Evaluator.Evaluation w, Configuration config,
                                 Evaluator.Evaluation eval) {
        return w.throughput() > 0 ? gain(without, w, config, eval) : Estimate.exact(0);
    }

    private Optional<String> violates(Configuration c) {
        Candidate candidate = new Candidate(request, today, c);
        for (Constraint rule : hard) {
            Optional<String> v = rule.violation(candidate);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** The search's order, so the answer lists changes the same way every time. */
    static List<String> ordered(List<String> changed) {
        List<String> out = new ArrayList<>();
        for (String name : SearchSpace.SEARCHED) {
            if (changed.contains(name)) {
                out.add(name);
            }
        }
        for (String name : changed) {
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
