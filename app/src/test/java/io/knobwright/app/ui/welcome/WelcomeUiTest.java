package io.knobwright.app.ui.welcome;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.DemoWorkbench;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.Workbench;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The welcome in the real workbench on a new demo store, against the machine's PostgreSQL 15: it opens on the first run,
 * Enter takes its primary action, Esc closes it for good; the connection step's success and its privilege report,
 * photographed light and dark into target/snapshots.
 */
@ExtendWith(ApplicationExtension.class)
class WelcomeUiTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";

    /** Made off the FX thread: seeding the demo store takes a while on a busy machine. */
    private final AppContext context = DemoWorkbench.context("welcome-ui");
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = DemoWorkbench.start(stage, context);
    }

    @AfterEach
    void closeStore() {
        context.close();
    }

    @Test
    void theFirstRunOpensTheWelcomeEnterConnectsAndEscClosesItForGood(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.viewModel().showWelcomeIfDue());
        WaitForAsyncUtils.waitForFxEvents();

        Stage window = welcomeWindow(robot).orElseThrow(() -> new AssertionError("the first run shows the welcome"));
        WelcomeView view = (WelcomeView) window.getScene().getRoot();
        // the tour is counted from the store in the background, behind the window's own first load
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> !workbench.viewModel().welcomeProperty().get().tour().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.lookup("#welcome-tour-reading")).as("no 'counting' line once counted").isNull();
        assertThat(view.lookupAll("#welcome-tour .label")).isNotEmpty()
                .anyMatch(n -> ((Label) n).getText().startsWith("The demo fleet has " + context.fleet().list().size() + " instances"));
        assertThat(((Button) view.lookup("#welcome-connect")).isDefaultButton()).isTrue();
        Snapshots.write(window.getScene(), "welcome-light.png");
        dark(robot, true);
        Snapshots.write(window.getScene(), "welcome-dark.png");
        dark(robot, false);

        robot.type(KeyCode.ENTER);
        assertThat(workbench.viewModel().welcomeProperty().get().pageProperty().get()).isEqualTo(WelcomeViewModel.Page.CONNECT);
        assertThat(((Button) view.lookup("#connect-test")).isDefaultButton()).isTrue();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(welcomeWindow(robot)).isEmpty();
        assertThat(workbench.viewModel().welcomeProperty().get()).isNull();
        assertThat(context.welcomeDue()).as("dismissed in the store").isFalse();

        robot.interact(() -> workbench.viewModel().showWelcomeIfDue());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(welcomeWindow(robot)).as("a dismissed welcome does not come back by itself").isEmpty();
        robot.interact(() -> workbench.viewModel().showWelcome());
        assertThat(welcomeWindow(robot)).as("the Help menu's command opens it again").isPresent();
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theConnectionStepReportsSuccessAndEachMissingPrivilegeThenAddsTheInstance(FxRobot robot) throws Exception {
        String role = "kw_welcome_ui_" + UUID.randomUUID().toString().substring(0, 8);
        asPostgres("CREATE ROLE " + role + " LOGIN");
        try {
            robot.interact(() -> workbench.viewModel().showWelcome());
            WelcomeViewModel welcome = workbench.viewModel().welcomeProperty().get();
            Stage window = welcomeWindow(robot).orElseThrow();
            robot.clickOn("#welcome-connect");
            ConnectFormViewModel form = welcome.connect();
            robot.clickOn("#connect-host").write("127.0.0.1");
            robot.clickOn("#connect-user").write("postgres");
            robot.clickOn("#connect-test");
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(headline(window)).startsWith("Connected to PostgreSQL 15.");
            Snapshots.write(window.getScene(), "welcome-connect-success-light.png");
            dark(robot, true);
            Snapshots.write(window.getScene(), "welcome-connect-success-dark.png");
            dark(robot, false);

            robot.interact(() -> form.userProperty().set(role));
            robot.clickOn("#connect-test");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(headline(window)).endsWith("as " + role + ", but 2 privileges are missing");
            assertThat(window.getScene().getRoot().lookupAll(".privilege-grant")).extracting(n -> ((javafx.scene.control.TextField) n).getText())
                    .containsExactly("GRANT pg_read_all_settings TO " + role + ";", "GRANT pg_read_all_stats TO " + role + ";");
            Snapshots.write(window.getScene(), "welcome-connect-privileges-light.png");
            dark(robot, true);
            Snapshots.write(window.getScene(), "welcome-connect-privileges-dark.png");
            dark(robot, false);

            robot.interact(() -> form.hostProperty().set("db.knobwright.invalid"));
            robot.clickOn("#connect-test");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(headline(window)).isEqualTo("Host unreachable: the host name was not found (DNS)");
            Snapshots.write(window.getScene(), "welcome-connect-unreachable-light.png");

            robot.interact(() -> {
                form.hostProperty().set("127.0.0.1");
                form.userProperty().set("postgres");
                form.nameProperty().set("my-first-pg");
            });
            robot.clickOn("#connect-test");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(((Button) window.getScene().getRoot().lookup("#connect-register")).isDefaultButton())
                    .as("once connected, Enter adds the instance: " + headline(window)).isTrue();
            robot.clickOn("#connect-name").type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(welcomeWindow(robot)).as(form.problemProperty().get()).isEmpty();
            assertThat(context.fleet().require("my-first-pg").demo()).isFalse();
            assertThat(workbench.viewModel().browser().selectedProperty().get().name()).isEqualTo("my-first-pg");
        } finally {
            asPostgres("DROP ROLE IF EXISTS " + role);
        }
    }

    private static String headline(Stage window) {
        return ((Label) window.getScene().getRoot().lookup("#connect-verdict-headline")).getText();
    }

    private void dark(FxRobot robot, boolean on) {
        ToggleButton toggle = (ToggleButton) workbench.view().lookup("#dark-theme");
        robot.interact(() -> toggle.setSelected(on));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Optional<Stage> welcomeWindow(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.listWindows().stream().filter(Window::isShowing).filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(s -> s.getScene() != null && s.getScene().getRoot() instanceof WelcomeView).findFirst();
    }

    private static void asPostgres(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", null); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
