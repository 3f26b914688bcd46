package io.knobwright.model.index;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure parts of index advice: what a plan filters on, candidates and the prefix rule, hygiene findings. */
class IndexAdviceLogicTest {

    private static final String FILTERED_SCAN = """
            [{"Plan": {"Node Type": "Limit", "Total Cost": 4000, "Plans": [
              {"Node Type": "Sort", "Sort Key": ["o.created_at DESC"], "Plans": [
                {"Node Type": "Seq Scan", "Relation Name": "orders", "Schema": "shop", "Alias": "o",
                 "Filter": "((o.customer_id = $1) AND ((o.status)::text = 'open'::text) AND (o.created_at >= $2))"}]}]}}]
            """;

    private static final String JOIN = """
            [{"Plan": {"Node Type": "Hash Join", "Hash Cond": "(l.order_id = o.id)", "Plans": [
              {"Node Type": "Seq Scan", "Relation Name": "lines", "Schema": "shop", "Alias": "l"},
              {"Node Type": "Hash", "Plans": [{"Node Type": "Seq Scan", "Relation Name": "orders", "Schema": "shop",
               "Alias": "o", "Filter": "(o.email ~~ 'ab%'::text)"}]}]}}]
            """;

    @Test
    void aFilteredScanAsksForEqualityColumnsFirstThenTheRange() {
        List<ScanNeed> needs = PlanNeeds.of(FILTERED_SCAN);
        assertThat(needs).hasSize(1);
        ScanNeed need = needs.getFirst();
        assertThat(need.table()).isEqualTo("orders");
        assertThat(need.schema()).isEqualTo("shop");
        assertThat(need.indexColumns()).containsExactly("customer_id", "status", "created_at");
        assertThat(need.reason()).contains("filtering on customer_id, status, created_at");
    }

    @Test
    void aSortUnderALimitAndAJoinAndALikePrefixAreNeedsToo() {
        String sortOnly = FILTERED_SCAN.replace("\"Filter\": \"((o.customer_id = $1) AND ((o.status)::text = 'open'::text)"
                + " AND (o.created_at >= $2))\"", "\"Filter\": \"(o.customer_id = 7)\"");
        assertThat(PlanNeeds.of(sortOnly).getFirst().indexColumns()).containsExactly("customer_id", "created_at");

        List<ScanNeed> join = PlanNeeds.of(JOIN);
        assertThat(join).extracting(ScanNeed::table, ScanNeed::indexColumns).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("lines", List.of("order_id")),
                org.assertj.core.groups.Tuple.tuple("orders", List.of("id")),
                org.assertj.core.groups.Tuple.tuple("orders", List.of("email text_pattern_ops")));
    }

    @Test
    void orFiltersAndColumnComparisonsAskForNothing() {
        List<String> eq = new java.util.ArrayList<>();
        List<String> range = new java.util.ArrayList<>();
        PlanNeeds.filterColumns("((a = 1) OR (b = 2))", eq, range);
        PlanNeeds.filterColumns("(a = b)", eq, range);
        PlanNeeds.filterColumns("(lower(email) = 'x'::text)", eq, range);
        assertThat(eq).isEmpty();
        assertThat(range).isEmpty();
    }

    private static ExistingIndex index(String name, List<String> columns, boolean unique, long size, long scans) {
        return new ExistingIndex("shop", "orders", name, columns, "", "btree", unique, unique, true, size, scans, "");
    }

    @Test
    void anExistingIndexWithTheSameLeadingColumnsCoversACandidate() {
        ScanNeed need = PlanNeeds.of(FILTERED_SCAN).getFirst();
        List<IndexCandidates.Sourced> sourced = List.of(new IndexCandidates.Sourced(need, "q1"),
                new IndexCandidates.Sourced(need, "q2"));
        List<CandidateIndex> fresh = IndexCandidates.of(sourced, List.of(index("orders_pkey", List.of("id"), true, 1, 1)));
        assertThat(fresh).hasSize(1);
        assertThat(fresh.getFirst().queryKeys()).containsExactly("q1", "q2");
        assertThat(fresh.getFirst().definition()).isEqualTo("CREATE INDEX CONCURRENTLY orders_customer_id_status_created_at_idx"
                + " ON shop.orders (customer_id, status, created_at)");

        ExistingIndex swapped = index("o_sc", List.of("status", "customer_id", "created_at", "id"), false, 1, 1);
        assertThat(IndexCandidates.of(sourced, List.of(swapped))).as("equality columns in another order, then the range")
                .isEmpty();
        ExistingIndex rangeFirst = index("o_cs", List.of("created_at", "customer_id", "status"), false, 1, 1);
        assertThat(IndexCandidates.of(sourced, List.of(rangeFirst))).hasSize(1);
    }

    @Test
    void hygieneFindsUnusedDuplicateAndRedundantButSparesConstraints() {
        ExistingIndex pkey = index("orders_pkey", List.of("id"), true, 4000, 0);
        ExistingIndex byCustomer = index("by_customer", List.of("customer_id"), false, 3000, 5);
        ExistingIndex byCustomer2 = index("by_customer_again", List.of("customer_id"), false, 3000, 0);
        ExistingIndex byCustomerDay = index("by_customer_day", List.of("customer_id", "day"), false, 5000, 9);
        ExistingIndex note = index("by_note", List.of("note"), false, 7000, 0);
        List<ExistingIndex> all = List.of(pkey, byCustomer, byCustomer2, byCustomerDay, note);

        assertThat(IndexHygiene.unused(all)).extracting(f -> f.index().name()).containsExactly("by_note", "by_customer_again");
        assertThat(IndexHygiene.duplicates(all)).singleElement().satisfies(f -> {
            assertThat(f.index().name()).isEqualTo("by_customer_again");
            assertThat(f.coveredBy()).isEqualTo("by_customer");
        });
        assertThat(IndexHygiene.redundant(all)).extracting(f -> f.index().name(), HygieneFinding::coveredBy)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("by_customer", "by_customer_day"),
                        org.assertj.core.groups.Tuple.tuple("by_customer_again", "by_customer_day"));
    }
}
