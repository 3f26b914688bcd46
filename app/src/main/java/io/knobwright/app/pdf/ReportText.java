package io.knobwright.app.pdf;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.RiskLevel;
import io.knobwright.model.value.Values;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** How the report words times, durations, states and values, in the reader's time zone. */
final class ReportText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private final ZoneId zone;

    ReportText(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** "2026-11-25 08:00:00 UTC", or with the offset elsewhere ("2026-11-25 09:00:00 +01:00"): never ambiguous. */
    String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(zone);
        return TIME.format(at) + " " + (at.getOffset().equals(ZoneOffset.UTC) ? "UTC" : at.getOffset().getId());
    }

    /** "4 hours", "2 days 6 hours", "90 minutes" is "1 hour 30 minutes". */
    static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        add(parts, d.toDaysPart(), "day");
        add(parts, d.toHoursPart(), "hour");
        add(parts, d.toMinutesPart(), "minute");
        if (parts.isEmpty()) {
            add(parts, d.toSecondsPart(), "second");
        }
        return parts.isEmpty() ? "no time" : String.join(" ", parts);
    }

    private static void add(List<String> parts, long amount, String unit) {
        if (amount > 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }

    static String state(PlanState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String risk(RiskLevel level) {
        return level.name();
    }

    static String yesNo(boolean yes) {
        return yes ? "yes" : "no";
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** A value as a DBA writes it ("16GB", not 2097152 8kB), as `plan show` prints it; null stays null. */
    static String shown(PlannedChange change, String value, Optional<ParameterCatalog> catalog) {
        ParameterSpec spec = catalog.flatMap(k -> k.find(change.parameter())).orElse(null);
        return Values.readableWithUnit(spec, value, change.unit());
    }
}
