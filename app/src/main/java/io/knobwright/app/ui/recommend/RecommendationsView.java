package io.knobwright.app.ui.recommend;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import io.knobwright.app.recommend.RecommendationService;
import io.knobwright.app.ui.common.StatusMessages;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.model.fleet.Instance;
import io.knobwright.simulator.recommend.Considered;
import io.knobwright.simulator.recommend.RecommendationSet;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.ArrayList;
import java.util.List;

/**
 * The Recommendations screen (decision 0151): at the top the instance, the options and the runs with their progress;
 * below, the fleet's answers in a table and the selected instance's cards, each with its reasoning, evidence and
 * predicted-impact chart, the accept bar that turns accepted cards into one draft plan, and what was set aside and
 * the warnings under the cards.
 */
public final class RecommendationsView extends BorderPane {

    public static final String STYLESHEET = Theme.stylesheet(RecommendationsView.class, "recommendations.css");

    private final RecommendationsViewModel vm;
    private final TableView<FleetRow> table = new TableView<>();
    private final VBox answer = new VBox(10);
    private final List<RecommendationCardView> cardViews = new ArrayList<>();
    private Subscription subscriptions = Subscription.EMPTY;
    /** Set while the view follows the view-model's shown row, so the table's selection does not echo it back. */
    private boolean following;

    public RecommendationsView(RecommendationsViewModel vm) {
        this.vm = vm;
        setId("recommendations-view");
        getStyleClass().add("recommendations-view");
        getStylesheets().add(STYLESHEET);
        setTop(header());
        SplitPane split = new SplitPane();
        split.setOrientation(Orientation.VERTICAL);
        Node fleetTable = fleetTable();
        split.getItems().setAll(fleetTable, answerPane());
        // a taller window gives its height to the cards, not to the table
        SplitPane.setResizableWithParent(fleetTable, false);
        split.setDividerPositions(0.25);
        split.setId("rec-split");
        setCenter(split);
        subscriptions = subscriptions.and(vm.shownProperty().subscribe(row -> {
            following = true;
            try {
                if (row == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(row);
                }
            } finally {
                following = false;
            }
            buildAnswer();
        })).and(vm.cards().subscribe(this::buildAnswer));
    }

    // ---- header ---------------------------------------------------------------------------------------------------

    private Node header() {
        Label title = new Label("Recommendations");
        title.getStyleClass().add(Styles.TITLE_3);
        ComboBox<Instance> instance = new ComboBox<>(vm.instances());
        instance.setId("rec-instance");
        instance.setPromptText("Choose an instance");
        instance.valueProperty().bindBidirectional(vm.instanceProperty());
        // the converter spells the chosen instance in the button too, also before the fleet list has arrived
        instance.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Instance i) {
                return i == null ? "" : InstanceCell.text(i);
            }

