package io.knobwright.app.ui.fleet;

import io.knobwright.app.bench.SampleFleet;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.TemplateAssignment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FleetViewModelTest {

    private final FleetViewModel vm = new FleetViewModel();

    @BeforeEach
    void loadSmallFleet() {
        vm.setInstances(Fixtures.smallFleet());
    }

    private List<String> shownNames() {
        return vm.shownRows().stream().map(FleetRow::name).toList();
    }

    private FacetValue value(String facet, String key) {
        return vm.facet(facet).values().stream().filter(v -> v.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void searchMatchesNameTagsEngineAndVersionIgnoringCase() {
        vm.searchTextProperty().set("PAYMENTS");
        assertThat(shownNames()).containsExactlyInAnyOrder("payments-pg-prod-01", "payments-my-prod-01",
                "ledger-mssql-prod-01");
        vm.searchTextProperty().set("mariadb");
        assertThat(shownNames()).containsExactly("reports-maria-dev-01");
        vm.searchTextProperty().set("17.2");
        assertThat(shownNames()).containsExactly("search-pg-dev-01");
        vm.searchTextProperty().set("region=us");
        assertThat(shownNames()).containsExactlyInAnyOrder("payments-pg-prod-01", "payments-my-prod-01",
                "crm-ora-test-01");
    }

    @Test
    void everySearchWordMustMatchInAnyOrder() {
        vm.searchTextProperty().set("prod  postgresql");
        assertThat(shownNames()).containsExactly("orders-pg-prod-01", "payments-pg-prod-01");
        vm.searchTextProperty().set("prod postgresql eu");
        assertThat(shownNames()).containsExactly("orders-pg-prod-01");
    }

    @Test
    void valuesOfOneFacetAreAlternativesAndFacetsCombine() {
        value("engine", "POSTGRESQL").setSelected(true);
        value("engine", "MYSQL").setSelected(true);
        assertThat(vm.shownCountProperty().get()).isEqualTo(5);

        value("tier", "PRODUCTION").setSelected(true);
        assertThat(shownNames()).containsExactly("orders-pg-prod-01", "payments-my-prod-01", "payments-pg-prod-01");

        value("tag:team", "payments").setSelected(true);
        vm.searchTextProperty().set("my");
        assertThat(shownNames()).containsExactly("payments-my-prod-01");
    }

    @Test
    void countsSayHowManyInstancesTickingAValueWouldShow() {
        assertThat(value("engine", "POSTGRESQL").labelWithCount()).isEqualTo("PostgreSQL (4)");
        assertThat(value("tier", "PRODUCTION").count()).isEqualTo(4);

        value("tier", "PRODUCTION").setSelected(true);

        // Other facets count within production only...
        assertThat(value("engine", "POSTGRESQL").count()).isEqualTo(2);
        assertThat(value("engine", "MARIADB").count()).isZero();
        // ...while the tier facet still offers the alternatives as if it were not ticked.
        assertThat(value("tier", "STAGING").count()).isEqualTo(1);
        assertThat(value("tier", "PRODUCTION").count()).isEqualTo(4);
    }

    @Test
    void countsFollowTheSearchText() {
        vm.searchTextProperty().set("orders");
        assertThat(value("engine", "POSTGRESQL").count()).isEqualTo(2);
        assertThat(value("engine", "MYSQL").count()).isZero();
        assertThat(value("criticality", "CRITICAL").count()).isEqualTo(1);
    }

    @Test
    void facetValuesAreListedInTheOrderADbaExpects() {
        assertThat(vm.facet("criticality").values()).extracting(FacetValue::label)
                .containsExactly("Critical", "High", "Medium", "Low");
        assertThat(vm.facet("version").values()).extracting(FacetValue::label)
                .containsExactly("PostgreSQL 15", "PostgreSQL 16", "PostgreSQL 17", "MySQL 8.0", "MariaDB 10.11",
                        "SQL Server 2022", "Oracle 19c");
    }

    @Test
    void groupingByEngineShowsAHeaderWithItsCountBeforeEachGroup() {
        vm.groupBy("engine");
        List<String> lines = new ArrayList<>();
        for (FleetEntry e : vm.entries()) {
            lines.add(e instanceof FleetGroupHeader h ? "# " + h.label() + " " + h.count() : ((FleetRow) e).name());
        }
        assertThat(lines).containsExactly(
                "# PostgreSQL 4", "orders-pg-prod-01", "orders-pg-stg-01", "payments-pg-prod-01", "search-pg-dev-01",
                "# MySQL 1", "payments-my-prod-01",
                "# MariaDB 1", "reports-maria-dev-01",
                "# SQL Server 1", "ledger-mssql-prod-01",
                "# Oracle 1", "crm-ora-test-01");
    }

    @Test
    void groupingByATagPutsInstancesWithoutTheTagLast() {
        vm.groupBy("tag:region");
        List<String> headers = vm.entries().stream().filter(e -> e instanceof FleetGroupHeader)
                .map(e -> ((FleetGroupHeader) e).label() + " " + ((FleetGroupHeader) e).count()).toList();
        assertThat(headers).containsExactly("region=eu 3", "region=us 3", "(no region) 2");
    }

    @Test
    void groupsOnlyCountWhatPassesTheFilters() {
        vm.groupBy("tier");
        vm.searchTextProperty().set("payments");
        List<String> headers = vm.entries().stream().filter(e -> e instanceof FleetGroupHeader)
                .map(e -> ((FleetGroupHeader) e).label() + " " + ((FleetGroupHeader) e).count()).toList();
        assertThat(headers).containsExactly("Production 3");
    }

    @Test
    void collapsingAGroupHidesItsRowsButKeepsItsHeaderAndCount() {
        vm.groupBy("engine");
        FleetGroupHeader postgres = (FleetGroupHeader) vm.entries().getFirst();
        vm.toggleGroup(postgres);
        assertThat(vm.entries()).hasSize(13 - 4);
        assertThat(vm.entries().getFirst()).isEqualTo(new FleetGroupHeader("POSTGRESQL", "PostgreSQL", 4, true));
        vm.toggleGroup((FleetGroupHeader) vm.entries().getFirst());
        assertThat(vm.entries()).hasSize(13);
    }

    @Test
    void sortingKeepsGroupsAndOrdersRowsInsideThem() {
        vm.groupBy("engine");
        vm.setOrder(FleetRow.BY_CRITICALITY);
        List<String> postgres = vm.entries().subList(1, 5).stream().map(e -> ((FleetRow) e).name()).toList();
        assertThat(postgres).containsExactly("orders-pg-prod-01", "payments-pg-prod-01", "orders-pg-stg-01",
                "search-pg-dev-01");
    }

    @Test
    void statusLineCountsTheFleetWhatIsShownAndProduction() {
        assertThat(vm.statusTextProperty().get()).isEqualTo("8 instances · 8 shown · 4 production");
        vm.searchTextProperty().set("orders");
        assertThat(vm.statusTextProperty().get()).isEqualTo("8 instances · 2 shown · 1 production");
    }

    @Test
    void filtersSurviveAReloadOfTheFleet() {
        value("engine", "POSTGRESQL").setSelected(true);
        vm.searchTextProperty().set("prod");
        vm.setInstances(Fixtures.smallFleet());
        assertThat(value("engine", "POSTGRESQL").isSelected()).isTrue();
        assertThat(shownNames()).containsExactly("orders-pg-prod-01", "payments-pg-prod-01");
    }

    @Test
    void clearFiltersShowsTheWholeFleetAgain() {
        value("engine", "ORACLE").setSelected(true);
        vm.searchTextProperty().set("crm");
        assertThat(vm.filtersActiveProperty().get()).isTrue();
        vm.clearFilters();
        assertThat(vm.shownCountProperty().get()).isEqualTo(8);
        assertThat(vm.filtersActiveProperty().get()).isFalse();
        assertThat(vm.searchTextProperty().get()).isEmpty();
    }

    @Test
    void selectionFollowsReloadsAndClearsWhenTheInstanceIsGone() {
        vm.select(vm.shownRows().getFirst());
        Instance selected = vm.selectedProperty().get();
        assertThat(selected.name()).isEqualTo("crm-ora-test-01");

        vm.setInstances(Fixtures.smallFleet());
        assertThat(vm.selectedProperty().get()).isEqualTo(selected);

        vm.setInstances(Fixtures.smallFleet().stream().filter(i -> i.id() != selected.id()).toList());
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void clickingAGroupHeaderOrLosingTheTableSelectionKeepsTheDetail() {
        vm.select(vm.shownRows().get(2));
        Instance selected = vm.selectedProperty().get();
        vm.groupBy("engine");
        vm.select(vm.entries().getFirst());
        vm.select(null);
        assertThat(vm.selectedProperty().get()).isEqualTo(selected);
    }

    @Test
    void demoInstancesAreCounted() {
        List<Instance> mixed = new ArrayList<>(Fixtures.smallFleet());
        mixed.set(0, Fixtures.demo(mixed.get(0)));
        vm.setInstances(mixed);
        assertThat(vm.demoCountProperty().get()).isEqualTo(1);
    }

    @Test
    void manyValuedTagsCanGroupButGetNoCheckboxList() {
        vm.setInstances(SampleFleet.generate(500, false, 7));
        assertThat(vm.facet("tag:app").filterable()).isFalse();
        assertThat(vm.facet("tag:team").filterable()).isTrue();
        vm.groupBy("tag:app");
        assertThat(vm.entries().stream().filter(e -> e instanceof FleetGroupHeader).count())
                .isGreaterThan(FleetFacets.MAX_FILTER_VALUES);
    }

    @Test
    void aKeystrokeFiltersFiveThousandInstancesWellWithinFiftyMilliseconds() {
        vm.setInstances(SampleFleet.generate(5000, true, 42));
        value("tier", "PRODUCTION").setSelected(true);
        String query = "payments-ledger";
        List<Long> nanos = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (int i = 1; i <= query.length(); i++) {
                long start = System.nanoTime();
                vm.searchTextProperty().set(query.substring(0, i));
                nanos.add(System.nanoTime() - start);
            }
        }
        List<Long> warm = nanos.subList(query.length(), nanos.size()).stream().sorted().toList();
        long median = warm.get(warm.size() / 2);
        assertThat(median / 1_000_000.0).as("median ms per keystroke (view-model only)").isLessThan(50);
        assertThat(vm.shownRows()).allSatisfy(r -> assertThat(r.name()).contains("payments-ledger"));
    }

    /**
     * orders-pg-prod-01 drifts by 3, orders-pg-stg-01 matches its template, payments-pg-prod-01 follows a
     * pinned template but has no snapshot, the rest follow none.
     */
    private void loadWithTemplates() {
        vm.setRows(FleetViewModel.prepare(Fixtures.smallFleet(), Map.of(
                1L, new TemplateAssignment(1, "postgresql-oltp", null),
                2L, new TemplateAssignment(2, "postgresql-oltp", null),
                3L, new TemplateAssignment(3, "postgresql-oltp", 2)), Map.of(1L, 3, 2L, 0)));
    }

    private FleetRow row(String name) {
        return vm.shownRows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void rowsSayWhichTemplateAnInstanceFollowsAndHowFarItDrifted() {
        loadWithTemplates();
        assertThat(row("orders-pg-prod-01").templateText()).isEqualTo("postgresql-oltp");
        assertThat(row("orders-pg-prod-01").driftText()).isEqualTo("3");
        assertThat(row("orders-pg-stg-01").driftText()).isEqualTo("0");
        assertThat(row("payments-pg-prod-01").templateText()).isEqualTo("postgresql-oltp@2");
        assertThat(row("payments-pg-prod-01").driftText()).isEqualTo("—");
        assertThat(row("search-pg-dev-01").templateText()).isEmpty();
        assertThat(row("search-pg-dev-01").driftText()).isEmpty();
    }

    @Test
    void driftingOnlyKeepsInstancesThatDifferFromTheirTemplateAndCombinesWithSearch() {
        loadWithTemplates();
        assertThat(vm.driftingCountProperty().get()).isEqualTo(1);

        vm.driftingOnlyProperty().set(true);
        assertThat(shownNames()).containsExactly("orders-pg-prod-01");
        assertThat(vm.filtersActiveProperty().get()).isTrue();
        // Facet counts follow the switch, like they follow the search.
        assertThat(value("engine", "POSTGRESQL").count()).isEqualTo(1);
        assertThat(value("engine", "MYSQL").count()).isZero();
        vm.searchTextProperty().set("orders-pg-stg");
        assertThat(shownNames()).isEmpty();

        vm.clearFilters();
        assertThat(vm.driftingOnlyProperty().get()).isFalse();
        assertThat(vm.shownCountProperty().get()).isEqualTo(8);
    }

    @Test
    void theStatusLineCountsDriftingInstancesOnlyWhenTemplatesAreInUse() {
        assertThat(vm.statusTextProperty().get()).isEqualTo("8 instances · 8 shown · 4 production");
        loadWithTemplates();
        assertThat(vm.statusTextProperty().get()).isEqualTo("8 instances · 8 shown · 4 production · 1 drifting");
        vm.searchTextProperty().set("orders-pg-stg");
        assertThat(vm.statusTextProperty().get()).isEqualTo("8 instances · 1 shown · 0 production · 0 drifting");
    }

    @Test
    void whileDriftIsMeasuredTheRowsAndTheStatusLineSaySo() {
        vm.setRows(FleetViewModel.prepare(Fixtures.smallFleet(),
                Map.of(1L, new TemplateAssignment(1, "postgresql-oltp", null)), null));
        assertThat(row("orders-pg-prod-01").driftText()).isEqualTo("…");
        assertThat(row("orders-pg-prod-01").drifting()).isFalse();
        assertThat(vm.statusTextProperty().get()).isEqualTo("8 instances · 8 shown · 4 production · measuring template drift…");

        loadWithTemplates();
        assertThat(vm.statusTextProperty().get()).endsWith(" · 1 drifting");
    }

    @Test
    void theFleetCanBeFilteredAndGroupedByTemplate() {
        loadWithTemplates();
        assertThat(vm.facet("template").values()).extracting(FacetValue::key)
                .containsExactly("postgresql-oltp", "postgresql-oltp@2");
        vm.groupBy("template");
        assertThat(vm.entries()).filteredOn(e -> e instanceof FleetGroupHeader)
                .extracting(e -> ((FleetGroupHeader) e).label())
                .containsExactly("postgresql-oltp", "postgresql-oltp@2", "(no template)");
    }

    @Test
    void sortingByDriftPutsTheMostDriftingFirstWhenDescending() {
        loadWithTemplates();
        vm.setOrder(FleetRow.BY_DRIFT.reversed());
        assertThat(shownNames().subList(0, 3)).containsExactly("orders-pg-prod-01", "orders-pg-stg-01",
                "payments-pg-prod-01");
    }
}
