package io.knobwright.model.health;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionStormTest {

    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void connectionAuthorizedLinesAreArrivalsWithUserDatabaseAndApplication() {
        ConnectionEvent e = ConnectionLogLine.parse("connection authorized: user=app database=shop application_name=billing-api",
                T, "4711", "", "", "", "10.0.0.5").orElseThrow();

        assertThat(e.kind()).isEqualTo(ConnectionEvent.Kind.CONNECTED);
        assertThat(e).extracting(ConnectionEvent::user, ConnectionEvent::database, ConnectionEvent::application, ConnectionEvent::client)
                .containsExactly("app", "shop", "billing-api", "10.0.0.5");
    }

    @Test
    void disconnectionLinesCarryTheSessionTime() {
        ConnectionEvent e = ConnectionLogLine.parse("disconnection: session time: 1:02:03.250 user=app database=shop host=10.0.0.5 port=51234",
                T, "4711", "", "", "billing-api", "").orElseThrow();

        assertThat(e.kind()).isEqualTo(ConnectionEvent.Kind.DISCONNECTED);
        assertThat(e.sessionSeconds()).isEqualTo(3723.25);
        assertThat(e.client()).isEqualTo("10.0.0.5");
        assertThat(e.application()).isEqualTo("billing-api");
    }

    @Test
    void aReceivedLineIsAnAttemptThatTheStormDoesNotCountAsAnArrival() {
        ConnectionEvent attempt = ConnectionLogLine.parse("connection received: host=10.0.0.9 port=51234", T, "1", "[unknown]",
                "[unknown]", "", "").orElseThrow();
        assertThat(attempt.kind()).isEqualTo(ConnectionEvent.Kind.RECEIVED);
        assertThat(attempt.client()).isEqualTo("10.0.0.9");
        assertThat(attempt.user()).isEmpty();
        ConnectionStorm storm = new ConnectionStorm();
        storm.add(attempt);
        assertThat(storm.summary().connections()).isZero();
        assertThat(storm.summary().disconnections()).isZero();
    }

    @Test
    void otherMessagesAreNoEvents() {
        assertThat(ConnectionLogLine.parse("checkpoint starting: time", T, "1", "", "", "", "")).isEmpty();
        assertThat(ConnectionLogLine.parse("disconnection: session time: soon user=x", T, "1", "", "", "", "")).isEmpty();
    }

    @Test
    void aStormOfShortConnectionsShowsAsItsPeakSecondNotAnAverage() {
        ConnectionStorm storm = new ConnectionStorm();
        // a quiet hour with one connection every two minutes, and one second with 50 connections lasting 5 ms each
        for (int m = 0; m < 30; m++) {
            storm.add(new ConnectionEvent(T.plusSeconds(m * 120L), ConnectionEvent.Kind.CONNECTED, "p" + m, "app", "shop", "web", "", Double.NaN));
            storm.add(new ConnectionEvent(T.plusSeconds(m * 120L + 30), ConnectionEvent.Kind.DISCONNECTED, "p" + m, "app", "shop", "web", "", 30));
        }
        Instant burst = T.plusSeconds(1800).plusMillis(200);
        for (int i = 0; i < 50; i++) {
            storm.add(new ConnectionEvent(burst.plusMillis(i * 10L), ConnectionEvent.Kind.CONNECTED, "b" + i, "app", "shop", "cron", "", Double.NaN));
            storm.add(new ConnectionEvent(burst.plusMillis(i * 10L + 5), ConnectionEvent.Kind.DISCONNECTED, "b" + i, "app", "shop", "cron", "", 0.005));
        }
        ConnectionStorm.Summary s = storm.summary();

        assertThat(s.connections()).isEqualTo(80);
        assertThat(s.peakPerSecond()).isEqualTo(51); // the burst and the minute's own connection at 10:30:00
        assertThat(s.peakAt()).isEqualTo(T.plusSeconds(1800));
        assertThat(s.stormSeconds()).isEqualTo(1);
        assertThat(s.medianSessionSeconds()).isEqualTo(0.005);
        assertThat(s.shortShare()).isEqualTo(50 / 80.0);
        assertThat(s.byApplication()).containsEntry("cron", 50).containsEntry("web", 30);
        assertThat(s.lines()).anyMatch(l -> l.contains("connection storm"));
    }
}
