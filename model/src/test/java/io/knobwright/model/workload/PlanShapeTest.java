package io.knobwright.model.workload;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanShapeTest {

    // as PostgreSQL 16 prints them (trimmed of fields the shape does not read)
    private static final String INDEX_PLAN = """
            [{"Plan": {"Node Type": "Index Scan", "Parallel Aware": false, "Scan Direction": "Forward",
              "Index Name": "orders_pkey", "Relation Name": "orders", "Alias": "orders",
              "Startup Cost": 0.29, "Total Cost": 8.31, "Plan Rows": 1, "Plan Width": 40,
              "Index Cond": "(id = $1)"}}]""";
    private static final String INDEX_PLAN_OTHER_COSTS = INDEX_PLAN.replace("8.31", "9.70").replace("\"Plan Rows\": 1",
            "\"Plan Rows\": 3");
    private static final String JOIN_PLAN = """
            [{"Plan": {"Node Type": "Hash Join", "Join Type": "Inner", "Total Cost": 1520.5,
              "Plans": [
                {"Node Type": "Seq Scan", "Parent Relationship": "Outer", "Relation Name": "orders", "Total Cost": 1000},
                {"Node Type": "Hash", "Parent Relationship": "Inner", "Total Cost": 20,
                 "Plans": [{"Node Type": "Seq Scan", "Relation Name": "customers", "Total Cost": 19}]}]}}]""";

    @Test
    void theOutlineNamesNodesTablesIndexesAndStrategies() {
        assertThat(PlanShape.ofExplainJson(INDEX_PLAN).outline()).isEqualTo("Index Scan on orders using orders_pkey");
        assertThat(PlanShape.ofExplainJson(JOIN_PLAN).outline()).isEqualTo("""
                Hash Join (Inner)
                  Seq Scan on orders
                  Hash
                    Seq Scan on customers""");
        assertThat(PlanShape.ofExplainJson(JOIN_PLAN).cost()).isEqualTo(1520.5);
    }

    @Test
    void newEstimatesAreNotAChangeAnotherWayToRunIs() {
        PlanShape index = PlanShape.ofExplainJson(INDEX_PLAN);
        assertThat(index.differsFrom(PlanShape.ofExplainJson(INDEX_PLAN_OTHER_COSTS))).isFalse();
        assertThat(index.differsFrom(PlanShape.ofExplainJson(JOIN_PLAN))).isTrue();
        assertThat(index.hash()).hasSize(16);
    }

    @Test
    void textThatIsNotAPlanIsRefusedWithWhatWasExpected() {
        assertThatThrownBy(() -> PlanShape.ofExplainJson("not json")).hasMessageStartingWith("Not an EXPLAIN (FORMAT JSON)");
        assertThatThrownBy(() -> PlanShape.ofExplainJson("[{\"x\": 1}]")).hasMessageContaining("no \"Plan\"");
        assertThatThrownBy(() -> PlanShape.ofExplainJson("[]")).hasMessageContaining("no \"Plan\"");
    }

    @Test
    void changesAreFoundPerQueryBetweenConsecutiveCapturesNewestFirst() {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        CapturedPlan a1 = plan("aaaa", t0, INDEX_PLAN);
        CapturedPlan a2 = plan("aaaa", t0.plusSeconds(3600), INDEX_PLAN_OTHER_COSTS);
        CapturedPlan a3 = plan("aaaa", t0.plusSeconds(7200), JOIN_PLAN);
        CapturedPlan b1 = plan("bbbb", t0, JOIN_PLAN);
        CapturedPlan b2 = plan("bbbb", t0.plusSeconds(60), INDEX_PLAN);
        CapturedPlan b3 = plan("bbbb", t0.plusSeconds(120), JOIN_PLAN);

        List<PlanChange> changes = PlanChange.in(List.of(b3, a3, a1, b1, a2, b2));

        assertThat(changes).extracting(c -> c.before().queryKey() + " " + c.before().capturedAt() + " -> " + c.after().capturedAt())
                .containsExactly("aaaa 2026-12-01T11:00:00Z -> 2026-12-01T12:00:00Z",
                        "bbbb 2026-12-01T10:01:00Z -> 2026-12-01T10:02:00Z",
                        "bbbb 2026-12-01T10:00:00Z -> 2026-12-01T10:01:00Z");
    }

    private static CapturedPlan plan(String key, Instant at, String json) {
        return new CapturedPlan(7, key, "select ...", at, true, PlanShape.ofExplainJson(json), json);
    }
}
