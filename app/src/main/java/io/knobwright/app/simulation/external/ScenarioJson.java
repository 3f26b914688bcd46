package io.knobwright.app.simulation.external;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Explanation;
import io.knobwright.simulator.model.HotRows;
import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.WorkloadShape;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenarios and predictions as JSON, the wire format of external engines (docs/simulation-engine.md). Field names are
 * the records' component names; metrics are keyed by {@link Metric#jsonName()}; settings by their PostgreSQL names in
 * base units. Reading is strict about what the model needs and says which field was wrong.
 */
public final class ScenarioJson {

    /** The version of the format; an engine may check it. */
    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, Metric> METRICS = metricsByName();

    private ScenarioJson() {
    }

    public static String scenario(Scenario s) {
        return write(scenarioNode(s));
    }

    public static String scenarios(List<Scenario> scenarios) {
        ArrayNode array = MAPPER.createArrayNode();
        scenarios.forEach(s -> array.add(scenarioNode(s)));
        return write(array);
    }

    public static String prediction(Prediction p) {
        return write(predictionNode(p));
    }

    public static String predictions(List<Prediction> predictions) {
        ArrayNode array = MAPPER.createArrayNode();
        predictions.forEach(p -> array.add(predictionNode(p)));
        return write(array);
    }

    static ObjectNode scenarioNode(Scenario s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("name", s.name());
        ObjectNode machine = n.putObject("machine");
        machine.put("cpus", s.machine().cpus());
        machine.put("memoryBytes", s.machine().memoryBytes());
        ObjectNode device = machine.putObject("device");
        device.put("randomReadMs", s.machine().device().randomReadMs());
        device.put("seqMBps", s.machine().device().seqMBps());
        device.put("fsyncMs", s.machine().device().fsyncMs());
        WorkloadShape w = s.workload();
        ObjectNode workload = n.putObject("workload");
        workload.put("name", w.name());
        ArrayNode classes = workload.putArray("classes");
        for (QueryClass q : w.classes()) {
            ObjectNode c = classes.addObject();
            c.put("name", q.name());
            c.put("callsPerTx", q.callsPerTx());
            c.put("cpuMs", q.cpuMs());
            c.put("pagesRead", q.pagesRead());
            c.put("sortInputBytes", q.sortInputBytes());
            c.put("hashInputBytes", q.hashInputBytes());
            c.put("pagesDirtied", q.pagesDirtied());
            c.put("walBytes", q.walBytes());
            c.put("planSensitive", q.planSensitive());
        }
        workload.put("dataBytes", w.dataBytes());
        workload.put("accessSkew", w.accessSkew());
        workload.put("clients", w.clients());
        workload.put("thinkMs", w.thinkMs());
        workload.put("commitsPerTx", w.commitsPerTx());
        workload.put("clientsOnHost", w.clientsOnHost());
        ArrayNode hot = workload.putArray("hotRows");
        for (HotRows h : w.hotRows()) {
            ObjectNode o = hot.addObject();
            o.put("name", h.name());
            o.put("rows", h.rows());
            o.put("statementsHeld", h.statementsHeld());
        }
        ObjectNode knobs = n.putObject("knobs");
        s.knobs().values().forEach(knobs::put);
        return n;
    }

    static ObjectNode predictionNode(Prediction p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("scenario", p.scenario());
        n.put("model", p.model());
        ObjectNode metrics = n.putObject("metrics");
        p.metrics().forEach((m, e) -> {
            ObjectNode o = metrics.putObject(m.jsonName());
            o.put("mean", e.mean());
            o.put("low", e.low());
            o.put("high", e.high());
        });
        ArrayNode explanations = n.putArray("explanations");
        for (Explanation e : p.explanations()) {
            ObjectNode o = explanations.addObject();
            o.put("metric", e.metric().jsonName());
            o.put("mechanism", e.mechanism());
            o.put("text", e.text());
            ObjectNode inputs = o.putObject("inputs");
            e.inputs().forEach((k, v) -> putFinite(inputs, k, v));
        }
        ArrayNode warnings = n.putArray("warnings");
        p.warnings().forEach(warnings::add);
        ObjectNode features = n.putObject("features");
        p.features().forEach((k, v) -> putFinite(features, k, v));
        return n;
    }

    /** JSON has no NaN: a figure a model could not give is left out. */
    private static void putFinite(ObjectNode node, String key, Double value) {
        if (value != null && Double.isFinite(value)) {
            node.put(key, value);
        }
    }

    public static Scenario readScenario(String json) {
        return scenario(tree(json), "scenario");
    }

