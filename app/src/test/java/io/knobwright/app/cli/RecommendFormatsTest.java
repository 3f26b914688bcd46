package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.recommend.RecommendationService;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.recommend.Confidence;
import io.knobwright.simulator.recommend.PredictedEffect;
import io.knobwright.simulator.recommend.Recommendation;
import io.knobwright.simulator.recommend.RecommendationSet;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A durability trade as the recommender writes one (only with --allow-durability-trade), in each output. */
class RecommendFormatsTest {

    private static final String LOSS = "A crash of the server or the OS can lose the transactions committed in the last"
            + " 3 x wal_writer_delay = 600 ms before it, though clients were told they committed.";

    private final RecommendationService.Outcome outcome = new RecommendationService.Outcome(
            new Instance(7, "orders", Engine.POSTGRESQL, "16", "16.4", null, Map.of(), null, null, null,
                    HardwareFacts.UNKNOWN, false),
            new RecommendationSet("orders", "PostgreSQL 16", "built-in", List.of(new Recommendation("synchronous_commit",
                    "on", "off", Recommendation.Direction.CHANGE, Recommendation.Reason.THROUGHPUT, List.of(),
                    "Commits wait for the WAL flush;\nnot waiting doubles throughput.",
                    new PredictedEffect(new Estimate(0.9, 0.6, 1.2), List.of(), "built-in model"), Confidence.HIGH,
                    ApplyMode.RELOAD, LOSS)), "", null, List.of(), List.of()), List.of());

    @Test
    void jsonCarriesTheDataLossWindowAndTheGainsInterval() throws Exception {
        JsonNode rec = new ObjectMapper().valueToTree(RecommendJson.InstanceJson.of(outcome)).get("recommendations").get(0);

        assertThat(rec.get("dataLossWindow").asText()).isEqualTo(LOSS);
        assertThat(rec.get("predictedEffect").get("gain").get("low").asDouble()).isEqualTo(0.6);
        assertThat(rec.get("predictedEffect").get("gain").get("high").asDouble()).isEqualTo(1.2);
        assertThat(rec.get("restartRequired").asBoolean()).isFalse();
        assertThat(rec.get("confidence").asText()).isEqualTo("high");
    }

    @Test
    void postgresqlConfAndSqlSpellOutTheTradeAsACommentOnOneLine() {
        String conf = printed(RecommendFormats.Format.POSTGRESQL_CONF);
        String sql = printed(RecommendFormats.Format.SQL);

        assertThat(conf.lines().toList()).contains(
                "# Commits wait for the WAL flush; not waiting doubles throughput.",
                "# was on; predicted +90.0% (80%: +60.0% .. +120.0%), confidence high",
                "# DURABILITY TRADE: " + LOSS,
                "synchronous_commit = 'off'");
        assertThat(sql.lines().toList()).contains("-- DURABILITY TRADE: " + LOSS,
                "ALTER SYSTEM SET synchronous_commit = 'off';", "SELECT pg_reload_conf();");
    }

    @Test
    void aQuoteInAValueIsDoubled() {
        assertThat(RecommendFormats.quoted("it's")).isEqualTo("'it''s'");
    }

    private String printed(RecommendFormats.Format format) {
        StringWriter out = new StringWriter();
        RecommendFormats.print(new PrintWriter(out, true), format, outcome);
        return out.toString();
    }
}
