package io.knobwright.app.ui.fleet;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.knobwright.app.ui.common.Labels;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The fleet table: a virtualised TableView over the view-model's entries. Sorting is handed to the
 * view-model (which keeps group headers in place) instead of letting the table sort its items.
 */
final class FleetTable {

    /** Fits the dense AtlantaFX row with the criticality pill and engine icon. */
    static final double ROW_HEIGHT = 28;

    private FleetTable() {
    }

    static TableView<FleetEntry> create(FleetViewModel vm) {
        TableView<FleetEntry> table = new TableView<>(vm.entries());
        table.setId("fleet-table");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        // Unconstrained: a DBA would rather scroll sideways than read "payments-led…" and "Produc…".
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // Without a fixed height the VirtualFlow measures rows to estimate its length, which costs
        // hundreds of milliseconds per re-filter at 5,000 rows; with it a keystroke stays in budget.
        table.setFixedCellSize(ROW_HEIGHT);
        table.setRowFactory(t -> new FleetCells.EntryRow(vm::toggleGroup));
        table.setPlaceholder(new Label("No instance matches the search and filters."));
        TableColumn<FleetEntry, FleetEntry> drift = numeric(column("Drift", 56, FleetRow.BY_DRIFT, FleetCells.DriftCell::new));
        explain(drift, "Parameters where the newest snapshot differs from the template the instance follows.\n"
                + "— : follows a template, but there is no snapshot to compare yet.");
        TableColumn<FleetEntry, FleetEntry> measured = column("Measured", 84, FleetRow.BY_MEASURED,
                () -> new FleetCells.TextCell(FleetRow::measuredText));
        explain(measured, "The workload class of the instance's latest workload profile (oltp, olap, mixed),\n"
                + "measured from what its server did; Workload is what was declared. — : not profiled yet.");
        List<TableColumn<FleetEntry, FleetEntry>> health = healthColumns();
        DoubleProperty sideways = new SimpleDoubleProperty();
        TableColumn<FleetEntry, FleetEntry> name = column("Name", 256, FleetRow.BY_NAME, () -> new FleetCells.NameCell(sideways));
        name.setReorderable(false);
        // Identity first, then what this tool is about (the template and the drift from it), then health at a glance,
        // then the facts. Name to Drift fit beside the detail pane from 1280 pixels up, as the filter panel starts
        // (FleetView.NARROW); the rest scrolls sideways under Name.
        table.getColumns().setAll(List.of(
                name,
                column("Engine", 118, FleetRow.BY_ENGINE, FleetCells.EngineCell::new),
                column("Version", 94, FleetRow.BY_VERSION, () -> new FleetCells.TextCell(FleetRow::versionText)),
                column("Template", 134, FleetRow.BY_TEMPLATE, () -> new FleetCells.TextCell(FleetRow::templateText)),
                drift,
                health.get(0), health.get(1), health.get(2), health.get(3),
                column("Tier", 104, FleetRow.BY_TIER, FleetCells.TierCell::new),
                column("Criticality", 88, FleetRow.BY_CRITICALITY, FleetCells.CriticalityCell::new),
                column("Workload", 90, FleetRow.BY_WORKLOAD,
                        () -> new FleetCells.TextCell(r -> Labels.workload(r.instance().workload()))),
                measured,
                numeric(column("CPU", 48, FleetRow.BY_CPUS, () -> new FleetCells.TextCell(FleetRow::cpuText))),
                numeric(column("RAM", 70, FleetRow.BY_MEMORY, () -> new FleetCells.TextCell(FleetRow::ramText))),
                numeric(column("Disk", 112, FleetRow.BY_DISK, () -> new FleetCells.TextCell(FleetRow::diskText))),
                // Last, because tag lists are long and vary; everything before it stays readable.
                column("Tags", 340, FleetRow.BY_TAGS, () -> new FleetCells.TextCell(FleetRow::tagsText))));
        table.setSortPolicy(t -> {
            vm.setOrder(comparatorOf(t));
            return true;
        });
        table.setSkin(new FleetTableSkin(table, name, sideways));
        // Name cannot be dragged, but another column can be dropped before it: put Name back in front once the
        // drop is done (changing the column list from inside its own change event would confuse the skin).
        // One setAll, and only while Name is still elsewhere: a remove-then-add fired this listener again and kept
        // posting itself forever.
        table.getColumns().subscribe(() -> {
            if (table.getColumns().getFirst() != name) {
                Platform.runLater(() -> {
                    if (table.getColumns().getFirst() != name) {
                        List<TableColumn<FleetEntry, ?>> order = new ArrayList<>(table.getColumns());
                        order.remove(name);
                        order.addFirst(name);
                        table.getColumns().setAll(order);
                    }
                });
            }
        });
        return table;
    }