            @Override
            public Instance fromString(String text) {
                return vm.instances().stream().filter(i -> i.name().equals(text)).findFirst().orElse(null);
            }
        });
        instance.setCellFactory(list -> new InstanceCell());
        instance.setPrefWidth(360);
        Button one = button("rec-run", "Recommend", MaterialDesignL.LIGHTBULB_ON_OUTLINE, vm::recommend);
        one.getStyleClass().add(Styles.ACCENT);
        one.disableProperty().bind(vm.runningProperty().or(vm.instanceProperty().isNull()));
        one.setTooltip(new Tooltip("Search the chosen instance's settings against its measured workload"));
        Button fleet = button("rec-run-fleet", "Recommend for the fleet", MaterialDesignS.SERVER_NETWORK, vm::recommendFleet);
        fleet.disableProperty().bind(vm.runningProperty());
        fleet.setTooltip(new Tooltip("Every instance of the fleet, several at once; the table fills when all are done"));
        Button cancel = button("rec-cancel", "Cancel", MaterialDesignC.CLOSE_CIRCLE_OUTLINE, vm::cancel);
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox top = new HBox(10, title, instance, one, fleet, cancel);
        top.setAlignment(Pos.CENTER_LEFT);

        CheckBox restart = new CheckBox("Allow restart");
        restart.setId("rec-allow-restart");
        restart.selectedProperty().bindBidirectional(vm.allowRestartProperty());
        restart.setTooltip(new Tooltip("Also propose settings that take effect only after a server restart"
                + " (shared_buffers, max_connections)"));
        CheckBox durability = new CheckBox("Allow durability trade");
        durability.setId("rec-allow-durability");
        durability.selectedProperty().bindBidirectional(vm.allowDurabilityTradeProperty());
        Label risk = RecommendationCardView.wrapped(new Label());
        risk.setId("rec-durability-risk");
        risk.getStyleClass().add("rec-durability-risk");
        risk.textProperty().bind(Bindings.when(vm.allowDurabilityTradeProperty())
                .then("Risk: with synchronous_commit off, a crash of the server or the OS can lose the transactions"
                        + " committed in its last 3 × wal_writer_delay (600 ms at the default), though clients were told"
                        + " they committed. The database stays consistent; fsync and full_page_writes are never proposed.")
                .otherwise("Durability settings are never weakened unless you allow it."));
        restart.setMinWidth(Region.USE_PREF_SIZE);
        durability.setMinWidth(Region.USE_PREF_SIZE);
        Label next = new Label("Options apply to the next search.");
        next.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        next.setMinWidth(Region.USE_PREF_SIZE);
        HBox options = new HBox(14, restart, durability, next);
        options.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.setId("rec-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(220);
        Label progressText = new Label();
        progressText.setId("rec-progress-text");
        progressText.textProperty().bind(vm.progressTextProperty());
        HBox progress = new HBox(10, bar, progressText);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Message message = new Message();
        message.setId("rec-message");
        subscriptions = subscriptions.and(StatusMessages.bind(message, vm.messageProperty(), vm.messageIsErrorProperty(),
                vm::dismissMessage));
        VBox box = new VBox(6, top, options, risk, progress, message);
        box.getStyleClass().add("rec-header");
        return box;
    }

    private static final class InstanceCell extends ListCell<Instance> {
        @Override
        protected void updateItem(Instance item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text(item));
        }

        static String text(Instance i) {
            return i.name() + "  ·  " + i.engine().displayName() + " " + i.version();
        }
    }

    // ---- fleet table ----------------------------------------------------------------------------------------------

    private Node fleetTable() {
        table.setId("rec-fleet-table");
        table.setItems(vm.fleet());
        table.setPlaceholder(new Label("Choose an instance and Recommend, or Recommend for the fleet."));
        table.getColumns().setAll(List.of(
                column("Instance", 180, r -> r.name()),
                column("Changes", 80, r -> r.failed() ? "—" : Integer.toString(r.changes())),
                column("Predicted gain (80% interval)", 220, FleetRow::gainText),
                column("Not answered, or why no change", 480, FleetRow::status)));
        table.getColumns().get(1).getStyleClass().add("rec-number-column");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(FleetRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), !empty && item != null && item.failed());
            }
        });
        subscriptions = subscriptions.and(table.getSelectionModel().selectedItemProperty().subscribe(row -> {
            if (!following && row != null && row != vm.shownProperty().get()) {
                vm.select(row);
            }
        }));
        return table;
    }

    private static TableColumn<FleetRow, String> column(String title, double width,
                                                        java.util.function.Function<FleetRow, String> value) {
        TableColumn<FleetRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        // a failure's text runs long (it says what to run): the whole of it on hover, and under the table when selected
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.length() < 40 ? null : new Tooltip(item));
            }
        });
        return c;
    }

    // ---- answer ---------------------------------------------------------------------------------------------------

    private Node answerPane() {
        answer.getStyleClass().add("rec-answer");
        answer.setId("rec-answer");
        ScrollPane scroll = new ScrollPane(answer);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("rec-answer-scroll");
        return scroll;
    }

    private void buildAnswer() {
        cardViews.forEach(RecommendationCardView::dispose);
        cardViews.clear();
        answer.getChildren().clear();
        FleetRow row = vm.shownProperty().get();
        if (row == null) {
            Label empty = RecommendationCardView.wrapped(new Label("Nothing searched yet. Choose an instance and press"
                    + " Recommend, or Recommend for the fleet; each answer's changes show here as cards you can accept"
                    + " into a change plan."));
            empty.setId("rec-empty");
            empty.getStyleClass().add(Styles.TEXT_MUTED);
            answer.getChildren().add(empty);
            return;
        }
        Label heading = new Label(row.name());
        heading.setId("rec-answer-heading");
        heading.getStyleClass().add(Styles.TITLE_4);
        answer.getChildren().add(heading);
        if (row.failed()) {
            Label failure = RecommendationCardView.wrapped(new Label("No answer: " + row.failure()));
            failure.setId("rec-failure");
            failure.getStyleClass().add("rec-failure");
            answer.getChildren().add(failure);
            return;
        }
        RecommendationService.Outcome outcome = row.outcome();
        RecommendationSet set = outcome.set();
        Label about = RecommendationCardView.wrapped(new Label(set.engineVersion() + " · " + set.model() + " model · "
                + (set.noChange() ? "no change recommended" : set.recommendations().size()
                + (set.recommendations().size() == 1 ? " change" : " changes") + ", together "
                + RecommendationFormats.gain(set.overall().gain()) + " throughput")));
        about.setId("rec-about");
        about.getStyleClass().add(Styles.TEXT_MUTED);
        answer.getChildren().add(about);
        if (set.noChange()) {
            Label reason = RecommendationCardView.wrapped(new Label("No change recommended: " + set.noChangeReason()));
            reason.setId("rec-no-change");
            reason.getStyleClass().add("rec-no-change");
            answer.getChildren().add(reason);
        } else {
            answer.getChildren().add(acceptBar());
            // one change's card already draws the whole answer's impact
            if (set.recommendations().size() > 1 && set.overall() != null && !set.overall().metrics().isEmpty()) {
                VBox overall = new VBox(4);
                overall.getStyleClass().add("rec-overall");
                Label h = new Label("All " + set.recommendations().size() + " changes together");
                h.getStyleClass().add("rec-subheading");
                overall.getChildren().addAll(h, new ImpactChart(set.overall().metrics(), "rec-overall-impact"));
                answer.getChildren().add(overall);
            }
            for (RecommendationCard card : vm.cards()) {
                RecommendationCardView view = new RecommendationCardView(card);
                cardViews.add(view);
                answer.getChildren().add(view);
            }
        }
        if (!set.considered().isEmpty()) {
            answer.getChildren().add(section("Set aside", "rec-considered", set.considered().stream()
                    .map(RecommendationsView::considered).toList()));
        }
        if (!set.warnings().isEmpty()) {
            answer.getChildren().add(section("Warnings", "rec-warnings", set.warnings()));
        }
        if (!outcome.notes().isEmpty()) {
            answer.getChildren().add(section("What the answer assumed", "rec-notes", outcome.notes()));
        }
    }

    private static String considered(Considered c) {
        return c.parameter() + " " + (c.from().isBlank() ? "" : c.from() + " → ") + c.to() + ": " + c.why();
    }

    private Node acceptBar() {
        Button all = button("rec-accept-all", "Accept all", MaterialDesignC.CHECKBOX_MULTIPLE_MARKED_OUTLINE, vm::acceptAll);
        Button none = button("rec-accept-none", "None", MaterialDesignC.CHECKBOX_MULTIPLE_BLANK_OUTLINE, vm::acceptNone);
        Button create = button("rec-create-plan", "", MaterialDesignF.FILE_DOCUMENT_EDIT_OUTLINE, vm::createPlan);
        create.textProperty().bind(Bindings.createStringBinding(() -> "Create change plan from "
                + vm.acceptedCountProperty().get() + " accepted", vm.acceptedCountProperty()));
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(vm.canCreatePlan().not());
        Hyperlink open = new Hyperlink();
        open.setId("rec-open-plan");
        open.textProperty().bind(Bindings.createStringBinding(() -> vm.createdProperty().get() == null ? ""
                : "Open plan #" + vm.createdProperty().get().id(), vm.createdProperty()));
        open.visibleProperty().bind(vm.createdProperty().isNotNull());
        open.managedProperty().bind(open.visibleProperty());
        open.setOnAction(e -> vm.openCreatedPlan());
        HBox buttons = new HBox(8, all, none, create, open);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label note = RecommendationCardView.wrapped(new Label());
        note.setId("rec-partner-note");
        note.getStyleClass().add("rec-partner-note");
        note.textProperty().bind(vm.partnerNoteProperty());
        note.visibleProperty().bind(vm.partnerNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        VBox bar = new VBox(4, buttons, note);
        bar.getStyleClass().add("rec-accept-bar");
        return bar;
    }

    private static Node section(String title, String id, List<String> lines) {
        VBox box = new VBox(2);
        box.setId(id);
        box.getStyleClass().add("rec-section");
        Label heading = new Label(title);
        heading.getStyleClass().add("rec-subheading");
        box.getChildren().add(heading);
        for (String line : lines) {
            Label l = RecommendationCardView.wrapped(new Label("• " + line));
            l.getStyleClass().add("rec-section-line");
            box.getChildren().add(l);
        }
        return box;
    }

    private static Button button(String id, String text, org.kordamp.ikonli.Ikon icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    public void dispose() {
        subscriptions.unsubscribe();
        cardViews.forEach(RecommendationCardView::dispose);
        if (vm.runningProperty().get()) {
            vm.cancel();
        }
    }
}
