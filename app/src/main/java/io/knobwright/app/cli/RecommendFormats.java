package io.knobwright.app.cli;

import io.knobwright.app.recommend.RecommendationService;
import io.knobwright.model.UserError;
import io.knobwright.model.engine.Engine;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.recommend.Considered;
import io.knobwright.simulator.recommend.Recommendation;
import io.knobwright.simulator.recommend.RecommendationSet;
import io.knobwright.simulator.recommend.WindowConflict;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * `recommend`'s outputs other than JSON: a reading for a person, and the files a DBA pastes (postgresql.conf lines,
 * ALTER SYSTEM statements, my.cnf lines), each change preceded by its reasoning as comments.
 */
final class RecommendFormats {

    /** The --format names, as the issue writes them. */
    enum Format {
        POSTGRESQL_CONF("postgresql.conf"), MY_CNF("my.cnf"), SQL("sql");

        final String label;

        Format(String label) {
            this.label = label;
        }

        static Format parse(String text) {
            for (Format f : values()) {
                if (f.label.equalsIgnoreCase(text.strip())) {
                    return f;
                }
            }
            throw UserError.input("Unknown --format \"" + text + "\": choose postgresql.conf, my.cnf or sql.");
        }
    }

    private RecommendFormats() {
    }

    /** Refuses a file format the instance's server does not read, before anything is searched. */
    static void checkEngine(Format format, String instance, Engine engine) {
        boolean mysql = engine == Engine.MYSQL || engine == Engine.MARIADB;
        if (format == Format.POSTGRESQL_CONF && engine != Engine.POSTGRESQL) {
            throw UserError.input("--format postgresql.conf is PostgreSQL's file, and " + instance + " runs "
                    + engine.displayName() + ": use " + (mysql ? "--format my.cnf, " : "") + "--format sql or --json.");
        }
        if (format == Format.MY_CNF && !mysql) {
            throw UserError.input("--format my.cnf is MySQL's and MariaDB's file, and " + instance + " runs "
                    + engine.displayName() + ": use " + (engine == Engine.POSTGRESQL ? "--format postgresql.conf, " : "")
                    + "--format sql or --json.");
        }
    }

    static void print(PrintWriter out, Format format, RecommendationService.Outcome outcome) {
        RecommendationSet set = outcome.set();
        String comment = format == Format.SQL ? "-- " : "# ";
        out.println(comment + "Knobwright recommendations for " + Table.cell(set.instance()) + " (" + set.engineVersion()
                + ")");
        if (format == Format.MY_CNF) {
            out.println("[mysqld]");
        }
        if (set.noChange()) {
            out.println(comment + "No change recommended: " + oneLine(set.noChangeReason()));
            conflicts(out, comment, set);
            return;
        }
        if (format == Format.SQL && outcome.instance().engine() != Engine.POSTGRESQL) {
            throw UserError.input("SQL statements for " + outcome.instance().engine().displayName()
                    + " are not written yet: use --json.");
        }
        boolean restart = false;
        for (Recommendation r : set.recommendations()) {
            out.println();
            out.println(comment + oneLine(r.reasoning()));
            out.println(comment + "was " + r.from() + "; " + (priced(r) ? "predicted " + gain(r.effect().gain())
                    : "not predicted (" + lower(r.reason()).replace('_', ' ') + ")") + ", confidence "
                    + lower(r.confidence()) + (r.restartRequired() ? "; takes effect after a restart" : ""));
            if (!r.dataLossWindow().isBlank()) {
                out.println(comment + "DURABILITY TRADE: " + oneLine(r.dataLossWindow()));
            }
            out.println(switch (format) {
                case POSTGRESQL_CONF -> r.parameter() + " = " + quoted(r.to());
                case MY_CNF -> r.parameter() + " = " + r.to();
                case SQL -> "ALTER SYSTEM SET " + r.parameter() + " = " + quoted(r.to()) + ";";
            });
            restart |= r.restartRequired();
        }
        out.println();
        if (format == Format.SQL) {
            out.println("SELECT pg_reload_conf();");
        }
        if (restart) {
            out.println(comment + "Some changes take effect only after the server restarts.");
        }
        conflicts(out, comment, set);
    }

