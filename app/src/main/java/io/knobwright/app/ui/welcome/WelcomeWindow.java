package io.knobwright.app.ui.welcome;

import io.knobwright.app.ui.common.Theme;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Subscription;

/**
 * The welcome's own window, modal to the main one: it opens when the main window's view-model offers a welcome and
 * closes when that welcome is closed. Esc and the close box close it like any way out ({@link WelcomeViewModel#close}).
 */
public final class WelcomeWindow {

    private final Stage stage;
    private final WelcomeView view;

    private WelcomeWindow(WelcomeViewModel vm, Window owner, Theme theme) {
        view = new WelcomeView(vm);
        Scene scene = new Scene(view, 920, 760);
        Subscription styling = theme.style(view, WelcomeView.STYLESHEET);
        // a filter, not a handler: text fields and choice boxes must not swallow Esc before the window sees it
        scene.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ESCAPE) {
                key.consume();
                vm.close();
            }
        });
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Welcome to Knobwright");
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(560);
        stage.setOnCloseRequest(e -> vm.close());
        Subscription closing = vm.closedProperty().subscribe(closed -> {
            if (closed) {
                stage.close();
            }
        });
        stage.setOnHidden(e -> {
            closing.unsubscribe();
            styling.unsubscribe();
            view.dispose();
        });
    }

    /** Opens a window for each welcome the property offers, owned by {@code owner}; the subscription stops that. */
    public static Subscription follow(ObservableValue<WelcomeViewModel> welcome, Window owner, Theme theme) {
        return welcome.subscribe(vm -> {
            if (vm != null) {
                open(vm, owner, theme);
            }
        });
    }

    /** Shows the welcome without waiting for it to close. */
    public static WelcomeWindow open(WelcomeViewModel vm, Window owner, Theme theme) {
        WelcomeWindow window = new WelcomeWindow(vm, owner, theme);
        window.stage.show();
        return window;
    }

    public Stage stage() {
        return stage;
    }

    public WelcomeView view() {
        return view;
    }
}
