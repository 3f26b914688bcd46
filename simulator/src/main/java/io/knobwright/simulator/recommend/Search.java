package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Coordinate descent over {@link SearchSpace#SEARCHED}, the model's prediction as the objective. Each round visits
 * the settings in a fixed order; for each it predicts every candidate value that passes the constraints and the
 * guards, and moves to the best one if it beats the current point. Among candidates within {@value #TIE} of the best
 * it takes the one nearest today's value (the smallest change that gets the gain), then the smaller value: the model
 * is flat in places (a larger max_wal_size once checkpoints are timed changes nothing), and the search must not
 * wander to the edge of a flat region. Deterministic: fixed order, fixed candidates, fixed tie-breaks.
 *
 * <p>From a starting point over the memory budget, the search first repairs: the single move (over every setting)
 * that brings the settings within the budget at the best predicted throughput, or, where no single move does, the
 * one that comes closest, repeated. Once within the budget, only configurations within it are considered.
 */
final class Search {

    static final int MAX_ROUNDS = 4;
    /** A move must gain at least this much (relative) to be taken. */
    static final double MOVE = 0.002;
    /** Candidates within this share of the best count as equally good. */
    static final double TIE = 0.005;

    /** Where the search ended, and what constraints refused on the way (by setting, the first message of each). */
    record Result(Configuration best, Map<String, String> refusedBy) {
    }

    private final RecommendationRequest request;
    private final Configuration today;
    private final Evaluator.Evaluation todayEval;
    private final Evaluator evaluator;
    private final List<Constraint> hard;
    private final Map<String, String> refused = new LinkedHashMap<>();

    Search(RecommendationRequest request, Configuration today, Evaluator.Evaluation todayEval, Evaluator evaluator,
           List<Constraint> hard) {
        this.request = request;
        this.today = today;
        this.todayEval = todayEval;
        this.evaluator = evaluator;
        this.hard = List.copyOf(hard);
    }

    private record Option(String text, Configuration config, double overshoot, double score, double distance) {
    }

    Result run() {
        Configuration state = admittingEveryClient();
        double stateOver = MemoryBudget.of(request, state).overshoot();
        double stateScore = state == today ? todayEval.score() : evaluator.evaluate(state).orElseThrow().score();
        // over the budget: first the single move, over every setting, that brings the settings within it at the best
        // predicted throughput; where no single move does, the one that comes closest, and again
        for (int step = 0; stateOver > 0 && step < MAX_ROUNDS * SearchSpace.SEARCHED.size(); step++) {
            List<Option> all = new ArrayList<>();
            for (String name : SearchSpace.SEARCHED) {
                all.addAll(options(name, state, stateOver));
            }
            if (all.isEmpty()) {
                break;
            }
            List<Option> fitting = all.stream().filter(o -> o.overshoot() == 0).toList();
            Option pick = fitting.isEmpty() ? closest(all) : nearestOfTheBest(fitting, Double.NEGATIVE_INFINITY);
            state = pick.config();
            stateOver = pick.overshoot();
            stateScore = pick.score();
        }
        if (stateOver > 0) {
            return new Result(state, refused);
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean moved = false;
            for (String name : SearchSpace.SEARCHED) {
                Option next = nearestOfTheBest(options(name, state, 0), stateScore * (1 + MOVE));
                if (next != null) {
                    state = next.config();
                    stateScore = next.score();
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        return new Result(state, refused);
    }

    /**
     * Today's settings with max_connections raised to the smallest candidate that admits every client, where today's
     * refuse some and the constraints (locks, restarts) allow the change; today's settings otherwise. Refused
     * clients are errors in the application, which no predicted throughput weighs.
     */
    private Configuration admittingEveryClient() {
        if (!ConnectionFloor.refuses(request, today)) {
            return today;
        }
        double todayOver = MemoryBudget.of(request, today).overshoot();
        String why = null;
        for (String text : SearchSpace.candidates("max_connections", request, today)) {
            Configuration c = today.with("max_connections", text);
            Optional<String> violation = violation(new Candidate(request, today, c));
            if (violation.isPresent()) {
                refused.putIfAbsent("max_connections", violation.get());
                return today;
            }
            MemoryBudget.Breakdown budget = MemoryBudget.of(request, c);
            if (budget.overshoot() > todayOver) {
                // every connection may take its work areas at once: more of them than the memory allows is a risk
                // of running out, which admitting the clients does not pay for; a pooler does
                why = why != null ? why : "admitting every client would exceed the memory budget (" + budget.describe()
                        + "); a connection pooler in front admits them without the memory";
                continue;
            }
            if (evaluator.evaluate(c).isPresent()) {
                return c;
            }
        }
        if (why != null) {
            refused.putIfAbsent("max_connections", why);
        }
        return today;
    }

    /** The candidate values of one setting from {@code state} that pass the constraints, the budget and the guards. */
    private List<Option> options(String name, Configuration state, double stateOver) {
        ParameterSpec spec = request.catalog().find(name).orElse(null);
        List<Option> options = new ArrayList<>();
        for (String text : SearchSpace.candidates(name, request, today)) {
            if (spec == null || CatalogValues.same(spec, state.text(name), text)) {
                continue;
            }
            Configuration c = state.with(name, text);
            Optional<String> violation = violation(new Candidate(request, today, c));
            if (violation.isPresent()) {
                refused.putIfAbsent(name, violation.get());
                continue;
            }
            double over = MemoryBudget.of(request, c).overshoot();
            if (over > 0 && over >= stateOver) {
                continue;
            }
            Optional<Evaluator.Evaluation> e = evaluator.evaluate(c);
            if (e.isEmpty() || Evaluator.guardViolation(todayEval, e.get()).isPresent()) {
                continue;
            }
            options.add(new Option(text, c, over, e.get().score(), distance(name, today, c)));
        }
        return options;
    }

    /**
     * Of the options within {@value #TIE} of the best score and above {@code floor}, the one nearest today's value
     * (the first of equals: candidates come in ascending order, settings in the fixed order); null when none is.
     */
    private static Option nearestOfTheBest(List<Option> options, double floor) {
        double top = options.stream().mapToDouble(Option::score).max().orElse(Double.NEGATIVE_INFINITY);
        Option pick = null;
        for (Option o : options) {
            if (o.score() >= top * (1 - TIE) && o.score() > floor
                    && (pick == null || o.distance() < pick.distance() - 1e-12)) {
                pick = o;
            }
        }
        return pick;
    }

    /** The option that comes closest to the budget, the better score among equals. */
    private static Option closest(List<Option> options) {
        Option pick = options.getFirst();
        for (Option o : options) {
            if (o.overshoot() < pick.overshoot() || (o.overshoot() == pick.overshoot() && o.score() > pick.score())) {
                pick = o;
            }
        }
        return pick;
    }

    private Optional<String> violation(Candidate c) {
        for (Constraint rule : hard) {
            Optional<String> v = rule.violation(c);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** How far a setting moved from today's value: log ratio for amounts, 1 for a changed choice. */
    static double distance(String name, Configuration today, Configuration c) {
        double a = today.value(name);
        double b = c.value(name);
        if (a > 0 && b > 0) {
            return Math.abs(Math.log(b / a));
        }
        return a == b ? 0 : 1;
    }
}
