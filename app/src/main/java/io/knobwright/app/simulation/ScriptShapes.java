package io.knobwright.app.simulation;

import io.knobwright.connectors.load.LoadScript;
import io.knobwright.simulator.model.HotRows;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.SimulationException;
import io.knobwright.simulator.model.WorkloadShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A coarse workload shape from a pgbench-style script: one query class per statement, priced by its kind (a point
 * lookup, a scan with a sort, a write), since nothing has run it yet. Calibration on measured runs of the same
 * script (same workload key) corrects it; until then the explanation says it is a guess from the text.
 */
final class ScriptShapes {

    private ScriptShapes() {
    }

    static MeasuredShapes.Built of(String fileName, String text, int clients, double dataBytes) {
        List<QueryClass> classes = new ArrayList<>();
        boolean writes = false;
        for (String statement : statements(text)) {
            String s = statement.toLowerCase(Locale.ROOT);
            if (s.matches("(begin|start transaction|end|commit|rollback)\\b.*")) {
                continue;
            }
            boolean write = MeasuredShapes.isWrite(s);
            writes |= write;
            boolean sorts = s.contains("order by") || s.contains("group by") || s.contains("distinct");
            boolean joins = s.contains(" join ");
            boolean pointLookup = s.contains("where") && !sorts && !joins;
            double pages = pointLookup ? 4 : sorts || joins ? 2_000 : 200;
            double cpuMs = pointLookup ? 0.05 : sorts || joins ? 20 : 2;
            double sortBytes = sorts ? pages * 8192 * 0.5 : 0;
            double hashBytes = joins ? pages * 8192 * 0.25 : 0;
            classes.add(new QueryClass(shorten(statement), 1, cpuMs, pages, sortBytes, hashBytes, write ? 2 : 0,
                    write ? 150 : 0, sorts || joins));
        }
        if (classes.isEmpty()) {
            throw new SimulationException("The script " + fileName + " has no SQL statement to simulate: give a"
                    + " pgbench-style script with one statement per line (\\set lines are read as variables).");
        }
        int n = clients > 0 ? clients : 1;
        List<HotRows> hot = hotRows(fileName, text);
        WorkloadShape shape = new WorkloadShape("script " + fileName, classes, dataBytes, WorkloadShape.TYPICAL_SKEW, n,
                0, writes ? 1 : 0, false, hot);
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT,
                "script %s: %d statements per transaction, %d clients at full speed; costs guessed from each statement's"
                        + " kind (coarse until measured runs of this script calibrate it)", fileName, classes.size(), n));
        for (HotRows h : hot) {
            notes.add(String.format(Locale.ROOT, "locks one of %.0f rows in effect until it commits: %s", h.rows(),
                    h.name()));
        }
        return new MeasuredShapes.Built(shape, notes);
    }

    /** The rows the script locks until it commits; none when the load driver could not run it as written. */
    private static List<HotRows> hotRows(String fileName, String text) {
        try {
            // the instance's pgbench scale is not known here: sets that grow with :scale are left out
            return ScriptHotRows.ofUnknownScale(LoadScript.parse(fileName, text));
        } catch (RuntimeException notRunnable) {
            return List.of();
        }
    }

    /** SQL statements of a pgbench script: meta-commands (\set, \sleep) and comments dropped, split at ';'. */
    static List<String> statements(String text) {
        StringBuilder sql = new StringBuilder();
        boolean noSemicolons = !text.contains(";");
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("\\") || l.startsWith("--")) {
                continue;
            }
            // old pgbench scripts had one statement per line and no semicolons
            sql.append(l).append(l.endsWith(";") ? "\n" : noSemicolons ? ";" : " ");
        }
        List<String> out = new ArrayList<>();
        for (String part : sql.toString().split(";")) {
            String s = part.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String shorten(String query) {
        String oneLine = query.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