    /** One scenario object, or an array of them (a sweep). */
    public static List<Scenario> readScenarios(String json) {
        JsonNode root = tree(json);
        List<Scenario> out = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                out.add(scenario(root.get(i), "scenario [" + i + "]"));
            }
        } else {
            out.add(scenario(root, "scenario"));
        }
        return out;
    }

    public static Prediction readPrediction(String json) {
        return prediction(tree(json), "prediction");
    }

    /** An array of predictions, {@code expected} of them, in the order of the scenarios asked. */
    public static List<Prediction> readPredictions(String json, int expected) {
        JsonNode root = tree(json);
        if (!root.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of " + expected + " predictions, got "
                    + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (root.size() != expected) {
            throw new IllegalArgumentException("expected " + expected + " predictions, got " + root.size());
        }
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            out.add(prediction(root.get(i), "prediction [" + i + "]"));
        }
        return out;
    }

    private static Scenario scenario(JsonNode n, String where) {
        JsonNode m = object(n, "machine", where);
        JsonNode d = object(m, "device", where + ".machine");
        Machine machine = new Machine((int) number(m, "cpus", where + ".machine"), (long) number(m, "memoryBytes", where + ".machine"),
                new DeviceProfile(number(d, "randomReadMs", where), number(d, "seqMBps", where), number(d, "fsyncMs", where)));
        JsonNode w = object(n, "workload", where);
        List<QueryClass> classes = new ArrayList<>();
        JsonNode cs = w.path("classes");
        if (!cs.isArray()) {
            throw new IllegalArgumentException(where + ".workload.classes is missing or not an array");
        }
        for (JsonNode c : cs) {
            String at = where + ".workload.classes";
            classes.add(new QueryClass(text(c, "name", at), number(c, "callsPerTx", at), number(c, "cpuMs", at),
                    number(c, "pagesRead", at), number(c, "sortInputBytes", at), number(c, "hashInputBytes", at),
                    number(c, "pagesDirtied", at), number(c, "walBytes", at), c.path("planSensitive").asBoolean(false)));
        }
        WorkloadShape shape = new WorkloadShape(text(w, "name", where + ".workload"), classes,
                number(w, "dataBytes", where + ".workload"), number(w, "accessSkew", where + ".workload"),
                (int) number(w, "clients", where + ".workload"), number(w, "thinkMs", where + ".workload"),
                number(w, "commitsPerTx", where + ".workload"), clientsOnHost(w, where + ".workload"),
                hotRows(w, where + ".workload"));
        Map<String, Double> knobs = new LinkedHashMap<>();
        JsonNode k = n.path("knobs");
        for (Iterator<Map.Entry<String, JsonNode>> it = k.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw new IllegalArgumentException(where + ".knobs." + e.getKey() + " is not a number");
            }
            knobs.put(e.getKey(), e.getValue().asDouble());
        }
        return new Scenario(text(n, "name", where), machine, shape, new Knobs(knobs));
    }

    private static Prediction prediction(JsonNode n, String where) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        Map<Metric, Estimate> metrics = new EnumMap<>(Metric.class);
        JsonNode ms = object(n, "metrics", where);
        for (Iterator<Map.Entry<String, JsonNode>> it = ms.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Metric metric = metric(e.getKey(), where + ".metrics");
            String at = where + ".metrics." + e.getKey();
            double mean = number(e.getValue(), "mean", at);
            double low = e.getValue().has("low") ? number(e.getValue(), "low", at) : mean;
            double high = e.getValue().has("high") ? number(e.getValue(), "high", at) : mean;
            try {
                metrics.put(metric, new Estimate(mean, low, high));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(at + ": " + bad.getMessage());
            }
        }
        if (!metrics.containsKey(Metric.THROUGHPUT_TPS)) {
            throw new IllegalArgumentException(where + ".metrics has no " + Metric.THROUGHPUT_TPS.jsonName()
                    + ": every prediction gives throughput");
        }
        List<Explanation> explanations = new ArrayList<>();
        for (JsonNode e : n.path("explanations")) {
            Map<String, Double> inputs = new HashMap<>();
            e.path("inputs").fields().forEachRemaining(f -> inputs.put(f.getKey(), f.getValue().asDouble()));
            explanations.add(new Explanation(metric(text(e, "metric", where + ".explanations"), where + ".explanations"),
                    e.path("mechanism").asText(""), e.path("text").asText(""), inputs));
        }
        List<String> warnings = new ArrayList<>();
        n.path("warnings").forEach(w -> warnings.add(w.asText()));
        Map<String, Double> features = new HashMap<>();
        n.path("features").fields().forEachRemaining(f -> features.put(f.getKey(), f.getValue().asDouble()));
        return new Prediction(text(n, "scenario", where), metrics, explanations, warnings,
                n.path("model").asText("external"), features);
    }

    private static Metric metric(String name, String where) {
        Metric m = METRICS.get(name);
        if (m == null) {
            throw new IllegalArgumentException(where + ": \"" + name + "\" is not a metric; known: " + METRICS.keySet());
        }
        return m;
    }

    private static JsonNode tree(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("the answer was empty");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode object(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isObject()) {
            throw new IllegalArgumentException(where + "." + field + " is missing or not an object");
        }
        return v;
    }

    /** Optional (format 1 had no such field): absent means the clients reach the server over the network. */
    private static boolean clientsOnHost(JsonNode w, String where) {
        JsonNode v = w.path("clientsOnHost");
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(where + ".clientsOnHost is not true or false");
        }
        return v.asBoolean();
    }

    /** Optional (formats before it had none): absent or empty means no row every transaction contends for. */
    private static List<HotRows> hotRows(JsonNode w, String where) {
        JsonNode v = w.path("hotRows");
        if (v.isMissingNode() || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(where + ".hotRows is not an array");
        }
        List<HotRows> out = new ArrayList<>();
        for (JsonNode h : v) {
            String at = where + ".hotRows";
            out.add(new HotRows(text(h, "name", at), number(h, "rows", at), number(h, "statementsHeld", at)));
        }
        return out;
    }

    private static double number(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(where + "." + field + " is missing or not a number");
        }
        return v.asDouble();
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(where + "." + field + " is missing or not a string");
        }
        return v.asText();
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of plain values always writes", e);
        }
    }

    private static Map<String, Metric> metricsByName() {
        Map<String, Metric> m = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            m.put(metric.jsonName(), metric);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
