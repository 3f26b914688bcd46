package io.knobwright.app.ui.instance;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.EngineIcons;
import io.knobwright.app.ui.common.Labels;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.model.fleet.Instance;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The right-hand pane: who the selected instance is, and how its settings compare with the defaults. */
public final class InstanceDetailView extends StackPane {

    public static final String STYLESHEET = Theme.stylesheet(InstanceDetailView.class, "instance.css");

    private final InstanceDetailViewModel vm;
    private final Label name = new Label();
    private final Label subtitle = new Label();
    private final HBox heading = new HBox();
    private final Label demoBadge = new Label("DEMO");
    private final GridPane facts = new GridPane();
    private final CustomTextField search = new CustomTextField();
    /** Null until the first instance is selected. */
    private TableView<SettingRow> table;
    private final Subscription subscriptions;

    public InstanceDetailView(InstanceDetailViewModel vm) {
        this.vm = vm;
        getStyleClass().add("instance-detail");
        Label empty = new Label("Select an instance to see its facts and settings.");
        empty.getStyleClass().add("detail-empty");
        getChildren().add(empty);
        empty.visibleProperty().bind(vm.instanceProperty().isNull());
        // The facts and settings table are built when the first instance is selected: until then only the
        // hint shows, and the window opens without creating (and styling) a second table nobody sees yet.
        subscriptions = Subscription.combine(
                vm.instanceProperty().subscribe(this::showInstance),
                vm.facts().subscribe(this::showFacts));
    }

    /** Builds the facts and settings beneath the hint, once. */
    private void buildContent() {
        table = SettingsTableView.create(vm);
        VBox content = new VBox(header(), errorMessage(), facts, settingsHeader(), snapshotInfo(), catalogNote(),
                settingsBar(), table);
        content.getStyleClass().add("detail-content");
        VBox.setVgrow(table, Priority.ALWAYS);
        facts.getStyleClass().add("facts");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().setAll(labels, values);
        content.visibleProperty().bind(vm.instanceProperty().isNotNull());
        getChildren().add(content);
    }

    private HBox header() {
        name.setId("detail-name");
        name.getStyleClass().add(Styles.TITLE_3);
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        demoBadge.getStyleClass().add("demo-badge");
        HBox nameLine = new HBox(name, demoBadge);
        nameLine.getStyleClass().add("detail-name-line");
        nameLine.setAlignment(Pos.CENTER_LEFT);
        VBox titles = new VBox(nameLine, subtitle);
        titles.getStyleClass().add("detail-titles");
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);
        demoBadge.setMinWidth(Region.USE_PREF_SIZE);

        heading.getChildren().setAll(new Label(), titles);
        heading.getStyleClass().add("detail-heading");
        heading.setAlignment(Pos.CENTER_LEFT);
        return heading;
    }

    private Message errorMessage() {
        Message message = new Message("Could not read settings", "", new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        message.setId("detail-error");
        message.getStyleClass().add(Styles.DANGER);
        message.descriptionProperty().bind(vm.errorProperty());
        message.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setOnClose(e -> vm.dismissError());
        return message;
    }

    private HBox settingsHeader() {
        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label summary = new Label();
        summary.setId("detail-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.setMinWidth(0);
        // On a narrow pane the counts are cut; hovering reads them in full.
        Tooltip full = new Tooltip();
        full.textProperty().bind(summary.textProperty());
        summary.tooltipProperty().bind(summary.textTruncatedProperty().map(cut -> cut ? full : null));

        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("detail-progress");
        progress.visibleProperty().bind(vm.refreshingProperty().or(vm.loadingProperty()));
        progress.managedProperty().bind(progress.visibleProperty());
        Button refresh = new Button("Refresh from server", new FontIcon(MaterialDesignD.DATABASE_REFRESH));
        refresh.setId("detail-refresh");
        refresh.getStyleClass().add(Styles.SMALL);
        refresh.disableProperty().bind(vm.canRefreshProperty().not());
        refresh.setOnAction(e -> vm.refreshFromServer());
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setTooltip(new Tooltip("Read the live settings from the server now"));

        HBox box = new HBox(title, summary, new Spacer(), progress, refresh);
        box.getStyleClass().add("settings-header");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Label snapshotInfo() {
        Label info = new Label();
        info.setId("detail-snapshot-info");
        info.textProperty().bind(vm.snapshotInfoProperty());
        info.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        info.visibleProperty().bind(vm.snapshotInfoProperty().isNotEmpty());
        info.managedProperty().bind(info.visibleProperty());
        return info;
    }

    private Label catalogNote() {
        Label note = new Label();
        note.setId("detail-catalog-note");
        note.setGraphic(new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        note.setWrapText(true);
        note.getStyleClass().add("catalog-note");
        note.textProperty().bind(vm.catalogNoteProperty());
        note.visibleProperty().bind(vm.catalogNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private HBox settingsBar() {
        search.setId("settings-search");
        search.setPromptText("Search settings");
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.textProperty().bindBidirectional(vm.settingsSearchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ToggleSwitch onlyChanged = new ToggleSwitch("Only non-default");
        onlyChanged.setId("settings-only-changed");
        onlyChanged.selectedProperty().bindBidirectional(vm.onlyChangedProperty());
        HBox bar = new HBox(search, onlyChanged);
        bar.getStyleClass().add("settings-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void showInstance(Instance i) {
        if (i == null) {
            return;
        }
        if (table == null) {
            buildContent();
        }
        name.setText(i.name());
        subtitle.setText(i.engine().displayName() + " " + i.fullVersion() + " · " + Labels.tier(i.tier())
                + " · " + Labels.criticality(i.criticality()) + " criticality");
        var icon = EngineIcons.icon(i.engine());
        icon.getStyleClass().add("detail-engine-icon");
        heading.getChildren().set(0, icon);
        demoBadge.setVisible(i.demo());
        demoBadge.setManaged(i.demo());
    }

    private void showFacts() {
        facts.getChildren().clear();
        int row = 0;
        for (Fact f : vm.facts()) {
            Label label = new Label(f.label());
            label.getStyleClass().add("fact-label");
            Label value = new Label(f.value());
            value.getStyleClass().add("fact-value");
            value.setWrapText(true);
            // A wrapped value must get the height it needs, or a long URL ends in "…".
            value.setMinHeight(Region.USE_PREF_SIZE);
            label.setMinHeight(Region.USE_PREF_SIZE);
            facts.addRow(row++, label, value);
        }
    }

    /** The settings table; null until an instance has been selected. */
    public TableView<SettingRow> table() {
        return table;
    }

    public void dispose() {
        subscriptions.unsubscribe();
        search.textProperty().unbindBidirectional(vm.settingsSearchProperty());
    }
}
