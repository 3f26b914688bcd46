package io.knobwright.app.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.model.UserError;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code /api/v1/query_range} of a Prometheus-compatible server (Prometheus, Thanos, VictoriaMetrics, Mimir):
 * the matrix result's series with their labels and points. "NaN", "+Inf" and "-Inf" values are read as such; the
 * server's errors (status "error" with errorType and error) become one plain message.
 */
public final class PrometheusClient {

    /** Who to be: a bearer token, or a user and password for basic auth, or neither. */
    public record Auth(String bearerToken, String user, String password) {
        public static final Auth NONE = new Auth(null, null, null);

        void apply(HttpRequest.Builder request) {
            if (bearerToken != null && !bearerToken.isBlank()) {
                request.header("Authorization", "Bearer " + bearerToken.strip());
            } else if (user != null) {
                String pair = user + ":" + (password == null ? "" : password);
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** One series of the result: its labels (with __name__ when the query kept it) and its points, oldest first. */
    public record Series(Map<String, String> labels, List<Point> points) {
        public Series {
            labels = Map.copyOf(labels);
            points = List.copyOf(points);
        }
    }

    /** A value as Prometheus sent it: NaN and infinities included (the series store keeps finite values only). */
    public record Point(Instant at, double value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    public PrometheusClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public List<Series> queryRange(URI base, String query, Instant start, Instant end, Duration step, Auth auth) {
        String form = "query=" + enc(query) + "&start=" + seconds(start) + "&end=" + seconds(end) + "&step=" + step.toMillis() / 1000.0;
        URI uri = base.resolve(base.getPath().endsWith("/") ? "api/v1/query_range" : base.getPath() + "/api/v1/query_range");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        auth.apply(request);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new UserError(UserError.Kind.UNREACHABLE, "Prometheus at " + base + " did not answer within "
                    + timeout.toSeconds() + " s; try a shorter range, a larger --step, or a longer --timeout.", e);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.UNREACHABLE, "Prometheus at " + base + " could not be reached ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); check --url and that the server is up.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(UserError.Kind.UNREACHABLE, "The Prometheus query was interrupted.", e);
        }
        return parse(base, response.statusCode(), response.body());
    }

    static List<Series> parse(URI base, int status, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject() || !root.has("status")) {
            String start = body == null ? "" : body.strip();
            throw new UserError(UserError.Kind.UNREACHABLE, "The server at " + base + " answered HTTP " + status
                    + " without Prometheus API JSON" + (status == 401 || status == 403
                    ? "; the login was refused: set the token's environment variable (or --user and the password's)."
                    : " (" + (start.length() > 120 ? start.substring(0, 120) + "…" : start)
                    + "); is --url the Prometheus base address (without /api/v1)?"));
        }
        if (!"success".equals(root.path("status").asText())) {
            throw UserError.input("Prometheus refused the query (HTTP " + status + ", " + root.path("errorType").asText("error")
                    + "): " + root.path("error").asText("no reason given") + ".");
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText();
        if (!type.equals("matrix")) {
            throw UserError.input("Prometheus answered a " + type + ", not a matrix; query_range needs a query that gives series.");
        }
        List<Series> series = new ArrayList<>();
        for (JsonNode s : data.path("result")) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = s.path("metric").properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                labels.put(e.getKey(), e.getValue().asText());
            }
            List<Point> points = new ArrayList<>();
            for (JsonNode pair : s.path("values")) {
                if (!pair.isArray() || pair.size() != 2) {
                    throw UserError.input("Prometheus sent a value that is not [time, \"value\"]: " + pair);
                }
                long ms = Math.round(pair.get(0).asDouble() * 1000);
                points.add(new Point(Instant.ofEpochMilli(ms), value(pair.get(1).asText())));
            }
            series.add(new Series(labels, points));
        }
        return series;
    }

    static double value(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw UserError.input("Prometheus sent a value that is not a number: '" + text + "'.");
                }
            }
        };
    }

    private static String seconds(Instant t) {
        return t.getEpochSecond() + (t.getNano() == 0 ? "" : String.format(java.util.Locale.ROOT, ".%03d", t.getNano() / 1_000_000));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
