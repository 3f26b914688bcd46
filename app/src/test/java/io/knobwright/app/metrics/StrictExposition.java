package io.knobwright.app.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the text format 0.0.4 for tests: every line is blank, a comment, or {@code name{labels} value};
 * names are valid; every sample's family has a TYPE line before it; a family's TYPE appears once; label values unescape
 * only \\, \" and \n. Anything else fails with the line number.
 */
final class StrictExposition {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    final Map<String, String> types = new HashMap<>();
    final Map<String, String> helps = new HashMap<>();
    final List<Sample> samples = new ArrayList<>();

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");

    static StrictExposition parse(String page) {
        StrictExposition p = new StrictExposition();
        if (!page.isEmpty() && !page.endsWith("\n")) {
            throw new IllegalArgumentException("the page does not end with a line feed");
        }
        String[] lines = page.split("\n", -1);
        for (int n = 0; n < lines.length - 1; n++) {
            p.line(lines[n], n + 1);
        }
        return p;
    }

    private void line(String line, int n) {
        if (line.isBlank()) {
            return;
        }
        if (line.startsWith("#")) {
            Matcher t = TYPE.matcher(line);
            if (t.matches()) {
                if (types.put(t.group(1), t.group(2)) != null) {
                    throw fail(n, "second TYPE for " + t.group(1), line);
                }
                if (samples.stream().anyMatch(s -> s.name().equals(t.group(1)))) {
                    throw fail(n, "TYPE after the family's samples", line);
                }
                return;
            }
            Matcher h = HELP.matcher(line);
            if (h.matches()) {
                helps.put(h.group(1), h.group(2));
            } else if (line.startsWith("# HELP") || line.startsWith("# TYPE")) {
                throw fail(n, "malformed HELP/TYPE", line);
            }
            return;
        }
        int i = 0;
        Matcher name = NAME.matcher(line);
        if (!name.lookingAt()) {
            throw fail(n, "no metric name", line);
        }
        String metric = name.group();
        i = name.end();
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                Matcher l = LABEL.matcher(line).region(i, line.length());
                if (!l.lookingAt()) {
                    throw fail(n, "bad label name at " + i, line);
                }
                String key = l.group();
                i = l.end();
                if (!line.startsWith("=\"", i)) {
                    throw fail(n, "expected =\" at " + i, line);
                }
                i += 2;
                StringBuilder value = new StringBuilder();
                while (line.charAt(i) != '"') {
                    char c = line.charAt(i);
                    if (c == '\\') {
                        char e = line.charAt(i + 1);
                        value.append(switch (e) {
                            case '\\' -> '\\';
                            case '"' -> '"';
                            case 'n' -> '\n';
                            default -> throw fail(n, "bad escape \\" + e, line);
                        });
                        i += 2;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
                i++;
                if (labels.put(key, value.toString()) != null) {
                    throw fail(n, "label twice: " + key, line);
                }
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        if (i >= line.length() || line.charAt(i) != ' ') {
            throw fail(n, "expected one space before the value", line);
        }
        String[] rest = line.substring(i + 1).split(" ");
        if (rest.length > 2) {
            throw fail(n, "more than value and timestamp", line);
        }
        double value = switch (rest[0]) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(rest[0]);
        };
        if (!types.containsKey(metric)) {
            throw fail(n, "sample without a TYPE for its family", line);
        }
        samples.add(new Sample(metric, labels, value));
    }

    private static IllegalArgumentException fail(int n, String why, String line) {
        return new IllegalArgumentException("line " + n + ": " + why + ": " + line);
    }

    double value(String metric, String instance) {
        List<Sample> found = samples.stream()
                .filter(s -> s.name().equals(metric) && instance.equals(s.labels().get("instance_name"))).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + metric + " for " + instance);
        }
        return found.getFirst().value();
    }
}
