package io.knobwright.app.ui.template;

import io.knobwright.model.template.ValidationIssue;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** The entries of the template being edited among those it inherits, with each line's validation state. */
final class EntryTable {

    private static final PseudoClass INHERITED = PseudoClass.getPseudoClass("inherited");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private EntryTable() {
    }

    static TableView<EntryRow> create(TemplateEditorViewModel vm) {
        TableView<EntryRow> table = new TableView<>(vm.rows());
        table.setId("entry-table");
        table.setPlaceholder(new Label("No entries yet: add one, or override what the parent sets."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<EntryRow, ValidationIssue.Severity> state = new TableColumn<>();
        state.setCellValueFactory(c -> c.getValue().severityProperty());
        state.setCellFactory(c -> new StateCell());
        state.setPrefWidth(30);
        state.setMinWidth(30);
        state.setMaxWidth(30);
        state.setSortable(false);

        TableColumn<EntryRow, String> parameter = new TableColumn<>("Parameter");
        parameter.setCellValueFactory(c -> c.getValue().parameterProperty());
        parameter.setPrefWidth(230);

        TableColumn<EntryRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> {
            EntryRow row = c.getValue();
            return Bindings.createStringBinding(row::display, row.kindProperty(), row.textProperty());
        });
        value.setPrefWidth(230);

        TableColumn<EntryRow, String> from = new TableColumn<>("Set by");
        from.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().own() ? "this template"
                : c.getValue().origin()));
        from.setPrefWidth(150);

        TableColumn<EntryRow, Boolean> lock = new TableColumn<>();
        lock.setGraphic(new FontIcon(MaterialDesignL.LOCK_OUTLINE));
        lock.setCellValueFactory(c -> c.getValue().lockedProperty());
        lock.setCellFactory(c -> new LockCell());
        lock.setPrefWidth(36);
        lock.setMaxWidth(36);

        TableColumn<EntryRow, String> rationale = new TableColumn<>("Rationale");
        rationale.setCellValueFactory(c -> c.getValue().rationaleProperty());
        rationale.setPrefWidth(320);

        table.getColumns().addAll(java.util.List.of(state, parameter, value, from, lock, rationale));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(EntryRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(INHERITED, !empty && item != null && !item.own());
            }
        });
        table.getSelectionModel().selectedItemProperty().subscribe(row -> {
            if (row != null) {
                vm.selectedRowProperty().set(row);
            }
        });
        vm.selectedRowProperty().subscribe(row -> {
            if (row != null && table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
        });
        return table;
    }

    /** An icon for the worst issue on the line; its tooltip lists them all. */
    private static final class StateCell extends TableCell<EntryRow, ValidationIssue.Severity> {
        @Override
        protected void updateItem(ValidationIssue.Severity severity, boolean empty) {
            super.updateItem(severity, empty);
            pseudoClassStateChanged(ERROR, !empty && severity == ValidationIssue.Severity.ERROR);
            pseudoClassStateChanged(WARNING, !empty && severity == ValidationIssue.Severity.WARNING);
            if (empty || severity == null || getTableRow() == null || getTableRow().getItem() == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            FontIcon icon = new FontIcon(switch (severity) {
                case ERROR -> MaterialDesignA.ALERT_CIRCLE;
                case WARNING -> MaterialDesignA.ALERT;
                case INFO -> MaterialDesignI.INFORMATION_OUTLINE;
            });
            icon.getStyleClass().addAll("issue-icon", severity.name().toLowerCase(java.util.Locale.ROOT));
            setGraphic(icon);
            setTooltip(new Tooltip(getTableRow().getItem().problemsProperty().get()));
        }
    }

    private static final class LockCell extends TableCell<EntryRow, Boolean> {
        @Override
        protected void updateItem(Boolean locked, boolean empty) {
            super.updateItem(locked, empty);
            EntryRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            boolean show = row != null && (Boolean.TRUE.equals(locked) || row.lockedAbove());
            setGraphic(show ? new FontIcon(MaterialDesignL.LOCK) : null);
            setTooltip(show ? new Tooltip(row.lockedAbove() ? "Locked by " + row.origin() + ": cannot be overridden here"
                    : "Locked: templates below this one cannot override it") : null);
        }
    }
}
