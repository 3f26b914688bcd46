package io.knobwright.app.ui.review;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.KeyMap;
import io.knobwright.app.ui.common.StatusMessages;
import io.knobwright.app.ui.common.Theme;
import javafx.beans.binding.Bindings;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The reviewer's side panel, docked on the right of the main window: plans awaiting my decision with the
 * selected one's detail and the decision bar, and the open break-glass reviews on a second tab.
 *
 * <p>Keyboard: the arrows move through the list, Tab goes on to the comment, Alt+A approves, Alt+R rejects,
 * Ctrl+Enter approves from anywhere in the panel, Esc closes it.
 */
public final class ReviewPanel extends VBox {

    public static final String STYLESHEET = Theme.stylesheet(ReviewPanel.class, "review.css");

    private final ReviewPanelViewModel vm;
    private final ListView<ReviewRow> list = new ListView<>();
    private final TextField comment = new TextField();
    private final ReviewDetailPane detail = new ReviewDetailPane();
    private final TabPane tabs;
    private final BreakGlassPane breakGlass;
    private Subscription subscriptions = Subscription.EMPTY;
    /** True while the view moves the list selection itself, so that it does not echo back. */
    private boolean syncing;

    public ReviewPanel(ReviewPanelViewModel vm) {
        this.vm = vm;
        setId("review-panel");
        getStyleClass().add("review-panel");
        breakGlass = new BreakGlassPane(vm.breakGlass());
        Tab awaiting = new Tab(null, awaitingContent());
        awaiting.setId("review-tab-awaiting");
        awaiting.textProperty().bind(Bindings.concat("Awaiting me (", vm.awaitingCountProperty(), ")"));
        Tab reviews = new Tab(null, breakGlass);
        reviews.setId("review-tab-break-glass");
        reviews.textProperty().bind(Bindings.concat("Break-glass (", Bindings.size(vm.breakGlass().items()), ")"));
        tabs = new TabPane(awaiting, reviews);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("review-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(header(), messageLine(), tabs);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (KeyMap.APPROVE.matches(e) && tabs.getSelectionModel().getSelectedIndex() == 0) {
                e.consume();
                vm.approve();
            } else if (KeyMap.CLOSE_REVIEWS.matches(e)) {
                e.consume();
                vm.shownProperty().set(false);
            }
        });
        subscriptions = Subscription.combine(
                ReviewPanel.keepKeyboard(this, list),
                vm.selectedProperty().subscribe(row -> {
                    detail.show(row == null ? null : row.detail());
                    syncSelection();
                }),
                list.getSelectionModel().selectedItemProperty().subscribe(row -> {
                    if (!syncing) {
                        vm.select(row);
                    }
                }));
    }

    private HBox header() {
        Label title = new Label("Reviews");
        title.getStyleClass().add(Styles.TITLE_4);
        Label who = new Label("as " + vm.user());
        who.setId("review-user");
        who.getStyleClass().add("review-muted");
        Button refresh = iconButton("review-refresh", new FontIcon(MaterialDesignR.REFRESH), "Check again now");
        refresh.setOnAction(e -> vm.refresh());
        Button close = iconButton("review-close", new FontIcon(MaterialDesignC.CLOSE), KeyMap.CLOSE_REVIEWS.tip("Close the panel"));
        close.setOnAction(e -> vm.shownProperty().set(false));
        HBox header = new HBox(8, title, who, new Spacer(), refresh, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("review-header");
        return header;
    }

    private static Button iconButton(String id, FontIcon icon, String tip) {
        Button b = new Button(null, icon);
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    private Message messageLine() {
        Message message = new Message();
        message.setId("review-message");
        message.getStyleClass().add("review-message");
        subscriptions = Subscription.combine(subscriptions, StatusMessages.bind(message, vm.messageProperty(), vm.messageIsErrorProperty(),
                vm::dismissMessage));
        return message;
    }

    private VBox awaitingContent() {
        list.setId("review-list");
        list.setItems(vm.rows());
        list.setCellFactory(l -> new ReviewCells.PlanCell());
        list.getStyleClass().add("review-list");
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(vm.loadedProperty())
                .then(ReviewPanelViewModel.NOTHING_AWAITS).otherwise(ReviewPanelViewModel.LOADING));
        placeholder.getStyleClass().add("review-muted");
        list.setPlaceholder(placeholder);

        ScrollPane scroll = new ScrollPane(detail);
        scroll.setId("review-detail");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll("review-detail-scroll", Styles.FLAT);

        // The list keeps room for about five plans; the detail takes the rest, and the decision bar always shows.
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(list, scroll, decisionBar());
        box.getStyleClass().add("review-awaiting");
        return box;
    }

    private VBox decisionBar() {
        comment.setId("review-comment");
        comment.setPromptText("Comment (needed to reject) · " + KeyMap.APPROVE.primary().getDisplayText() + " approves");
        comment.textProperty().bindBidirectional(vm.commentProperty());
        comment.disableProperty().bind(vm.selectedProperty().isNull());

        Button approve = new Button("_Approve", new FontIcon(MaterialDesignC.CHECK));
        approve.setId("review-approve");
        approve.setMnemonicParsing(true);
        approve.getStyleClass().add(Styles.SUCCESS);
        approve.setTooltip(new Tooltip(KeyMap.APPROVE.tip("Approve the level awaiting you")));
        approve.disableProperty().bind(Bindings.not(vm.canApprove()));
        approve.setOnAction(e -> vm.approve());

        Button reject = new Button("_Reject", new FontIcon(MaterialDesignC.CLOSE));
        reject.setId("review-reject");
        reject.setMnemonicParsing(true);
        reject.getStyleClass().add(Styles.DANGER);
        reject.disableProperty().bind(Bindings.not(vm.canReject()));
        reject.setOnAction(e -> vm.reject());
        // A disabled button shows no tooltip: its holder carries the reason it is disabled.
        StackPane rejectHolder = new StackPane(reject);
        rejectHolder.setId("review-reject-holder");
        Tooltip why = new Tooltip();
        why.textProperty().bind(Bindings.createStringBinding(() -> vm.commentProperty().get() == null
                        || vm.commentProperty().get().isBlank() ? ReviewPanelViewModel.REJECT_NEEDS_COMMENT
                        : KeyMap.REJECT.tip("Reject the plan with your comment"), vm.commentProperty()));
        Tooltip.install(rejectHolder, why);

        HBox buttons = new HBox(8, approve, rejectHolder);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox bar = new VBox(6, comment, buttons);
        bar.getStyleClass().add("review-decision");
        return bar;
    }

    /**
     * Keeps the keyboard in {@code pane} when what had it goes disabled there (a decision button while it runs, the
     * comment once the last plan is decided): the scene would move focus to whatever comes next in the window; the
     * pane's list takes it instead, after the scene has moved it.
     */
    static Subscription keepKeyboard(Node pane, Node list) {
        return pane.sceneProperty().flatMap(Scene::focusOwnerProperty).subscribe((before, now) -> {
            if (before != null && before.isDisabled() && within(before, pane) && (now == null || !within(now, pane))) {
                Platform.runLater(() -> {
                    Node owner = pane.getScene() == null ? null : pane.getScene().getFocusOwner();
                    if (pane.isVisible() && (owner == null || !within(owner, pane))) {
                        list.requestFocus();
                    }
                });
            }
        });
    }

    private static boolean within(Node node, Node pane) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == pane) {
                return true;
            }
        }
        return false;
    }

    /** Opens the Awaiting tab and puts the keyboard in the list, on the selected plan. */
    public void focusList() {
        tabs.getSelectionModel().select(0);
        list.requestFocus();
        int index = list.getSelectionModel().getSelectedIndex();
        if (index >= 0) {
            list.getFocusModel().focus(index);
        }
    }

    private void syncSelection() {
        ReviewRow selected = vm.selectedProperty().get();
        int index = selected == null ? -1 : list.getItems().indexOf(selected);
        if (index == list.getSelectionModel().getSelectedIndex()) {
            return;
        }
        syncing = true;
        try {
            if (index < 0) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().clearAndSelect(index);
                list.scrollTo(index);
            }
        } finally {
            syncing = false;
        }
    }

    public void dispose() {
        subscriptions.unsubscribe();
        comment.textProperty().unbindBidirectional(vm.commentProperty());
        breakGlass.dispose();
    }
}
