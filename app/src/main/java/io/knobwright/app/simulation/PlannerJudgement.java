package io.knobwright.app.simulation;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.PostgresDialect;
import io.knobwright.connectors.postgres.PostgresFailures;
import io.knobwright.connectors.postgres.planner.PlannerProbe;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.CredentialVault;
import io.knobwright.model.workload.ExplainableQuery;
import io.knobwright.model.workload.FingerprintDigest;
import io.knobwright.model.workload.FingerprintSummary;
import io.knobwright.model.workload.QueryRepository;
import io.knobwright.model.workload.TopOrder;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Explanation;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.Prediction;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Settings that act through the planner are judged per query by the server's own planner (issue 13), never by a
 * global rule: the instance's top imported queries (with their logged values) are explained under today's settings
 * and under the scenario's, each in a rolled-back transaction ({@link PlannerProbe}). On an instance that is not
 * production the read-only ones also run (EXPLAIN ANALYZE, still rolled back), so the change in their time is
 * measured; on production only plans and estimated costs are compared and no time is claimed. Only measured times
 * move the predicted throughput; the model's own number is otherwise left alone and the explanation says so.
 */
public final class PlannerJudgement {

    public static final String MECHANISM = "planner (EXPLAIN under both settings)";
    /** Queries asked about: the top ones by total time carry most of what a plan change can win or lose. */
    static final int TOP = 15;
    /** Run-to-run noise of one measured execution (issue 13 measured about +-25% on this machine kind). */
    static final double NOISE = 0.25;
    /** Time the ANALYZE runs of one scenario may take in all; past it the rest are only planned. */
    static final long ANALYZE_BUDGET_NANOS = 10_000_000_000L;
    /** A query whose logged mean is longer is only planned: it would run four times per scenario. */
    static final double ANALYZE_MAX_MEAN_MS = 2_000;

    private static final Set<String> PLANNER = Set.of("random_page_cost", "seq_page_cost", "cpu_tuple_cost",
            "cpu_index_tuple_cost", "cpu_operator_cost", "parallel_setup_cost", "parallel_tuple_cost",
            "min_parallel_table_scan_size", "min_parallel_index_scan_size", "effective_cache_size", "jit",
            "max_parallel_workers_per_gather", "from_collapse_limit", "join_collapse_limit", "cursor_tuple_fraction",
            "constraint_exclusion", "recursive_worktable_factor", "plan_cache_mode", "geqo", "geqo_threshold");
    private static final Pattern WRITE_WORD = Pattern.compile("\\b(insert|update|delete|merge)\\b");

    private final CredentialVault vault;
    private final QueryRepository queries;
    private final PlannerProbe probe = new PlannerProbe();

    public PlannerJudgement(CredentialVault vault, QueryRepository queries) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    /** Whether {@code name} acts through the planner (enable_*, jit*, the cost constants, parallel planning, ...). */
    public static boolean isPlannerSetting(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return PLANNER.contains(key) || key.startsWith("enable_") || key.startsWith("jit_");
    }

