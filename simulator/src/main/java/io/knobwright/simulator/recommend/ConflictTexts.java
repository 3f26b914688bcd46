package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words of a resolved conflict: which rule, why, what to run, and why the other rules were not applied. */
final class ConflictTexts {

    private final String p;
    private final ParameterSpec spec;
    private final List<WorkloadWindow> windows;
    private final List<String> wanted;
    private final double band;
    private final String today;

    ConflictTexts(String p, ParameterSpec spec, List<WorkloadWindow> windows, List<String> wanted, double band,
                  String today) {
        this.today = today;
        this.p = p;
        this.spec = spec;
        this.windows = windows;
        this.wanted = wanted;
        this.band = band;
    }

    WindowConflict compromise(String value, List<Double> ratios, boolean forced) {
        List<WindowConflict.WindowValue> values = new ArrayList<>();
        List<String> costs = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            double ratio = ratios.get(w);
            values.add(value(w, shown(value), ratio));
            costs.add(windows.get(w).label() + " " + (ratio >= 1 - 1e-9 ? "loses nothing"
                    : "loses " + Texts.percent(1 - ratio)) + " against its own " + shown(wanted.get(w)));
        }
        String explanation;
        List<String> notChosen = new ArrayList<>();
        if (forced) {
            explanation = p + " " + why(spec.applyMode()) + ", so one value serves the whole day: " + shown(value)
                    + " has the best time-weighted predicted score within the constraints in every window; "
                    + String.join(", ", costs) + ".";
            notChosen.add("per role or database: " + p + " " + why(spec.applyMode()) + ".");
            notChosen.add("time windows: " + p + " " + why(spec.applyMode()) + ".");
        } else {
            explanation = "One value serves every window within " + Texts.percent(band) + " of its own best: "
                    + p + " = " + shown(value) + " has the best time-weighted predicted score; "
                    + String.join(", ", costs) + ".";
            notChosen.add("per role or database and time windows: not needed when one value is within "
                    + Texts.percent(band) + " of every window's best, and one value is simpler to run and to audit.");
        }
        return new WindowConflict(p, spec.applyMode(), values, WindowConflict.Resolution.COMPROMISE, shown(value),
                List.of(), explanation, notChosen);
    }

    /** Why no single value was chosen: the best one's cost beyond the band, or no value fits everywhere. */
    String noCompromise(String bestValue, List<Double> ratios, String refusal) {
        if (bestValue == null) {
            return "compromise: no single value fits every window within the constraints (" + refusal + ").";
        }
        int worst = 0;
        for (int w = 1; w < ratios.size(); w++) {
            if (ratios.get(w) < ratios.get(worst)) {
                worst = w;
            }
        }
        return "compromise: no single value keeps every window within " + Texts.percent(band) + " of its own best; the"
                + " best one, " + shown(bestValue) + ", costs " + windows.get(worst).label() + " "
                + Texts.percent(1 - ratios.get(worst)) + " against its " + shown(wanted.get(worst))
                + (refusal.isEmpty() ? "." : "; and " + refusal.strip());
    }

    WindowConflict perRole(WindowConflict.Resolution rule, List<String> roles, String fallback, String noCompromise) {
        List<String> statements = serverWide(fallback);
        List<String> owners = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            if (!CatalogValues.same(spec, wanted.get(w), fallback)) {
                statements.add("ALTER ROLE " + ident(roles.get(w)) + " SET " + p + " = '" + shown(wanted.get(w))
                        + "';");
            }
            owners.add(windows.get(w).label() + " is " + Texts.percent(share(windows.get(w).window().roleSessions(),
                    roles.get(w))) + " role " + roles.get(w));
        }
        String explanation = "The windows' work comes from different roles (" + String.join(", ", owners) + "), and "
                + p + " can be set per role, so each role gets its own window's best at any hour; sessions of other "
                + "roles run with " + shown(fallback) + ". Role settings take effect at the role's next login.";
        return new WindowConflict(p, spec.applyMode(), ownValues(), rule, shown(fallback), statements,
                explanation, List.of(noCompromise, "time windows: not needed, since each role carries its value at any "
                        + "hour (a batch that runs late keeps its setting), with no scheduled switch to miss."));
    }

    WindowConflict perDatabase(List<String> roles, List<String> databases, String fallback, String noCompromise) {
        List<String> statements = serverWide(fallback);
        List<String> owners = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            if (!CatalogValues.same(spec, wanted.get(w), fallback)) {
                statements.add("ALTER DATABASE " + ident(databases.get(w)) + " SET " + p + " = '"
                        + shown(wanted.get(w)) + "';");
            }
            owners.add(windows.get(w).label() + " is " + Texts.percent(share(
                    windows.get(w).window().databaseSessions(), databases.get(w))) + " database " + databases.get(w));
        }
        String explanation = "The windows' work runs in different databases (" + String.join(", ", owners) + "), and "
                + p + " can be set per database, so each database gets its own window's best at any hour; other "
                + "databases run with " + shown(fallback) + ". Database settings take effect at the next connection.";
        return new WindowConflict(p, spec.applyMode(), ownValues(), WindowConflict.Resolution.PER_DATABASE,
                shown(fallback), statements, explanation, List.of(noCompromise, "per role: "
                        + notAttributableTo("role", roles) + ".", "time windows: not needed, since each database "
                        + "carries its value at any hour, with no scheduled switch to miss."));
    }

    WindowConflict timeWindows(String noCompromise, String notPerRole) {
        List<String> statements = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            String at = String.format(Locale.ROOT, "%02d:00", windows.get(w).window().hours().getFirst());
            statements.add("at " + at + ": ALTER SYSTEM SET " + p + " = '" + shown(wanted.get(w))
                    + "'; SELECT pg_reload_conf();");
            times.add(shown(wanted.get(w)) + " from " + at);
        }
        String explanation = p + " " + (spec.applyMode() == ApplyMode.ONLINE ? "can be changed for running sessions"
                : "takes effect on a reload") + ", so it follows the clock: " + String.join(", ", times) + ", each"
                + " window's own best. Sessions that SET " + p + " themselves keep their own value.";
        return new WindowConflict(p, spec.applyMode(), ownValues(), WindowConflict.Resolution.TIME_WINDOWS, "",
                statements, explanation, List.of(noCompromise, notPerRole));
    }

    WindowConflict unresolved(String today, String refusal) {
        List<WindowConflict.WindowValue> values = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            values.add(value(w, today, Double.NaN));
        }
        return new WindowConflict(p, spec.applyMode(), values, WindowConflict.Resolution.UNRESOLVED, today, List.of(),
                p + " " + why(spec.applyMode()) + ", and no single value fits every window within the constraints ("
                        + refusal + "): the windows' needs are not reconciled, and the whole-day recommendation stands.",
                List.of("per role or database and time windows: " + p + " " + why(spec.applyMode()) + "."));
    }

    String notPerRole() {
        return "per role or database: " + p + " is set for the whole server (pg_settings context sighup), not per "
                + "role or database.";
    }

    String notAttributable(List<String> roles, List<String> databases) {
        return "per role or database: " + notAttributableTo("role", roles) + "; and "
                + notAttributableTo("database", databases) + ".";
    }

    private String notAttributableTo(String kind, List<String> owners) {
        for (int w = 0; w < windows.size(); w++) {
            if (owners.get(w).isBlank()) {
                return "no " + kind + " holds " + Texts.percent(ConflictResolver.ATTRIBUTED) + " of "
                        + windows.get(w).label() + "'s sessions";
            }
        }
        return "the same " + kind + " (" + owners.getFirst() + ") does the work of more than one window";
    }

    /** The value for sessions no role or database setting covers, when it is not today's. */
    private List<String> serverWide(String fallback) {
        List<String> out = new ArrayList<>();
        if (!CatalogValues.same(spec, fallback, today)) {
            out.add("ALTER SYSTEM SET " + p + " = '" + shown(fallback) + "'; SELECT pg_reload_conf();");
        }
        return out;
    }

    private List<WindowConflict.WindowValue> ownValues() {
        List<WindowConflict.WindowValue> values = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            values.add(value(w, shown(wanted.get(w)), 1));
        }
        return values;
    }

    private WindowConflict.WindowValue value(int w, String resolved, double ratio) {
        DayWindow window = windows.get(w).window();
        return new WindowConflict.WindowValue(window.label(), window.describe(), window.weight(),
                shown(wanted.get(w)), resolved, ratio);
    }

    private static String why(ApplyMode mode) {
        return switch (mode) {
            case RESTART -> "needs a restart (a switch twice a day would restart the server twice a day)";
            case NEW_SESSIONS -> "reaches only sessions opened after a change (pooled connections keep the old value"
                    + " for days)";
            case READ_ONLY -> "cannot be changed on a running server";
            default -> "cannot follow the clock";
        };
    }

    private static double share(java.util.Map<String, Double> sessions, String owner) {
        double total = sessions.values().stream().mapToDouble(Double::doubleValue).sum();
        return total > 0 ? sessions.getOrDefault(owner, 0.0) / total : 0;
    }

    private String shown(String text) {
        return PlannerRule.shown(spec, text);
    }

    /** A role or database name as SQL needs it: double-quoted, inner quotes doubled. */
    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
