package io.knobwright.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.knobwright.connectors.load.LoadScript;
import io.knobwright.simulator.model.HotRows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScriptHotRowsTest {

    private static final LoadScript COUNTERS = LoadScript.parse("counters.sql", """
            \\set c random(1, 8)
            \\set bid random(1, :scale)
            BEGIN;
            UPDATE counters SET n = n + 1 WHERE id = :c;
            UPDATE pgbench_branches SET bbalance = bbalance + 1 WHERE bid = :bid;
            END;
            """);

    @Test
    void atAKnownScaleEveryLockedSetCounts() {
        List<HotRows> hot = ScriptHotRows.of(COUNTERS, 20);
        assertThat(hot).hasSize(2);
        assertThat(hot).filteredOn(h -> h.name().contains("pgbench_branches")).singleElement()
                .satisfies(h -> assertThat(h.rows()).isCloseTo(20, within(1.5)));
    }

    @Test
    void withoutTheScaleOnlySetsThatDoNotGrowWithItAreKept() {
        // a branch among :scale rows would be one row at scale 1: a guess that serialises a large database
        assertThat(ScriptHotRows.ofUnknownScale(COUNTERS)).singleElement().satisfies(h -> {
            assertThat(h.name()).contains("counters");
            assertThat(h.rows()).isCloseTo(8, within(0.6));
            assertThat(h.statementsHeld()).isEqualTo(3);
        });
        assertThat(ScriptHotRows.ofUnknownScale(LoadScript.tpcbLike())).isEmpty();
    }

    @Test
    void aWhatIfFromAScriptCarriesItsHotRowsAndSaysSo() {
        MeasuredShapes.Built built = ScriptShapes.of("counters.sql", """
                \\set c random(1, 8)
                BEGIN;
                UPDATE counters SET n = n + 1 WHERE id = :c;
                END;
                """, 16, 1e9);
        assertThat(built.shape().hotRows()).singleElement().satisfies(h -> assertThat(h.rows()).isCloseTo(8, within(0.6)));
        assertThat(built.notes()).anyMatch(n -> n.startsWith("locks one of 8 rows in effect until it commits"));
    }
}
