package io.knobwright.app.ui.fleet;

import io.knobwright.app.ui.common.Formats;
import io.knobwright.app.ui.common.Labels;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.workload.WorkloadClass;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * An instance as the fleet table shows it, with everything a keystroke needs computed once:
 * the lower-case search key and the formatted cells. Filtering 5,000 rows then costs one
 * {@code String.contains} per row and search word.
 *
 * @param searchKey    lower-case name, engine, version, full version and tags, space separated
 * @param versionKey   engine and major, so PostgreSQL 16 and a hypothetical "16" of another engine differ
 * @param versionLabel "PostgreSQL 16"
 * @param templateText the assigned template, "postgresql-oltp" or pinned "postgresql-oltp@3"; "" when none
 * @param drift        parameters that differ from the template, or {@link #NO_TEMPLATE} / {@link #NOT_CHECKED} /
 *                     {@link #MEASURING}
 * @param measured     the class of the instance's latest workload profile, null when it has none
 * @param health       the health columns; {@link HealthCells#LOADING} until the fleet's health has been read
 */
public record FleetRow(Instance instance, String searchKey, String versionKey, String versionLabel,
                       String versionText, String tagsText, String cpuText, String ramText, String diskText,
                       String templateText, int drift, String driftText, WorkloadClass measured, HealthCells health)
        implements FleetEntry {

    public FleetRow {
        java.util.Objects.requireNonNull(health, "health");
    }

    /** {@link #drift} of an instance that follows no template. */
    public static final int NO_TEMPLATE = -2;
    /** {@link #drift} of an instance with a template but no snapshot to compare (or a template that does not resolve). */
    public static final int NOT_CHECKED = -1;
    /** {@link #drift} of an instance with a template while the fleet's drift is still being measured. */
    public static final int MEASURING = -3;
    static final String MEASURING_TEXT = "…";
    /** Narrow on purpose: the Drift column's header tooltip says what it means. */
    static final String NOT_CHECKED_TEXT = Formats.UNKNOWN;

    public static FleetRow of(Instance i) {
        return of(i, null, Map.of());
    }

    /**
     * @param assignment the template the instance follows, or null
     * @param drift      differences by instance id (an assigned instance missing there could not be compared),
     *                   or null while the fleet's drift is still being measured
     */
    public static FleetRow of(Instance i, TemplateAssignment assignment, Map<Long, Integer> drift) {
        return of(i, assignment, drift, Map.of());
    }

    /** @param measured the class of each instance's latest workload profile; absent ones show "—" */
    public static FleetRow of(Instance i, TemplateAssignment assignment, Map<Long, Integer> drift,
                              Map<Long, WorkloadClass> profiled) {
        String tags = Formats.tags(i.tags());
        String versionLabel = i.engine().displayName() + " " + i.version();
        String key = String.join(" ", i.name(), i.engine().displayName(), i.engine().id(), i.version(),
                i.fullVersion(), tags.replace(",", "")).toLowerCase(Locale.ROOT);
        String template = assignment == null ? "" : assignment.reference();
        Integer measured = drift == null ? null : drift.get(i.id());
        int differences = assignment == null ? NO_TEMPLATE : drift == null ? MEASURING : measured == null ? NOT_CHECKED : measured;
        String driftText = switch (differences) {
            case NO_TEMPLATE -> "";
            case NOT_CHECKED -> NOT_CHECKED_TEXT;
            case MEASURING -> MEASURING_TEXT;
            default -> String.valueOf(differences);
        };
        return new FleetRow(i, key, i.engine().id() + " " + i.version(), versionLabel, compactVersion(i.fullVersion()), tags,
                Formats.cpus(i.hardware().cpus()), Formats.bytes(i.hardware().memoryBytes()), Formats.disk(i.hardware()),
                template, differences, driftText, profiled.get(i.id()), HealthCells.LOADING);
    }

    /** The same row with these health cells (the health is read after the fleet, and again at each reload). */
    public FleetRow withHealth(HealthCells cells) {
        return cells == health ? this : new FleetRow(instance, searchKey, versionKey, versionLabel, versionText, tagsText,
                cpuText, ramText, diskText, templateText, drift, driftText, measured, cells);
    }

    /** True when the instance's newest snapshot differs from its template. */
    public boolean drifting() {
        return drift > 0;
    }

    public boolean hasTemplate() {
        return drift != NO_TEMPLATE;
    }

    /**
     * The server's version without vendor suffix or trailing zero parts: "10.11.9-MariaDB-0+deb12u1" reads
     * "10.11.9", "19.24.0.0.0" reads "19.24"; the detail pane shows the full string.
     */
    static String compactVersion(String full) {
        String v = full.trim();
        int cut = v.indexOf('-');
        if (cut > 0) {
            v = v.substring(0, cut);
        }
        while (v.endsWith(".0") && v.indexOf('.') != v.lastIndexOf('.')) {
            v = v.substring(0, v.length() - 2);
        }
        return v;
    }

    public long id() {
        return instance.id();
    }

    public String name() {
        return instance.name();
    }

    public String tag(String key) {
        return instance.tags().get(key);
    }

    public Map<String, String> tags() {
        return instance.tags();
    }

    /** Default order of the table: by name, as a DBA scans a list of hosts. */
    public static final Comparator<FleetRow> BY_NAME = Comparator
            .comparing((FleetRow r) -> r.name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparingLong(FleetRow::id);

    public static final Comparator<FleetRow> BY_ENGINE = Comparator.comparing(r -> r.instance().engine());

    public static final Comparator<FleetRow> BY_VERSION = BY_ENGINE.thenComparing(
            (FleetRow r) -> r.instance().fullVersion(), Labels.VERSION_ORDER);

    public static final Comparator<FleetRow> BY_TIER = Comparator.comparing(r -> r.instance().tier());

    /** Most critical first when sorted ascending: the order a DBA wants to see risk in. */
    public static final Comparator<FleetRow> BY_CRITICALITY = Comparator.comparing(
            (FleetRow r) -> r.instance().criticality()).reversed();

    public static final Comparator<FleetRow> BY_WORKLOAD = Comparator.comparing(r -> r.instance().workload());

    /** Measured class in the order of {@link WorkloadClass}; instances never profiled last. */
    public static final Comparator<FleetRow> BY_MEASURED = Comparator.comparing(FleetRow::measured,
            Comparator.nullsLast(Comparator.naturalOrder()));

    /** "oltp", "olap", "mixed", "unknown"; "—" when the instance was never profiled. */
    public String measuredText() {
        return measured == null ? Formats.UNKNOWN : measured.label();
    }

    public static final Comparator<FleetRow> BY_TAGS = Comparator.comparing(FleetRow::tagsText);

    public static final Comparator<FleetRow> BY_CPUS = Comparator.comparingInt(r -> r.instance().hardware().cpus());

    public static final Comparator<FleetRow> BY_MEMORY = Comparator.comparingLong(
            r -> r.instance().hardware().memoryBytes());

    /** Instances without a template sort below every number, unchecked ones just above them. */
    public static final Comparator<FleetRow> BY_TEMPLATE = Comparator.comparing(
            (FleetRow r) -> r.templateText().isEmpty()).thenComparing(FleetRow::templateText);

    public static final Comparator<FleetRow> BY_DRIFT = Comparator.comparingInt(FleetRow::drift);

    public static final Comparator<FleetRow> BY_DISK = Comparator.comparingLong(r -> r.instance().hardware().diskBytes());

    /*
     * The health columns sort the worst first on the first click (as Criticality does), and rows whose value is not
     * known (not read yet, nothing stored) last in either direction: the table reverses only the known part.
     */

    /** Most urgent first: worst active severity, then more active alerts; instances without active alerts last. */
    public static final Comparator<FleetRow> BY_ALERTS = Comparator
            .comparing((FleetRow r) -> r.health().worst(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Comparator.comparingInt((FleetRow r) -> r.health().activeAlerts()).reversed());

    /** Soonest full first. */
    public static final Comparator<FleetRow> BY_DISK_FULL = Comparator.comparingDouble(r -> r.health().diskDays());

    /** Longest without a good backup first; "never" before any age. */
    public static final Comparator<FleetRow> BY_LAST_GOOD_BACKUP = Comparator.comparing(
            (FleetRow r) -> r.health().backupAge(), Comparator.nullsFirst(Comparator.<java.time.Duration>reverseOrder()));

    /** Fullest first. */
    public static final Comparator<FleetRow> BY_CONNECTIONS = Comparator.comparingDouble(
            (FleetRow r) -> r.health().connectionShare()).reversed();

    /** True when the row has no value to sort by in that health column; such rows go last either way. */
    public static boolean alertsUnknown(FleetRow r) {
        return !r.health().loaded() || !r.health().hasActiveAlerts();
    }

    public static boolean diskFullUnknown(FleetRow r) {
        return Double.isNaN(r.health().diskDays());
    }

    public static boolean lastGoodBackupUnknown(FleetRow r) {
        return !r.health().backupKnown();
    }

    public static boolean connectionsUnknown(FleetRow r) {
        return Double.isNaN(r.health().connectionShare());
    }

    /**
     * {@code known} in the direction asked for, with the rows {@code unknown} says have no value below all others in both
     * directions.
     */
    public static Comparator<FleetRow> unknownLast(Comparator<FleetRow> known, java.util.function.Predicate<FleetRow> unknown,
                                                   boolean descending) {
        return Comparator.comparing((FleetRow r) -> unknown.test(r)).thenComparing(descending ? known.reversed() : known);
    }
}
