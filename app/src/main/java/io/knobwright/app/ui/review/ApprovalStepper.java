package io.knobwright.app.ui.review;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.List;
import java.util.Locale;

/**
 * The levels of an approval chain one under the other, joined by a line: a mark per level (done, waiting for
 * decisions, escalated, rejected, expired, not reached yet), what it needs and who decided it when.
 */
final class ApprovalStepper extends VBox {

    ApprovalStepper() {
        getStyleClass().add("approval-stepper");
    }

    void show(List<LevelStep> steps) {
        getChildren().clear();
        for (int i = 0; i < steps.size(); i++) {
            getChildren().add(step(steps.get(i), i == steps.size() - 1));
        }
    }

    private static HBox step(LevelStep step, boolean last) {
        FontIcon mark = new FontIcon(icon(step));
        mark.getStyleClass().add("step-mark");
        Region line = new Region();
        line.getStyleClass().add("step-line");
        line.setVisible(!last);
        VBox.setVgrow(line, Priority.ALWAYS);
        VBox rail = new VBox(mark, line);
        rail.getStyleClass().add("step-rail");

        Label title = new Label("Level " + step.number() + " · " + step.requirement() + " · " + stateText(step));
        title.getStyleClass().add("step-title");
        Label detail = new Label(step.detail());
        detail.getStyleClass().add("step-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        VBox text = new VBox(title, detail);
        text.getStyleClass().add("step-text");
        HBox.setHgrow(text, Priority.ALWAYS);

        HBox row = new HBox(rail, text);
        row.getStyleClass().add("approval-step");
        row.setId("approval-step-" + step.number());
        row.pseudoClassStateChanged(PseudoClass.getPseudoClass(stateClass(step)), true);
        return row;
    }

    private static String stateText(LevelStep step) {
        return step.escalated() && step.state() == io.knobwright.model.approval.LevelProgress.State.PENDING ? "escalated"
                : step.state().name().toLowerCase(Locale.ROOT);
    }

    private static String stateClass(LevelStep step) {
        return "step-" + stateText(step);
    }

    private static Ikon icon(LevelStep step) {
        return switch (step.state()) {
            case APPROVED -> MaterialDesignC.CHECK_CIRCLE;
            case PENDING -> step.escalated() ? MaterialDesignA.ALERT_CIRCLE_OUTLINE : MaterialDesignC.CLOCK_OUTLINE;
            case REJECTED -> MaterialDesignC.CLOSE_CIRCLE;
            case EXPIRED -> MaterialDesignT.TIMER_OFF_OUTLINE;
            case WAITING -> MaterialDesignC.CIRCLE_OUTLINE;
        };
    }
}
