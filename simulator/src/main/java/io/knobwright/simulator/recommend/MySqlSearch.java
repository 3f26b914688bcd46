package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Coordinate descent over the MySQL settings whose cost {@link MySqlObjective} prices, under every constraint, as
 * {@link Search} does for PostgreSQL (decision 0149): from settings over the memory budget it first repairs (the move
 * that fits at the least predicted waiting, else the one that comes closest); then each round tries every candidate
 * of each group and moves to the best one when it saves at least {@value #MOVE} of the session time; among
 * candidates within {@value #TIE} of the best it takes the one nearest today's values, then the smaller.
 */
final class MySqlSearch {

    static final int MAX_ROUNDS = 4;
    static final double MOVE = 0.002;
    static final double TIE = 0.005;

    private static final double KB = 1024;
    private static final double MB = 1024 * KB;
    private static final double GB = 1024 * MB;

    /** Settings moved together: an internal temporary table stays in memory up to the smaller of the two. */
    enum Group {
        BUFFER_POOL(List.of("innodb_buffer_pool_size")),
        TMP_TABLES(List.of("tmp_table_size", "max_heap_table_size")),
        COMMIT_FLUSH(List.of("innodb_flush_log_at_trx_commit"));

        final List<String> parameters;

        Group(List<String> parameters) {
            this.parameters = parameters;
        }
    }

    record Result(Configuration best, Map<String, String> refusedBy) {
    }

    private record Option(Configuration config, double overshoot, double cost, double distance) {
    }

    private final RecommendationRequest request;
    private final Configuration today;
    private final MySqlObjective objective;
    private final List<Constraint> hard;
    private final double busy;
    private final Map<String, String> refused = new LinkedHashMap<>();

    MySqlSearch(RecommendationRequest request, Configuration today, MySqlObjective objective, List<Constraint> hard) {
        this.request = request;
        this.today = today;
        this.objective = objective;
        this.hard = List.copyOf(hard);
        this.busy = objective.busy(objective.cost(today, MySqlObjective.Scenario.CENTRAL));
    }

    Result run() {
        Configuration state = today;
        double over = MySqlMemoryBudget.of(request, state).overshoot();
        double cost = objective.cost(state, MySqlObjective.Scenario.CENTRAL);
        for (int step = 0; over > 0 && step < MAX_ROUNDS * Group.values().length; step++) {
            List<Option> all = new ArrayList<>();
            for (Group g : Group.values()) {
                all.addAll(options(g, state));
            }
            List<Option> fitting = all.stream().filter(o -> o.overshoot() == 0 && Double.isFinite(o.cost())).toList();
            Option pick = !fitting.isEmpty() ? nearestOfTheBest(fitting, Double.POSITIVE_INFINITY)
                    : all.stream().min(java.util.Comparator.comparingDouble(Option::overshoot)
                    .thenComparingDouble(Option::distance)).orElse(null);
            if (pick == null || pick.overshoot() >= over) {
                break;
            }
            state = pick.config();
            over = pick.overshoot();
            cost = pick.cost();
        }
        if (over > 0) {
            return new Result(state, refused);
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean moved = false;
            for (Group g : Group.values()) {
                List<Option> fitting = options(g, state).stream()
                        .filter(o -> o.overshoot() == 0 && Double.isFinite(o.cost())).toList();
                Option next = nearestOfTheBest(fitting, cost - MOVE * busy);
                if (next != null) {
                    state = next.config();
                    cost = next.cost();
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        return new Result(state, refused);
    }

    /** The best option below {@code ceiling}, or among those within the tie of it, the one nearest today's values. */
    private Option nearestOfTheBest(List<Option> options, double ceiling) {
        double best = options.stream().mapToDouble(Option::cost).min().orElse(Double.POSITIVE_INFINITY);
        if (!(best < ceiling)) {
            return null;
        }
        return options.stream().filter(o -> o.cost() <= best + TIE * busy)
                .min(java.util.Comparator.comparingDouble(Option::distance)
                        .thenComparingDouble(o -> firstValue(o.config())))
                .orElse(null);
    }

    private double firstValue(Configuration c) {
        return MySqlMemoryBudget.bytes(c, "innodb_buffer_pool_size") + MySqlObjective.tmpLimit(c);
    }

    /** One group's candidates from {@code state} that pass every rule but the budget (its overshoot is kept). */
    private List<Option> options(Group group, Configuration state) {
        List<Option> out = new ArrayList<>();
        for (Configuration c : candidates(group, state)) {
            if (c.equals(state)) {
                continue;
            }
            Candidate candidate = new Candidate(request, today, c);
            Optional<String> violation = hard.stream().map(rule -> rule.violation(candidate))
                    .flatMap(Optional::stream).findFirst();
            if (violation.isPresent()) {
                refused.putIfAbsent(group.parameters.getFirst(), violation.get());
                continue;
            }
            out.add(new Option(c, MySqlMemoryBudget.of(request, c).overshoot(),
                    objective.cost(c, MySqlObjective.Scenario.CENTRAL), distance(c)));
        }
        return out;
    }

    /** Candidate configurations for one group, ascending, each value one the catalog accepts. */
    List<Configuration> candidates(Group group, Configuration state) {
        double ram = request.machine().memoryBytes();
        List<Configuration> out = new ArrayList<>();
        switch (group) {
            case BUFFER_POOL -> {
                for (String text : texts("innodb_buffer_pool_size",
                        SearchSpace.ladder(128 * MB, ram - MemoryBudget.headroom(ram)), state)) {
                    out.add(state.with("innodb_buffer_pool_size", text));
                }
            }
            case TMP_TABLES -> {
                if (state.text("tmp_table_size") == null) {
                    break;
                }
                for (String text : texts("tmp_table_size", SearchSpace.ladder(MB, Math.min(GB, ram / 64)), state)) {
                    Configuration c = state.with("tmp_table_size", text);
                    double limit = MySqlMemoryBudget.bytes(c, "tmp_table_size");
                    // max_heap_table_size is raised with it where it would cap the limit, and left alone otherwise
                    if (c.text("max_heap_table_size") != null) {
                        double heapToday = MySqlMemoryBudget.bytes(today, "max_heap_table_size");
                        ParameterSpec heap = request.catalog().find("max_heap_table_size").orElseThrow();
                        c = c.with("max_heap_table_size", limit > heapToday
                                ? CatalogValues.text(heap, limit).orElse(today.text("max_heap_table_size"))
                                : today.text("max_heap_table_size"));
                    }
                    out.add(c);
                }
            }
            case COMMIT_FLUSH -> {
                if (request.options().allowDurabilityTrade() && state.text("innodb_flush_log_at_trx_commit") != null) {
                    out.add(state.with("innodb_flush_log_at_trx_commit", "2"));
                    out.add(state.with("innodb_flush_log_at_trx_commit", today.text("innodb_flush_log_at_trx_commit")));
                }
            }
        }
        return out;
    }

    private List<String> texts(String parameter, List<Double> amounts, Configuration state) {
        Optional<ParameterSpec> spec = request.catalog().find(parameter);
        if (spec.isEmpty() || state.text(parameter) == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<Double> all = new ArrayList<>(amounts);
        all.add(MySqlMemoryBudget.bytes(today, parameter));
        all.stream().sorted().distinct().forEach(a -> CatalogValues.text(spec.get(), a).ifPresent(t -> {
            if (!out.contains(t)) {
                out.add(t);
            }
        }));
        return out;
    }

    /** How far from today's values, on a log scale: the smallest change that gets the saving wins a tie. */
    private double distance(Configuration c) {
        double d = 0;
        for (Group g : Group.values()) {
            for (String p : g.parameters) {
                if (c.text(p) == null || today.text(p) == null) {
                    continue;
                }
                double a = c.value(p);
                double b = today.value(p);
                if (!Double.isNaN(a) && !Double.isNaN(b)) {
                    d += Math.abs(Math.log(Math.max(a, 1) / Math.max(b, 1)));
                }
            }
        }
        return d;
    }
}
