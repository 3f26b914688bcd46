package io.knobwright.app.ui.operations;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The rows of the dashboard's tiles: a bold line and a muted one, wrapping; an override row ticks and has its actions. */
final class OperationsCells {

    private OperationsCells() {
    }

    static VBox twoLines(String first, String second, boolean alarm) {
        Label top = wrapped(first, "ops-row-title");
        if (alarm) {
            top.getStyleClass().add("ops-alarm-text");
        }
        VBox box = new VBox(top, wrapped(second, "ops-row-detail"));
        box.getStyleClass().add("ops-row");
        return box;
    }

    static Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setMinWidth(0);
        return l;
    }

    /** A line that wraps within the tile rather than being cut. */
    static Label wrapped(String text, String style) {
        Label l = label(text, style);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /** An incident: its time in a narrow column, the event beside it. */
    static TileList.Row incident(IncidentLine i) {
        Label time = label(i.time(), "ops-incident-time");
        time.setMinWidth(Region.USE_PREF_SIZE);
        VBox text = twoLines(i.headline(), i.detail(), i.alarm());
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, time, text);
        row.setAlignment(Pos.TOP_LEFT);
        return TileList.Row.of(row);
    }

    /**
     * A live override: headline, countdown ticking, who and why, and the actions on it. On the alarm tile the row
     * says instead what went wrong and when the next attempt is (ticking).
     */
    static TileList.Row override(OperationsViewModel vm, OverrideLine line, boolean alarm) {
        Label headline = wrapped(line.headline(), "ops-row-title");
        HBox.setHgrow(headline, Priority.ALWAYS);
        HBox top = new HBox(8, headline);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(top);
        box.getStyleClass().add("ops-row");
        Subscription ticking;
        if (alarm) {
            box.getChildren().add(wrapped(line.problem(), "ops-row-problem"));
            Label retry = wrapped("", "ops-row-detail");
            retry.getStyleClass().add("ops-retry-" + line.id());
            ticking = line.retryProperty().subscribe(retry::setText);
            box.getChildren().add(retry);
        } else {
            Label countdown = label("", "ops-countdown");
            countdown.getStyleClass().add("ops-countdown-" + line.id());
            countdown.setMinWidth(Region.USE_PREF_SIZE);
            if (line.alarm()) {
                countdown.getStyleClass().add("ops-alarm-text");
            }
            ticking = line.countdownProperty().subscribe(countdown::setText);
            top.getChildren().add(countdown);
            box.getChildren().add(wrapped(line.detail(), "ops-row-detail"));
        }
        top.getChildren().add(actions(vm, line, alarm));
        return new TileList.Row(box, ticking);
    }

    private static MenuButton actions(OperationsViewModel vm, OverrideLine line, boolean alarm) {
        MenuButton menu = new MenuButton(null, new FontIcon(MaterialDesignD.DOTS_HORIZONTAL),
                item("Extend 30m", MaterialDesignT.TIMER_PLUS_OUTLINE, () -> vm.extend(line)),
                item("Restore now", MaterialDesignR.RESTORE, () -> vm.restoreNow(line)),
                item("Cancel (keep value)", MaterialDesignC.CLOSE_CIRCLE_OUTLINE, () -> vm.cancel(line)));
        menu.setId("ops-actions-" + line.id() + (alarm ? "-alarm" : ""));
        menu.setMinWidth(Region.USE_PREF_SIZE);
        menu.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, Tweaks.NO_ARROW, "ops-actions");
        menu.setTooltip(new javafx.scene.control.Tooltip("Extend, restore now, or keep the value"));
        menu.disableProperty().bind(vm.busyProperty());
        return menu;
    }

    private static MenuItem item(String text, Ikon icon, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setMnemonicParsing(false);
        item.setOnAction(e -> action.run());
        return item;
    }
}
