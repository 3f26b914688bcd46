package io.knobwright.app.ui.policy;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The ordered approval rules with the fallback last; beside them the selected rule's conditions, levels,
 * escalation and expiry, or the editor while one is edited. Admins add, edit, remove and move rules.
 */
final class RulesPane extends VBox {

    private final PolicyDraft draft;
    private final ListView<RuleItem> list;
    private final RuleEditor editor;
    private final GridPane summary = new GridPane();
    private Subscription subscriptions;
    private boolean syncing;

    RulesPane(PolicyDraft draft) {
        this.draft = draft;
        getStyleClass().addAll("policy-pane", "policy-rules-pane");
        list = new ListView<>(draft.items());
        list.setId("policy-rules");
        list.getStyleClass().add("policy-rule-list");
        list.setCellFactory(l -> new RuleCell());
        VBox.setVgrow(list, Priority.ALWAYS);

        Button add = button("rule-new", "New rule", MaterialDesignP.PLUS, draft::newRule, "Add a rule before the fallback");
        add.disableProperty().bind(Bindings.not(draft.editable()).or(draft.editingProperty()));
        Button edit = button("rule-edit", "Edit", MaterialDesignP.PENCIL_OUTLINE, draft::editRule, "Edit the selected rule");
        edit.disableProperty().bind(Bindings.not(draft.editable()).or(draft.selectedProperty().isNull()).or(draft.editingProperty()));
        Button remove = button("rule-remove", null, MaterialDesignD.DELETE_OUTLINE, draft::removeRule, "Remove the selected rule");
        remove.disableProperty().bind(Bindings.not(draft.canMove()));
        Button up = button("rule-up", null, MaterialDesignA.ARROW_UP, () -> draft.move(-1), "Move up: checked earlier");
        up.disableProperty().bind(Bindings.not(draft.canMove()));
        Button down = button("rule-down", null, MaterialDesignA.ARROW_DOWN, () -> draft.move(1), "Move down: checked later");
        down.disableProperty().bind(Bindings.not(draft.canMove()));
        HBox tools = new HBox(6, add, edit, remove, up, down);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.visibleProperty().bind(draft.editable());
        tools.managedProperty().bind(tools.visibleProperty());
        VBox left = new VBox(8, list, tools);
        left.getStyleClass().add("policy-rule-left");

        editor = new RuleEditor(draft);
        summary.setId("policy-rule-summary");
        summary.getStyleClass().add("policy-rule-summary");
        StackPane right = new StackPane(summary, editor);
        right.setAlignment(Pos.TOP_LEFT);
        right.getStyleClass().add("policy-rule-detail");
        editor.visibleProperty().bind(draft.editingProperty());
        summary.visibleProperty().bind(draft.editingProperty().not());
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox body = new HBox(12, left, right);
        VBox.setVgrow(body, Priority.ALWAYS);

        getChildren().addAll(PolicyNodes.heading("Approval rules",
                "Checked in order: the first rule whose conditions a plan meets decides its approvals; the fallback takes"
                        + " every other plan."), body);

        subscriptions = Subscription.combine(
                list.getSelectionModel().selectedItemProperty().subscribe(item -> {
                    if (!syncing && item != null) {
                        draft.select(item);
                    }
                }),
                draft.selectedProperty().subscribe(item -> {
                    showSummary(item);
                    syncing = true;
                    try {
                        if (item == null) {
                            list.getSelectionModel().clearSelection();
                        } else {
                            list.getSelectionModel().select(item);
                        }
                    } finally {
                        syncing = false;
                    }
                }));
    }

    private static Button button(String id, String text, Ikon icon, Runnable action, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setTooltip(new Tooltip(tip));
        if (text == null) {
            b.getStyleClass().add(Styles.BUTTON_ICON);
        }
        b.setOnAction(e -> action.run());
        return b;
    }

    private void showSummary(RuleItem item) {
        summary.getChildren().clear();
        if (item == null) {
            Label empty = new Label("Select a rule to read its conditions and levels.");
            empty.getStyleClass().add("policy-muted");
            summary.add(empty, 0, 0);
            return;
        }
        Label title = new Label(item.fallback() ? "Fallback rule \"" + item.rule().name() + "\"" : "Rule " + item.position()
                + ": " + item.rule().name());
        title.setId("policy-rule-title");
        title.getStyleClass().add(Styles.TITLE_4);
        summary.add(title, 0, 0, 2, 1);
        fact(1, "When", item.when());
        Region chain = chain(item);
        Label levels = label("Levels");
        summary.addRow(2, levels, chain);
        fact(3, "Escalation", item.escalation());
        fact(4, "Expiry", item.expiry());
    }

    private void fact(int row, String name, String value) {
        Label text = new Label(value);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        summary.addRow(row, label(name), text);
    }

    private static Label label(String name) {
        Label l = new Label(name);
        l.getStyleClass().add("policy-field-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** The levels as chips joined by arrows: "[1 reviewer] → [1 admin]"; "no approval" when there are none. */
    private static Region chain(RuleItem item) {
        HBox box = new HBox(6);
        box.setId("policy-rule-levels");
        box.setAlignment(Pos.CENTER_LEFT);
        var levels = item.rule().levels();
        if (levels.isEmpty()) {
            box.getChildren().add(new Label("no approval (a plan touching a lock falls to the fallback)"));
        }
        for (int i = 0; i < levels.size(); i++) {
            if (i > 0) {
                Label arrow = new Label("→");
                arrow.getStyleClass().add("policy-muted");
                box.getChildren().add(arrow);
            }
            Label chip = new Label(levels.get(i).quorum() + " × " + levels.get(i).role());
            chip.getStyleClass().add("policy-level-chip");
            box.getChildren().add(chip);
        }
        return box;
    }

    /** "1. production" over "tier production → 1 reviewer, then 1 admin"; the fallback in italics. */
    private static final class RuleCell extends ListCell<RuleItem> {
        private final Label title = new Label();
        private final Label line = new Label();
        private final VBox box = new VBox(2, title, line);

        RuleCell() {
            title.getStyleClass().add("policy-rule-title");
            line.getStyleClass().add("policy-muted");
        }

        @Override
        protected void updateItem(RuleItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            title.setText(item.title());
            line.setText(item.line());
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("fallback"), item.fallback());
            setGraphic(box);
        }
    }

    void dispose() {
        subscriptions.unsubscribe();
        editor.dispose();
    }
}
