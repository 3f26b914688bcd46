package io.knobwright.simulator.recommend;

import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Scenario;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Recommender.predict prices a change exactly as the recommendation's own effect (decision 0152). */
class RecommenderPredictTest {

    @Test
    void predictingTheRecommendedChangeGivesTheSetsOverallEffect() {
        RecommendationRequest request = Requests.request("orders-1", Requests.machine(16, 64), Requests.readHeavy(32),
                Map.of(), new RecommendationOptions(true, false));
        RecommendationSet set = Requests.RECOMMENDER.recommend(request);
        assertThat(set.recommendations()).as("the example recommends something").isNotEmpty();
        Knobs today = SearchSpace.current(request, new ArrayList<>()).knobs();
        Knobs after = today;
        for (Recommendation r : set.recommendations()) {
            after = after.with(r.parameter(), Knobs.parse(r.parameter(), r.to()));
        }

        PredictedEffect effect = Requests.RECOMMENDER.predict(
                new Scenario("today", request.machine(), request.workload(), today),
                new Scenario("recommended", request.machine(), request.workload(), after));

        assertThat(effect.gain().mean()).isCloseTo(set.overall().gain().mean(), within(1e-9));
        assertThat(effect.gain().low()).isCloseTo(set.overall().gain().low(), within(1e-9));
        assertThat(effect.gain().high()).isCloseTo(set.overall().gain().high(), within(1e-9));
        assertThat(effect.metrics()).extracting(MetricChange::metric).contains("throughputTps");
    }

    @Test
    void noChangePredictsNoGain() {
        RecommendationRequest request = Requests.request("orders-1", Requests.machine(4, 16), Requests.sortHeavy(8),
                Map.of(), RecommendationOptions.CONSERVATIVE);
        Knobs today = SearchSpace.current(request, new ArrayList<>()).knobs();
        Scenario s = new Scenario("today", request.machine(), request.workload(), today);

        PredictedEffect effect = Requests.RECOMMENDER.predict(s, s);

        assertThat(effect.gain().mean()).isZero();
        assertThat(effect.gain().low()).isCloseTo(0, within(1e-12));
        assertThat(effect.gain().high()).isCloseTo(0, within(1e-12));
    }
}
