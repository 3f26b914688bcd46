package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.recommend.RecommendationService;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.simulator.recommend.RecommendationSet;
import io.knobwright.simulator.recommend.WindowConflict;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A per-role resolution of a day/night conflict (decision 0154) in `recommend`'s JSON, text and files. */
class RecommendConflictsOutputTest {

    private static final WindowConflict PER_ROLE = new WindowConflict("work_mem", ApplyMode.ONLINE, List.of(
            new WindowConflict.WindowValue("01-07", "01-07: 4 clients", 0.25, "64MB", "64MB", 1),
            new WindowConflict.WindowValue("07-01", "07-01: 100 clients", 0.75, "4MB", "4MB", 1)),
            WindowConflict.Resolution.PER_ROLE, "4MB", List.of("ALTER ROLE \"batch\" SET work_mem = '64MB';"),
            "The windows' work comes from different roles.", List.of("compromise: no single value fits."));

    private static RecommendationService.Outcome outcome(List<WindowConflict> conflicts) {
        return new RecommendationService.Outcome(new Instance(7, "orders", Engine.POSTGRESQL, "16", "16.4", null,
                Map.of(), null, null, null, HardwareFacts.UNKNOWN, false),
                new RecommendationSet("orders", "PostgreSQL 16", "built-in", List.of(), "Nothing limits it.", null,
                        List.of(), List.of(), conflicts), List.of());
    }

    @Test
    void jsonKeepsEveryEarlierFieldAndAddsTheConflictsWithTheirRuleAndStatements() {
        ObjectMapper json = new ObjectMapper();
        JsonNode without = json.valueToTree(RecommendJson.InstanceJson.of(outcome(List.of())));
        JsonNode with = json.valueToTree(RecommendJson.InstanceJson.of(outcome(List.of(PER_ROLE))));

        List<String> fields = new ArrayList<>();
        with.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("instance", "engine", "model", "noChange", "noChangeReason",
                "recommendations", "overall", "considered", "warnings", "notes", "error", "conflicts");
        assertThat(without.get("conflicts").isEmpty()).isTrue();
        JsonNode conflict = with.get("conflicts").get(0);
        assertThat(conflict.get("resolution").asText()).isEqualTo("per_role");
        assertThat(conflict.get("applyMode").asText()).isEqualTo("online");
        assertThat(conflict.get("statements").get(0).asText())
                .isEqualTo("ALTER ROLE \"batch\" SET work_mem = '64MB';");
        assertThat(conflict.get("windows").get(0).get("wanted").asText()).isEqualTo("64MB");
        assertThat(conflict.get("notChosen").get(0).asText()).startsWith("compromise:");
    }

    @Test
    void textShowsEachWindowsWishAndWhatToRunAndFilesOnlyCommentIt() {
        StringWriter text = new StringWriter();
        RecommendFormats.printText(new PrintWriter(text, true), outcome(List.of(PER_ROLE)));
        StringWriter sql = new StringWriter();
        RecommendFormats.print(new PrintWriter(sql, true), RecommendFormats.Format.SQL, outcome(List.of(PER_ROLE)));

        assertThat(text.toString().lines().toList()).contains(
                "  work_mem (per role): 01-07 wants 64MB, 07-01 wants 4MB",
                "    run: ALTER ROLE \"batch\" SET work_mem = '64MB';",
                "    not compromise: no single value fits.");
        assertThat(sql.toString().lines().filter(l -> l.contains("ALTER ROLE")).toList())
                .containsExactly("--   ALTER ROLE \"batch\" SET work_mem = '64MB';");
    }
}
