package io.knobwright.model.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.knobwright.model.notify.WebhookEvents.AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookEventTest {

    @Test
    void theJsonCarriesTheTicketAndEveryFieldInAFixedOrder() throws Exception {
        WebhookEvent event = WebhookEvents.decision();

        String json = WebhookEventJson.write(event);

        JsonNode root = new ObjectMapper().readTree(json);
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("schema", "eventId", "type", "occurredAt", "planId", "planUid", "instanceName",
                "ticket", "actor", "summary", "details");
        assertThat(root.get("ticket").asText()).isEqualTo("CHG0012345");
        assertThat(root.get("type").asText()).isEqualTo("decision");
        assertThat(root.get("occurredAt").asText()).isEqualTo("2026-03-04T09:15:30Z");
        assertThat(root.get("planId").asLong()).isEqualTo(42);
        assertThat(root.get("eventId").asText()).isEqualTo(event.eventId());
        assertThat(json).contains("\"details\":{\"decision\":\"approved\",\"level\":\"1\"}");
    }

    @Test
    void anEventReadsBackEqualAndWritesTheSameTextEveryTime() {
        WebhookEvent event = WebhookEvents.decision();

        String json = WebhookEventJson.write(event);

        assertThat(WebhookEventJson.read(json)).isEqualTo(event);
        assertThat(WebhookEventJson.write(WebhookEventJson.read(json))).isEqualTo(json);
    }

    @Test
    void aPlanWithoutTicketSendsTicketNull() {
        WebhookEvent event = WebhookEvents.decision("  ");

        assertThat(event.ticket()).isNull();
        assertThat(WebhookEventJson.write(event)).contains("\"ticket\":null");
        assertThat(WebhookEventJson.read(WebhookEventJson.write(event))).isEqualTo(event);
    }

    @Test
    void detailsAreSortedWhateverOrderTheyCameIn() {
        Map<String, String> unsorted = new java.util.LinkedHashMap<>();
        unsorted.put("zeta", "1");
        unsorted.put("alpha", "2");
        WebhookEvent event = WebhookEvent.create(WebhookEvent.Type.BYPASS, AT, 1, "u", "i", null, "a", "s.", unsorted);

        assertThat(event.details().keySet()).containsExactly("alpha", "zeta");
        assertThat(event.details()).isEqualTo(new TreeMap<>(unsorted));
    }

    @Test
    void typesHaveLowerCaseWireNames() {
        assertThat(WebhookEvent.Type.REVIEW_CLOSED.wireName()).isEqualTo("review_closed");
        assertThat(WebhookEvent.Type.ofWireName("expiry")).isEqualTo(WebhookEvent.Type.EXPIRY);
        assertThatThrownBy(() -> WebhookEvent.Type.ofWireName("EXPIRY")).hasMessageContaining("known: request");
    }

    @Test
    void anInvalidEventCannotExist() {
        assertThatThrownBy(() -> new WebhookEvent("not-a-uuid", WebhookEvent.Type.REQUEST, AT, 1, "u", "i", null, "a", "s", null))
                .hasMessageContaining("UUID");
        String id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        assertThatThrownBy(() -> new WebhookEvent(id.toUpperCase(), WebhookEvent.Type.REQUEST, AT, 1, "u", "i", null, "a", "s", null))
                .hasMessageContaining("lower-case UUID");
        assertThatThrownBy(() -> new WebhookEvent(id, WebhookEvent.Type.REQUEST, AT, 0, "u", "i", null, "a", "s", null))
                .hasMessageContaining("plan id 0");
        assertThatThrownBy(() -> new WebhookEvent(id, WebhookEvent.Type.REQUEST, AT, 1, "u", " ", null, "a", "s", null))
                .hasMessageContaining("instanceName");
        assertThatThrownBy(() -> new WebhookEvent(id, WebhookEvent.Type.REQUEST, AT, 1, "u", "i", null, "a", "two\nlines", null))
                .hasMessageContaining("one line");
        assertThatThrownBy(() -> new WebhookEvent(id, WebhookEvent.Type.REQUEST, AT, 1, "u", "i", "CHG\n1", "a", "s", null))
                .hasMessageContaining("ticket");
        assertThatThrownBy(() -> new WebhookEvent(id, WebhookEvent.Type.REQUEST, AT, 1, "u", "i", null, "a", "s",
                Map.of("level", "x".repeat(WebhookEvent.MAX_TEXT + 1)))).hasMessageContaining("detail 'level'");
    }

    @Test
    void jsonThatIsNotAnEventIsRefusedWithTheReason() {
        assertThatThrownBy(() -> WebhookEventJson.read("{")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a webhook event's JSON");
        assertThatThrownBy(() -> WebhookEventJson.read("[]")).hasMessageContaining("is an object");
        String json = WebhookEventJson.write(WebhookEvents.decision());
        assertThatThrownBy(() -> WebhookEventJson.read(json.replace("\"planId\":42", "\"planId\":\"42\"")))
                .hasMessageContaining("'planId'");
        assertThatThrownBy(() -> WebhookEventJson.read(json.replace("\"actor\":\"lin\",", "")))
                .hasMessageContaining("'actor'");
        assertThatThrownBy(() -> WebhookEventJson.read(json.replace("2026-03-04T09:15:30Z", "yesterday")))
                .hasMessageContaining("occurredAt");
        assertThatThrownBy(() -> WebhookEventJson.read(json.replaceAll("\"details\":\\{.*}", "\"details\":[]}")))
                .hasMessageContaining("details");
    }

    private static WebhookEvent alertRaised() {
        return WebhookEvent.alert(WebhookEvent.Type.ALERT_RAISED, AT, "pg-orders-1",
                "critical on pg-orders-1: Connections at 96 % of max_connections",
                new WebhookEvent.AlertFacts("connections_near_limit", "critical", "Connections at 96 % of max_connections",
                        List.of("96 of 100 connections", "max_connections = 100"), AT.minusSeconds(300)));
    }

    @Test
    void anAlertEventCarriesTheAlertAndNoPlanAndReadsBackEqual() throws Exception {
        WebhookEvent event = alertRaised();

        String json = WebhookEventJson.write(event);

        JsonNode root = new ObjectMapper().readTree(json);
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("schema", "eventId", "type", "occurredAt", "planId", "planUid", "instanceName",
                "ticket", "actor", "summary", "details", "alert");
        assertThat(root.get("type").asText()).isEqualTo("alert.raised");
        assertThat(root.get("planId").isNull()).isTrue();
        assertThat(root.get("alert").get("evidence")).hasSize(2);
        assertThat(root.get("alert").get("since").asText()).isEqualTo("2026-03-04T09:10:30Z");
        assertThat(WebhookEventJson.read(json)).isEqualTo(event);
        assertThat(WebhookEventJson.write(WebhookEventJson.read(json))).isEqualTo(json);
        assertThat(WebhookEvent.Type.ofWireName("alert.cleared")).isEqualTo(WebhookEvent.Type.ALERT_CLEARED);
    }

    @Test
    void alertEventsGoOnlyToSubscriptionsThatNameThemSoOldSubscriptionsReceiveWhatTheyDid() {
        WebhookSubscription everyPlanEvent = new WebhookSubscription("https://h.example.com/a", java.util.Set.of(), null, true);
        WebhookSubscription alerts = new WebhookSubscription("https://h.example.com/b",
                java.util.Set.of(WebhookEvent.Type.ALERT_RAISED, WebhookEvent.Type.ALERT_CLEARED), null, true);
        for (WebhookEvent.Type t : WebhookEvent.Type.values()) {
            assertThat(everyPlanEvent.wants(t)).as(t.wireName()).isEqualTo(!t.aboutAlert());
            assertThat(alerts.wants(t)).as(t.wireName()).isEqualTo(t.aboutAlert());
        }
        assertThatThrownBy(() -> new WebhookEvent(java.util.UUID.randomUUID().toString(), WebhookEvent.Type.ALERT_RAISED,
                AT, 42, "uid", "pg", null, "knobwright", "s", Map.of(), null))
                .hasMessageContaining("alert event carries the alert's facts and no plan");
    }
}
