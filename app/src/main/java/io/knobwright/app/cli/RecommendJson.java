package io.knobwright.app.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.knobwright.app.recommend.RecommendationService;
import io.knobwright.simulator.recommend.Considered;
import io.knobwright.simulator.recommend.Evidence;
import io.knobwright.simulator.recommend.MetricChange;
import io.knobwright.simulator.recommend.PredictedEffect;
import io.knobwright.simulator.recommend.Recommendation;
import io.knobwright.simulator.recommend.RecommendationSet;
import io.knobwright.simulator.recommend.WindowConflict;

import java.util.List;
import java.util.Locale;

/**
 * The JSON of `recommend`: one object per instance, each recommendation's record one to one (decision 0149), enums
 * lower-case, estimates as {mean, low, high} of the 80% interval. Scripts read these names; they do not change.
 */
final class RecommendJson {

    private RecommendJson() {
    }

    /**
     * @param error  why the instance has no answer (nothing measured, RAM unknown); null when it has one
     * @param engine "PostgreSQL 16"; null with an error
     */
    @JsonPropertyOrder({"instance", "engine", "model", "noChange", "noChangeReason", "recommendations", "overall",
            "considered", "warnings", "notes", "error", "conflicts"})
    record InstanceJson(String instance, String engine, String model, Boolean noChange, String noChangeReason,
                        List<RecommendationJson> recommendations, EffectJson overall, List<ConsideredJson> considered,
                        List<String> warnings, List<String> notes, String error, List<ConflictJson> conflicts) {

        static InstanceJson of(RecommendationService.Outcome outcome) {
            RecommendationSet set = outcome.set();
            return new InstanceJson(set.instance(), set.engineVersion(), set.model(), set.noChange(),
                    set.noChange() ? set.noChangeReason() : null,
                    set.recommendations().stream().map(RecommendationJson::of).toList(), EffectJson.of(set.overall()),
                    set.considered().stream().map(ConsideredJson::of).toList(), set.warnings(), outcome.notes(), null,
                    set.conflicts().stream().map(ConflictJson::of).toList());
        }

        static InstanceJson failed(String instance, String error) {
            return new InstanceJson(instance, null, null, null, null, List.of(), null, List.of(), List.of(), List.of(),
                    error, List.of());
        }
    }

    @JsonPropertyOrder({"parameter", "from", "to", "direction", "reason", "evidence", "reasoning", "predictedEffect",
            "confidence", "restartRequired", "applyMode", "dataLossWindow"})
    record RecommendationJson(String parameter, String from, String to, String direction, String reason,
                              List<EvidenceJson> evidence, String reasoning, EffectJson predictedEffect,
                              String confidence, boolean restartRequired, String applyMode, String dataLossWindow) {
        static RecommendationJson of(Recommendation r) {
            return new RecommendationJson(r.parameter(), r.from(), r.to(), lower(r.direction()), lower(r.reason()),
                    r.evidence().stream().map(EvidenceJson::of).toList(), r.reasoning(), EffectJson.of(r.effect()),
                    lower(r.confidence()), r.restartRequired(), lower(r.applyMode()),
                    r.dataLossWindow().isBlank() ? null : r.dataLossWindow());
        }
    }

    @JsonPropertyOrder({"kind", "name", "value", "detail"})
    record EvidenceJson(String kind, String name, String value, String detail) {
        static EvidenceJson of(Evidence e) {
            return new EvidenceJson(lower(e.kind()), e.name(), e.value(), e.detail());
        }
    }

    /** gain: relative throughput change (0.12 = +12%) with the 80% interval's low and high. */
    @JsonPropertyOrder({"gain", "metrics", "basis"})
    record EffectJson(SimulationCli.EstimateJson gain, List<MetricJson> metrics, String basis) {
        static EffectJson of(PredictedEffect e) {
            return e == null ? null : new EffectJson(SimulationCli.EstimateJson.of(e.gain()),
                    e.metrics().stream().map(MetricJson::of).toList(), e.basis());
        }
    }

    @JsonPropertyOrder({"metric", "unit", "before", "after"})
    record MetricJson(String metric, String unit, SimulationCli.EstimateJson before, SimulationCli.EstimateJson after) {
        static MetricJson of(MetricChange m) {
            return new MetricJson(m.metric(), m.unit(), SimulationCli.EstimateJson.of(m.before()),
                    SimulationCli.EstimateJson.of(m.after()));
        }
    }

    @JsonPropertyOrder({"parameter", "from", "to", "why"})
    record ConsideredJson(String parameter, String from, String to, String why) {
        static ConsideredJson of(Considered c) {
            return new ConsideredJson(c.parameter(), c.from(), c.to(), c.why());
        }
    }

    /**
     * A setting the day's time windows want at different values and its resolution (decision 0154): resolution is
     * compromise, per_role, per_database, time_windows or unresolved; value is the one value in force (compromise) or
     * the value for sessions no role or database setting covers; statements are what to run.
     */
    @JsonPropertyOrder({"parameter", "applyMode", "resolution", "value", "windows", "statements", "explanation",
            "notChosen"})
    record ConflictJson(String parameter, String applyMode, String resolution, String value,
                        List<WindowValueJson> windows, List<String> statements, String explanation,
                        List<String> notChosen) {
        static ConflictJson of(WindowConflict c) {
            return new ConflictJson(c.parameter(), lower(c.applyMode()), lower(c.resolution()),
                    c.value().isBlank() ? null : c.value(), c.values().stream().map(WindowValueJson::of).toList(),
                    c.statements(), c.explanation(), c.notChosen());
        }
    }

    /** scoreRatio: the window's predicted score with the resolved value over its own best's (1 = no loss). */
    @JsonPropertyOrder({"window", "workload", "share", "wanted", "resolved", "scoreRatio"})
    record WindowValueJson(String window, String workload, double share, String wanted, String resolved,
                           Double scoreRatio) {
        static WindowValueJson of(WindowConflict.WindowValue v) {
            return new WindowValueJson(v.window(), v.describe(), v.weight(), v.wanted(), v.resolved(),
                    Double.isFinite(v.scoreRatio()) ? v.scoreRatio() : null);
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
