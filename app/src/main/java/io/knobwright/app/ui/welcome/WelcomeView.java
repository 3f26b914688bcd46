package io.knobwright.app.ui.welcome;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.Theme;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.List;

/**
 * The welcome window's content: the tour of the demo fleet and the screens, then the guided connection form
 * ({@link ConnectView}). Each page has its own default button, so Enter runs the page's primary action.
 */
public final class WelcomeView extends StackPane {

    /** Names longer than this (characters) get a row of their own in the list of screens. */
    private static final int LONG_NAME = 12;

    public static final String STYLESHEET = Theme.stylesheet(WelcomeView.class, "welcome.css");

    private final WelcomeViewModel vm;
    private final VBox welcomePage;
    private final ConnectView connectPage;
    private final Button connect;
    private Subscription subscriptions = Subscription.EMPTY;

    public WelcomeView(WelcomeViewModel vm) {
        this.vm = vm;
        setId("welcome-view");
        getStyleClass().add("welcome-view");
        connect = new Button("Connect your first instance", new FontIcon(MaterialDesignD.DATABASE_PLUS_OUTLINE));
        connect.setId("welcome-connect");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setMnemonicParsing(false);
        connect.setOnAction(e -> vm.connectFirstInstance());
        welcomePage = welcomePage();
        connectPage = new ConnectView(vm);
        subscriptions = subscriptions.and(vm.pageProperty().subscribe(page -> {
            boolean welcoming = page == WelcomeViewModel.Page.WELCOME;
            getChildren().setAll(welcoming ? welcomePage : connectPage);
            connect.setDefaultButton(welcoming);
            connectPage.setActive(!welcoming);
            (welcoming ? connect : connectPage.firstField()).requestFocus();
        }));
    }

    private VBox welcomePage() {
        Label title = new Label("Welcome to Knobwright", new FontIcon(MaterialDesignT.TUNE_VARIANT));
        title.getStyleClass().addAll(Styles.TITLE_2, "welcome-title");
        Label lead = new Label("Knobwright keeps the configuration of a database fleet: recommendations with reasons, templates,"
                + " governed change plans and emergency overrides that restore themselves. Until you connect a server of"
                + " your own, a demo fleet shows how it works.");
        lead.setWrapText(true);
        lead.setMinHeight(Label.USE_PREF_SIZE);
        lead.getStyleClass().add("welcome-lead");

        HBox columns = new HBox(28, tourColumn(), screensColumn());
        columns.getStyleClass().add("welcome-columns");
        VBox.setVgrow(columns, Priority.ALWAYS);

        Button explore = new Button("Explore the demo", new FontIcon(MaterialDesignE.EYE_OUTLINE));
        explore.setId("welcome-explore");
        explore.setMnemonicParsing(false);
        explore.setOnAction(e -> vm.exploreDemo());
        Button remove = new Button("Remove the demo fleet", new FontIcon(MaterialDesignD.DELETE_SWEEP_OUTLINE));
        remove.setId("welcome-remove-demo");
        remove.setMnemonicParsing(false);
        remove.setOnAction(e -> vm.removeDemoFleet());
        remove.visibleProperty().bind(vm.hasDemoProperty());
        remove.managedProperty().bind(remove.visibleProperty());
        for (Button button : new Button[] {connect, remove, explore}) {
            button.setMinWidth(Button.USE_PREF_SIZE);
        }
        Label hint = new Label("Esc closes; Help reopens it.");
        hint.setMinWidth(0);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox actions = new HBox(10, connect, hint, new Spacer(), remove, explore);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("welcome-actions");

        VBox page = new VBox(14, title, lead, columns, actions);
        page.getStyleClass().add("welcome-page");
        return page;
    }

    private VBox tourColumn() {
        Label heading = new Label("What you are looking at", new FontIcon(MaterialDesignT.TEST_TUBE));
        heading.getStyleClass().addAll(Styles.TITLE_4, "welcome-heading");
        VBox lines = new VBox(8);
        lines.setId("welcome-tour");
        // Counting the fleet reads the store behind the window's own first load: say so rather than show an empty card.
        Label reading = new Label("Counting what the store holds…");
        reading.getStyleClass().add(Styles.TEXT_MUTED);
        reading.setId("welcome-tour-reading");
        Runnable fill = () -> lines.getChildren().setAll(vm.tour().isEmpty() && vm.tourProblemProperty().get().isEmpty()
                ? List.of(reading) : vm.tour().stream().map(WelcomeView::bullet).toList());
        ListChangeListener<String> refill = change -> fill.run();
        vm.tour().addListener(refill);
        subscriptions = subscriptions.and(() -> vm.tour().removeListener(refill));
        subscriptions = subscriptions.and(vm.tourProblemProperty().subscribe(text -> fill.run()));
        fill.run();
        Label problem = new Label();
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.tourProblemProperty());
        problem.visibleProperty().bind(vm.tourProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox column = new VBox(10, heading, lines, problem);
        column.getStyleClass().addAll("welcome-card", "welcome-tour");
        HBox.setHgrow(column, Priority.ALWAYS);
        column.setPrefWidth(420);
        return column;
    }

    private static HBox bullet(String text) {
        FontIcon mark = new FontIcon(MaterialDesignC.CHEVRON_RIGHT);
        mark.getStyleClass().add("welcome-bullet");
        Label line = new Label(text);
        line.setWrapText(true);
        line.setMinHeight(Label.USE_PREF_SIZE);
        HBox row = new HBox(6, mark, line);
        row.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(line, Priority.ALWAYS);
        return row;
    }

    private VBox screensColumn() {
        Label heading = new Label("The screens", new FontIcon(MaterialDesignT.TAB));
        heading.getStyleClass().addAll(Styles.TITLE_4, "welcome-heading");
        GridPane grid = new GridPane();
        grid.setId("welcome-screens");
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(ColumnConstraints.CONSTRAIN_TO_PREF);
        ColumnConstraints purposes = new ColumnConstraints();
        purposes.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(names, purposes);
        int row = 0;
        for (WelcomeViewModel.ScreenLine line : WelcomeViewModel.SCREENS) {
            Label name = new Label(line.screen());
            name.getStyleClass().add("welcome-screen-name");
            GridPane.setValignment(name, javafx.geometry.VPos.TOP);
            Label purpose = new Label(line.purpose());
            purpose.setWrapText(true);
            purpose.setMinHeight(Label.USE_PREF_SIZE);
            purpose.getStyleClass().add(Styles.TEXT_MUTED);
            if (line.screen().length() > LONG_NAME) {
                // a long name (Recommendations) on a row of its own: in the names column it would squeeze every purpose
                grid.add(name, 0, row++, 2, 1);
                grid.add(purpose, 1, row++);
            } else {
                grid.addRow(row++, name, purpose);
            }
        }
        VBox column = new VBox(10, heading, grid);
        column.getStyleClass().add("welcome-card");
        HBox.setHgrow(column, Priority.ALWAYS);
        column.setPrefWidth(420);
        return column;
    }

    /** The guided connection form, for tests. */
    public ConnectView connectView() {
        return connectPage;
    }

    public void dispose() {
        subscriptions.unsubscribe();
        connectPage.dispose();
    }
}
