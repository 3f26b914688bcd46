package io.knobwright.model.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sequential scans of a PostgreSQL plan ({@code EXPLAIN (FORMAT JSON, VERBOSE)}) and the columns they filter,
 * join or sort on. The plan says which columns a query really filters on, after views, functions and rewriting, and
 * it says it on the server's own terms, so it is read instead of the query text. A filter with OR, with a function of
 * the column, or comparing two columns of the same table is left alone: a plain btree does not serve it.
 */
public final class PlanNeeds {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IDENT = "(?:[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\")";
    /** {@code [(]qualifier.column[)][::type] op rest}: a column compared with something. */
    private static final Pattern COMPARISON = Pattern.compile("^\\(?(?:" + IDENT + "\\.)?(" + IDENT + ")\\)?"
            + "(?:::[A-Za-z_][A-Za-z0-9_ ]*?(?:\\[])?)?\\s+(=|<=|>=|<|>|~~)\\s+(.+)$", Pattern.DOTALL);
    /** A right-hand side that is itself a column: a comparison of two columns, which no single-column index serves. */
    private static final Pattern COLUMN_ONLY = Pattern.compile("^\\(?(?:" + IDENT + "\\.)?" + IDENT + "\\)?(?:::[A-Za-z_ ]+)?$");
    private static final Pattern LIKE_PREFIX = Pattern.compile("^'([^'%_\\\\][^']*)'(?:::[A-Za-z_ ]+)?$");
    private static final Set<String> VALUE_WORDS = Set.of("current_date", "current_timestamp", "localtimestamp",
            "current_user", "session_user", "true", "false", "null");

    private PlanNeeds() {
    }

    /**
     * The needs of every sequential scan in the plan that filters, feeds a join or is sorted under a LIMIT.
     *
     * @throws IllegalArgumentException when the text is not an EXPLAIN (FORMAT JSON) result
     */
    public static List<ScanNeed> of(String explainJson) {
        JsonNode plan = root(explainJson);
        Map<String, JsonNode> scansByAlias = new HashMap<>();
        collectScans(plan, scansByAlias);
        List<ScanNeed> needs = new ArrayList<>();
        walk(plan, false, List.of(), scansByAlias, needs);
        return needs;
    }

    /** Every table the plan reads, as {@code schema.table} ("public" when the plan does not name schemas). */
    public static Set<String> relations(String explainJson) {
        Set<String> out = new java.util.TreeSet<>();
        collectRelations(root(explainJson), out);
        return out;
    }

    /** The plan's estimated total cost. */
    public static double totalCost(String explainJson) {
        return root(explainJson).path("Total Cost").asDouble(0);
    }

    private static void collectRelations(JsonNode node, Set<String> out) {
        if (node.has("Relation Name")) {
            out.add(schema(node) + "." + node.path("Relation Name").asText());
        }
        for (JsonNode child : node.path("Plans")) {
            collectRelations(child, out);
        }
    }

