package io.knobwright.app.recommend;

import io.knobwright.app.simulation.PlannerJudgement;
import io.knobwright.app.simulation.WhatIfService;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.workload.FingerprintSummary;
import io.knobwright.model.workload.QueryRepository;
import io.knobwright.model.workload.TopOrder;
import io.knobwright.simulator.recommend.PlannerEvidence;
import io.knobwright.simulator.recommend.QueryTiming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bridge from the planner probe to the recommender (decision 0156): a small fixed set of planner changes that the
 * instance's facts make worth asking about, each asked of the instance's own planner with its top imported queries
 * ({@link PlannerJudgement}: EXPLAIN under both values, EXPLAIN ANALYZE rolled back where the instance is not
 * production), and the answers as {@link PlannerEvidence}: per query, its calls and its time under today's value and
 * the proposed one. The recommender's planner rule then weighs them per query, weighted by calls; nothing here decides.
 */
public final class PlannerProbing {

    /** Top queries whose call-weighted mean is under this are short OLTP: JIT compilation only adds to them. */
    static final double SHORT_OLTP_MS = 50;
    /** An effective_cache_size within this of three quarters of RAM is already what would be proposed. */
    static final double CACHE_SIZE_TOLERANCE = 0.10;
    /** Queries the candidates look at to call the workload short OLTP (the probe asks about as many). */
    private static final int TOP = 15;
    private static final int SHOWN_QUERY_CHARS = 70;

    private final PlannerJudgement planner;
    private final QueryRepository queries;

