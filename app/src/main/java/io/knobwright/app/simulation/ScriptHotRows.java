package io.knobwright.app.simulation;

import io.knobwright.connectors.load.LoadScript;
import io.knobwright.connectors.load.ScriptLocks;
import io.knobwright.simulator.model.HotRows;

import java.util.ArrayList;
import java.util.List;

/** The model's hot sets from the rows a pgbench-style script locks ({@link ScriptLocks}). */
public final class ScriptHotRows {

    /** A :scale no pgbench database has, to tell which sets grow with it. */
    private static final int PROBE_SCALE = 1000;

    private ScriptHotRows() {
    }

    /** The sets at a known :scale (the database's, as pgbench -i made it). */
    public static List<HotRows> of(LoadScript script, int scale) {
        return ScriptLocks.of(script, Math.max(1, scale)).stream().map(ScriptHotRows::hot).toList();
    }

    /**
     * The sets when :scale is not known: only those whose size does not depend on it. A set drawn from
     * {@code random(1, :scale)} taken at scale 1 would be one row, and a scale-100 database would be predicted to
     * serialise on it; left out, its waits are missed instead, which calibration on measured runs can see.
     */
    public static List<HotRows> ofUnknownScale(LoadScript script) {
        List<ScriptLocks.Locked> small = ScriptLocks.of(script, 1);
        List<ScriptLocks.Locked> large = ScriptLocks.of(script, PROBE_SCALE);
        List<HotRows> out = new ArrayList<>();
        for (ScriptLocks.Locked s : small) {
            boolean sameAtLargeScale = large.stream().anyMatch(l -> l.statement().equals(s.statement())
                    && Math.abs(l.rows() - s.rows()) <= 0.2 * s.rows());
            if (sameAtLargeScale) {
                out.add(hot(s));
            }
        }
        return out;
    }

    private static HotRows hot(ScriptLocks.Locked l) {
        return new HotRows(l.statement().replaceAll("\\s+", " ").strip(), l.rows(), l.statementsHeld());
    }
}
