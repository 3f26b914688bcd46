package io.knobwright.model.notify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.knobwright.model.text.ReadLimits;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON a webhook receives, which is also how the outbox keeps an event. One flat object, the fields always
 * in this order and always present (ticket is null when the plan has none), details sorted by name:
 * <pre>{@code
 * {"schema":1,"eventId":"0f8fad5b-d9cb-469f-a165-70867728950e","type":"decision",
 *  "occurredAt":"2025-03-04T09:15:30Z","planId":42,"planUid":"8c0e…","instanceName":"orders-1",
 *  "ticket":"CHG0012345","actor":"lin","summary":"Lin approved plan 42 for orders-1 at level 1 of 2.",
 *  "details":{"decision":"approved","level":"1"}}
 * }</pre>
 * An alert event ({@code alert.raised}, {@code alert.cleared}) has the same fields, planId and planUid null, actor
 * "knobwright", and one more object at the end:
 * <pre>{@code
 * "alert":{"instance":"orders-1","kind":"connections_near_limit","severity":"critical",
 *          "title":"Connections at 96 % of max_connections","evidence":["96 of 100 ..."],"since":"2025-03-04T09:10:00Z"}
 * }</pre>
 * The same event always gives the same text, so a retry carries the bytes (and the signature) of the first try.
 * Fields may be added in later versions (receivers ignore unknown ones); a change that breaks receivers raises
 * {@link #SCHEMA}.
 */
public final class WebhookEventJson {

    /** The version of this shape. */
    public static final int SCHEMA = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper(ReadLimits.applied(new JsonFactory()));

    private WebhookEventJson() {
    }

    public static String write(WebhookEvent event) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("eventId", event.eventId());
        root.put("type", event.type().wireName());
        root.put("occurredAt", event.occurredAt().toString());
        if (event.type().aboutAlert()) {
            root.putNull("planId");
        } else {
            root.put("planId", event.planId());
        }
        root.put("planUid", event.planUid());
        root.put("instanceName", event.instanceName());
        root.put("ticket", event.ticket());
        root.put("actor", event.actor());
        root.put("summary", event.summary());
        ObjectNode details = root.putObject("details");
        event.details().forEach(details::put);
        if (event.alert() != null) {
            WebhookEvent.AlertFacts a = event.alert();
            ObjectNode alert = root.putObject("alert");
            alert.put("instance", event.instanceName());
            alert.put("kind", a.kind());
            alert.put("severity", a.severity());
            alert.put("title", a.title());
            a.evidence().forEach(alert.putArray("evidence")::add);
            alert.put("since", a.since().toString());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An object node of strings always serialises", e);
        }
    }

    /** The event in {@code json}; IllegalArgumentException saying what is missing or wrong. */
    public static WebhookEvent read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a webhook event's JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("A webhook event's JSON is an object");
        }
        Map<String, String> details = new LinkedHashMap<>();
        JsonNode detailNode = root.path("details");
        if (!detailNode.isMissingNode() && !detailNode.isNull()) {
            if (!detailNode.isObject()) {
                throw new IllegalArgumentException("A webhook event's details are an object of texts");
            }
            detailNode.properties().forEach(e -> details.put(e.getKey(), e.getValue().asText()));
        }
        try {
            WebhookEvent.Type type = WebhookEvent.Type.ofWireName(text(root, "type"));
            if (type.aboutAlert()) {
                JsonNode a = root.path("alert");
                if (!a.isObject()) {
                    throw new IllegalArgumentException("An alert event's JSON needs the object 'alert'");
                }
                java.util.List<String> evidence = new java.util.ArrayList<>();
                a.path("evidence").forEach(line -> evidence.add(line.asText()));
                return new WebhookEvent(text(root, "eventId"), type, Instant.parse(text(root, "occurredAt")), 0, null,
                        text(root, "instanceName"), null, text(root, "actor"), text(root, "summary"), details,
                        new WebhookEvent.AlertFacts(text(a, "kind"), text(a, "severity"), text(a, "title"), evidence,
                                Instant.parse(text(a, "since"))));
            }
            return new WebhookEvent(text(root, "eventId"), type,
                    Instant.parse(text(root, "occurredAt")), number(root, "planId"), text(root, "planUid"),
                    text(root, "instanceName"), root.path("ticket").isTextual() ? root.get("ticket").asText() : null,
                    text(root, "actor"), text(root, "summary"), details);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("A webhook event's occurredAt is an ISO instant: " + e.getParsedString(), e);
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("A webhook event's JSON needs the text field '" + field + "'");
        }
        return node.asText();
    }

    private static long number(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException("A webhook event's JSON needs the whole number '" + field + "'");
        }
        return node.asLong();
    }
}
