package io.knobwright.app.ui.workbench;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.KeyMap;
import io.knobwright.app.ui.common.KeyMap.Shortcut;
import io.knobwright.app.ui.common.StatusMessages;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.app.ui.compare.CompareView;
import io.knobwright.app.ui.fleet.FleetView;
import io.knobwright.app.ui.instance.InstanceDetailView;
import io.knobwright.app.ui.operations.OperationsView;
import io.knobwright.app.ui.plan.PlansView;
import io.knobwright.app.ui.policy.PolicyView;
import io.knobwright.app.ui.review.ReviewPanel;
import io.knobwright.app.ui.review.ReviewToggle;
import io.knobwright.app.ui.template.TemplatesView;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The main window: demo banner and message line on top, then one tab per screen (the fleet browser
 * beside the instance detail, templates, plans), and the status bar.
 */
public final class WorkbenchView extends BorderPane {

    public static final String STYLESHEET = Theme.stylesheet(WorkbenchView.class, "workbench.css");

    private final WorkbenchViewModel vm;
    private final FleetView fleetView;
    private final InstanceDetailView detailView;
    /** Built the first time their tab is shown: most sessions start on the fleet, and it opens faster alone. */
    private TemplatesView templatesView;
    private PlansView plansView;
    private PolicyView policyView;
    private io.knobwright.app.ui.health.HealthView healthView;
    private io.knobwright.app.ui.whatif.WhatIfView whatIfView;
    private io.knobwright.app.ui.recommend.RecommendationsView recommendationsView;
    private OperationsView operationsView;
    private final Theme theme;
    private ReviewPanel reviewPanel;
    private ReviewToggle reviewToggle;
    private final TabPane screens;
    private final ScreenNavigator navigator;
    private final WorkbenchMenu menu;
    /** Help, Keyboard shortcuts; null until first asked for. */
    private ShortcutsHelp shortcutsHelp;
    private Subscription subscriptions = Subscription.EMPTY;

