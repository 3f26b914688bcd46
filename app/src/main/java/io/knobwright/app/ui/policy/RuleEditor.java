package io.knobwright.app.ui.policy;

import atlantafx.base.theme.Styles;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.policy.RiskLevel;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The form for one approval rule: name and conditions (hidden for the fallback), the chain as it reads
 * ("1 reviewer, then 2 change-board"), escalation and expiry. Apply puts it in the policy being edited.
 */
final class RuleEditor extends VBox {

    private final List<Subscription> bindings = new ArrayList<>();

    RuleEditor(PolicyDraft draft) {
        RuleDraft rule = draft.rule();
        getStyleClass().add("policy-rule-editor");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("policy-form");
        int row = 0;
        List<Node> conditions = new ArrayList<>();
        row = add(grid, row, "Name", PolicyNodes.field("rule-name", "production", rule.nameProperty(), bindings), conditions);
        row = add(grid, row, "Tiers", PolicyNodes.field("rule-tiers", "production, staging", rule.tiersProperty(), bindings), conditions);
        row = add(grid, row, "Engines", PolicyNodes.field("rule-engines", "postgresql, mysql", rule.enginesProperty(), bindings), conditions);
        row = add(grid, row, "Tags", PolicyNodes.field("rule-tags", "team=payments", rule.tagsProperty(), bindings), conditions);
        row = add(grid, row, "Instances", PolicyNodes.field("rule-instances", "orders-1, orders-2", rule.instancesProperty(), bindings),
                conditions);
        row = add(grid, row, "Parameters", PolicyNodes.field("rule-parameters", "shared_buffers, wal_*", rule.parametersProperty(),
                bindings), conditions);
        CheckBox locked = check("rule-locked-only", "touches a locked parameter", rule.lockedOnlyProperty());
        CheckBox restart = check("rule-restart-only", "needs a restart", rule.restartOnlyProperty());
        HBox minimums = new HBox(8, new Label("criticality ≥"), choice("rule-min-criticality", Criticality.values(),
                rule.minCriticalityProperty()), new Label("risk ≥"), choice("rule-min-risk", RiskLevel.values(), rule.minRiskProperty()));
        minimums.setAlignment(Pos.CENTER_LEFT);
        row = add(grid, row, "At least", minimums, conditions);
        row = add(grid, row, "Only if", new HBox(14, locked, restart), conditions);
        row = add(grid, row, "Levels", PolicyNodes.field("rule-levels", "1 reviewer, then 2 change-board", rule.levelsProperty(),
                bindings), null);
        HBox escalation = new HBox(8, PolicyNodes.field("rule-escalate-after", "4h", rule.escalateAfterProperty(), bindings),
                new Label("to"), PolicyNodes.field("rule-escalate-to", "admin", rule.escalateToProperty(), bindings));
        escalation.setAlignment(Pos.CENTER_LEFT);
        row = add(grid, row, "Escalate after", escalation, null);
        add(grid, row, "Expire after", PolicyNodes.field("rule-expire-after", "3d (empty: never)", rule.expireAfterProperty(),
                bindings), null);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        for (Node n : conditions) {
            n.visibleProperty().bind(rule.fallbackProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }

        Button apply = new Button("Apply to the policy");
        apply.setId("rule-apply");
        apply.setMnemonicParsing(false);
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setOnAction(e -> draft.applyRule());
        Button cancel = new Button("Cancel");
        cancel.setId("rule-cancel");
        cancel.setMnemonicParsing(false);
        cancel.setOnAction(e -> draft.cancelEdit());
        HBox buttons = new HBox(8, apply, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        Label hint = new Label("Changes are kept in the policy being edited; Save policy… makes them a new version.");
        hint.getStyleClass().add("policy-muted");
        hint.setWrapText(true);
        getChildren().addAll(grid, PolicyNodes.error("rule-error", rule.errorProperty()), hint, buttons);
    }

    /** One labelled row; {@code conditions} collects the rows the fallback hides. */
    private static int add(GridPane grid, int row, String label, Node field, List<Node> conditions) {
        Label l = new Label(label);
        l.getStyleClass().add("policy-field-label");
        grid.addRow(row, l, field);
        if (conditions != null) {
            conditions.add(l);
            conditions.add(field);
        }
        return row + 1;
    }

    private CheckBox check(String id, String text, javafx.beans.property.BooleanProperty value) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setMnemonicParsing(false);
        box.selectedProperty().bindBidirectional(value);
        bindings.add(() -> box.selectedProperty().unbindBidirectional(value));
        return box;
    }

    /** A choice of an enum's values plus "any" (null). */
    private <E extends Enum<E>> ComboBox<E> choice(String id, E[] values, ObjectProperty<E> value) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.setPromptText("any");
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "any" : e.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(value);
        bindings.add(() -> box.valueProperty().unbindBidirectional(value));
        return box;
    }

    void dispose() {
        bindings.forEach(Subscription::unsubscribe);
    }
}
