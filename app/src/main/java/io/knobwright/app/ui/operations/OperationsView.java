package io.knobwright.app.ui.operations;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import io.knobwright.app.ui.common.StatusMessages;
import io.knobwright.app.ui.common.Theme;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.List;

/**
 * The Operations screen: five TilesFX tiles (active overrides with live countdowns, failed restorations, plans being
 * applied, pending restarts, recent incidents) under a status line saying when the data was read and who restores
 * overrides for this store. While shown ({@link #start}), countdowns tick every second from their deadlines and the
 * data is read again in the background every two seconds.
 */
public final class OperationsView extends BorderPane {

    public static final String STYLESHEET = Theme.stylesheet(OperationsView.class, "operations.css");

    private final OperationsViewModel vm;
    private final Timeline ticking;
    private final List<Tile> tiles;
    private final Tile activeTile;
    private final Tile alarmTile;
    private final Tile plansTile;
    private final Tile restartsTile;
    private final Tile incidentsTile;
    private final List<TileList<?>> lists;
    private Subscription subscriptions = Subscription.EMPTY;
    private TilePalette palette = TilePalette.LIGHT;

    public OperationsView(OperationsViewModel vm, ObservableBooleanValue dark) {
        this.vm = vm;
        setId("operations");
        getStyleClass().add("operations");

        TileList<OverrideLine> active = new TileList<>("ops-active-list", vm.active(),
                line -> OperationsCells.override(vm, line, false), "No override is in force.");
        Label activeCount = count("ops-active-count");
        activeCount.textProperty().bind(Bindings.size(vm.active()).asString());
        activeTile = tile("ops-tile-active", content("Active overrides", activeCount, caption("in force, restoring by themselves"), active));

        TileList<OverrideLine> alarms = new TileList<>("ops-alarm-list", vm.alarms(),
                line -> OperationsCells.override(vm, line, true), "Every restoration went through.");
        Label alarmCount = count("ops-alarm-count");
        alarmCount.textProperty().bind(Bindings.size(vm.alarms()).asString());
        alarmTile = tile("ops-tile-alarms", content("Failed restorations", alarmCount, caption("failing or waiting for a decision"), alarms));

        TileList<PlanLine> plans = new TileList<>("ops-plan-list", vm.plans(),
                p -> TileList.Row.of(OperationsCells.twoLines(p.headline(), p.detail(), p.attention())), "No plan is being applied.");
        Label applyingCount = count("ops-applying-count");
        applyingCount.textProperty().bind(vm.applyingCountProperty().asString());
        Label plansCaption = caption("");
        plansCaption.textProperty().bind(Bindings.createStringBinding(() -> "being applied · "
                + vm.attentionCountProperty().get() + " needing attention", vm.attentionCountProperty()));
        plansTile = tile("ops-tile-plans", content("Plans being applied", applyingCount, plansCaption, plans));

        TileList<PendingRestartRow> restarts = new TileList<>("ops-restart-list", vm.restarts(),
                r -> TileList.Row.of(OperationsCells.twoLines(r.instance(), String.join(", ", r.parameters()), false)), "");
        restarts.placeholder().textProperty().bind(vm.restartsKnownProperty().map(known -> known
                ? "No instance waits for a restart." : "Not tracked in this window."));
        Label restartCount = count("ops-restart-count");
        restartCount.textProperty().bind(Bindings.createStringBinding(() -> vm.restartsKnownProperty().get()
                ? Integer.toString(vm.restarts().size()) : "–", vm.restartsKnownProperty(), vm.restarts()));
        restartsTile = tile("ops-tile-restarts", content("Pending restarts", restartCount,
                caption("instances waiting for a restart"), restarts));

        TileList<IncidentLine> incidents = new TileList<>("ops-incident-list", vm.incidents(), OperationsCells::incident,
                "Nothing happened recently.");
        VBox incidentsContent = new VBox(6, title("Recent incidents"), incidents);
        VBox.setVgrow(incidents, Priority.ALWAYS);
        incidentsContent.getStyleClass().add("ops-tile-content");
        incidentsTile = tile("ops-tile-incidents", incidentsContent);
        lists = List.of(active, alarms, plans, restarts, incidents);

        tiles = List.of(activeTile, alarmTile, plansTile, restartsTile, incidentsTile);
        setTop(new VBox(header(), messageLine()));
        setCenter(grid());

        ticking = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticking.setCycleCount(Animation.INDEFINITE);

        subscriptions = subscriptions.and(Subscription.combine(
                dark.subscribe(isDark -> {
                    palette = TilePalette.of(isDark);
                    tiles.forEach(this::paint);
                    alarmsChanged();
                }),
                subscribeList(vm.alarms(), this::alarmsChanged),
                vm.attentionCountProperty().subscribe(n -> alarmsChanged())));
    }

