package io.knobwright.app.recommend;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.simulator.recommend.Recommendation;
import io.knobwright.simulator.recommend.RecommendationSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The recommendations a DBA accepted, with the partners they cannot go without, as a plan's changes (decision 0151).
 *
 * <p>The recommender guarantees the memory budget, the out-of-memory limit and the latency guard for the whole set
 * (decision 0149). A change kept for one of those reasons ({@code MAKES_ROOM}, {@code MEMORY_SAFETY},
 * {@code KEEPS_LATENCY}) exists for the others: accepting a throughput change without it could exceed the budget.
 * The set does not say which change needs which, so the rule goes by what can need it: a memory partner
 * ({@code MAKES_ROOM}, {@code MEMORY_SAFETY}) goes with every accepted change that does not lower a setting of the
 * memory budget's formula; a latency partner ({@code KEEPS_LATENCY}) goes with every accepted change of its own gain.
 * Accepted alone, a supporting change is harmless (it only frees memory or protects latency) and stays alone.
 */
public final class AcceptedRecommendations {

    /** The reasons that make a change a partner of the others rather than a gain of its own. */
    public static final Set<Recommendation.Reason> SUPPORTING = EnumSet.of(Recommendation.Reason.MAKES_ROOM,
            Recommendation.Reason.MEMORY_SAFETY, Recommendation.Reason.KEEPS_LATENCY);

    /** The settings of decision 0149's memory budget: raising one takes memory a partner may have freed. */
    public static final Set<String> MEMORY_SETTINGS = Set.of("shared_buffers", "work_mem", "hash_mem_multiplier",
            "max_parallel_workers_per_gather", "maintenance_work_mem", "autovacuum_work_mem", "autovacuum_max_workers",
            "wal_buffers", "max_connections",
            // MySQL/MariaDB's budget (0153), SQL Server's and Oracle's memory targets
            "innodb_buffer_pool_size", "sort_buffer_size", "join_buffer_size", "read_buffer_size",
            "read_rnd_buffer_size", "tmp_table_size", "max_heap_table_size", "key_buffer_size", "innodb_log_buffer_size",
            "aria_pagecache_buffer_size", "query_cache_size", "max server memory (mb)", "sga_target", "pga_aggregate_target",
            "sga_max_size", "memory_target", "processes");

    /** Where the plan's changes came from, as a plan's template column shows it. */
    public static final String SOURCE = "recommendations";

    /**
     * @param changes the accepted ones and their partners, in the set's order
     * @param added   the partners the rule added to what was accepted
     */
    public record Selection(List<Recommendation> changes, List<Recommendation> added) {
        public Selection {
            changes = List.copyOf(changes);
            added = List.copyOf(added);
        }
    }

    private AcceptedRecommendations() {
    }

    public static boolean supporting(Recommendation r) {
        return SUPPORTING.contains(r.reason());
    }

    /**
     * The accepted parameters plus the supporting changes they need ({@link #needs}).
     *
     * @throws IllegalArgumentException when a parameter is not one of the set's recommendations
     */
    public static Selection of(RecommendationSet set, Collection<String> acceptedParameters) {
        Objects.requireNonNull(set, "set");
        for (String p : acceptedParameters) {
            if (set.recommendations().stream().noneMatch(r -> r.parameter().equals(p))) {
                throw new IllegalArgumentException(p + " is not recommended for " + set.instance());
            }
        }
        List<Recommendation> accepted = set.recommendations().stream()
                .filter(r -> acceptedParameters.contains(r.parameter())).toList();
        List<Recommendation> changes = new ArrayList<>();
        List<Recommendation> added = new ArrayList<>();
        for (Recommendation r : set.recommendations()) {
            if (acceptedParameters.contains(r.parameter())) {
                changes.add(r);
            } else if (accepted.stream().anyMatch(a -> needs(a, r))) {
                changes.add(r);
                added.add(r);
            }
        }
        return new Selection(changes, added);
    }

    /** Whether {@code accepted} cannot go without {@code partner} (the rule above). */
    public static boolean needs(Recommendation accepted, Recommendation partner) {
        if (supporting(accepted) || accepted.parameter().equals(partner.parameter())) {
            return false;
        }
        return switch (partner.reason()) {
            case KEEPS_LATENCY -> true;
            case MAKES_ROOM, MEMORY_SAFETY -> MEMORY_SETTINGS.contains(accepted.parameter().toLowerCase(java.util.Locale.ROOT))
                    && accepted.direction() != Recommendation.Direction.DECREASE;
            case THROUGHPUT, PLANNER, SIZED_TO_MEASURED, VENDOR_GUIDANCE -> false;
        };
    }

    /** A supporting change's role, in words: why it goes with the others. */
    public static String role(Recommendation r) {
        return switch (r.reason()) {
            case MAKES_ROOM -> "it frees the memory the other changes need to stay within the memory budget";
            case MEMORY_SAFETY -> "it keeps the memory within the budget and the out-of-memory risk under its limit";
            case KEEPS_LATENCY -> "without it the other changes would raise the p95 latency beyond the guard";
            case THROUGHPUT, PLANNER -> "it brings its own predicted gain";
            case SIZED_TO_MEASURED -> "it is sized to a measured need";
            case VENDOR_GUIDANCE -> "it follows the vendor's guidance for the instance's facts";
        };
    }

    /** The plan's changes: from and to as the server spells them, with the recommendation's reasoning as provenance. */
    public static List<PlannedChange> plannedChanges(RecommendationSet set, List<Recommendation> chosen) {
        return chosen.stream().map(r -> new PlannedChange(r.parameter(), r.from(), r.to(), null,
                r.applyMode() == null ? ApplyMode.RESTART : r.applyMode(),
                SOURCE + " (" + set.model() + " model, " + r.reason().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + ", " + r.confidence().name().toLowerCase(java.util.Locale.ROOT)
                        + " confidence)", shortened(r.reasoning()))).toList();
    }

    /** A plan's note holds 2,000 characters; one or two sentences fit, a longer reasoning is cut with an ellipsis. */
    private static String shortened(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
