package io.knobwright.app.ui.health;

import io.knobwright.model.health.ShownAlert;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The fleet's alerts as a list: severity colour bar, instance, title, evidence, since, a silenced badge; click opens. */
public final class AlertListView extends BorderPane {

    public static final String STYLE_CLASS = "alert-list";
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public AlertListView(AlertListViewModel vm) {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(AlertListView.class.getResource("alerts.css").toExternalForm());
        Label title = new Label("Fleet alerts");
        title.getStyleClass().add("alert-list-title");
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("alert-list-summary");
        CheckBox onlyActive = new CheckBox("Hide silenced");
        onlyActive.setId("alerts-only-active");
        onlyActive.setOnAction(e -> vm.setOnlyActive(onlyActive.isSelected()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(12, title, summary, gap, onlyActive);
        bar.getStyleClass().add("alert-list-bar");
        setTop(bar);

        ListView<ShownAlert> list = new ListView<>(vm.alerts());
        list.setId("alerts-list");
        list.setCellFactory(v -> new AlertCell(vm));
        list.setPlaceholder(new Label("No alerts: every polled instance is within its limits."));
        setCenter(list);
    }

    private static final class AlertCell extends ListCell<ShownAlert> {
        private final AlertListViewModel vm;

        AlertCell(AlertListViewModel vm) {
            this.vm = vm;
            setPrefWidth(0); // fit the list's width: the "since" column stays in view, no horizontal scroll
            setOnMouseClicked(e -> {
                if (getItem() != null && e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                    vm.open(getItem());
                }
            });
            MenuItem ack = new MenuItem("Acknowledge…");
            ack.setOnAction(e -> askAndAcknowledge(getItem()));
            MenuItem open = new MenuItem("Open instance");
            open.setOnAction(e -> vm.open(getItem()));
            ContextMenu menu = new ContextMenu(ack, open);
            menu.setOnShowing(e -> ack.setDisable(!vm.canAcknowledge(getItem())));
            setContextMenu(menu);
        }

        private void askAndAcknowledge(ShownAlert item) {
            if (!vm.canAcknowledge(item)) {
                return;
            }
            TextInputDialog ask = new TextInputDialog();
            ask.setTitle("Acknowledge alert");
            ask.setHeaderText(item.alert().instanceName() + ": " + item.alert().title());
            ask.setContentText("Comment (optional):");
            if (getScene() != null) {
                ask.initOwner(getScene().getWindow());
            }
            ask.showAndWait().ifPresent(comment -> vm.acknowledge(item, comment));
        }

        @Override
        protected void updateItem(ShownAlert item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            var a = item.alert();
            String severity = a.severity().name().toLowerCase(Locale.ROOT);
            Label badge = new Label(severity.toUpperCase(Locale.ROOT));
            badge.getStyleClass().addAll("alert-severity", "alert-" + severity);
            Label instance = new Label(a.instanceName());
            instance.getStyleClass().add("alert-instance");
            Label title = new Label(a.title());
            title.getStyleClass().add("alert-title");
            Label since = new Label("since " + SINCE.format(a.since()));
            since.getStyleClass().add("alert-since");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            for (Label fixed : new Label[] {badge, instance, since}) {
                fixed.setMinWidth(Region.USE_PREF_SIZE);
            }
            HBox head = new HBox(10, badge, instance, title, gap, since);
            Button ack = new Button("Acknowledge");
            ack.getStyleClass().add("alert-ack-button");
            ack.setMinWidth(Region.USE_PREF_SIZE);
            ack.setOnAction(e -> askAndAcknowledge(item));
            // kept in the layout when hidden: every row's "since" stays in one column
            ack.setVisible(vm.canAcknowledge(item));
            head.getChildren().add(ack);
            Label evidence = new Label(String.join("\n", a.evidence()));
            evidence.getStyleClass().add("alert-evidence");
            VBox box = new VBox(4, head, evidence);
            if (item.silenced()) {
                var w = item.silencedBy().orElseThrow();
                Label silenced = new Label("SILENCED by maintenance window: " + w.reason() + " · " + w.describeTime()
                        + " · set by " + w.setBy());
                silenced.getStyleClass().add("alert-silenced-badge");
                box.getChildren().add(silenced);
            }
            item.acknowledgement().ifPresent(k -> {
                Label acked = new Label("ACKNOWLEDGED by " + k.by() + " · " + SINCE.format(k.at())
                        + (k.comment().isEmpty() ? "" : " · " + k.comment()));
                acked.getStyleClass().add("alert-acknowledged-badge");
                box.getChildren().add(acked);
            });
            box.setPadding(new Insets(6, 8, 6, 8));
            box.getStyleClass().add("alert-row");
            if (item.silenced()) {
                box.getStyleClass().add("alert-row-silenced");
            }
            if (item.acknowledged()) {
                box.getStyleClass().add("alert-row-acknowledged");
            }
            setText(null);
            setGraphic(box);
        }
    }
}
