package io.knobwright.app.ui.diff;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.diff.ChangeKind;
import io.knobwright.model.diff.DiffRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The viewer's logic on the realistic PostgreSQL 16 diff, without a JavaFX toolkit. */
class DiffViewModelTest {

    private static List<DiffRow> realistic;

    @BeforeAll
    static void loadDiff() {
        realistic = RealisticDiff.rows();
    }

    private static DiffViewModel model() {
        DiffViewModel model = new DiffViewModel();
        model.setRows(realistic);
        return model;
    }

    private static DiffRow row(String name) {
        return realistic.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void equivalentSpellingsOfTheSameValueAreNotDifferences() {
        assertThat(row("shared_buffers").change()).isEqualTo(ChangeKind.SAME);          // 8GB vs 1048576 x 8kB
        assertThat(row("maintenance_work_mem").change()).isEqualTo(ChangeKind.SAME);    // 1GB vs 1048576 kB
        assertThat(row("checkpoint_timeout").change()).isEqualTo(ChangeKind.SAME);      // 15min vs 900 s
        assertThat(row("work_mem").change()).isEqualTo(ChangeKind.CHANGED);             // 32MB vs 64MB
    }

    @Test
    void showsOnlyDifferencesByDefault() {
        DiffViewModel model = model();

        assertThat(model.differencesOnlyProperty().get()).isTrue();
        assertThat(model.visibleRowsProperty().get()).hasSize(18).allMatch(DiffRow::isDifference);
        assertThat(model.positionProperty().get()).isEqualTo("18 differences");
    }

    @Test
    void turningDifferencesOnlyOffShowsEveryParameterOfBothSides() {
        DiffViewModel model = model();
        model.differencesOnlyProperty().set(false);

        assertThat(model.visibleRowsProperty().get()).hasSize(368);
        assertThat(model.groupsProperty().get()).extracting(DiffGroup::category).contains("Autovacuum", "Developer Options");
    }

    @Test
    void groupsByCategoryWithTheNumberOfDifferencesInTheHeader() {
        DiffViewModel model = model();

        DiffGroup memory = model.groupsProperty().get().stream()
                .filter(g -> g.category().equals("Resource Usage / Memory")).findFirst().orElseThrow();
        assertThat(memory.rows()).extracting(DiffRow::name).containsExactly("work_mem");
        assertThat(memory.label(true)).isEqualTo("Resource Usage / Memory — 1 difference");
        assertThat(memory.label(false)).isEqualTo("Resource Usage / Memory — 1 difference · 15 parameters");
        assertThat(model.groupsProperty().get()).extracting(DiffGroup::category)
                .doesNotContain("Developer Options")       // nothing differs there
                .contains("Unknown to the catalog");
    }

    @Test
    void summaryCountsTheWholeComparisonWhateverTheFilter() {
        DiffViewModel model = model();
        model.searchTextProperty().set("autovacuum");

        assertThat(model.summaryProperty().get()).isEqualTo("14 changed · 3 added · 1 removed · 4 need a restart");
    }

    @Test
    void searchMatchesNameOrEitherValueIgnoringCase() {
        DiffViewModel model = model();

        model.searchTextProperty().set("WORKER");
        assertThat(model.visibleRowsProperty().get()).extracting(DiffRow::name)
                .containsExactlyInAnyOrder("autovacuum_max_workers", "max_parallel_workers_per_gather", "max_worker_processes");

        model.searchTextProperty().set("lz4");
        assertThat(model.visibleRowsProperty().get()).extracting(DiffRow::name).containsExactly("wal_compression");

        model.searchTextProperty().set("auto_explain");   // a value on one side, a name on others
        assertThat(model.visibleRowsProperty().get()).extracting(DiffRow::name).containsExactlyInAnyOrder(
                "shared_preload_libraries", "auto_explain.log_min_duration", "auto_explain.log_analyze");
    }

    @Test
    void searchWithoutMatchesSaysWhatWasSearched() {
        DiffViewModel model = model();
        model.searchTextProperty().set("zzz");

        assertThat(model.visibleRowsProperty().get()).isEmpty();
        assertThat(model.placeholderProperty().get()).isEqualTo("No difference has a name or value containing “zzz”");
        assertThat(model.positionProperty().get()).isEqualTo("No differences");
        assertThat(model.canGoNextProperty().get()).isFalse();
    }

    @Test
    void identicalConfigurationsSayTheyAreEquivalent() {
        DiffViewModel model = new DiffViewModel();
        model.leftTitleProperty().set("oltp v3");
        model.rightTitleProperty().set("oltp v4");
        model.setRows(realistic.stream().filter(r -> !r.isDifference()).toList());

        assertThat(model.placeholderProperty().get()).isEqualTo("No differences: oltp v3 and oltp v4 are equivalent");
        assertThat(model.summaryProperty().get()).isEqualTo("No differences · 350 parameters compared");
    }

    @Test
    void nextDifferenceWalksTheDifferencesInDisplayOrder() {
        DiffViewModel model = model();
        List<DiffRow> visible = model.visibleRowsProperty().get();

        assertThat(model.nextDifference()).contains(visible.get(0));
        assertThat(model.nextDifference()).contains(visible.get(1));
        assertThat(model.selectedRowProperty().get()).isEqualTo(visible.get(1));
        assertThat(model.positionProperty().get()).isEqualTo("Difference 2 of 18");
        assertThat(model.previousDifference()).contains(visible.get(0));
        assertThat(model.currentDifferenceProperty().get()).isEqualTo(1);
    }

    @Test
    void nextDifferenceStopsAtTheLastOneAndPreviousStartsThere() {
        DiffViewModel model = model();
        List<DiffRow> visible = model.visibleRowsProperty().get();

        assertThat(model.previousDifference()).contains(visible.getLast());
        assertThat(model.canGoNextProperty().get()).isFalse();
        assertThat(model.nextDifference()).isEmpty();
        assertThat(model.selectedRowProperty().get()).isEqualTo(visible.getLast());
        assertThat(model.positionProperty().get()).isEqualTo("Difference 18 of 18");
    }

    @Test
    void nextDifferenceFromAnIdenticalRowGoesToTheFollowingDifference() {
        DiffViewModel model = model();
        model.differencesOnlyProperty().set(false);
        model.select(row("shared_buffers"));    // SAME, in Resource Usage / Memory

        assertThat(model.positionProperty().get()).isEqualTo("18 differences");
        assertThat(model.nextDifference()).contains(row("work_mem"));
        model.select(row("shared_buffers"));
        // the group above Memory is Asynchronous Behavior; its last difference by name
        assertThat(model.previousDifference()).contains(row("max_worker_processes"));
    }

    @Test
    void navigatingIntoACollapsedGroupUnfoldsIt() {
        DiffViewModel model = model();
        model.collapsedCategories().add("Resource Usage / Memory");
        model.select(row("max_worker_processes"));    // Resource Usage / Asynchronous Behavior, just above Memory

        assertThat(model.nextDifference()).contains(row("work_mem"));
        assertThat(model.collapsedCategories()).doesNotContain("Resource Usage / Memory");
    }

    @Test
    void aSelectionTheFilterHidesIsCleared() {
        DiffViewModel model = model();
        model.select(row("jit"));
        model.searchTextProperty().set("wal");

        assertThat(model.selectedRowProperty().get()).isNull();
        assertThat(model.nextDifference()).map(DiffRow::name).contains("max_wal_size");
    }

    @Test
    void withoutGroupingRowsSortByName() {
        DiffViewModel model = model();
        model.groupedByCategoryProperty().set(false);

        assertThat(model.groupsProperty().get()).isEmpty();
        assertThat(model.visibleRowsProperty().get()).extracting(DiffRow::name)
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER)
                .hasSize(18);
    }

