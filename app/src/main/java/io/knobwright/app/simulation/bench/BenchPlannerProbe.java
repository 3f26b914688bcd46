package io.knobwright.app.simulation.bench;

import io.knobwright.app.recommend.PlannerProbing;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.postgres.planner.PlannerProbe;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.simulator.recommend.PlannerEvidence;
import io.knobwright.simulator.recommend.PlannerJudgement;
import io.knobwright.simulator.recommend.QueryTiming;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The planner evidence the effect bench gives the recommender (decision 0157): the same candidates the workbench and
 * the CLI probe ({@link PlannerProbing#candidates}), asked of the sandbox's planner with the workload's own statements,
 * each timed under today's value and the proposed one (EXPLAIN ANALYZE, rolled back, after one warming run) for a few
 * drawn parameter values. A statement whose plan does not change keeps its time, as {@link PlannerProbing} counts it.
 * The recommender's planner rule decides; nothing here does.
 */
final class BenchPlannerProbe {

    /** Parameter draws timed per statement and value: one draw would judge a range query by one range. */
    static final int SAMPLES = 3;

    /** The evidence and what was probed, in words for the bench's output. */
    record Probed(PlannerEvidence evidence, List<String> notes) {
    }

    private BenchPlannerProbe() {
    }

    static Probed probe(Connection connection, BenchWorkload load, int cpus, long ramBytes,
                        Map<String, String> settings, long seed) {
        List<LiveSetting> live = new ArrayList<>();
        settings.forEach((name, value) -> live.add(new LiveSetting(name, value, unit(name), "bench", false)));
        PlannerProbe probe = new PlannerProbe();
        List<PlannerJudgement> judgements = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (PlannerProbing.Candidate candidate : PlannerProbing.candidates(new HardwareFacts(cpus, ramBytes,
                DiskType.SSD, 0), live, List.of())) {
            if (BenchSandbox.FIXED.containsKey(candidate.setting())) {
                continue; // the sandbox holds it for every arm (parallel gather, jit): a change could not run
            }
            List<QueryTiming> timings = new ArrayList<>();
            int changed = 0;
            SplittableRandom random = new SplittableRandom(seed);
            for (BenchWorkload.Step step : load.statements()) {
                double before = 0;
                double after = 0;
                boolean planChanged = false;
                for (int i = 0; i < SAMPLES; i++) {
                    PlannerProbe.Request request = new PlannerProbe.Request(numbered(step.sql()),
                            texts(BenchWorkload.bind(step, random, load.draw(random))), Map.of(),
                            Map.of(candidate.setting(), candidate.to()), true);
                    try {
                        probe.compare(connection, request); // reads the pages in, as PlannerJudgement does
                        PlannerProbe.PlanComparison p = probe.compare(connection, request);
                        before += p.actualMsA();
                        after += p.changed() ? p.actualMsB() : p.actualMsA();
                        planChanged |= p.changed();
                    } catch (ConnectorException refused) {
                        notes.add(candidate.setting() + "=" + candidate.to() + " not probed on " + step.label() + ": "
                                + refused.getMessage());
                        break;
                    }
                }
                changed += planChanged ? 1 : 0;
                if (before > 0) {
                    timings.add(new QueryTiming(step.label(), Math.max(1, Math.round(load.callsPerTx() * 100)),
                            before / SAMPLES, after / SAMPLES));
                }
            }
            judgements.add(new PlannerJudgement(candidate.setting(), candidate.to(), timings, timings.isEmpty()
                    ? "none of the workload's statements could be timed" : ""));
            notes.add(String.format(Locale.ROOT, "%s=%s (%s): %d of %d statements change plan; %s",
                    candidate.setting(), candidate.to(), candidate.why(), changed, load.statements().size(),
                    timings.stream().map(t -> String.format(Locale.ROOT, "%s %.1f -> %.1f ms", t.query(),
                            t.beforeMs(), t.afterMs())).toList()));
        }
        return new Probed(new PlannerEvidence(judgements), notes);
    }

    /** The bench writes {@code ?} placeholders; the probe takes {@code $1..$n} (no statement has a ? in a literal). */
    static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                out.append('$').append(++n);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static List<String> texts(Object[] values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(v == null ? null : v.toString());
        }
        return out;
    }

    /** pg_settings reports effective_cache_size in 8kB pages; the candidates read it in that unit. */
    private static String unit(String name) {
        return name.equals("effective_cache_size") ? "8kB" : "";
    }
}
