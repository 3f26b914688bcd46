package io.knobwright.model.notify;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Something that happened to a change plan, or a fleet alert that was raised or cleared, that the user's webhooks hear
 * about. It is sent as JSON ({@link WebhookEventJson}) to every subscribed URL, possibly more than once (a delivery is
 * retried until a receiver acknowledges it): receivers recognise a repeat by {@link #eventId}.
 *
 * @param eventId      a random UUID, lower case; the same for every URL and every attempt
 * @param planId       the stored plan; 0 for an alert event, which is about no plan
 * @param planUid      the plan's id that stays the same across stores (the receiver's key for the plan); null for
 *                     an alert event
 * @param ticket       the plan's external change ticket (e.g. CHG0012345); null when it has none (blank becomes null)
 * @param actor        who caused the event ("lin"; "knobwright" for expiry)
 * @param summary      one sentence for a chat message or a ticket comment
 * @param details      further facts by name (level, decision, reason, ...); kept sorted by name, so the JSON
 *                     of an event is always the same text
 * @param alert        what the alert said, for {@link Type#ALERT_RAISED} and {@link Type#ALERT_CLEARED}; null for
 *                     plan events
 */
public record WebhookEvent(String eventId, Type type, Instant occurredAt, long planId, String planUid,
                           String instanceName, String ticket, String actor, String summary,
                           Map<String, String> details, AlertFacts alert) {

    /** Longest summary: a sentence, not a report; the details carry the rest. */
    public static final int MAX_SUMMARY = 500;
    /** Longest ticket reference: change numbers and issue keys are far shorter. */
    public static final int MAX_TICKET = 100;
    /** Longest single text (instance name, actor, plan uid, a detail's name or value). */
    public static final int MAX_TEXT = 2000;

    /** What happened. The wire name goes into the JSON and the X-Knobwright-Event header. */
    public enum Type {
        /** A plan was submitted for approval. */
        REQUEST,
        /** An approver decided (at one level), or the plan was fully approved or rejected. */
        DECISION,
        /** A request waited too long and expired. */
        EXPIRY,
        /** Someone applied a plan by emergency bypass, without the approvals. */
        BYPASS,
        /** A review was closed without a decision (withdrawn or superseded). */
        REVIEW_CLOSED,
        /** A fleet alert became active (not silenced by a maintenance window). Sent only to webhooks that ask for it. */
        ALERT_RAISED,
        /** A fleet alert that had been raised no longer holds. Sent only to webhooks that ask for it. */
        ALERT_CLEARED;

        /** "request", "review_closed", "alert.raised": the name receivers see. */
        public String wireName() {
            return aboutAlert() ? "alert." + name().substring("ALERT_".length()).toLowerCase(Locale.ROOT)
                    : name().toLowerCase(Locale.ROOT);
        }

        /**
         * Alert events reach only subscriptions that name them: a subscription without an event list predates them
         * and keeps receiving exactly the plan events it always did.
         */
        public boolean aboutAlert() {
            return this == ALERT_RAISED || this == ALERT_CLEARED;
        }

        /** The type of a wire name; IllegalArgumentException naming the known ones otherwise. */
        public static Type ofWireName(String wireName) {
            for (Type t : values()) {
                if (t.wireName().equals(wireName)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("Unknown webhook event type '" + wireName + "'; known: " + KNOWN);
        }

        /** Every wire name, as messages list them. */
        public static final String KNOWN = "request, decision, expiry, bypass, review_closed, alert.raised, alert.cleared"
                + " (alert.* for both)";
    }

    /**
     * A fleet alert as a webhook tells it.
     *
     * @param kind     the alert's kind in lower case ("connections_near_limit")
     * @param severity "critical", "warning" or "info"
     * @param title    its one line
     * @param evidence the numbers behind it, one per line (for a cleared alert: the last ones seen)
     * @param since    when the condition was first seen
     */
    public record AlertFacts(String kind, String severity, String title, List<String> evidence, Instant since) {
        public AlertFacts {
            kind = required("alert kind", kind);
            severity = required("alert severity", severity);
            title = required("alert title", title);
            Objects.requireNonNull(since, "since");
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            if (evidence.stream().anyMatch(e -> e == null || e.length() > MAX_TEXT)) {
                throw new IllegalArgumentException("Each line of an alert's evidence has at most " + MAX_TEXT + " characters");
            }
        }
    }

    /** A plan event (no alert facts), as every plan event was made before alerts were sent. */
    public WebhookEvent(String eventId, Type type, Instant occurredAt, long planId, String planUid, String instanceName,
                        String ticket, String actor, String summary, Map<String, String> details) {
        this(eventId, type, occurredAt, planId, planUid, instanceName, ticket, actor, summary, details, null);
    }

    public WebhookEvent {
        Objects.requireNonNull(eventId, "eventId");
        if (!isUuid(eventId)) {
            throw new IllegalArgumentException("A webhook event id is a lower-case UUID: " + eventId);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (type.aboutAlert()) {
            if (alert == null || planId != 0 || planUid != null) {
                throw new IllegalArgumentException("An alert event carries the alert's facts and no plan");
            }
        } else {
            if (planId <= 0) {
                throw new IllegalArgumentException("A webhook event names a stored plan: plan id " + planId);
            }
            if (alert != null) {
                throw new IllegalArgumentException("A plan event carries no alert facts");
            }
            planUid = required("planUid", planUid);
        }
        instanceName = required("instanceName", instanceName);
        actor = required("actor", actor);
        summary = required("summary", summary);
        if (summary.length() > MAX_SUMMARY || summary.contains("\n") || summary.contains("\r")) {
            throw new IllegalArgumentException("A webhook summary is one line of at most " + MAX_SUMMARY + " characters");
        }
        ticket = ticket == null || ticket.isBlank() ? null : ticket.strip();
        if (ticket != null && (ticket.length() > MAX_TICKET || ticket.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("A ticket reference is one line of at most " + MAX_TICKET + " characters");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : (details == null ? Map.<String, String>of() : details).entrySet()) {
            String name = required("detail name", e.getKey());
            if (e.getValue() == null || e.getValue().length() > MAX_TEXT) {
                throw new IllegalArgumentException("Webhook detail '" + name + "' needs a value of at most "
                        + MAX_TEXT + " characters");
            }
            sorted.put(name, e.getValue());
        }
        details = Collections.unmodifiableSortedMap(sorted);
    }

    /** A new event with a fresh id. */
    public static WebhookEvent create(Type type, Instant occurredAt, long planId, String planUid, String instanceName,
                                      String ticket, String actor, String summary, Map<String, String> details) {
        return new WebhookEvent(UUID.randomUUID().toString(), type, occurredAt, planId, planUid, instanceName, ticket,
                actor, summary, details);
    }

    /** A new alert event (raised or cleared) with a fresh id; Knobwright itself is its actor. */
    public static WebhookEvent alert(Type type, Instant occurredAt, String instanceName, String summary, AlertFacts alert) {
        return new WebhookEvent(UUID.randomUUID().toString(), type, occurredAt, 0, null, instanceName, null, "knobwright",
                summary, Map.of(), alert);
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equals(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String required(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A webhook event needs " + what);
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException("A webhook event's " + what + " is at most " + MAX_TEXT + " characters");
        }
        return value;
    }
}
