package io.knobwright.connectors.jdbc;


import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a JDBC URL that Knobwright itself needs before handing the URL to a driver: where it points
 * (for messages), which database, and which driver properties it sets (to refuse hostile ones).
 * Understands the PostgreSQL and MariaDB/MySQL forms, including several hosts and MariaDB's
 * {@code address=(host=..)(port=..)} spelling. It does not validate: the driver does that.
 *
 * @param endpoints  "host:port" of every host in the URL, the driver's default port filled in
 * @param database   the database in the path, empty when the URL names none
 * @param parameters the query parameters, names and values percent-decoded, in URL order
 */
public record JdbcUrl(List<String> endpoints, String database, List<Parameter> parameters) {

    private static final Pattern ADDRESS_HOST = Pattern.compile("\\(host=([^)]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDRESS_PORT = Pattern.compile("\\(port=(\\d+)\\)", Pattern.CASE_INSENSITIVE);

    /** One {@code name=value} pair of the query string. */
    public record Parameter(String name, String value) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            value = value == null ? "" : value;
        }
    }

    public JdbcUrl {
        endpoints = List.copyOf(endpoints);
        database = database == null ? "" : database;
        parameters = List.copyOf(parameters);
    }

    /** The endpoints for a message: "db1:5432" or "db1:5432, db2:5432". */
    public String endpoint() {
        return String.join(", ", endpoints);
    }

    public static JdbcUrl parse(String url, int defaultPort) {
        String rest = url;
        int query = rest.indexOf('?');
        String queryString = query < 0 ? "" : rest.substring(query + 1);
        rest = query < 0 ? rest : rest.substring(0, query);

        List<String> endpoints = new ArrayList<>();
        String database;
        int slashes = rest.indexOf("//");
        if (slashes < 0) {
            // jdbc:postgresql:dbname means localhost on the default port
            int schemeEnd = rest.indexOf(':', "jdbc:".length());
            database = schemeEnd < 0 ? "" : rest.substring(schemeEnd + 1);
            endpoints.add("localhost:" + defaultPort);
        } else {
            String afterSlashes = rest.substring(slashes + 2);
            int path = pathStart(afterSlashes);
            String authority = path < 0 ? afterSlashes : afterSlashes.substring(0, path);
            database = path < 0 ? "" : afterSlashes.substring(path + 1);
            int at = authority.lastIndexOf('@');
            authority = at < 0 ? authority : authority.substring(at + 1);
            for (String host : splitHosts(authority)) {
                endpoints.add(endpoint(host.trim(), defaultPort));
            }
            if (endpoints.isEmpty()) {
                endpoints.add("localhost:" + defaultPort);
            }
        }
        return new JdbcUrl(endpoints, decode(database), parameters(queryString));
    }

    /** The first '/' after the authority, skipping the parentheses of MariaDB's address=(...) form. */
    private static int pathStart(String afterSlashes) {
        int depth = 0;
        for (int i = 0; i < afterSlashes.length(); i++) {
            char c = afterSlashes.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '/' && depth <= 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitHosts(String authority) {
        List<String> hosts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < authority.length(); i++) {
            char c = authority.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth <= 0) {
                hosts.add(authority.substring(start, i));
                start = i + 1;
            }
        }
        hosts.add(authority.substring(start));
        hosts.removeIf(String::isBlank);
        return hosts;
    }

    private static String endpoint(String host, int defaultPort) {
        if (host.regionMatches(true, 0, "address=", 0, "address=".length())) {
            Matcher h = ADDRESS_HOST.matcher(host);
            Matcher p = ADDRESS_PORT.matcher(host);
            return (h.find() ? h.group(1) : "localhost") + ":" + (p.find() ? p.group(1) : defaultPort);
        }
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close > 0) {
                String port = host.substring(close + 1);
                return host.substring(0, close + 1) + (port.startsWith(":") && port.length() > 1 ? port : ":" + defaultPort);
            }
            return host;
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host + ":" + defaultPort : host;
    }

    private static List<Parameter> parameters(String queryString) {
        List<Parameter> parameters = new ArrayList<>();
        for (String pair : queryString.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.add(new Parameter(decode(name).trim(), decode(value)));
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return text;
        }
    }
}
