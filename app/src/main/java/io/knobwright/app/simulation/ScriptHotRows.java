package io.knobwright.app.simulation;

import io.knobwright.connectors.load.LoadScript;
import io.knobwright.connectors.load.ScriptLocks;
import io.knobwright.simulator.model.HotRows;

import java.util.List;

/** The model's hot sets from the rows a pgbench-style script locks ({@link ScriptLocks}), at a given :scale. */
public final class ScriptHotRows {

    private ScriptHotRows() {
    }

    public static List<HotRows> of(LoadScript script, int scale) {
        return ScriptLocks.of(script, Math.max(1, scale)).stream()
                .map(l -> new HotRows(l.statement().replaceAll("\\s+", " ").strip(), l.rows(), l.statementsHeld()))
                .toList();
    }
}
