package io.knobwright.app.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.WorkloadShape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProfiledShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode plan(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void sortAndHashNeedsAreReadFromEveryNodeOfThePlanInBytes() throws Exception {
        JsonNode p = plan("""
                {"Execution Time": 12.5, "Plan": {"Node Type": "Aggregate", "Shared Hit Blocks": 90, "Shared Read Blocks": 10,
                 "Plans": [{"Node Type": "Sort", "Sort Space Used": 2048, "Plans": [
                   {"Node Type": "Hash Join", "Plans": [{"Node Type": "Seq Scan"},
                     {"Node Type": "Hash", "Peak Memory Usage": 512}]}]},
                   {"Node Type": "Aggregate", "Strategy": "Hashed", "Peak Memory Usage": 1024}]}}""");

        ProfiledShapes.StatementProfile s = ProfiledShapes.fromPlans("q", List.of(p));

        assertThat(s.sortBytes()).isEqualTo(2048 * 1024.0);
        assertThat(s.hashBytes()).isEqualTo((512 + 1024) * 1024.0);
        assertThat(s.pagesRead()).isEqualTo(100);
        assertThat(s.executionMs()).isEqualTo(12.5);
    }

    @Test
    void walRecordsComeFromTheExecutionsThatWroteNoFullPageImage() throws Exception {
        JsonNode withImage = plan("{\"Execution Time\": 1, \"Plan\": {\"WAL Bytes\": 7000, \"WAL FPI\": 1}}");
        JsonNode clean = plan("{\"Execution Time\": 1, \"Plan\": {\"WAL Bytes\": 120, \"WAL FPI\": 0}}");

        ProfiledShapes.StatementProfile s = ProfiledShapes.fromPlans("update", List.of(withImage, clean));

        assertThat(s.walBytes()).isEqualTo(120);
        assertThat(s.walFpi()).isEqualTo(0.5);
        assertThat(ProfiledShapes.fromPlans("update", List.of(withImage)).walBytes())
                .as("no clean execution: a whole page per image comes off, never below zero").isZero();
    }

    @Test
    void theShapeHasOneClassPerStatementAndTheSkewIsFittedToTheMeasuredHitRatio() {
        ProfiledShapes.StatementProfile lookup = new ProfiledShapes.StatementProfile("lookup", 0.05, 4, 0, 0, 0, 0, 0);
        ProfiledShapes.StatementProfile sort = new ProfiledShapes.StatementProfile("sort", 100, 1000, 8e6, 0, 0, 0, 0);
        WorkloadShape shape = ProfiledShapes.shape("mix", List.of(lookup, sort), 0.5, 1e9, 0, 4, 0);

        assertThat(shape.classes()).extracting(QueryClass::name).containsExactly("lookup", "sort");
        assertThat(shape.classes()).extracting(QueryClass::callsPerTx).containsOnly(0.5);
        assertThat(shape.classes()).extracting(QueryClass::planSensitive).containsExactly(false, true);

        // a hit ratio that grows with skew as 1 - 0.5 e^-skew: 0.8 is reached at skew ln(2.5)
        WorkloadShape fitted = ProfiledShapes.fitSkew(shape, a -> 1 - 0.5 * Math.exp(-a), 0.8);
        assertThat(fitted.accessSkew()).isCloseTo(Math.log(2.5), within(1e-6));
        assertThat(ProfiledShapes.fitSkew(shape, a -> 1 - 0.5 * Math.exp(-a), 0.4).accessSkew())
                .as("below the uniform prediction").isZero();
        assertThat(ProfiledShapes.fitSkew(shape, a -> 0.9995, 0.9995).accessSkew())
                .as("a hit ratio no skew changes (the data fit in shared_buffers)").isEqualTo(WorkloadShape.TYPICAL_SKEW);
    }
}