    /**
     * Alerts, Disk full, Last good backup and Connections: filled once the fleet's health has been read (after the
     * fleet, so the table never waits for it); the first click on a header puts the worst first, unknown values last.
     */
    private static List<TableColumn<FleetEntry, FleetEntry>> healthColumns() {
        TableColumn<FleetEntry, FleetEntry> alerts = column("Alerts", 98, FleetRow.BY_ALERTS, FleetCells.AlertsCell::new);
        alerts.setUserData(new ColumnOrder(FleetRow.BY_ALERTS, FleetRow::alertsUnknown));
        explain(alerts, "Active alerts and the most urgent severity among them (the Alerts screen lists them);\n"
                + "hover a cell for the list. Silenced alerts are counted only when nothing else is active.");
        TableColumn<FleetEntry, FleetEntry> disk = numeric(column("Disk full", 84, FleetRow.BY_DISK_FULL,
                FleetCells.DiskFullCell::new));
        disk.setUserData(new ColumnOrder(FleetRow.BY_DISK_FULL, FleetRow::diskFullUnknown));
        explain(disk, "Days until the disk fills, from the storage forecast of the instance's size history;\n"
                + "red within 30 days. — : no size history or no disk size to forecast against.");
        TableColumn<FleetEntry, FleetEntry> backup = numeric(column("Last good backup", 156, FleetRow.BY_LAST_GOOD_BACKUP,
                FleetCells.BackupCell::new));
        backup.setUserData(new ColumnOrder(FleetRow.BY_LAST_GOOD_BACKUP, FleetRow::lastGoodBackupUnknown));
        explain(backup, "Time since the newest backup that verified good; red past the instance's RPO\n"
                + "(its watch's, else 24 h). never: verified or watched, but no good backup. — : nothing known.");
        TableColumn<FleetEntry, FleetEntry> connections = numeric(column("Connections", 116, FleetRow.BY_CONNECTIONS,
                FleetCells.ConnectionsCell::new));
        connections.setUserData(new ColumnOrder(FleetRow.BY_CONNECTIONS, FleetRow::connectionsUnknown));
        explain(connections, "Sessions in use as a share of max_connections at the newest poll (last 6 h);\n"
                + "amber from 80 %, red from 95 %. — : not polled.");
        return List.of(alerts, disk, backup, connections);
    }

    private static TableColumn<FleetEntry, FleetEntry> column(String title, double width, Comparator<FleetRow> order,
                                                              Supplier<? extends TableCell<FleetEntry, FleetEntry>> cell) {
        TableColumn<FleetEntry, FleetEntry> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(40);
        c.setUserData(order);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> cell.get());
        return c;
    }

    /** A header that explains itself on hover; the title stays the column's text. */
    private static void explain(TableColumn<FleetEntry, FleetEntry> column, String text) {
        Label title = new Label(column.getText());
        title.setTooltip(new Tooltip(text));
        title.setMinWidth(Region.USE_PREF_SIZE);
        column.setText(null);
        column.setGraphic(title);
    }

    private static TableColumn<FleetEntry, FleetEntry> numeric(TableColumn<FleetEntry, FleetEntry> c) {
        c.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        return c;
    }

    /** A column's order, and which rows have no value in it (they sort last in both directions). */
    private record ColumnOrder(Comparator<FleetRow> order, Predicate<FleetRow> unknown) {
    }

    private static Comparator<FleetRow> comparatorOf(TableView<FleetEntry> table) {
        Comparator<FleetRow> result = null;
        for (TableColumn<FleetEntry, ?> c : table.getSortOrder()) {
            Comparator<FleetRow> order;
            boolean descending = c.getSortType() == TableColumn.SortType.DESCENDING;
            if (c.getUserData() instanceof ColumnOrder health) {
                order = FleetRow.unknownLast(health.order(), health.unknown(), descending);
            } else {
                @SuppressWarnings("unchecked")
                Comparator<FleetRow> plain = (Comparator<FleetRow>) c.getUserData();
                order = descending ? plain.reversed() : plain;
            }
            result = result == null ? order : result.thenComparing(order);
        }
        return result;
    }
}
