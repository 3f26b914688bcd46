package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a lock, the restart option or the durability option kept from the answer, and what it would have brought: for
 * each setting one of them refused, the best single change from the recommended configuration that every other rule
 * allows. Shown only where the model predicts at least the minimum gain, so "allow a restart" is suggested when it
 * matters, not for every restart-only setting.
 */
final class Blocked {

    private Blocked() {
    }

    static List<Considered> probe(RecommendationRequest request, Configuration today, Evaluator.Evaluation todayEval,
                                  Configuration config, Evaluator.Evaluation eval, Evaluator evaluator,
                                  Map<String, String> refusedBy) {
        List<Constraint> others = List.of(new CatalogValidity(), new ConnectionFloor(), new MemoryBudget());
        List<Considered> out = new ArrayList<>();
        for (Map.Entry<String, String> e : refusedBy.entrySet()) {
            String p = e.getKey();
            ParameterSpec spec = request.catalog().find(p).orElseThrow();
            String bestText = null;
            double bestScore = eval.score() * (1 + request.options().minimumGain());
            for (String text : SearchSpace.candidates(p, request, today)) {
                if (CatalogValues.same(spec, config.text(p), text)) {
                    continue;
                }
                Configuration c = config.with(p, text);
                Candidate candidate = new Candidate(request, today, c);
                if (others.stream().anyMatch(rule -> rule.violation(candidate).isPresent())) {
                    continue;
                }
                Optional<Evaluator.Evaluation> ce = evaluator.evaluate(c);
                if (ce.isPresent() && Evaluator.guardViolation(todayEval, ce.get()).isEmpty()
                        && ce.get().score() > bestScore) {
                    bestScore = ce.get().score();
                    bestText = text;
                }
            }
            if (bestText != null) {
                out.add(new Considered(p, PlannerRule.shown(spec, today.text(p)), bestText, e.getValue()
                        + " The model predicts " + Texts.change(bestScore / eval.score() - 1) + " with it."));
            }
        }
        return out;
    }
}
