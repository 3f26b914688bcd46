package io.knobwright.app.ui.instance;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.List;
import java.util.function.Function;

/** The settings table of the detail pane; rows whose value differs from the default are highlighted. */
final class SettingsTableView {

    static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");
    static final PseudoClass PENDING = PseudoClass.getPseudoClass("restart-pending");
    /** Below this table width the Source column gives its room to the name and values. */
    static final double ROOM_FOR_SOURCE = 484;

    private SettingsTableView() {
    }

    static TableView<SettingRow> create(InstanceDetailViewModel vm) {
        TableView<SettingRow> table = new TableView<>(vm.settings());
        table.setId("settings-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "settings-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.placeholderProperty());
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("settings-placeholder");
        table.setPlaceholder(placeholder);
        table.setRowFactory(t -> new SettingTableRow());
        TableColumn<SettingRow, String> name = column("Name", 300, SettingRow::name);
        name.setCellFactory(c -> new NameCell());
        TableColumn<SettingRow, String> restart = column("Restart", 72, r -> r.pendingRestart() ? "yes" : "");
        restart.setCellFactory(c -> new RestartCell());
        TableColumn<SettingRow, String> source = flexible(column("Source", 90, r -> shortSource(r.source())), 84, 110);
        // The name says most and takes what is left; values grow to a width most values fit; unit and restart hold a
        // few characters and keep exactly the room their header needs. Whatever does not fit shows in full in a tooltip.
        // (No column may have an unbounded maximum: the constrained policy then stops filling the table.)
        table.getColumns().setAll(List.of(
                atLeast(name, 120),
                flexible(column("Current", 90, SettingRow::current), 72, 170),
                flexible(column("Default", 90, SettingRow::defaultValue), 72, 170),
                fixed(column("Unit", 48, SettingRow::unit)),
                source,
                fixed(restart)));
        // A pane too narrow for every column (a 1280-pixel window) drops Source, the least read; the name's
        // tooltip still says it.
        table.widthProperty().subscribe(w -> source.setVisible(w.doubleValue() >= ROOM_FOR_SOURCE));
        return table;
    }

    private static TableColumn<SettingRow, String> atLeast(TableColumn<SettingRow, String> c, double min) {
        c.setMinWidth(min);
        return c;
    }

    private static TableColumn<SettingRow, String> flexible(TableColumn<SettingRow, String> c, double min, double max) {
        atLeast(c, min);
        c.setMaxWidth(max);
        return c;
    }

    private static TableColumn<SettingRow, String> fixed(TableColumn<SettingRow, String> c) {
        c.setMinWidth(c.getPrefWidth());
        c.setMaxWidth(c.getPrefWidth());
        c.setResizable(false);
        return c;
    }

    /** pg_settings says "configuration file"; the column has room for "config file". */
    private static String shortSource(String source) {
        return source.replace("configuration file", "config file");
    }

    private static TableColumn<SettingRow, String> column(String title, double width, Function<SettingRow, String> value) {
        TableColumn<SettingRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setCellFactory(col -> new FullTextCell());
        return c;
    }

    /**
     * Rows here are 26 px high, and TableView top-aligns cells of rows over 24 px whose alignment no stylesheet has
     * set yet: the cells of a column shown later (Source, once the pane is wide enough) would sit higher than the rest.
     */
    private static void keepCentred(TableCell<SettingRow, String> cell) {
        cell.setAlignment(Pos.CENTER_LEFT);
    }

    /** Plain text; when the column is too narrow for it, hovering shows it in full. */
    static class FullTextCell extends TableCell<SettingRow, String> {
        private final Tooltip full = new Tooltip();

        FullTextCell() {
            keepCentred(this);
            full.setWrapText(true);
            full.setMaxWidth(520);
            // Only cut text gets a tooltip: one that repeats what is readable anyway is noise.
            textTruncatedProperty().subscribe(cut -> setTooltip(cut ? full : null));
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            full.setText(empty || text == null ? "" : text);
        }
    }

    /** The parameter's name; hovering shows it in full with what the catalog says about it. */
    private static final class NameCell extends TableCell<SettingRow, String> {
        private final Tooltip about = new Tooltip();

        NameCell() {
            keepCentred(this);
            about.setWrapText(true);
            about.setMaxWidth(520);
        }

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            SettingRow row = empty ? null : getTableRow().getItem();
            setText(empty ? null : name);
            if (row != null) {
                about.setText(tooltip(row));
            }
            setTooltip(row == null ? null : about);
        }
    }

    /** "yes": a changed value waits for a restart to take effect, which a DBA must not miss. */
    private static final class RestartCell extends FullTextCell {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            pseudoClassStateChanged(PENDING, !empty && "yes".equals(text));
        }
    }

    private static String tooltip(SettingRow row) {
        StringBuilder text = new StringBuilder(row.name());
        if (row.source() != null && !row.source().isEmpty()) {
            text.append("\nSource: ").append(row.source());
        }
        if (row.restart()) {
            text.append("\nA change takes effect after a server restart.");
        }
        if (!row.description().isEmpty()) {
            text.append("\n").append(row.description());
        }
        return text.toString();
    }

    private static final class SettingTableRow extends TableRow<SettingRow> {
        @Override
        protected void updateItem(SettingRow row, boolean empty) {
            super.updateItem(row, empty);
            pseudoClassStateChanged(CHANGED, !empty && row != null && row.changed());
            pseudoClassStateChanged(UNKNOWN, !empty && row != null
                    && row.verdict() == SettingComparison.Verdict.UNKNOWN);
        }
    }
}