    private static Subscription subscribeList(ObservableList<?> list, Runnable changed) {
        ListChangeListener<Object> listener = c -> changed.run();
        list.addListener(listener);
        return () -> list.removeListener(listener);
    }

    /** Red frames and counts where something needs a person: failing restorations, plans left needing attention. */
    private void alarmsChanged() {
        alarm(alarmTile, !vm.alarms().isEmpty());
        alarm(plansTile, vm.attentionCountProperty().get() > 0);
    }

    private void alarm(Tile tile, boolean on) {
        tile.setBorderColor(on ? palette.danger() : palette.border());
        tile.setBorderWidth(on ? 2 : 1);
        tile.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("alarm"), on);
    }

    private void paint(Tile tile) {
        tile.setBackgroundColor(palette.background());
        tile.setForegroundColor(palette.foreground());
        tile.setTitleColor(palette.foreground());
        tile.setTextColor(palette.muted());
        tile.setBorderColor(palette.border());
        tile.setBorderWidth(1);
    }

    /**
     * A TilesFX tile as the frame (background, rounded border, red when alarmed) around theme-styled content. The
     * title is in the content, not the tile's own: TilesFX scales its title with the tile's smaller side, so tiles of
     * different shapes would title in different sizes.
     */
    private static Tile tile(String id, Node content) {
        Tile tile = TileBuilder.create()
                .skinType(Tile.SkinType.CUSTOM)
                .graphic(content)
                .roundedCorners(true)
                .animated(false)
                .maxSize(Double.MAX_VALUE, Double.MAX_VALUE)
                .build();
        tile.setId(id);
        tile.getStyleClass().add("ops-tile");
        tile.setMinSize(0, 0);
        return tile;
    }

    private static VBox content(String title, Label count, Label caption, Node list) {
        HBox figure = new HBox(10, count, caption);
        figure.setAlignment(Pos.BASELINE_LEFT);
        VBox box = new VBox(6, title(title), figure, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.getStyleClass().add("ops-tile-content");
        return box;
    }

    private static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().addAll(Styles.TITLE_4, "ops-tile-title");
        return title;
    }

    private static Label count(String id) {
        Label count = new Label("0");
        count.setId(id);
        count.getStyleClass().add("ops-count");
        return count;
    }

    private static Label caption(String text) {
        return OperationsCells.label(text, "ops-caption");
    }

    /**
     * Overrides and their alarms take the top row, where the eye goes first; plans, restarts and the incident log the
     * second.
     */
    private GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("ops-grid");
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / 3);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        for (int i = 0; i < 2; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        grid.add(activeTile, 0, 0, 2, 1);
        grid.add(alarmTile, 2, 0);
        grid.add(plansTile, 0, 1);
        grid.add(restartsTile, 1, 1);
        grid.add(incidentsTile, 2, 1);
        return grid;
    }

    private HBox header() {
        Label title = new Label("Operations");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("ops-status");
        status.getStyleClass().add("ops-status");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        Tooltip full = new Tooltip();
        full.textProperty().bind(status.textProperty());
        status.setTooltip(full);
        Button refresh = new Button("Refresh", new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("ops-refresh");
        refresh.getStyleClass().add(Styles.SMALL);
        refresh.setTooltip(new Tooltip("Read again now (it reads by itself every two seconds)"));
        refresh.setOnAction(e -> vm.refresh());
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(12, title, status, new Spacer(), refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("ops-header");
        return header;
    }

    private Message messageLine() {
        Message message = new Message();
        message.setId("ops-message");
        message.getStyleClass().add("ops-message");
        subscriptions = subscriptions.and(StatusMessages.bind(message, vm.messageProperty(), vm.messageIsErrorProperty(),
                vm::dismissMessage));
        return message;
    }

    /** The screen came to the front: countdowns tick, the data is read now and every two seconds. */
    public void start() {
        ticking.play();
        vm.startPolling();
    }

    /** The screen went to the back: nothing ticks or reads for it. */
    public void stop() {
        ticking.stop();
        vm.stopPolling();
    }

    public void dispose() {
        stop();
        subscriptions.unsubscribe();
        lists.forEach(TileList::dispose);
    }
}