    /** Per-role settings and scheduled switches are not lines of these files: shown for review, never run. */
    private static void conflicts(PrintWriter out, String comment, RecommendationSet set) {
        for (WindowConflict c : set.conflicts()) {
            out.println(comment + "Time windows: " + c.parameter() + " " + lower(c.resolution()).replace('_', ' ')
                    + ": " + oneLine(c.explanation()));
            c.statements().forEach(st -> out.println(comment + "  " + st));
        }
    }

    /** For a person: each change, its reasoning and effect, then what was weighed and set aside. */
    static void printText(PrintWriter out, RecommendationService.Outcome outcome) {
        RecommendationSet set = outcome.set();
        out.println(Table.cell(set.instance()) + " · " + set.engineVersion() + " · model: " + set.model());
        if (set.noChange()) {
            out.println("No change recommended: " + set.noChangeReason());
        } else {
            Table table = new Table("PARAMETER", "FROM", "TO", "PREDICTED (80%)", "CONFIDENCE", "RESTART");
            for (Recommendation r : set.recommendations()) {
                table.row(r.parameter(), r.from(), r.to(), priced(r) ? gain(r.effect().gain()) : "not predicted",
                        lower(r.confidence()),
                        r.restartRequired() ? "yes" : "no");
            }
            table.print(out);
            for (Recommendation r : set.recommendations()) {
                out.println();
                out.println(r.parameter() + ": " + r.reasoning());
                r.evidence().forEach(e -> out.println("  " + e.name() + ": " + e.value()
                        + (e.detail().isBlank() ? "" : " (" + e.detail() + ")")));
                if (!r.dataLossWindow().isBlank()) {
                    out.println("  DURABILITY TRADE: " + r.dataLossWindow());
                }
            }
            if (set.overall() != null) {
                out.println();
                out.println("All together: " + gain(set.overall().gain()));
            }
        }
        if (!set.considered().isEmpty()) {
            out.println();
            out.println("Considered and set aside:");
            for (Considered c : set.considered()) {
                out.println("  " + c.parameter() + " " + c.from() + " -> " + c.to() + ": " + c.why());
            }
        }
        if (!set.conflicts().isEmpty()) {
            out.println();
            out.println("Time windows that want different values:");
            for (WindowConflict c : set.conflicts()) {
                out.println("  " + c.parameter() + " (" + lower(c.resolution()).replace('_', ' ') + "): "
                        + String.join(", ", c.values().stream().map(v -> v.window() + " wants " + v.wanted()).toList()));
                out.println("    " + c.explanation());
                c.statements().forEach(st -> out.println("    run: " + st));
                c.notChosen().forEach(n -> out.println("    not " + n));
            }
        }
        set.warnings().forEach(w -> out.println("WARNING " + w));
        outcome.notes().forEach(n -> out.println("note: " + n));
    }

    /**
     * False for a change sized to a measured need or to the vendor's guidance (decision 0153): its gain is not a
     * prediction, and "+0.0%" would read as one.
     */
    static boolean priced(Recommendation r) {
        return r.reason() != Recommendation.Reason.SIZED_TO_MEASURED
                && r.reason() != Recommendation.Reason.VENDOR_GUIDANCE;
    }

    /** "+12% throughput (80%: +4% .. +21%)". */
    static String gain(Estimate g) {
        return percent(g.mean()) + " (80%: " + percent(g.low()) + " .. " + percent(g.high()) + ")";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%+.1f%%", share * 100);
    }

    /** A value as postgresql.conf and ALTER SYSTEM take it: single-quoted, quotes doubled. */
    static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
