package io.knobwright.app.ui.inventory;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.model.fleet.inventory.ImportReport;
import io.knobwright.model.fleet.inventory.ImportReport.RejectedRow;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

import java.nio.file.Path;
import java.util.List;

/** What an inventory import did: how many rows were stored, and each rejected row with its reason. */
public final class ImportReportDialog extends Dialog<Void> {

    public static final String STYLESHEET = Theme.stylesheet(ImportReportDialog.class, "inventory.css");

    public ImportReportDialog(Path file, ImportReport report, Theme theme) {
        setTitle("Import inventory");
        int imported = report.imported().size();
        int rejected = report.rejected().size();
        setHeaderText(imported + " imported, " + rejected + " rejected");
        getDialogPane().setGraphic(new FontIcon(rejected == 0 ? MaterialDesignC.CHECK_CIRCLE_OUTLINE
                : MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        getDialogPane().getGraphic().getStyleClass().add(rejected == 0 ? "import-ok" : "import-partial");
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        getDialogPane().getStyleClass().add("import-report");

        Label source = new Label("From " + file.toAbsolutePath());
        source.getStyleClass().add(Styles.TEXT_MUTED);
        source.setWrapText(true);
        VBox content = new VBox(source);
        content.getStyleClass().add("import-content");
        if (rejected == 0) {
            content.getChildren().add(new Label("Every row was imported."));
        } else {
            Label hint = new Label("Rejected rows were not stored; every other row was. "
                    + "Fix the rejected rows and import just those again.");
            hint.setWrapText(true);
            content.getChildren().addAll(hint, rejectedTable(report.rejected()));
        }
        getDialogPane().setContent(content);
        var subscription = theme.style(getDialogPane(), STYLESHEET);
        setOnHidden(e -> subscription.unsubscribe());
    }

    private static TableView<RejectedRow> rejectedTable(List<RejectedRow> rows) {
        TableView<RejectedRow> table = new TableView<>();
        table.setId("import-rejected");
        table.getItems().setAll(rows);
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RejectedRow, Integer> row = new TableColumn<>("Row");
        row.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().row()));
        row.setPrefWidth(60);
        row.setMaxWidth(80);
        row.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        TableColumn<RejectedRow, String> reason = new TableColumn<>("Reason");
        reason.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().reason()));
        // Reasons tell the user what to fix; they wrap instead of ending in "…".
        reason.setCellFactory(c -> new TableCell<>() {
            private final Text wrapped = new Text();

            {
                wrapped.getStyleClass().add("reason-text");
                wrapped.wrappingWidthProperty().bind(reason.widthProperty().subtract(20));
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                wrapped.setText(empty || text == null ? "" : text);
                setGraphic(empty ? null : wrapped);
                setText(null);
            }
        });
        table.getColumns().setAll(List.of(row, reason));
        // As tall as its rows (up to a scrolling limit), so three rejects do not float in white space.
        table.setPrefHeight(Math.min(320, 36 + rows.size() * 46.0));
        return table;
    }
}
