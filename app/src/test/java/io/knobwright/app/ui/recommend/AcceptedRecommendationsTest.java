package io.knobwright.app.ui.recommend;

import io.knobwright.app.recommend.AcceptedRecommendations;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.simulator.recommend.Recommendation;
import io.knobwright.simulator.recommend.RecommendationOptions;
import io.knobwright.simulator.recommend.RecommendationSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The partner rule of decision 0151 on the hand-made pg-orders answer. */
class AcceptedRecommendationsTest {

    private final RecommendationSet orders = RecommendationSamples.orders(RecommendationOptions.CONSERVATIVE);

    private static List<String> parameters(List<Recommendation> changes) {
        return changes.stream().map(Recommendation::parameter).toList();
    }

    @Test
    void aMemoryIncreaseTakesTheChangeThatMakesRoomForIt() {
        AcceptedRecommendations.Selection s = AcceptedRecommendations.of(orders, Set.of("shared_buffers"));

        assertThat(parameters(s.changes())).containsExactly("shared_buffers", "work_mem");
        assertThat(parameters(s.added())).containsExactly("work_mem");
    }

    @Test
    void aChangeThatTakesNoMemoryGoesAloneAndSoDoesAPartnerAcceptedAlone() {
        assertThat(parameters(AcceptedRecommendations.of(orders, Set.of("max_wal_size")).changes()))
                .containsExactly("max_wal_size");
        assertThat(parameters(AcceptedRecommendations.of(orders, Set.of("work_mem")).changes()))
                .containsExactly("work_mem");
    }

    @Test
    void aLatencyPartnerGoesWithAnyChangeOfItsOwnGain() {
        Recommendation keeps = new Recommendation("checkpoint_completion_target", "0.5", "0.9",
                Recommendation.Direction.INCREASE, Recommendation.Reason.KEEPS_LATENCY, List.of(),
                "Spreads checkpoint writes so the p95 latency stays within the guard.",
                RecommendationSamples.maxWalSize().effect(), io.knobwright.simulator.recommend.Confidence.LOW,
                ApplyMode.RELOAD, "");
        List<Recommendation> changes = new ArrayList<>(orders.recommendations());
        changes.add(keeps);
        RecommendationSet set = new RecommendationSet("pg-orders", "PostgreSQL 16", "built-in", changes, "",
                orders.overall(), List.of(), List.of());

        assertThat(parameters(AcceptedRecommendations.of(set, Set.of("max_wal_size")).changes()))
                .containsExactly("max_wal_size", "checkpoint_completion_target");
    }

    @Test
    void thePlansChangesAreFromAndToAsRecommendedWithTheReasoningAsTheirNote() {
        var planned = AcceptedRecommendations.plannedChanges(orders, List.of(RecommendationSamples.sharedBuffers()));

        assertThat(planned).singleElement().satisfies(c -> {
            assertThat(c.from()).isEqualTo("128MB");
            assertThat(c.to()).isEqualTo("4GB");
            assertThat(c.restartNeeded()).isTrue();
            assertThat(c.provenance()).isEqualTo("recommendations (built-in model, throughput, high confidence)");
            assertThat(c.note()).startsWith("91% of the pages");
        });
    }

    @Test
    void aParameterTheAnswerDoesNotRecommendIsRefused() {
        assertThatThrownBy(() -> AcceptedRecommendations.of(orders, Set.of("fsync")))
                .hasMessage("fsync is not recommended for pg-orders");
    }
}
