package io.knobwright.app.ui.operations;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** An incident as the tile lists it: "14:02  dave  override applied  work_mem on pg-prod-3", and the detail below. */
public record IncidentLine(String time, String headline, String detail, boolean alarm) {

    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("d MMM HH:mm");

    /** A moment as the audit trail writes it (ISO, UTC), inside a reason or note. */
    private static final Pattern STORED_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    static IncidentLine of(Incident incident, Instant now, ZoneId zone) {
        boolean today = incident.at().atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return new IncidentLine((today ? TODAY : EARLIER).format(incident.at().atZone(zone)),
                incident.what() + " · " + incident.about(), incident.actor() + (incident.detail().isBlank() ? ""
                : ": " + local(incident.detail(), zone)), incident.alarm());
    }

    /** "restores at 2026-12-06T09:38:42.61Z" reads "restores at 10:38:42" in the operator's zone. */
    static String local(String text, ZoneId zone) {
        return STORED_TIME.matcher(text).replaceAll(m -> {
            try {
                return CLOCK.format(Instant.parse(m.group()).atZone(zone));
            } catch (java.time.format.DateTimeParseException e) {
                return m.group();
            }
        });
    }
}
