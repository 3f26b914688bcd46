package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A port that agrees to TLS and then speaks plain text: the driver's handshake fails as against a broken proxy. */
class PostgresTlsFailureTest {

    @Test
    void failedTlsHandshakeSaysToCheckTheSslSettings() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> agreeToTlsThenSpeakPlainText(listener));
            String url = "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + "/postgres?sslmode=require";

            assertThatThrownBy(() -> new PostgresConnector().probe(new ConnectionTarget(url, "postgres", "pw")))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageStartingWith("The TLS handshake with PostgreSQL at 127.0.0.1:" + listener.getLocalPort() + " failed (")
                    .hasMessageEndingWith("): check the URL's SSL settings and the server's certificate.");
        }
    }

    private static void agreeToTlsThenSpeakPlainText(ServerSocket listener) {
        try (Socket client = listener.accept()) {
            new DataInputStream(client.getInputStream()).readFully(new byte[8]); // SSLRequest: length and code
            OutputStream out = client.getOutputStream();
            out.write('S');
            out.write("this is not a TLS record, just text from a misconfigured proxy\n".repeat(4).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            client.getInputStream().read(); // hold the connection until the driver gives up
        } catch (IOException closed) {
            // the test is over
        }
    }
}
