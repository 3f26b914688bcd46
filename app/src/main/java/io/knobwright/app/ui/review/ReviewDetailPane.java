package io.knobwright.app.ui.review;

import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.plan.PlanChangeRow;
import io.knobwright.model.policy.RiskReason;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.Locale;

/**
 * The selected plan as a reviewer reads it, top to bottom: what and whose, where its approval chain stands, its
 * risk with every reason, the locks it touches, the predicted impact, the changes from -> to, and what people wrote. Rebuilt
 * when another plan (or a newer state of this one) is shown; nothing in it takes focus, so Tab goes from the
 * list straight to the comment field.
 */
final class ReviewDetailPane extends VBox {

    private static final PseudoClass RESTART = PseudoClass.getPseudoClass("restart");

    ReviewDetailPane() {
        getStyleClass().add("review-detail");
    }

    void show(ReviewDetail detail) {
        getChildren().clear();
        if (detail == null) {
            Label empty = new Label("Select a plan to read it.");
            empty.getStyleClass().add("review-empty");
            getChildren().add(empty);
            return;
        }
        Label title = new Label(detail.title());
        title.setId("review-detail-title");
        title.getStyleClass().addAll(Styles.TITLE_4);
        Label risk = RiskTag.of(detail.review().risk().level());
        risk.setId("review-detail-risk");
        HBox heading = new HBox(10, title, risk);
        heading.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(heading, facts(detail),
                section("Approval", approval(detail)),
                section("Risk: " + detail.review().risk().level().name().toLowerCase(Locale.ROOT), reasons(detail)),
                section("Locks touched", lines("review-locks", detail.locks(), "none")),
                section("Predicted impact", text("review-prediction", detail.prediction())),
                section("Changes · " + detail.changeCounts(), changes(detail)),
                section("Comments", comments(detail)));
    }

    private static GridPane facts(ReviewDetail detail) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("review-facts");
        int row = 0;
        row = fact(grid, row, "Submitted", detail.submitted());
        row = fact(grid, row, "Ticket", detail.review().plan().ticket().isEmpty() ? "none" : detail.review().plan().ticket());
        row = fact(grid, row, "Template", detail.review().plan().template() + " v" + detail.review().plan().templateVersion());
        if (!detail.rule().isEmpty()) {
            row = fact(grid, row, "Rule", detail.rule());
        }
        Label state = new Label(detail.state());
        state.setId("review-state");
        state.setWrapText(true);
        grid.addRow(row, factLabel("State"), state);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().setAll(names, grow());
        return grid;
    }

    private static int fact(GridPane grid, int row, String name, String value) {
        Label text = new Label(value);
        text.setWrapText(true);
        grid.addRow(row, factLabel(name), text);
        return row + 1;
    }

    private static Label factLabel(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("review-fact-label");
        return label;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setFillWidth(true);
        return c;
    }

    private static VBox section(String title, Node content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("review-section-title");
        VBox box = new VBox(heading, content);
        box.getStyleClass().add("review-section");
        return box;
    }

    private static VBox reasons(ReviewDetail detail) {
        VBox box = new VBox();
        box.setId("review-reasons");
        box.getStyleClass().add("review-lines");
        if (detail.review().risk().reasons().isEmpty()) {
            box.getChildren().add(wrapped("nothing in the plan raises its risk"));
        }
        for (RiskReason reason : detail.review().risk().reasons()) {
            HBox line = new HBox(8, RiskTag.of(reason.level()), wrapped(reason.text()));
            line.getStyleClass().add("review-reason");
            box.getChildren().add(line);
        }
        return box;
    }

    private static VBox lines(String id, java.util.List<String> texts, String none) {
        VBox box = new VBox();
        box.setId(id);
        box.getStyleClass().add("review-lines");
        texts.forEach(t -> box.getChildren().add(wrapped(t)));
        if (texts.isEmpty()) {
            Label empty = wrapped(none);
            empty.getStyleClass().add("review-muted");
            box.getChildren().add(empty);
        }
        return box;
    }

    private static Label text(String id, String value) {
        Label label = wrapped(value);
        label.setId(id);
        label.getStyleClass().add("review-muted");
        return label;
    }

    private static Label wrapped(String value) {
        Label label = new Label(value);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(label, Priority.ALWAYS);
        return label;
    }

    private static Node approval(ReviewDetail detail) {
        if (detail.steps().isEmpty()) {
            return text("review-chain-note", detail.review().submission().isEmpty()
                    ? "Not submitted: its author submits it for approval first." : "Its rule needs no approval.");
        }
        ApprovalStepper stepper = new ApprovalStepper();
        stepper.setId("review-stepper");
        stepper.show(detail.steps());
        VBox box = new VBox(stepper);
        if (!detail.chainNote().isEmpty()) {
            box.getChildren().add(text("review-chain-note", detail.chainNote()));
        }
        return box;
    }

    /** Parameter | from -> to | apply: the to-value reads first, a restart as a red pill. */
    private static GridPane changes(ReviewDetail detail) {
        GridPane grid = new GridPane();
        grid.setId("review-changes");
        grid.getStyleClass().add("review-changes");
        int row = 0;
        for (PlanChangeRow c : detail.changes()) {
            Label parameter = new Label(c.parameter());
            Label from = new Label(c.from());
            from.getStyleClass().add("review-from");
            Label arrow = new Label("→");
            arrow.getStyleClass().add("review-muted");
            Label to = new Label(c.to());
            to.getStyleClass().add("review-to");
            Label apply = new Label(c.restartNeeded() ? "restart" : c.applyText());
            if (c.restartNeeded()) {
                apply.setGraphic(new FontIcon(MaterialDesignR.RESTART));
                apply.getStyleClass().add("apply-pill");
                apply.pseudoClassStateChanged(RESTART, true);
            } else {
                apply.getStyleClass().add("review-muted");
            }
            StringBuilder tip = new StringBuilder(c.parameter()).append('\n')
                    .append(c.rawFrom().isEmpty() ? "not reported by the server" : c.rawFrom()).append(" → ").append(c.rawTo());
            c.whenItTakesEffect().ifPresent(when -> tip.append('\n').append(when));
            tip.append('\n').append(c.provenanceWithNote());
            for (Label cell : new Label[]{parameter, from, to}) {
                cell.setTooltip(new Tooltip(tip.toString()));
                cell.setMinWidth(Region.USE_PREF_SIZE);
            }
            grid.addRow(row++, parameter, from, arrow, to, apply);
            GridPane.setHalignment(apply, HPos.LEFT);
        }
        if (detail.changes().isEmpty()) {
            grid.add(text("review-no-changes", "no changes"), 0, 0);
        }
        return grid;
    }

    private static VBox comments(ReviewDetail detail) {
        VBox box = new VBox();
        box.setId("review-comments");
        box.getStyleClass().add("review-lines");
        for (CommentLine c : detail.comments()) {
            Label who = new Label(c.who() + " · " + c.when());
            who.getStyleClass().add("review-comment-who");
            box.getChildren().add(new VBox(who, wrapped(c.text())));
        }
        if (detail.comments().isEmpty()) {
            box.getChildren().add(text("review-no-comments", "no comments yet"));
        }
        return box;
    }
}
