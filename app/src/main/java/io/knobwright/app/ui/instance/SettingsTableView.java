package io.knobwright.app.ui.instance;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
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
        TableColumn<SettingRow, String> restart = column("Restart", 84, r -> r.pendingRestart() ? "yes" : "");
        restart.setCellFactory(c -> new RestartCell());
        table.getColumns().setAll(List.of(
                atLeast(column("Name", 210, SettingRow::name), 90),
                atLeast(column("Current", 100, SettingRow::current), 64),
                atLeast(column("Default", 92, SettingRow::defaultValue), 64),
                fixed(column("Unit", 52, SettingRow::unit), 36),
                fixed(column("Source", 92, r -> shortSource(r.source())), 52),
                fixed(restart, 48)));
        return table;
    }

    /** Values stay readable longest when the pane gets narrow. */
    private static TableColumn<SettingRow, String> atLeast(TableColumn<SettingRow, String> c, double min) {
        c.setMinWidth(min);
        return c;
    }

    /** Short columns do not grow past their content on a wide pane, and give way first on a narrow one. */
    private static TableColumn<SettingRow, String> fixed(TableColumn<SettingRow, String> c, double min) {
        c.setMinWidth(min);
        c.setMaxWidth(c.getPrefWidth() + 20);
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
        return c;
    }

    /** "yes": a changed value waits for a restart to take effect, which a DBA must not miss. */
    private static final class RestartCell extends TableCell<SettingRow, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            pseudoClassStateChanged(PENDING, !empty && "yes".equals(text));
        }
    }

    private static String tooltip(SettingRow row) {
        StringBuilder text = new StringBuilder(row.name());
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
            setTooltip(empty || row == null ? null : new Tooltip(tooltip(row)));
        }
    }
}
