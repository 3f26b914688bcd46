package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.simulator.model.PerformanceModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the settings the time windows of a day want at different values and resolves each by the first rule that
 * fits (decision 0154):
 * <ol>
 *   <li>a compromise: the one value, among the windows' own and today's, with the best time-weighted score that keeps
 *       every window within the constraints, the guards and its near-best band (the minimum gain);</li>
 *   <li>per role, then per database: a user-settable parameter (context user or superuser) whose windows' sessions
 *       come from different roles (databases), each holding at least {@link #ATTRIBUTED} of its window's;</li>
 *   <li>time windows: a reloadable or user-settable parameter switched at each window's start;</li>
 * </ol>
 * and a parameter that needs a restart, or reaches only new sessions, always gets the compromise, even outside the
 * band, with its cost per window stated. Deterministic: windows in the order of their first hour, parameters in the
 * search's order (those that cannot follow the clock first, since the others are judged with their values), candidate
 * values ascending with fixed tie-breaks.
 */
final class ConflictResolver {

    /** Share of a window's sessions that makes its work attributable to one role or database. */
    static final double ATTRIBUTED = 0.8;

    /**
     * What the resolution leaves each window with.
     *
     * @param requests the windows' requests (the base request with each window's workload), in window order
     * @param configs  the configuration each window runs with once every conflict is resolved
     * @param complete false when a conflict stayed unresolved and its windows' configurations are not guaranteed to
     *                 fit; the answer then says so and offers no windowed settings for it
     */
    record Outcome(List<WindowConflict> conflicts, List<RecommendationRequest> requests, Configuration today,
                   List<Configuration> configs, boolean complete) {
    }

    /** One candidate value tried in every window. */
    private record Trial(String value, double modelValue, List<Double> ratios, double weighted, String refusal) {
        boolean feasible() {
            return refusal.isEmpty();
        }

        double worst() {
            return ratios.stream().mapToDouble(Double::doubleValue).min().orElse(1);
        }
    }

    private final PerformanceModel model;

    ConflictResolver(PerformanceModel model) {
        this.model = model;
    }

    /**
     * @param windows in the order of their first hour
     * @param sets    each window's own recommendation set, in the same order
     */
    Outcome resolve(RecommendationRequest base, List<WorkloadWindow> windows, List<RecommendationSet> sets) {
        List<RecommendationRequest> requests = new ArrayList<>();
        List<Evaluator> evaluators = new ArrayList<>();
        List<Evaluator.Evaluation> todays = new ArrayList<>();
        List<Configuration> configs = new ArrayList<>();
        Configuration today = SearchSpace.current(base, new ArrayList<>());
        for (int w = 0; w < windows.size(); w++) {
            RecommendationRequest request = base.withWorkload(windows.get(w).shape());
            Evaluator evaluator = new Evaluator(model, request);
            requests.add(request);
            evaluators.add(evaluator);
            todays.add(evaluator.evaluate(today).orElse(Evaluator.Evaluation.refused()));
            Configuration own = today;
            for (Recommendation r : sets.get(w).recommendations()) {
                if (today.text(r.parameter()) != null) {
                    own = own.with(r.parameter(), r.to());
                }
            }
            configs.add(own);
        }
        List<WindowConflict> conflicts = new ArrayList<>();
        boolean complete = true;
        for (String p : order(base, configs)) {
            WindowConflict c = withDataLoss(resolveOne(p, base, windows, requests, evaluators, todays, today,
                    configs), today, configs);
            complete &= c.resolution() != WindowConflict.Resolution.UNRESOLVED;
            conflicts.add(c);
        }
        return new Outcome(conflicts, requests, today, List.copyOf(configs), complete);
    }

    /**
     * A resolution that leaves a window with weakened durability (only possible when the user allowed the trade, as
     * each window's own search did) says what a crash can lose in that window.
     */
    private static WindowConflict withDataLoss(WindowConflict c, Configuration today, List<Configuration> configs) {
        String p = c.parameter();
        List<String> where = new ArrayList<>();
        String text = "";
        for (int w = 0; w < configs.size(); w++) {
            Optional<String> loss = DataLossWindow.of(p, today.text(p), configs.get(w).text(p), configs.get(w));
            if (loss.isPresent()) {
                where.add(c.values().get(w).window());
                text = text.isEmpty() ? loss.get() : text;
            }
        }
        if (where.isEmpty()) {
            return c;
        }
        return new WindowConflict(p, c.applyMode(), c.values(), c.resolution(), c.value(), c.statements(),
                c.explanation() + " DURABILITY TRADE (allowed) in " + String.join(", ", where) + ": " + text,
                c.notChosen());
    }

    /** The conflicting parameters: those that cannot follow the clock first, each group in the search's order. */
    private static List<String> order(RecommendationRequest base, List<Configuration> configs) {
        List<String> fixed = new ArrayList<>();
        List<String> switchable = new ArrayList<>();
        for (String p : SearchSpace.SEARCHED) {
            Optional<ParameterSpec> spec = base.catalog().find(p);
            if (spec.isEmpty() || configs.getFirst().text(p) == null) {
                continue;
            }
            boolean differs = configs.stream().anyMatch(c -> !CatalogValues.same(spec.get(), c.text(p),
                    configs.getFirst().text(p)));
            if (differs) {
                (switchable(spec.get().applyMode()) ? switchable : fixed).add(p);
            }
        }
        List<String> out = new ArrayList<>(fixed);
        out.addAll(switchable);
        return out;
    }

    /** Reloadable and user-settable parameters can change during the day; restart and new-session ones cannot. */
    static boolean switchable(ApplyMode mode) {
        return mode == ApplyMode.ONLINE || mode == ApplyMode.RELOAD;
    }

    private WindowConflict resolveOne(String p, RecommendationRequest base, List<WorkloadWindow> windows,
                                      List<RecommendationRequest> requests, List<Evaluator> evaluators,
                                      List<Evaluator.Evaluation> todays, Configuration today,
                                      List<Configuration> configs) {
        ParameterSpec spec = base.catalog().find(p).orElseThrow();
        List<String> wanted = configs.stream().map(c -> c.text(p)).toList();
        List<Trial> trials = new ArrayList<>();
        for (String candidate : candidates(spec, wanted, today.text(p))) {
            trials.add(trial(spec, candidate, windows, requests, evaluators, todays, today, configs));
        }
        double band = base.options().minimumGain();
        Optional<Trial> inBand = best(trials.stream().filter(t -> t.feasible() && t.worst() >= 1 - band).toList(),
                today.value(p));
        Optional<Trial> feasible = best(trials.stream().filter(Trial::feasible).toList(), today.value(p));
        ConflictTexts texts = new ConflictTexts(p, spec, windows, wanted, band, today.text(p));
        if (inBand.isPresent()) {
            apply(configs, p, inBand.get().value());
            return texts.compromise(inBand.get().value(), inBand.get().ratios(), false);
        }
        String noCompromise = texts.noCompromise(feasible.map(Trial::value).orElse(null),
                feasible.map(Trial::ratios).orElse(List.of()), firstRefusal(spec, trials));
        if (switchable(spec.applyMode())) {
            String fallback = fallback(spec, wanted, today.text(p));
            if (spec.applyMode() == ApplyMode.ONLINE) {
                List<String> roles = windows.stream().map(w -> w.window().dominantRole(ATTRIBUTED)).toList();
                if (distinctAndKnown(roles)) {
                    return texts.perRole(WindowConflict.Resolution.PER_ROLE, roles, fallback, noCompromise);
                }
                List<String> databases = windows.stream().map(w -> w.window().dominantDatabase(ATTRIBUTED)).toList();
                if (distinctAndKnown(databases)) {
                    return texts.perDatabase(roles, databases, fallback, noCompromise);
                }
                return texts.timeWindows(noCompromise, texts.notAttributable(roles, databases));
            }
            return texts.timeWindows(noCompromise, texts.notPerRole());
        }
        if (feasible.isPresent()) {
            apply(configs, p, feasible.get().value());
            return texts.compromise(feasible.get().value(), feasible.get().ratios(), true);
        }
        apply(configs, p, today.text(p));
        return texts.unresolved(PlannerRule.shown(spec, today.text(p)), firstRefusal(spec, trials));
    }

    /** Sets {@code p} in every window's configuration. */
    private static void apply(List<Configuration> configs, String p, String value) {
        configs.replaceAll(c -> c.with(p, value));
    }

    /**
     * Sessions that no role or database setting covers keep today's value when it is no larger than every window's
     * (they use no more memory than the windows' budgets counted); otherwise the smallest window value.
     */
    private static String fallback(ParameterSpec spec, List<String> wanted, String today) {
        String smallest = wanted.getFirst();
        for (String w : wanted) {
            if (CatalogValues.toModel(spec, w) < CatalogValues.toModel(spec, smallest)) {
                smallest = w;
            }
        }
        return CatalogValues.toModel(spec, today) <= CatalogValues.toModel(spec, smallest) ? today : smallest;
    }

    private static boolean distinctAndKnown(List<String> names) {
        return names.stream().noneMatch(String::isBlank) && names.stream().distinct().count() == names.size();
    }

    /** The windows' values and today's, each once (as the server compares values), ascending. */
    private static List<String> candidates(ParameterSpec spec, List<String> wanted, String today) {
        List<String> out = new ArrayList<>();
        List<String> all = new ArrayList<>(wanted);
        all.add(today);
        for (String v : all) {
            if (out.stream().noneMatch(seen -> CatalogValues.same(spec, seen, v))) {
                out.add(v);
            }
        }
        out.sort((a, b) -> {
            int byValue = Double.compare(CatalogValues.toModel(spec, a), CatalogValues.toModel(spec, b));
            return byValue != 0 ? byValue : a.compareTo(b);
        });
        return out;
    }

    private static Trial trial(ParameterSpec spec, String candidate, List<WorkloadWindow> windows,
                               List<RecommendationRequest> requests, List<Evaluator> evaluators,
                               List<Evaluator.Evaluation> todays, Configuration today, List<Configuration> configs) {
        String p = spec.name();
        List<Double> ratios = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (int w = 0; w < windows.size(); w++) {
            Configuration tried = configs.get(w).with(p, candidate);
            String label = windows.get(w).label();
            for (Constraint rule : Constraint.all()) {
                Optional<String> v = rule.violation(new Candidate(requests.get(w), today, tried));
                if (v.isPresent()) {
                    return refused(spec, candidate, "in " + label + ": " + v.get());
                }
            }
            RecommendationRequest request = requests.get(w);
            if (ConnectionFloor.refuses(request, tried) && !ConnectionFloor.refuses(request, configs.get(w))) {
                // a compromise may cost a window throughput, never its clients
                return refused(spec, candidate, "in " + label + ": " + p + " " + candidate + " refuses some of its "
                        + request.workload().clients() + " clients");
            }
            Optional<Evaluator.Evaluation> eval = evaluators.get(w).evaluate(tried);
            if (eval.isEmpty()) {
                return refused(spec, candidate, "in " + label + ": the model refuses it: "
                        + evaluators.get(w).refusal(tried));
            }
            Optional<String> guard = Evaluator.guardViolation(todays.get(w), eval.get());
            if (guard.isPresent()) {
                return refused(spec, candidate, "in " + label + ": " + guard.get());
            }
            double own = evaluators.get(w).evaluate(configs.get(w)).map(Evaluator.Evaluation::score).orElse(0.0);
            double ratio = own > 0 ? eval.get().score() / own : 1;
            ratios.add(ratio);
            weighted += windows.get(w).window().weight() * ratio;
            weights += windows.get(w).window().weight();
        }
        return new Trial(candidate, CatalogValues.toModel(spec, candidate), ratios,
                weights > 0 ? weighted / weights : 1, "");
    }

    private static Trial refused(ParameterSpec spec, String candidate, String why) {
        return new Trial(candidate, CatalogValues.toModel(spec, candidate), List.of(), 0, why);
    }

    /** The best time-weighted score; on a tie the value nearest today's, then the smaller (trials are ascending). */
    private static Optional<Trial> best(List<Trial> trials, double today) {
        Trial best = null;
        for (Trial t : trials) {
            if (best == null || t.weighted() > best.weighted() + 1e-12
                    || (Math.abs(t.weighted() - best.weighted()) <= 1e-12
                    && distance(t.modelValue(), today) < distance(best.modelValue(), today) - 1e-12)) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double distance(double a, double b) {
        return a > 0 && b > 0 ? Math.abs(Math.log(a / b)) : Math.abs(a - b);
    }

    private static String firstRefusal(ParameterSpec spec, List<Trial> trials) {
        return trials.stream().filter(t -> !t.feasible())
                .map(t -> PlannerRule.shown(spec, t.value()) + " is refused " + t.refusal()).findFirst().orElse("");
    }
}