    /** The planner settings of a scenario, lower-cased, in a stable order. */
    public static Map<String, String> plannerSettings(Map<String, String> settings) {
        Map<String, String> out = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (isPlannerSetting(k)) {
                out.put(k.strip().toLowerCase(Locale.ROOT), v.strip());
            }
        });
        return out;
    }

    /**
     * What the planner said of one scenario.
     *
     * @param timeRatio      the judged queries' time under the scenario / today (calls-weighted), NaN when no time
     *                       was measured (production, or nothing could run)
     * @param timeShare      the share of the instance's logged statement time those measured queries stand for
     * @param changes        one row per query asked about
     */
    public record Judged(Explanation explanation, List<String> warnings, List<WhatIfService.PlanChange> changes,
                         double timeRatio, double timeShare) {
        public Judged {
            Objects.requireNonNull(explanation, "explanation");
            if (!(timeShare >= 0 && timeShare <= 1) || !(Double.isNaN(timeRatio) || timeRatio > 0)) {
                throw new IllegalArgumentException("A time share is within 0..1 and a time ratio positive or NaN: "
                        + timeShare + ", " + timeRatio);
            }
            warnings = List.copyOf(warnings);
            changes = List.copyOf(changes);
        }

        boolean measured() {
            return Double.isFinite(timeRatio) && timeShare > 0;
        }
    }

    /** Asks the planner; never throws for what the server or the store lacks (the explanation says why instead). */
    public Judged judge(Instance instance, Map<String, String> plannerSettings) {
        if (instance.connection() == null) {
            return unasked(instance.name() + " has no connection (inventory only)");
        }
        List<FingerprintSummary> all = queries.top(instance.id(), TopOrder.TOTAL, 10_000);
        double allMs = all.stream().mapToDouble(FingerprintSummary::totalMs).sum();
        long allCalls = all.stream().mapToLong(FingerprintSummary::calls).sum();
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Integer> left = new LinkedHashMap<>();
        for (int i = 0; i < all.size() && candidates.size() < TOP; i++) {
            FingerprintSummary f = all.get(i);
            String why = unexplainable(f);
            if (why != null) {
                left.merge(why, 1, Integer::sum);
                continue;
            }
            ExplainableQuery q = ExplainableQuery.of(f.example(), ignored -> { }).orElseThrow();
            candidates.add(new Candidate("q" + (i + 1), q.text(), readOnly(q.text()), f));
        }
        if (candidates.isEmpty()) {
            return unasked(all.isEmpty() ? "no queries are known for " + instance.name()
                    + " (import a log with `knobwright workload import-log`)"
                    : "none of its top queries can be explained with values (" + words(left) + ")");
        }
        boolean production = instance.tier() == Tier.PRODUCTION;
        ConnectionSpec spec = instance.connection();
        List<WhatIfService.PlanChange> changes = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        long started = System.nanoTime();
        try (Connection connection = connect(instance, spec)) {
            for (Candidate c : candidates) {
                boolean analyze = !production && c.readOnly() && c.summary().meanMs() <= ANALYZE_MAX_MEAN_MS
                        && System.nanoTime() - started < ANALYZE_BUDGET_NANOS;
                try {
                    PlannerProbe.Request request = new PlannerProbe.Request(c.text(), List.of(), Map.of(),
                            plannerSettings, analyze);
                    if (analyze) {
                        // the first run reads the pages into the cache; without it B would look faster than A
                        probe.compare(connection, request);
                    }
                    PlannerProbe.PlanComparison p = probe.compare(connection, request);
                    double share = allCalls == 0 ? 0 : (double) c.summary().calls() / allCalls;
                    changes.add(new WhatIfService.PlanChange(c.label(), p.query(), p.changed(), p.shapeA().outline(),
                            p.shapeB().outline(), p.costA(), p.costB(), p.actualMsA(), p.actualMsB(), share,
                            c.summary().totalMs(), planText(p)));
                } catch (ConnectorException e) {
                    if (e.kind() == io.knobwright.model.UserError.Kind.INPUT && e.getMessage().contains("setting")) {
                        return unasked(e.getMessage());
                    }
                    failed.add(c.label() + ": " + e.getMessage());
                }
            }
        } catch (ConnectorException | SQLException e) {
            return unasked("the server could not be reached (" + firstLine(e.getMessage()) + ")");
        }
        if (changes.isEmpty()) {
            return unasked("no query could be planned (" + String.join("; ", failed) + ")");
        }
        return judged(production, changes, failed, left, allMs);
    }

    /** The prediction with the planner's judgement: its explanation and warnings, and a measured time change. */
    public static Prediction apply(Prediction p, Judged j) {
        List<Explanation> explanations = new ArrayList<>(p.explanations());
        explanations.add(j.explanation());
        List<String> warnings = new ArrayList<>(p.warnings());
        warnings.addAll(j.warnings());
        Map<Metric, Estimate> metrics = new EnumMap<>(Metric.class);
        metrics.putAll(p.metrics());
        if (j.measured()) {
            double s = j.timeShare();
            double r = j.timeRatio();
            Estimate tps = p.throughput();
            double factor = 1 / (1 - s + s * r);
            // one measured execution per side: the ratio is no surer than the run-to-run noise
            double lowFactor = Math.min(factor, 1 / (1 - s + s * r * (1 + NOISE)));
            double highFactor = Math.max(factor, 1 / (1 - s + s * r / (1 + NOISE)));
            metrics.put(Metric.THROUGHPUT_TPS, new Estimate(tps.mean() * factor, Math.min(tps.low() * lowFactor,
                    tps.mean() * factor), Math.max(tps.high() * highFactor, tps.mean() * factor)));
        }
        return new Prediction(p.scenario(), metrics, explanations, warnings, p.model(), p.features());
    }

    private record Candidate(String label, String text, boolean readOnly, FingerprintSummary summary) {
    }

    private Connection connect(Instance instance, ConnectionSpec spec) throws SQLException {
        String password = spec.credential() == null ? null : vault.open(spec.credential(), instance.name()).orElse(null);
        ConnectionTarget target = new ConnectionTarget(spec.jdbcUrl(), spec.user(), password);
        JdbcGate.Admitted admitted = JdbcGate.admit(PostgresDialect.INSTANCE, target, ConnectorTimeouts.DEFAULT);
        try {
            return admitted.connect();
        } catch (SQLException failure) {
            throw PostgresFailures.translate(failure, admitted.url(), target, admitted.target(), admitted.timeouts());
        }
    }

    private static Judged judged(boolean production, List<WhatIfService.PlanChange> changes, List<String> failed,
                                 Map<String, Integer> left, double allMs) {
        List<WhatIfService.PlanChange> changed = changes.stream().filter(WhatIfService.PlanChange::changed).toList();
        List<String> warnings = new ArrayList<>();
        double measuredMs = 0;
        double weighted = 0;
        for (WhatIfService.PlanChange c : changes) {
            if (c.measured()) {
                measuredMs += c.totalMs();
                // an unchanged plan runs the same way: any difference in its two times is noise
                weighted += c.totalMs() * (c.changed() ? ratio(c.actualMsA(), c.actualMsB()) : 1);
            }
        }
        double ratio = measuredMs > 0 && !changed.isEmpty() ? weighted / measuredMs : Double.NaN;
        double share = allMs > 0 && Double.isFinite(ratio) ? Math.min(1, measuredMs / allMs) : 0;
        StringBuilder text = new StringBuilder();
        if (changed.isEmpty()) {
            text.append("No plan changed: the server's planner runs the ").append(changes.size())
                    .append(changes.size() == 1 ? " query" : " queries")
                    .append(" asked about the same way under both settings, so throughput is as the model predicts.");
        } else {
            text.append(changed.size()).append(" of ").append(changes.size()).append(" queries change plan: ");
            List<String> lines = new ArrayList<>();
            for (WhatIfService.PlanChange c : changed) {
                lines.add(c.label() + " " + c.plan() + "; " + (c.measured()
                        ? String.format(Locale.ROOT, "%s ms → %s ms measured", ms(c.actualMsA()), ms(c.actualMsB()))
                        : "cost " + ms(c.costA()) + " → " + ms(c.costB()) + " estimated")
                        + String.format(Locale.ROOT, "; %.0f%% of calls", 100 * c.callsShare()));
                if (c.measured() && c.actualMsB() > c.actualMsA() * (1 + NOISE) && c.actualMsB() - c.actualMsA() > 0.05) {
                    warnings.add(String.format(Locale.ROOT, "%s gets slower under this scenario: %s ms → %s ms"
                            + " measured (%s).", c.label(), ms(c.actualMsA()), ms(c.actualMsB()), c.plan()));
                }
            }
            text.append(String.join("; ", lines)).append(". ");
            if (Double.isFinite(ratio)) {
                text.append(String.format(Locale.ROOT, "Measured with EXPLAIN ANALYZE in rolled-back transactions:"
                        + " their time x%.2f, over %.0f%% of the logged statement time, moves throughput by that share"
                        + " (interval widened by the +-%.0f%% run-to-run noise).", ratio, 100 * share, 100 * NOISE));
            } else {
                text.append(production ? "A production instance: plans and estimated costs only (EXPLAIN), no query"
                        + " was run, so no time is claimed and throughput is as the model predicts."
                        : "No time was measured, so throughput is as the model predicts.");
                if (production) {
                    warnings.add(changed.size() + " of the instance's top queries change plan under this scenario;"
                            + " EXPLAIN alone cannot say whether they get faster: try it on a sandbox or a"
                            + " non-production copy (`knobwright experiment run`).");
                }
            }
        }
        if (!failed.isEmpty()) {
            text.append(" Not planned: ").append(String.join("; ", failed)).append('.');
        }
        if (!left.isEmpty()) {
            text.append(" Not asked: ").append(words(left)).append('.');
        }
        Map<String, Double> inputs = new LinkedHashMap<>();
        inputs.put("queries asked", (double) changes.size());
        inputs.put("plans changed", (double) changed.size());
        if (Double.isFinite(ratio)) {
            inputs.put("measured time ratio", ratio);
            inputs.put("share of statement time", share);
        }
        return new Judged(new Explanation(Metric.THROUGHPUT_TPS, MECHANISM, text.toString().strip(), inputs), warnings,
                changes, ratio, share);
    }

    /** The judgement when the planner was not asked at all, saying why. */
    public static Judged notAsked(String why) {
        return unasked(why);
    }

    /** B's time over A's, kept within 1/100 .. 100: a timer's zero must not predict an infinite throughput. */
    static double ratio(double msA, double msB) {
        return Math.clamp(Math.max(msB, 1e-3) / Math.max(msA, 1e-3), 0.01, 100.0);
    }

    private static Judged unasked(String why) {
        return new Judged(new Explanation(Metric.THROUGHPUT_TPS, MECHANISM, "The server's planner could not be asked: "
                + why + ". Throughput is as the model predicts, which keeps planner settings' effect unjudged.",
                Map.of()), List.of(), List.of(), Double.NaN, 0);
    }

    /** Why a fingerprint's example cannot be explained as it ran, or null when it can. */
    private static String unexplainable(FingerprintSummary f) {
        if (f.id() == 0 || f.calls() <= 0) {
            return "no single statement";
        }
        if (f.example().length() >= FingerprintDigest.EXAMPLE_LIMIT) {
            return "example cut short";
        }
        var query = ExplainableQuery.of(f.example(), ignored -> { });
        if (query.isEmpty()) {
            return "not one plain query";
        }
        if (query.get().parameters() > 0) {
            return "logged with $n placeholders, values not kept";
        }
        String first = query.get().text().strip().toLowerCase(Locale.ROOT).split("[\\s(]+", 2)[0];
        return Set.of("select", "with", "insert", "update", "delete").contains(first) ? null : "not SELECT or DML";
    }

    private static boolean readOnly(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String first = lower.strip().split("[\\s(]+", 2)[0];
        return first.equals("select") && !WRITE_WORD.matcher(lower).find()
                || first.equals("with") && !WRITE_WORD.matcher(lower).find();
    }

    /** "Seq Scan on t → Index Scan using t_k on t" from the probe's summary, without its costs. */
    private static String planText(PlannerProbe.PlanComparison p) {
        String s = p.summary();
        int cost = s.indexOf("; cost ");
        String head = cost < 0 ? s : s.substring(0, cost);
        return head.startsWith("plan changes: ") ? head.substring("plan changes: ".length()) : head;
    }

    private static String words(Map<String, Integer> reasons) {
        List<String> parts = new ArrayList<>();
        reasons.forEach((why, n) -> parts.add(n + " " + why));
        return String.join(", ", parts);
    }

    private static String ms(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String firstLine(String message) {
        return message == null ? "no reason given" : message.lines().findFirst().orElse(message);
    }
}