    @Test
    void refiltersFiveHundredRowsFastEnoughToFollowTyping() {
        List<DiffRow> rows = new ArrayList<>(realistic);
        for (int i = 0; rows.size() < 500; i++) {
            rows.add(new DiffRow("synthetic_setting_" + i, "on", i % 10 == 0 ? "off" : "on",
                    i % 10 == 0 ? ChangeKind.CHANGED : ChangeKind.SAME, "Synthetic / Group " + i % 7, ApplyMode.RELOAD));
        }
        DiffViewModel model = new DiffViewModel();
        model.setRows(rows);
        String[] typing = {"s", "sy", "syn", "synt", "", "wal", "", "work"};
        for (int warmUp = 0; warmUp < 200; warmUp++) {
            model.searchTextProperty().set(typing[warmUp % typing.length]);
            model.differencesOnlyProperty().set(warmUp % 2 == 0);
        }
        model.differencesOnlyProperty().set(false);
        model.searchTextProperty().set("");

        int runs = 100;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            model.searchTextProperty().set(i % 2 == 0 ? "synthetic" : "");
        }
        double perRecompute = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("DiffViewModel: filter + group + index of %d rows took %.3f ms per recompute%n",
                rows.size(), perRecompute);

        assertThat(model.visibleRowsProperty().get()).hasSize(500);
        assertThat(model.groupsProperty().get()).hasSize((int) rows.stream().map(DiffRow::category).distinct().count());
    }
}
