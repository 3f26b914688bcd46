package io.knobwright.model.notify;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Something that happened to a change plan that the user's webhooks hear about. It is sent as JSON
 * ({@link WebhookEventJson}) to every subscribed URL, possibly more than once (a delivery is retried until a
 * receiver acknowledges it): receivers recognise a repeat by {@link #eventId}.
 *
 * @param eventId      a random UUID, lower case; the same for every URL and every attempt
 * @param planUid      the plan's id that stays the same across stores (the receiver's key for the plan)
 * @param ticket       the plan's external change ticket (e.g. CHG0012345); null when it has none (blank becomes null)
 * @param actor        who caused the event ("lin"; "knobwright" for expiry)
 * @param summary      one sentence for a chat message or a ticket comment
 * @param details      further facts by name (level, decision, reason, ...); kept sorted by name, so the JSON
 *                     of an event is always the same text
 */
public record WebhookEvent(String eventId, Type type, Instant occurredAt, long planId, String planUid,
                           String instanceName, String ticket, String actor, String summary,
                           Map<String, String> details) {

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
        REVIEW_CLOSED;

        /** "request", "review_closed": the name receivers see. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type of a wire name; IllegalArgumentException naming the known ones otherwise. */
        public static Type ofWireName(String wireName) {
            for (Type t : values()) {
                if (t.wireName().equals(wireName)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("Unknown webhook event type '" + wireName + "'; known: request, decision,"
                    + " expiry, bypass, review_closed");
        }
    }

    public WebhookEvent {
        Objects.requireNonNull(eventId, "eventId");
        if (!isUuid(eventId)) {
            throw new IllegalArgumentException("A webhook event id is a lower-case UUID: " + eventId);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (planId <= 0) {
            throw new IllegalArgumentException("A webhook event names a stored plan: plan id " + planId);
        }
        planUid = required("planUid", planUid);
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
