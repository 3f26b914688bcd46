package io.knobwright.app.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * GET (and HEAD) /metrics over the JDK's HTTP server; every exchange on its own virtual thread, so scrapes run
 * concurrently and never on a thread of the daemon's scheduler. Other paths answer 404, other methods 405.
 */
public final class MetricsEndpoint implements AutoCloseable {

    public static final String LOOPBACK = "127.0.0.1";

    private final HttpServer server;
    private final ExecutorService threads;

    private MetricsEndpoint(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts serving on {@code bind}:{@code port} (port 0: an ephemeral one, see {@link #port()}). */
    public static MetricsEndpoint start(String bind, int port, MetricsExporter exporter) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(threads);
        server.createContext("/", exchange -> serve(exchange, exporter));
        server.start();
        return new MetricsEndpoint(server, threads);
    }

    private static void serve(HttpExchange exchange, MetricsExporter exporter) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/metrics")) {
                text(exchange, 404, "Not found: Knobwright serves /metrics only.\n", method);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                text(exchange, 405, "Use GET or HEAD.\n", method);
                return;
            }
            String page;
            try {
                page = ExpositionFormat.write(exporter.scrape());
            } catch (RuntimeException e) {
                text(exchange, 500, "The metrics page could not be computed: " + e.getMessage() + "\n", method);
                return;
            }
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", ExpositionFormat.CONTENT_TYPE);
            send(exchange, 200, body, method);
        }
    }

    private static void text(HttpExchange exchange, int status, String message, String method) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, message.getBytes(StandardCharsets.UTF_8), method);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String method) throws IOException {
        if (method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String address() {
        return server.getAddress().getHostString() + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
