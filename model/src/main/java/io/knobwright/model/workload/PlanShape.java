package io.knobwright.model.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Locale;

/**
 * What a PostgreSQL plan does, without what it estimates: the tree of node types with the tables, indexes, join and
 * aggregate strategies they use. Two plans with the same shape run the same way; costs and row estimates move with
 * every ANALYZE and are left out, so a "plan change" means the planner chose another way to run the query (a
 * sequential scan instead of an index scan, a hash join instead of a nested loop), which is what a DBA must see.
 *
 * @param outline one line per node, indented by depth: "Hash Join (Inner)", "  Seq Scan on orders", ...; shown
 *                side by side when a plan changed
 * @param hash    64-bit FNV-1a of the outline, as 16 hex digits: equal shapes, equal hashes
 * @param cost    the plan's estimated total cost (shown next to the outline; not part of the shape)
 */
public record PlanShape(String outline, String hash, double cost) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /**
     * The shape of the JSON that {@code EXPLAIN (FORMAT JSON)} returns: an array holding one object with a "Plan".
     *
     * @throws IllegalArgumentException when the text is not such a plan
     */
    public static PlanShape ofExplainJson(String explainJson) {
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
        StringBuilder outline = new StringBuilder();
        describe(plan, 0, outline);
        String text = outline.toString();
        return new PlanShape(text, hash(text), plan.path("Total Cost").asDouble(0));
    }

    private static void describe(JsonNode node, int depth, StringBuilder out) {
        if (!out.isEmpty()) {
            out.append('\n');
        }
        out.append("  ".repeat(depth)).append(node.path("Node Type").asText("?"));
        qualifier(node, "Operation", out);
        qualifier(node, "Strategy", out);
        qualifier(node, "Join Type", out);
        qualifier(node, "Scan Direction", out, "Forward");
        String relation = node.path("Relation Name").asText("");
        if (!relation.isEmpty()) {
            out.append(" on ").append(relation);
        }
        String index = node.path("Index Name").asText("");
        if (!index.isEmpty()) {
            out.append(" using ").append(index);
        }
        String cte = node.path("CTE Name").asText("");
        if (!cte.isEmpty()) {
            out.append(" on CTE ").append(cte);
        }
        for (JsonNode child : node.path("Plans")) {
            describe(child, depth + 1, out);
        }
    }

    private static void qualifier(JsonNode node, String field, StringBuilder out, String... defaults) {
        String value = node.path(field).asText("");
        for (String usual : defaults) {
            if (usual.equals(value)) {
                return;
            }
        }
        if (!value.isEmpty()) {
            out.append(" (").append(value).append(')');
        }
    }

    private static String hash(String text) {
        long h = FNV_OFFSET;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= FNV_PRIME;
        }
        return String.format(Locale.ROOT, "%016x", h);
    }

    /** True when the two plans run the query differently. */
    public boolean differsFrom(PlanShape other) {
        return !hash.equals(other.hash);
    }
}
