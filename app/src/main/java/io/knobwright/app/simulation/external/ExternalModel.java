package io.knobwright.app.simulation.external;

import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.SimulationException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A performance model outside Knobwright: a command that reads the scenario as JSON on stdin and prints the
 * prediction as JSON on stdout, or an HTTP endpoint that answers a POST of the scenario with the prediction
 * (docs/simulation-engine.md). A sweep sends all its scenarios at once as a JSON array and expects an array back,
 * so a sweep of 1,000 points is one process or one request. Failures (a non-zero exit, a timeout, an HTTP error,
 * an answer that is not a prediction) become a {@link SimulationException} that says which engine, what it said
 * and what was wrong.
 */
public final class ExternalModel implements PerformanceModel {

    /** How long an engine may take per call unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** An engine's stderr quoted in an error, at most. */
    private static final int STDERR_QUOTED = 2_000;

    private final List<String> command;
    private final URI endpoint;
    private final Duration timeout;
    private final HttpClient http;

    private ExternalModel(List<String> command, URI endpoint, Duration timeout) {
        this.command = command == null ? null : List.copyOf(command);
        this.endpoint = endpoint;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("An engine's timeout is positive: " + timeout);
        }
        this.http = endpoint == null ? null : HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** A command and its arguments, run once per call (no shell). */
    public static ExternalModel command(List<String> argv, Duration timeout) {
        if (argv.isEmpty() || argv.getFirst().isBlank()) {
            throw new IllegalArgumentException("An engine command names a program");
        }
        return new ExternalModel(argv, null, timeout);
    }

    public static ExternalModel http(URI endpoint, Duration timeout) {
        return new ExternalModel(null, endpoint, timeout);
    }

    /**
     * An engine as a user writes it: an http:// or https:// URL, else a command line split at spaces (quote an
     * argument that holds spaces with "..." or '...').
     */
    public static ExternalModel parse(String spec, Duration timeout) {
        String s = spec == null ? "" : spec.strip();
        if (s.isEmpty()) {
            throw new SimulationException("No engine was given: use a command (\"python3 my_engine.py\") or an http(s) URL.");
        }
        if (s.startsWith("http://") || s.startsWith("https://")) {
            try {
                return http(URI.create(s), timeout);
            } catch (IllegalArgumentException bad) {
                throw new SimulationException("\"" + s + "\" is not a URL an engine can answer at: " + bad.getMessage());
            }
        }
        return command(words(s), timeout);
    }

    @Override
    public String name() {
        return "external: " + (endpoint != null ? endpoint.toString() : String.join(" ", command));
    }

    @Override
    public Prediction predict(Scenario scenario) {
        String answer = call(ScenarioJson.scenario(scenario));
        try {
            return ScenarioJson.readPrediction(answer);
        } catch (IllegalArgumentException bad) {
            throw malformed(bad, answer);
        }
    }

    @Override
    public List<Prediction> predictAll(List<Scenario> scenarios) {
        if (scenarios.isEmpty()) {
            return List.of();
        }
        String answer = call(ScenarioJson.scenarios(scenarios));
        try {
            return ScenarioJson.readPredictions(answer, scenarios.size());
        } catch (IllegalArgumentException bad) {
            throw malformed(bad, answer);
        }
    }

    private SimulationException malformed(IllegalArgumentException bad, String answer) {
        String shown = answer.length() > 300 ? answer.substring(0, 300) + "..." : answer;
        return new SimulationException("The engine " + name() + " answered something that is not a prediction ("
                + bad.getMessage() + "). See docs/simulation-engine.md for the format. It answered: " + shown.strip());
    }

    private String call(String json) {
        return endpoint != null ? post(json) : run(json);
    }

    private String post(String json) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new SimulationException("The engine " + name() + " answered HTTP " + response.statusCode() + ": "
                        + clip(response.body()));
            }
            return response.body();
        } catch (HttpTimeoutException slow) {
            throw new SimulationException("The engine " + name() + " did not answer within " + seconds() + ": it is too slow"
                    + " or stuck (give it more time with --engine-timeout).");
        } catch (IOException unreachable) {
            throw new SimulationException("The engine " + name() + " could not be reached: " + unreachable.getMessage()
                    + ". Check that it runs and listens at that address.");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SimulationException("Asking the engine " + name() + " was interrupted.");
        }
    }

    private String run(String json) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException cannot) {
            throw new SimulationException("The engine command " + name() + " could not be started: " + cannot.getMessage()
                    + ". Check the program's path.");
        }
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        // written on its own thread: an engine that never reads would otherwise block us past the timeout
        Thread.startVirtualThread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(json.getBytes(StandardCharsets.UTF_8));
            } catch (IOException closedEarly) {
                // the engine stopped reading (it may have failed): its exit code and stderr say why
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new SimulationException("The engine " + name() + " did not answer within " + seconds()
                        + " and was stopped: it is too slow or stuck (give it more time with --engine-timeout)."
                        + stderr(err));
            }
            String stdout = new String(out.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new SimulationException("The engine " + name() + " failed with exit code " + process.exitValue() + "."
                        + stderr(err));
            }
            return stdout;
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SimulationException("Asking the engine " + name() + " was interrupted.");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new SimulationException("The engine " + name() + "'s answer could not be read: " + e.getMessage());
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream; ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
                stream.transferTo(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                return new byte[0];
            }
        }, Thread::startVirtualThread);
    }

    private String stderr(CompletableFuture<byte[]> err) {
        try {
            String text = new String(err.get(2, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? " It wrote nothing on stderr." : " It wrote on stderr: " + clip(text);
        } catch (Exception unreadable) {
            return "";
        }
    }

    private static String clip(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > STDERR_QUOTED ? t.substring(0, STDERR_QUOTED) + "..." : t;
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    /** A command line's words: split at whitespace, "..." and '...' keep what they enclose together. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new SimulationException("The engine command has an unclosed quote: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
