package io.knobwright.app.ui;

import io.knobwright.app.testing.InMemoryFleetService;
import io.knobwright.app.testing.SampleCatalogs;
import io.knobwright.app.testing.SampleTemplates;
import io.knobwright.app.ui.fleet.FleetEntry;
import io.knobwright.app.ui.fleet.FleetRow;
import io.knobwright.app.ui.instance.SettingRow;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.task.TaskRunner;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window with 250 demo instances, driven like a user would, headless. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:30:00Z"), ZoneOffset.UTC);

    private InMemoryFleetService fleet;
    private Workbench workbench;
    /** The review panel and Policy screen need a store; these tests are not about them. */
    private final io.knobwright.model.store.KnobwrightStore governanceStore = Fixtures.emptyStore("ui");
    private Stage stage;

    @AfterEach
    void closeGovernanceStore() {
        governanceStore.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fleet = InMemoryFleetService.sample(250, true, CLOCK);
        SampleTemplates sample = SampleTemplates.over(fleet, WorkbenchUiTest.CLOCK);
        workbench = new Workbench(fleet, sample.templates(), sample.plans(), new SampleCatalogs(),
                Fixtures.governance(governanceStore, "tester"), TaskRunner.inline(), Platform::runLater);
        // The headless screen is 1000 x 1000: the window is a small laptop's; snapshots render at desktop size.
        stage.setWidth(1000);
        stage.setHeight(1000);
        workbench.start(stage);
    }

    /** Counted straight from the fleet, independently of the view-model's own filtering. */
    private long expected(Predicate<Instance> filter) {
        return fleet.list().stream().filter(filter).count();
    }

    /**
     * What is drawn, not only the items: the table's rows are updated in place as a search narrows
     * (FleetEntryList), so every filled row must show its own entry and every row past the end none.
     */
    @SuppressWarnings("unchecked")
    /** Reads the drawn rows on the FX thread (the table may be laying them out), then checks them here. */
    private void assertDrawnRowsMatchItems(FxRobot robot) throws Exception {
        List<DrawnRow> drawn = WaitForAsyncUtils.asyncFx(() -> {
            var items = fleetTable(robot).getItems();
            List<DrawnRow> rows = new ArrayList<>();
            for (TableRow<?> row : robot.lookup("#fleet-table .table-row-cell").queryAllAs(TableRow.class)) {
                int index = row.getIndex();
                Object expected = index >= 0 && index < items.size() ? items.get(index) : null;
                List<String> texts = row.lookupAll(".table-cell").stream().map(c -> ((Labeled) c).getText()).toList();
                rows.add(new DrawnRow(expected, row.getItem(), row.isVisible(), row.isEmpty(), texts));
            }
            return rows;
        }).get();
        int items = itemCount(robot);
        assertThat(drawn).hasSizeGreaterThan(items);
        for (DrawnRow row : drawn) {
            if (row.expected() != null) {
                assertThat(row.item()).isSameAs(row.expected());
                assertThat(row.texts()).contains(((FleetRow) row.item()).name());
            } else if (row.visible()) {
                assertThat(row.empty()).isTrue();
                assertThat(row.texts()).allSatisfy(text -> assertThat(text).isNullOrEmpty());
            }
        }
    }

    private int itemCount(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> fleetTable(robot).getItems().size()).get();
    }

    private record DrawnRow(Object expected, Object item, boolean visible, boolean empty, List<String> texts) {
    }

    private static boolean mentions(Instance i, String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return i.name().toLowerCase(Locale.ROOT).contains(w) || i.engine().displayName().toLowerCase(Locale.ROOT).contains(w)
                || i.fullVersion().contains(w) || i.tags().entrySet().stream()
                .anyMatch(e -> (e.getKey() + "=" + e.getValue()).toLowerCase(Locale.ROOT).contains(w));
    }

    private TableView<FleetEntry> fleetTable(FxRobot robot) {
        return robot.lookup("#fleet-table").queryTableView();
    }

    private String status(FxRobot robot) {
        return robot.lookup("#status-text").queryAs(Label.class).getText();
    }

    @Test
    void searchAndFiltersNarrowTheTableAndTheStatusLine(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        long production = expected(i -> i.tier() == Tier.PRODUCTION);
        assertThat(status(robot)).isEqualTo("250 instances · 250 shown · " + production + " production");
        assertThat(robot.lookup("#demo-banner-text").queryAs(Label.class).getText())
                .isEqualTo("This is a demo fleet. Remove it when you add your own instances.");

        robot.clickOn("#fleet-search").write("payments");
        WaitForAsyncUtils.waitForFxEvents();
        long payments = expected(i -> mentions(i, "payments"));
        assertThat(payments).isBetween(5L, 249L);
        assertThat(fleetTable(robot).getItems()).hasSize((int) payments);

        // On this small window the facets start folded away; the Filters button brings them back.
        ToggleButton showFilters = robot.lookup("#fleet-show-filters").queryAs(ToggleButton.class);
        assertThat(showFilters.isSelected()).isFalse();
        robot.clickOn(showFilters);
        CheckBox postgres = robot.lookup("#filter-engine-POSTGRESQL").queryAs(CheckBox.class);
        long paymentsOnPostgres = expected(i -> mentions(i, "payments") && i.engine() == Engine.POSTGRESQL);
        assertThat(postgres.getText()).isEqualTo("PostgreSQL");
        robot.clickOn(postgres);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fleetTable(robot).getItems()).hasSize((int) paymentsOnPostgres)
                .allSatisfy(e -> assertThat(((FleetRow) e).instance().engine()).isEqualTo(Engine.POSTGRESQL));
        long productionShown = expected(i -> mentions(i, "payments") && i.engine() == Engine.POSTGRESQL
                && i.tier() == Tier.PRODUCTION);
        assertThat(status(robot)).isEqualTo("250 instances · " + paymentsOnPostgres + " shown · " + productionShown
                + " production");
        assertDrawnRowsMatchItems(robot);

        robot.interact(() -> workbench.viewModel().browser().select(fleetTable(robot).getItems().get(1)));
        Snapshots.writeAt(stage.getScene(), 1920, 1080, "fleet-browser.png");
        Snapshots.write(stage.getScene(), "fleet-browser-1000px.png");
    }

    @Test
    void clickingARowOpensTheInstanceWithItsFactsAndSettings(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Instance target = fleet.list().stream()
                .filter(i -> i.engine() == Engine.POSTGRESQL && i.tier() == Tier.PRODUCTION && i.connectable()
                        && fleet.latestSnapshot(i.id()).isPresent())
                .findFirst().orElseThrow();
        robot.clickOn("#fleet-search").write(target.name());
        WaitForAsyncUtils.waitForFxEvents();

        TableRow<?> row = robot.lookup(".table-row-cell").match((TableRow<?> r) -> r.getItem() instanceof FleetRow f
                && f.id() == target.id()).query();
        // Click the name cell: the row itself is wider than the visible part of the table.
        robot.clickOn(robot.from(row).lookup(".table-cell").<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#detail-name").queryAs(Label.class).getText()).isEqualTo(target.name());
        assertThat(robot.lookup(".fact-value").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("PostgreSQL", "Production", target.connection().jdbcUrl());
        TableView<SettingRow> settings = robot.lookup("#settings-table").queryTableView();
        assertThat(settings.getItems()).hasSize(fleet.latestSnapshot(target.id()).orElseThrow().settings().size());
        assertThat(settings.getItems()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("shared_buffers");
            assertThat(r.changed()).isTrue();
        });
        robot.clickOn("#fleet-search-clear");
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.writeAt(stage.getScene(), 1920, 1080, "instance-detail.png");
    }
}
