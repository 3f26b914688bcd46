package io.knobwright.model.simulation;

import io.knobwright.model.policy.RiskLevel;
import io.knobwright.model.policy.RiskReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an attached prediction adds to a plan's risk. */
class PredictedRiskTest {

    private static final Instant T = Instant.parse("2026-12-06T09:00:00Z");

    private static PlanSimulation.Scenario scenario(String name, double tps, double p95, String... warnings) {
        return new PlanSimulation.Scenario(name, new PredictedRange(tps, tps * 0.9, tps * 1.1),
                new PredictedRange(p95, p95 * 0.9, p95 * 1.1), List.of(warnings), "");
    }

    private static List<RiskReason> reasons(PlanSimulation.Scenario... scenarios) {
        return PredictedRisk.reasons(new PlanSimulation(0, 1, T, "lin", "built-in", "", List.of(scenarios)));
    }

    @Test
    void aLossTheModelCanTellFromNoiseIsAReasonAndALargeOneIsHigh() {
        List<RiskReason> small = reasons(scenario("current", 1000, 10), scenario("plan", 780, 10));
        assertThat(small).extracting(RiskReason::level).containsExactly(RiskLevel.MEDIUM);
        assertThat(small.getFirst().text()).contains("throughput falls 22%").contains("1,000 tps [900–1,100] now")
                .contains("780 tps").contains("model built-in");

        List<RiskReason> large = reasons(scenario("current", 1000, 10), scenario("plan", 600, 20));
        assertThat(large).extracting(RiskReason::level).containsExactly(RiskLevel.HIGH, RiskLevel.HIGH);
        assertThat(large.get(1).text()).contains("p95 latency rises 100%").contains("10.0 ms [9.0–11.0]");
    }

    @Test
    void aLatencyRiseBelowAQuarterIsMedium() {
        List<RiskReason> r = reasons(scenario("current", 1000, 10), scenario("plan", 1000, 12.3));
        assertThat(r).extracting(RiskReason::level).containsExactly(RiskLevel.MEDIUM, RiskLevel.LOW);
        assertThat(r.get(1).text()).contains("within the model's 80% intervals").contains("+0%");
    }

    @Test
    void warningsOfThePlannedScenarioAreHighWhateverTheNumbers() {
        List<RiskReason> r = reasons(scenario("current", 1000, 10, "ignored: today's"),
                scenario("plan", 1300, 9, "8% chance of running out of memory"));
        assertThat(r).extracting(RiskReason::level).containsExactly(RiskLevel.HIGH, RiskLevel.LOW);
        assertThat(r.getFirst().text()).isEqualTo("predicted for plan: 8% chance of running out of memory (model built-in)");
        assertThat(r.get(1).text()).contains("throughput rises 30%");
    }

    @Test
    void anEffectInsideTheUncertaintyIsSaidAtLowLevel() {
        List<RiskReason> r = reasons(scenario("current", 1000, 10), scenario("plan", 1050, 10));
        assertThat(r).singleElement().satisfies(reason -> {
            assertThat(reason.level()).isEqualTo(RiskLevel.LOW);
            assertThat(reason.text()).contains("+5%").contains("within");
        });
    }

    @Test
    void aSingleScenarioIsReportedAsIs() {
        assertThat(reasons(scenario("plan", 500, 10))).singleElement()
                .satisfies(reason -> assertThat(reason.text()).startsWith("predicted 500 tps [450–550]"));
    }

    @Test
    void invalidSimulationsCannotExist() {
        assertThatThrownBy(() -> new PredictedRange(5, 6, 7)).hasMessageContaining("holds its mean");
        assertThatThrownBy(() -> new PredictedRange(Double.NaN, 1, 2)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new PlanSimulation(0, 1, T, "", "m", "", List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new PlanSimulation(0, 1, T, "", " ", "", List.of(scenario("a", 1, 1))))
                .hasMessageContaining("names the model");
        assertThatThrownBy(() -> new PlanSimulation(0, 1, T, "", "m", "", List.of(scenario("a", 1, 1), scenario("a", 2, 1))))
                .hasMessageContaining("different names");
        assertThatThrownBy(() -> scenario(" ", 1, 1)).hasMessageContaining("has a name");
        PlanSimulation s = new PlanSimulation(0, 1, T, null, "m", null, List.of(scenario("a", 1, 1), scenario("b", 2, 1)));
        assertThat(s.attachedBy()).isEmpty();
        assertThat(s.scenario("b")).map(PlanSimulation.Scenario::name).contains("b");
        assertThat(s.scenario("c")).isEmpty();
        assertThat(new PredictedRange(5, 5, 5).changeFrom(new PredictedRange(0, 0, 0))).isZero();
    }
}
