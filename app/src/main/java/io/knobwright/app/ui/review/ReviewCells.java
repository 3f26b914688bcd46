package io.knobwright.app.ui.review;

import atlantafx.base.controls.Spacer;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The cells of the review panel's lists: two lines each, the first with what identifies the item. */
final class ReviewCells {

    private ReviewCells() {
    }

    /** "#12 pg-payments-prod-01 [high]" over "by alice · CHG0012345 · 5 min ago". */
    static final class PlanCell extends ListCell<ReviewRow> {
        private final Label title = new Label();
        private final Label risk = RiskTag.of(null);
        private final Label line = new Label();
        private final VBox box = new VBox(new HBox(6, title, new Spacer(), risk), line);

        PlanCell() {
            title.getStyleClass().add("review-item-title");
            line.getStyleClass().add("review-item-line");
            box.getStyleClass().add("review-item");
        }

        @Override
        protected void updateItem(ReviewRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            title.setText("#" + row.planId() + "  " + row.instance());
            RiskTag.show(risk, row.risk());
            line.setText(row.awaitingMe() ? row.line() : "opened from Plans: not awaiting your decision");
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("not-mine"), !row.awaitingMe());
            setGraphic(box);
        }
    }

    /** "Plan #12 · pg-payments-prod-01" over "bypassed by dave, 2026-12-06 10:32". */
    static final class BreakGlassCell extends ListCell<BreakGlassRow> {
        private final Label title = new Label();
        private final Label line = new Label();
        private final VBox box = new VBox(title, line);

        BreakGlassCell() {
            title.getStyleClass().add("review-item-title");
            line.getStyleClass().add("review-item-line");
            box.getStyleClass().add("review-item");
        }

        @Override
        protected void updateItem(BreakGlassRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            title.setText(row.title());
            line.setText(row.line());
            setGraphic(box);
        }
    }
}