    public PlannerProbing(PlannerJudgement planner, QueryRepository queries) {
        this.planner = Objects.requireNonNull(planner, "planner");
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    /** A planner change worth asking about, and why it was picked (said in the note). */
    public record Candidate(String setting, String to, String why) {
    }

    /** @param notes what was probed and what came of it, in words, for the answer's notes */
    public record Probed(PlannerEvidence evidence, List<String> notes) {
        public Probed {
            Objects.requireNonNull(evidence, "evidence");
            notes = List.copyOf(notes);
        }
    }

    /** Asks the instance's planner about every candidate; never throws for what the server or the store lacks. */
    public Probed probe(Instance instance, SettingsSnapshot snapshot) {
        if (instance.connection() == null) {
            return unjudged(instance.name() + " has no connection to ask its planner (inventory only)");
        }
        List<FingerprintSummary> all = queries.top(instance.id(), TopOrder.TOTAL, 10_000);
        if (all.isEmpty()) {
            return unjudged("no queries of " + instance.name() + " are known to time (import a log with `knobwright"
                    + " workload import-log`)");
        }
        List<Candidate> candidates = candidates(instance.hardware(), snapshot.settings(),
                all.subList(0, Math.min(TOP, all.size())));
        if (candidates.isEmpty()) {
            return unjudged("none of the probed changes applies (random_page_cost, effective_cache_size, jit and"
                    + " max_parallel_workers_per_gather already fit its disk, RAM, queries and CPUs)");
        }
        long allCalls = all.stream().mapToLong(FingerprintSummary::calls).sum();
        boolean production = instance.tier() == Tier.PRODUCTION;
        List<io.knobwright.simulator.recommend.PlannerJudgement> judgements = new ArrayList<>();
        List<String> probed = new ArrayList<>();
        for (Candidate c : candidates) {
            PlannerJudgement.Judged judged = planner.judge(instance, Map.of(c.setting(), c.to()));
            if (judged.changes().isEmpty()) {
                String why = firstSentence(judged.explanation().text()).replace("The server's planner could not be"
                        + " asked: ", "");
                if (!why.contains("setting")) {
                    // the server or its queries, not this setting: every other candidate would meet the same
                    return unjudged(why);
                }
                probed.add(c.setting() + "=" + c.to() + ": not asked (" + why + ")");
                continue;
            }
            List<QueryTiming> timings = timings(judged.changes(), allCalls);
            long changed = judged.changes().stream().filter(WhatIfService.PlanChange::changed).count();
            String plans = changed + " of " + judged.changes().size() + " top queries change plan";
            String untimed = timings.isEmpty() ? (production
                    ? "a production instance is only planned (EXPLAIN, no query run), and " + plans
                    : "none of its queries could be run under both values, and " + plans) : "";
            judgements.add(new io.knobwright.simulator.recommend.PlannerJudgement(c.setting(), c.to(), timings,
                    untimed));
            probed.add(c.setting() + "=" + c.to() + " (" + c.why() + "): " + plans + (timings.isEmpty() ? ", not timed"
                    : ", " + timings.size() + " timed"));
        }
        String how = production ? "plans and estimated costs only (EXPLAIN; a production instance runs no probe query),"
                + " so no time is claimed"
                : "EXPLAIN ANALYZE of its top imported queries under today's and the proposed value, each in a"
                + " rolled-back transaction; an unchanged plan counts as unchanged time";
        List<String> notes = List.of("planner settings probed on " + instance.name() + ": " + String.join("; ", probed)
                + " — " + how + ".");
        return new Probed(new PlannerEvidence(judgements), notes);
    }

    /**
     * The fixed set of changes worth asking about: random_page_cost 1.1 on SSD or NVMe storage, effective_cache_size
     * at three quarters of RAM, jit off when the top queries are short OLTP, max_parallel_workers_per_gather at half
     * the CPUs (1 to 4). Only those that differ from today's value.
     */
    public static List<Candidate> candidates(HardwareFacts hardware, List<LiveSetting> settings,
                                      List<FingerprintSummary> top) {
        List<Candidate> out = new ArrayList<>();
        if (hardware.diskType() == DiskType.SSD || hardware.diskType() == DiskType.NVME) {
            double today = number(setting(settings, "random_page_cost"), 4);
            if (today > 1.1 + 1e-9) {
                out.add(new Candidate("random_page_cost", "1.1", hardware.diskType().name() + " storage"));
            }
        }
        if (hardware.memoryBytes() > 0) {
            long target = hardware.memoryBytes() / 4 * 3;
            long today = bytes(setting(settings, "effective_cache_size"), 4L << 30);
            if (Math.abs(today - target) > CACHE_SIZE_TOLERANCE * target) {
                out.add(new Candidate("effective_cache_size", size(target), "3/4 of RAM"));
            }
        }
        long calls = top.stream().mapToLong(FingerprintSummary::calls).sum();
        double meanMs = calls == 0 ? Double.NaN : top.stream().mapToDouble(FingerprintSummary::totalMs).sum() / calls;
        String jit = setting(settings, "jit").map(LiveSetting::value).orElse("on").strip().toLowerCase(Locale.ROOT);
        if (meanMs < SHORT_OLTP_MS && (jit.equals("on") || jit.equals("true"))) {
            out.add(new Candidate("jit", "off", String.format(Locale.ROOT, "top queries short OLTP, %.1f ms mean",
                    meanMs)));
        }
        if (hardware.cpus() > 0) {
            int target = Math.clamp(hardware.cpus() / 2, 1, 4);
            double today = number(setting(settings, "max_parallel_workers_per_gather"), 2);
            if (Math.abs(today - target) > 1e-9) {
                out.add(new Candidate("max_parallel_workers_per_gather", Integer.toString(target),
                        hardware.cpus() + " CPUs"));
            }
        }
        return out;
    }

    /**
     * Per query timed under both values: its calls (its share of the instance's logged calls) and its times. A query
     * whose plan did not change runs the same way under both values, so its time is taken as unchanged: the difference
     * between its two runs is noise, and counting it would let noise recommend a setting.
     */
    static List<QueryTiming> timings(List<WhatIfService.PlanChange> changes, long allCalls) {
        List<QueryTiming> out = new ArrayList<>();
        for (WhatIfService.PlanChange c : changes) {
            if (!c.measured()) {
                continue;
            }
            long calls = Math.max(1, Math.round(c.callsShare() * allCalls));
            double before = Math.max(0, c.actualMsA());
            double after = c.changed() ? Math.max(0, c.actualMsB()) : before;
            out.add(new QueryTiming(c.label() + " " + shown(c.query()), calls, before, after));
        }
        return out;
    }

    private static Probed unjudged(String why) {
        return new Probed(PlannerEvidence.NONE, List.of("planner settings not judged: " + why));
    }

    private static Optional<LiveSetting> setting(List<LiveSetting> settings, String name) {
        return settings.stream().filter(s -> s.name().equalsIgnoreCase(name) && s.value() != null).findFirst();
    }

    private static double number(Optional<LiveSetting> s, double otherwise) {
        try {
            return s.map(v -> Double.parseDouble(v.value().strip())).orElse(otherwise);
        } catch (NumberFormatException notANumber) {
            return otherwise;
        }
    }

    /** A memory setting's bytes from its value in the unit the server reports (pg_settings: 8kB pages for this one). */
    static long bytes(Optional<LiveSetting> s, long otherwise) {
        if (s.isEmpty()) {
            return otherwise;
        }
        String unit = s.get().unit() == null ? "" : s.get().unit().strip();
        long factor = switch (unit) {
            case "8kB" -> 8L << 10;
            case "kB" -> 1L << 10;
            case "MB" -> 1L << 20;
            case "GB" -> 1L << 30;
            case "B", "" -> 1;
            default -> -1;
        };
        try {
            double value = Double.parseDouble(s.get().value().strip());
            return factor < 0 ? otherwise : Math.round(value * factor);
        } catch (NumberFormatException spelledWithUnit) {
            return otherwise;
        }
    }

    /** Whole gigabytes from 1GB, else whole megabytes: values a DBA writes. */
    static String size(long bytes) {
        return bytes >= 1L << 30 ? (bytes >> 30) + "GB" : Math.max(1, bytes >> 20) + "MB";
    }

    private static String shown(String query) {
        String flat = query.strip().replaceAll("\\s+", " ");
        return flat.length() <= SHOWN_QUERY_CHARS ? flat : flat.substring(0, SHOWN_QUERY_CHARS - 1) + "…";
    }

    private static String firstSentence(String text) {
        String t = text.strip();
        int end = t.indexOf(". ");
        return end < 0 ? (t.endsWith(".") ? t.substring(0, t.length() - 1) : t) : t.substring(0, end);
    }
}