    private static JsonNode root(String explainJson) {
        JsonNode root;
        try {
            root = JSON.readTree(explainJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an EXPLAIN (FORMAT JSON) result: " + e.getOriginalMessage(), e);
        }
        JsonNode plan = root != null && root.isArray() && !root.isEmpty() ? root.get(0).get("Plan") : null;
        if (plan == null || !plan.isObject()) {
            throw new IllegalArgumentException("Not an EXPLAIN (FORMAT JSON) result: no \"Plan\" in its first element.");
        }
        return plan;
    }

    private static boolean isSeqScan(JsonNode node) {
        return "Seq Scan".equals(node.path("Node Type").asText());
    }

    private static void collectScans(JsonNode node, Map<String, JsonNode> byAlias) {
        if (isSeqScan(node)) {
            byAlias.put(node.path("Alias").asText(node.path("Relation Name").asText()), node);
        }
        for (JsonNode child : node.path("Plans")) {
            collectScans(child, byAlias);
        }
    }

    /**
     * @param underLimit the node's parent is a Limit
     * @param sort       the sort keys of a Sort under a Limit when that Sort is the node's parent, else empty
     */
    private static void walk(JsonNode node, boolean underLimit, List<String> sort, Map<String, JsonNode> scansByAlias,
                             List<ScanNeed> out) {
        String type = node.path("Node Type").asText();
        if (isSeqScan(node)) {
            List<String> equality = new ArrayList<>();
            List<String> range = new ArrayList<>();
            filterColumns(node.path("Filter").asText(""), equality, range);
            ScanNeed need = new ScanNeed(schema(node), node.path("Relation Name").asText(), equality, range, sort,
                    reason(node, equality, range, sort));
            if (!need.isEmpty()) {
                out.add(need);
            }
        }
        if (type.endsWith("Join")) {
            String condition = node.path("Hash Cond").asText(node.path("Merge Cond").asText(""));
            for (String[] sides : joinPairs(condition)) {
                JsonNode scan = scansByAlias.get(sides[0]);
                if (scan != null) {
                    out.add(new ScanNeed(schema(scan), scan.path("Relation Name").asText(), List.of(sides[1]), List.of(),
                            List.of(), "sequential scan of " + scan.path("Relation Name").asText() + " joined on "
                            + sides[1]));
                }
            }
        }
        List<String> childSort = underLimit && "Sort".equals(type) ? sortKeys(node) : List.of();
        for (JsonNode child : node.path("Plans")) {
            walk(child, "Limit".equals(type), childSort, scansByAlias, out);
        }
    }

    private static String schema(JsonNode scan) {
        return scan.path("Schema").asText("public");
    }

    private static String reason(JsonNode scan, List<String> equality, List<String> range, List<String> sort) {
        StringBuilder why = new StringBuilder("sequential scan of ").append(scan.path("Relation Name").asText());
        if (!equality.isEmpty() || !range.isEmpty()) {
            LinkedHashSet<String> filtered = new LinkedHashSet<>(equality);
            filtered.addAll(range);
            why.append(" filtering on ").append(String.join(", ", filtered));
        }
        if (!sort.isEmpty()) {
            why.append(equality.isEmpty() && range.isEmpty() ? "" : ",").append(" sorted on ")
                    .append(String.join(", ", sort)).append(" under a LIMIT");
        }
        return why.toString();
    }

    /** The columns a Sort orders by; empty when one key is an expression, which no plain index serves. */
    private static List<String> sortKeys(JsonNode sortNode) {
        List<String> columns = new ArrayList<>();
        for (JsonNode key : sortNode.path("Sort Key")) {
            String k = key.asText().replaceAll("(?i)\\s+(ASC|DESC)(\\s+NULLS\\s+(FIRST|LAST))?$", "").strip();
            Matcher m = Pattern.compile("^\\(?(?:" + IDENT + "\\.)?(" + IDENT + ")\\)?$").matcher(k);
            if (!m.matches()) {
                return List.of(); // an expression: no plain index serves the order
            }
            columns.add(m.group(1));
        }
        return columns;
    }

    /** The equality and range columns of a filter that is a conjunction of plain comparisons. */
    static void filterColumns(String filter, List<String> equality, List<String> range) {
        if (filter.isBlank() || filter.contains(" OR ")) {
            return;
        }
        for (String conjunct : conjuncts(strip(filter.strip()))) {
            Matcher m = COMPARISON.matcher(strip(conjunct.strip()));
            if (!m.matches()) {
                continue;
            }
            String column = m.group(1);
            String op = m.group(2);
            String rhs = m.group(3).strip();
            if (COLUMN_ONLY.matcher(rhs).matches() && !VALUE_WORDS.contains(rhs.toLowerCase(java.util.Locale.ROOT))
                    && !rhs.startsWith("$")) {
                continue;
            }
            switch (op) {
                case "=" -> addOnce(equality, column);
                case "~~" -> {
                    if (LIKE_PREFIX.matcher(rhs).matches()) {
                        addOnce(range, column + " text_pattern_ops");
                    }
                }
                default -> addOnce(range, column);
            }
        }
        range.removeIf(r -> equality.contains(r.split(" ")[0]));
    }

    private static void addOnce(List<String> list, String column) {
        if (!list.contains(column)) {
            list.add(column);
        }
    }

    /** The parts of {@code a AND b AND c} at the top level of the parentheses, outside quotes. */
    private static List<String> conjuncts(String expression) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && expression.startsWith(" AND ", i)) {
                parts.add(expression.substring(start, i));
                start = i + 5;
                i += 4;
            }
        }
        parts.add(expression.substring(start));
        return parts;
    }

    /** Removes parentheses around the whole expression. */
    static String strip(String s) {
        while (s.startsWith("(") && closes(s) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static int closes(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code (a.x = b.y)}: for each side, the alias and the column. */
    private static List<String[]> joinPairs(String condition) {
        List<String[]> out = new ArrayList<>();
        if (condition.isBlank() || condition.contains(" OR ")) {
            return out;
        }
        Pattern side = Pattern.compile("^\\(?(" + IDENT + ")\\.(" + IDENT + ")\\)?(?:::[A-Za-z_ ]+)?$");
        for (String conjunct : conjuncts(strip(condition.strip()))) {
            String[] halves = strip(conjunct.strip()).split(" = ", 2);
            if (halves.length != 2) {
                continue;
            }
            for (String half : halves) {
                Matcher m = side.matcher(half.strip());
                if (m.matches()) {
                    out.add(new String[] {m.group(1), m.group(2)});
                }
            }
        }
        return out;
    }
}
