package io.knobwright.app.ui.welcome;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.Labels;
import io.knobwright.connectors.PrivilegeFinding;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Tier;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The guided connection form of the welcome: fields instead of a JDBC URL, Test connection, and the verdict with each
 * privilege Knobwright needs (missing ones with their GRANT and a Copy button), then Add to fleet.
 */
public final class ConnectView extends VBox {

    private static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");
    private static final PseudoClass GAPS = PseudoClass.getPseudoClass("gaps");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final ConnectFormViewModel form;
    private final ChoiceBox<Engine> engine = new ChoiceBox<>();
    private final TextField host = new TextField();
    private final Button test;
    private final Button register;
    private final VBox verdictBox = new VBox(8);
    private Subscription subscriptions = Subscription.EMPTY;

    ConnectView(WelcomeViewModel welcome) {
        this.form = welcome.connect();
        setId("welcome-connect-page");
        getStyleClass().add("welcome-page");
        setSpacing(12);

        Button back = new Button("Back", new FontIcon(MaterialDesignA.ARROW_LEFT));
        back.setId("connect-back");
        back.getStyleClass().add(Styles.FLAT);
        back.setOnAction(e -> welcome.back());
        Label title = new Label("Connect your first instance");
        title.getStyleClass().addAll(Styles.TITLE_3, "welcome-title");
        HBox header = new HBox(8, back, title);
        header.setAlignment(Pos.CENTER_LEFT);
        Label lead = new Label("Knobwright reads settings and workload; it changes nothing on the server until a plan is"
                + " approved and applied. A login that may read is enough: the test below names any privilege it lacks.");
        lead.setWrapText(true);
        lead.setMinHeight(Label.USE_PREF_SIZE);
        lead.getStyleClass().add(Styles.TEXT_MUTED);

        test = new Button("Test connection", new FontIcon(MaterialDesignL.LAN_CONNECT));
        test.setId("connect-test");
        test.setMnemonicParsing(false);
        test.setOnAction(e -> form.test());
        test.disableProperty().bind(form.busyProperty());
        register = new Button("Add to fleet", new FontIcon(MaterialDesignD.DATABASE_PLUS_OUTLINE));
        register.setId("connect-register");
        register.setMnemonicParsing(false);
        register.getStyleClass().add(Styles.ACCENT);
        register.setOnAction(e -> form.register());
        register.disableProperty().bind(Bindings.not(form.canRegister()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("connect-spinner");
        spinner.visibleProperty().bind(form.busyProperty());
        Label busy = new Label();
        busy.textProperty().bind(form.busyTextProperty());
        busy.getStyleClass().add(Styles.TEXT_MUTED);
        Label problem = new Label();
        problem.setId("connect-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Label.USE_PREF_SIZE);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(form.problemProperty());
        problem.visibleProperty().bind(form.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        HBox actions = new HBox(10, test, register, spinner, busy, new Spacer());
        actions.setAlignment(Pos.CENTER_LEFT);

        verdictBox.setId("connect-verdict");
        verdictBox.getStyleClass().add("connect-verdict");
        ScrollPane result = new ScrollPane(verdictBox);
        result.setFitToWidth(true);
        result.getStyleClass().addAll("connect-result", "edge-to-edge");
        VBox.setVgrow(result, Priority.ALWAYS);
        result.visibleProperty().bind(form.verdictProperty().isNotNull());

        getChildren().addAll(header, lead, fields(), problem, actions, result);
        subscriptions = subscriptions.and(form.verdictProperty().subscribe(this::showVerdict));
    }

    private GridPane fields() {
        engine.getItems().setAll(ConnectFormViewModel.ENGINES);
        engine.setId("connect-engine");
        engine.setConverter(converter(Engine::displayName));
        engine.valueProperty().bindBidirectional(form.engineProperty());
        ChoiceBox<Tier> tier = new ChoiceBox<>();
        tier.setId("connect-tier");
        tier.getItems().setAll(Tier.values());
        tier.setConverter(converter(Labels::tier));
        tier.valueProperty().bindBidirectional(form.tierProperty());
        host.setId("connect-host");
        host.setPromptText("db1.example.com");
        host.textProperty().bindBidirectional(form.hostProperty());
        TextField port = field("connect-port", form.portProperty(), "");
        port.setPrefColumnCount(6);
        TextField database = field("connect-database", form.databaseProperty(), "none needed");
        TextField user = field("connect-user", form.userProperty(), "knobwright");
        TextField name = field("connect-name", form.nameProperty(), "follows the host");
        PasswordField password = new PasswordField();
        password.setId("connect-password");
        password.textProperty().bindBidirectional(form.passwordProperty());
        TextField env = field("connect-password-env", form.passwordEnvProperty(), "PGPASSWORD");
        ToggleGroup secret = new ToggleGroup();
        RadioButton typed = new RadioButton("Password");
        typed.setToggleGroup(secret);
        RadioButton fromEnv = new RadioButton("Environment variable");
        fromEnv.setId("connect-use-env");
        fromEnv.setToggleGroup(secret);
        fromEnv.selectedProperty().bindBidirectional(form.useEnvironmentProperty());
        typed.setSelected(!form.useEnvironmentProperty().get());
        password.disableProperty().bind(form.useEnvironmentProperty());
        env.disableProperty().bind(form.useEnvironmentProperty().not());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("connect-form");
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(ColumnConstraints.CONSTRAIN_TO_PREF);
        ColumnConstraints wide = new ColumnConstraints();
        wide.setHgrow(Priority.ALWAYS);
        ColumnConstraints label2 = new ColumnConstraints();
        label2.setMinWidth(ColumnConstraints.CONSTRAIN_TO_PREF);
        ColumnConstraints narrow = new ColumnConstraints();
        narrow.setHgrow(Priority.SOMETIMES);
        grid.getColumnConstraints().setAll(label, wide, label2, narrow);
        grid.addRow(0, caption("Engine"), engine, caption("Tier"), tier);
        grid.addRow(1, caption("Host"), host, caption("Port"), port);
        grid.addRow(2, caption("Database"), database, caption("Name in the fleet"), name);
        grid.addRow(3, caption("User"), user);
        grid.addRow(4, typed, password, fromEnv, env);
        for (Node n : new Node[] {engine, tier, host, port, database, user, name, password, env}) {
            GridPane.setFillWidth(n, true);
            if (n instanceof javafx.scene.control.Control control) {
                control.setMaxWidth(Double.MAX_VALUE);
            }
        }
        return grid;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty text, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("connect-caption");
        return label;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("a choice box is not edited");
            }
        };
    }

    private void showVerdict(ConnectionVerdict verdict) {
        updateDefaultButton();
        verdictBox.pseudoClassStateChanged(CONNECTED, verdict != null && verdict.outcome() == ConnectionVerdict.Outcome.CONNECTED);
        verdictBox.pseudoClassStateChanged(GAPS, verdict != null && verdict.outcome() == ConnectionVerdict.Outcome.CONNECTED_WITH_GAPS);
        verdictBox.pseudoClassStateChanged(FAILED, verdict != null && verdict.outcome() == ConnectionVerdict.Outcome.FAILED);
        if (verdict == null) {
            verdictBox.getChildren().clear();
            return;
        }
        Ikon mark = switch (verdict.outcome()) {
            case CONNECTED -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
            case CONNECTED_WITH_GAPS -> MaterialDesignA.ALERT_OUTLINE;
            case FAILED -> MaterialDesignC.CLOSE_CIRCLE_OUTLINE;
        };
        Label headline = new Label(verdict.headline(), new FontIcon(mark));
        headline.setId("connect-verdict-headline");
        headline.setWrapText(true);
        headline.setMinHeight(Label.USE_PREF_SIZE);
        headline.getStyleClass().add("verdict-headline");
        Label detail = new Label(verdict.detail());
        detail.setId("connect-verdict-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Label.USE_PREF_SIZE);
        verdictBox.getChildren().setAll(headline, detail);
        for (PrivilegeFinding finding : verdict.privileges()) {
            verdictBox.getChildren().add(privilege(finding));
        }
    }

    private static Node privilege(PrivilegeFinding finding) {
        Ikon icon = switch (finding.status()) {
            case GRANTED -> MaterialDesignC.CHECK;
            case MISSING -> MaterialDesignC.CLOSE;
            case UNAVAILABLE -> MaterialDesignM.MINUS_CIRCLE_OUTLINE;
        };
        FontIcon mark = new FontIcon(icon);
        mark.getStyleClass().addAll("privilege-mark", finding.status().name().toLowerCase(java.util.Locale.ROOT));
        Label need = new Label(finding.need());
        need.getStyleClass().add("privilege-need");
        Label purpose = new Label("to " + finding.purpose());
        purpose.setWrapText(true);
        purpose.setMinHeight(Label.USE_PREF_SIZE);
        purpose.getStyleClass().add(Styles.TEXT_MUTED);
        VBox text = new VBox(2, need, purpose);
        HBox.setHgrow(text, Priority.ALWAYS);
        VBox body = new VBox(4, text);
        if (finding.status() == PrivilegeFinding.Status.MISSING) {
            TextField grant = new TextField(finding.remedy());
            grant.setEditable(false);
            grant.getStyleClass().add("privilege-grant");
            HBox.setHgrow(grant, Priority.ALWAYS);
            Button copy = new Button("Copy", new FontIcon(MaterialDesignC.CONTENT_COPY));
            copy.getStyleClass().add(Styles.SMALL);
            copy.setOnAction(e -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(finding.remedy());
                Clipboard.getSystemClipboard().setContent(content);
            });
            HBox row = new HBox(6, grant, copy);
            row.setAlignment(Pos.CENTER_LEFT);
            body.getChildren().add(row);
        } else if (finding.status() == PrivilegeFinding.Status.UNAVAILABLE) {
            Label remedy = new Label(finding.remedy());
            remedy.setWrapText(true);
            remedy.setMinHeight(Label.USE_PREF_SIZE);
            remedy.getStyleClass().add("privilege-remedy");
            body.getChildren().add(remedy);
        }
        HBox.setHgrow(body, Priority.ALWAYS);
        HBox row = new HBox(8, mark, body);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().addAll("privilege-row", finding.status().name().toLowerCase(java.util.Locale.ROOT));
        return row;
    }

    private boolean active;

    /** The page is in front: its default button answers Enter. */
    void setActive(boolean active) {
        this.active = active;
        updateDefaultButton();
    }

    /** Once a test connected, Enter adds the instance; before that (and after a failure or an edit) it tests. */
    private void updateDefaultButton() {
        ConnectionVerdict verdict = form.verdictProperty().get();
        boolean connected = verdict != null && verdict.outcome().connected();
        register.setDefaultButton(active && connected);
        test.setDefaultButton(active && !connected);
    }

    /** Where the cursor goes when the page comes to the front. */
    Node firstField() {
        return host;
    }

    public void dispose() {
        subscriptions.unsubscribe();
    }
}