    public WorkbenchView(WorkbenchViewModel vm, Theme theme) {
        this.vm = vm;
        this.theme = theme;
        getStyleClass().add("workbench");
        fleetView = new FleetView(vm.browser());
        detailView = new InstanceDetailView(vm.detail());
        SplitPane split = new SplitPane(fleetView, detailView);
        split.setId("workbench-split");
        split.setDividerPositions(0.665);
        BorderPane fleetScreen = new BorderPane(split);
        fleetScreen.setTop(toolbar(theme));
        screens = new TabPane(
                screen("tab-fleet", "Fleet", MaterialDesignD.DATABASE_OUTLINE, fleetScreen),
                screen("tab-workload", "Workload", MaterialDesignC.CHART_TIMELINE_VARIANT, null),
                screen("tab-health", "Health", MaterialDesignH.HEART_PULSE, null),
                screen("tab-whatif", "What-if", MaterialDesignF.FLASK_OUTLINE, null),
                screen("tab-alerts", "Alerts", MaterialDesignB.BELL_ALERT_OUTLINE, null),
                screen("tab-operations", "Operations", MaterialDesignM.MONITOR_DASHBOARD, null),
                screen("tab-templates", "Templates", MaterialDesignF.FILE_DOCUMENT_MULTIPLE_OUTLINE, null),
                screen("tab-plans", "Plans", MaterialDesignC.CLIPBOARD_LIST_OUTLINE, null),
                screen("tab-compare", "Compare", MaterialDesignC.COMPARE_HORIZONTAL, null),
                screen("tab-policy", "Policy", MaterialDesignS.SHIELD_LOCK_OUTLINE, null),
                screen("tab-recommendations", "Recommendations", MaterialDesignL.LIGHTBULB_ON_OUTLINE, null));
        screens.setId("workbench-screens");
        // the badge: active alerts nobody has acknowledged, kept current by the background evaluation
        screens.getTabs().get(WorkbenchViewModel.Screen.ALERTS.ordinal()).textProperty().bind(vm.alerts()
                .needingAttentionProperty().map(n -> n.intValue() == 0 ? "Alerts" : "Alerts (" + n + ")"));
        screens.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        screens.getStyleClass().add("workbench-screens");
        // The tabs and the view-model's screen follow each other; a screen loads each time it comes to the front.
        WorkbenchViewModel.Screen[] order = WorkbenchViewModel.Screen.values();
        subscriptions = subscriptions.and(vm.screenProperty().subscribe(s -> screens.getSelectionModel().select(s.ordinal())));
        subscriptions = subscriptions.and(screens.getSelectionModel().selectedIndexProperty().subscribe(index -> {
            WorkbenchViewModel.Screen shown = order[index.intValue()];
            Tab tab = screens.getTabs().get(index.intValue());
            if (tab.getContent() == null) {
                tab.setContent(build(shown));
            }
            vm.screenProperty().set(shown);
            // The dashboard ticks and reads only while it is in front.
            if (operationsView != null) {
                if (shown == WorkbenchViewModel.Screen.OPERATIONS) {
                    operationsView.start();
                } else {
                    operationsView.stop();
                }
            }
            vm.screenShown(shown);
        }));
        navigator = new ScreenNavigator(vm, screens);
        setCenter(withReviews());
        Map<Shortcut, Runnable> actions = windowActions();
        menu = new WorkbenchMenu(actions, vm, theme.darkProperty());
        setTop(new VBox(menu.bar(), demoBanner(), messageLine()));
        subscriptions = subscriptions.and(KeyMap.handle(this, actions)).and(menu::dispose);
        setBottom(statusBar(theme));
        // Plans awaiting me are checked while the window shows, and no longer once it is closed or replaced.
        subscriptions = subscriptions.and(sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty)
                .orElse(false).subscribe(showing -> {
                    if (showing) {
                        vm.reviews().startPolling();
                        vm.startAlertWatch();
                    } else {
                        vm.reviews().stopPolling();
                        vm.stopAlertWatch();
                    }
                }));
    }

    /**
     * The screens with the review panel docked on their right, and its toggle (with the badge of plans awaiting
     * me) at the right end of the screen tabs.
     */
    private BorderPane withReviews() {
        reviewPanel = new ReviewPanel(vm.reviews());
        reviewPanel.visibleProperty().bind(vm.reviews().shownProperty());
        reviewPanel.managedProperty().bind(reviewPanel.visibleProperty());
        // Esc or the toggle closed the panel the keyboard was in: back to the screen, not nowhere
        subscriptions = subscriptions.and(vm.reviews().shownProperty().subscribe((was, shown) -> {
            Node owner = getScene() == null ? null : getScene().getFocusOwner();
            if (!shown && (owner == null || keyboardIn(reviewPanel))) {
                navigator.focusMainControl();
            }
        }));
        reviewToggle = new ReviewToggle(vm.reviews());
        StackPane tabsAndToggle = new StackPane(screens, reviewToggle);
        StackPane.setAlignment(reviewToggle, Pos.TOP_RIGHT);
        StackPane.setMargin(reviewToggle, new javafx.geometry.Insets(4, 8, 0, 0));
        BorderPane body = new BorderPane(tabsAndToggle);
        body.setRight(reviewPanel);
        return body;
    }

    /** Opens the review panel and puts the keyboard in its list (Ctrl+Shift+A). */
    public void openReviews() {
        vm.reviews().shownProperty().set(true);
        reviewPanel.focusList();
    }

    /** The scene's focus owner is in {@code pane} (not isFocusWithin: a snapshot lending the window's content leaves it stale). */
    private boolean keyboardIn(Node pane) {
        for (Node n = getScene() == null ? null : getScene().getFocusOwner(); n != null; n = n.getParent()) {
            if (n == pane) {
                return true;
            }
        }
        return false;
    }

    /** What each window-wide key and its menu item do: one map, so the two cannot drift apart. */
    private Map<Shortcut, Runnable> windowActions() {
        Map<Shortcut, Runnable> actions = new LinkedHashMap<>();
        actions.put(KeyMap.NEXT_SCREEN, () -> navigator.step(1));
        actions.put(KeyMap.PREVIOUS_SCREEN, () -> navigator.step(-1));
        for (WorkbenchViewModel.Screen screen : WorkbenchViewModel.Screen.values()) {
            actions.put(KeyMap.SCREENS.get(screen.ordinal()), () -> navigator.go(screen));
        }
        actions.put(KeyMap.SEARCH, navigator::search);
        actions.put(KeyMap.ADD, vm::addInstance);
        actions.put(KeyMap.IMPORT, vm::importInventory);
        ObservableBooleanValue canEdit = vm.canEdit();
        actions.put(KeyMap.EDIT, () -> {
            if (canEdit.get()) {
                vm.editSelected();
            }
        });
        actions.put(KeyMap.COMPARE, () -> {
            vm.compareSelected();
            if (vm.screenProperty().get() == WorkbenchViewModel.Screen.COMPARE) {
                navigator.focusMainControl();
            }
        });
        actions.put(KeyMap.REFRESH, vm::refreshScreen);
        actions.put(KeyMap.REVIEWS, this::openReviews);
        actions.put(KeyMap.HELP, this::showShortcuts);
        actions.put(KeyMap.DARK, () -> theme.darkProperty().set(!theme.darkProperty().get()));
        actions.put(KeyMap.QUIT, () -> getScene().getWindow().hide());
        return actions;
    }

    /** Help, Keyboard shortcuts (F1): one window at a time, brought to the front when already open. */
    public ShortcutsHelp showShortcuts() {
        if (shortcutsHelp == null || !shortcutsHelp.isShowing()) {
            shortcutsHelp = new ShortcutsHelp(theme);
            shortcutsHelp.initOwner(getScene().getWindow());
            shortcutsHelp.show();
        } else {
            ((javafx.stage.Stage) shortcutsHelp.getDialogPane().getScene().getWindow()).toFront();
        }
        return shortcutsHelp;
    }

    private javafx.scene.Node build(WorkbenchViewModel.Screen screen) {
        return switch (screen) {
            case TEMPLATES -> templatesView = new TemplatesView(vm.templates());
            case PLANS -> plansView = new PlansView(vm.plans());
            case COMPARE -> new CompareView(vm.compare());
            case POLICY -> policyView = new PolicyView(vm.policy());
            case OPERATIONS -> operationsView = new OperationsView(vm.operations(), theme.darkProperty());
            case WORKLOAD -> new io.knobwright.app.ui.workload.WorkloadView(vm.workload());
            case HEALTH -> healthView = new io.knobwright.app.ui.health.HealthView(vm.health(), java.time.ZoneId.systemDefault());
            case ALERTS -> new io.knobwright.app.ui.health.AlertListView(vm.alerts());
            case WHATIF -> whatIfView = new io.knobwright.app.ui.whatif.WhatIfView(vm.whatIf());
            case RECOMMENDATIONS -> recommendationsView = new io.knobwright.app.ui.recommend.RecommendationsView(vm.recommendations());
            case FLEET -> throw new IllegalStateException("The fleet screen is built with the window");
        };
    }

    private static Tab screen(String id, String title, Ikon icon, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tab.setGraphic(new FontIcon(icon));
        return tab;
    }

    private ToolBar toolbar(Theme theme) {
        Button add = button("toolbar-add", "Add instance", MaterialDesignP.PLUS, vm::addInstance);
        add.setTooltip(new Tooltip(KeyMap.ADD.tip("Add an instance by hand")));
        add.getStyleClass().add("primary-action");
        Button importFile = button("toolbar-import", "Import inventory", MaterialDesignF.FILE_IMPORT_OUTLINE,
                vm::importInventory);
        importFile.setTooltip(new Tooltip(KeyMap.IMPORT.tip("Add many instances from a CSV or JSON inventory")));
        Button edit = button("toolbar-edit", "Edit", MaterialDesignP.PENCIL_OUTLINE, vm::editSelected);
        edit.disableProperty().bind(Bindings.not(vm.canEdit()));
        edit.setTooltip(new Tooltip(KeyMap.EDIT.tip("Edit the selected instance")));
        Button remove = button("toolbar-remove", "Remove", MaterialDesignD.DELETE_OUTLINE, vm::removeSelected);
        remove.disableProperty().bind(Bindings.not(vm.canEdit()));
        Button compare = button("toolbar-compare", "Compare…", MaterialDesignC.COMPARE_HORIZONTAL, vm::compareSelected);
        compare.disableProperty().bind(Bindings.not(vm.hasSelection()));
        compare.setTooltip(new Tooltip(KeyMap.COMPARE.tip("Compare the selected instance with another instance or a template")));
        Button assign = button("toolbar-assign-template", "Assign template…", MaterialDesignF.FILE_DOCUMENT_EDIT_OUTLINE,
                vm::assignTemplate);
        assign.setTooltip(new Tooltip("Choose the template the selected instance follows; its drift is measured against it"));
        assign.disableProperty().bind(Bindings.not(vm.canEdit()));
        Button override = button("toolbar-override", "Emergency override…", MaterialDesignL.LIGHTNING_BOLT_OUTLINE,
                vm::emergencyOverride);
        override.setTooltip(new Tooltip("Set a parameter on the selected instance now; it restores itself when the time is up"));
        override.disableProperty().bind(Bindings.not(vm.canOverride()));
        fleetView.table().setContextMenu(instanceMenu());
        Button refresh = button("toolbar-refresh", "Refresh", MaterialDesignR.REFRESH, vm::refresh);
        refresh.setTooltip(new Tooltip(KeyMap.REFRESH.tip("Reload the fleet from the local store")));
        ToolBar bar = new ToolBar(add, importFile, new Separator(Orientation.VERTICAL), edit, remove,
                new Separator(Orientation.VERTICAL), assign, compare, override, new Separator(Orientation.VERTICAL), refresh);
        bar.getStyleClass().add("workbench-toolbar");
        return bar;
    }

    /** Right-click on an instance (which selects it), then the item: the quick override in two clicks. */
    private ContextMenu instanceMenu() {
        MenuItem override = new MenuItem("Emergency override…", new FontIcon(MaterialDesignL.LIGHTNING_BOLT_OUTLINE));
        override.setId("menu-override");
        override.setMnemonicParsing(false);
        override.setOnAction(e -> vm.emergencyOverride());
        override.disableProperty().bind(Bindings.not(vm.canOverride()));
        MenuItem compare = new MenuItem("Compare…", new FontIcon(MaterialDesignC.COMPARE_HORIZONTAL));
        compare.setOnAction(e -> vm.compareSelected());
        return new ContextMenu(override, compare);
    }

    private static Button button(String id, String text, Ikon icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setMnemonicParsing(false);
        return b;
    }

    private HBox demoBanner() {
        Label text = new Label();
        text.setId("demo-banner-text");
        text.textProperty().bind(vm.demoBannerProperty());
        text.setGraphic(new FontIcon(MaterialDesignT.TEST_TUBE));
        Button remove = button("demo-banner-remove", "Remove demo fleet", MaterialDesignD.DELETE_SWEEP_OUTLINE,
                vm::removeDemoFleet);
        remove.getStyleClass().addAll(Styles.SMALL);
        HBox banner = new HBox(text, new Spacer(), remove);
        banner.setId("demo-banner");
        banner.getStyleClass().add("demo-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(vm.demoBannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Message messageLine() {
        Message message = new Message();
        message.setId("workbench-message");
        message.getStyleClass().add("workbench-message");
        subscriptions = subscriptions.and(StatusMessages.bind(message, vm.messageProperty(), vm.messageIsErrorProperty(),
                vm::dismissMessage));
        return message;
    }

    /** A window-wide setting, so it sits in the status bar rather than on one screen's toolbar. */
    private static ToggleButton darkThemeToggle(Theme theme) {
        ToggleButton dark = new ToggleButton(null, new FontIcon(MaterialDesignW.WEATHER_NIGHT));
        dark.setId("dark-theme");
        dark.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        dark.setTooltip(new Tooltip(KeyMap.DARK.tip("Dark theme")));
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        return dark;
    }

    private HBox statusBar(Theme theme) {
        Label status = new Label();
        status.setId("status-text");
        status.textProperty().bind(vm.browser().statusTextProperty());
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.getStyleClass().add(Styles.SMALL);
        progress.visibleProperty().bind(vm.busyProperty());
        Label busy = new Label();
        busy.textProperty().bind(vm.busyTextProperty());
        busy.visibleProperty().bind(vm.busyProperty());
        HBox bar = new HBox(8, status, new Spacer(), busy, progress, darkThemeToggle(theme));
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    public FleetView fleetView() {
        return fleetView;
    }

    public InstanceDetailView detailView() {
        return detailView;
    }

    /** Null until the Operations tab was first shown. */
    public OperationsView operationsView() {
        return operationsView;
    }

    public ReviewPanel reviewPanel() {
        return reviewPanel;
    }

    public void dispose() {
        subscriptions.unsubscribe();
        vm.reviews().stopPolling();
        // the showing subscription that stops these is gone with the others: a disposed window must not go on
        // evaluating alerts (its store may be closed) or sampling sessions
        vm.stopAlertWatch();
        if (healthView != null) {
            healthView.dispose();
        }
        if (recommendationsView != null) {
            recommendationsView.dispose();
        }
        if (whatIfView != null) {
            whatIfView.dispose();
        }
        reviewPanel.dispose();
        reviewToggle.dispose();
        if (policyView != null) {
            policyView.dispose();
        }
        if (operationsView != null) {
            operationsView.dispose();
        }
        fleetView.dispose();
        detailView.dispose();
        if (templatesView != null) {
            templatesView.dispose();
        }
        if (plansView != null) {
            plansView.dispose();
        }
    }
}
