package io.knobwright.app.ui.policy;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The locked parameters: a table (parameter, scope, reason), and for admins a row to add one and a remove button. */
final class LocksPane extends VBox {

    private final List<Subscription> bindings = new ArrayList<>();

    LocksPane(PolicyDraft draft) {
        getStyleClass().addAll("policy-pane", "policy-locks-pane");
        TableView<LockRule> table = new TableView<>(draft.locks());
        table.setId("policy-locks");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                PolicyNodes.column("Parameter", 200, (LockRule l) -> l.parameter().text()),
                PolicyNodes.column("Scope", 170, (LockRule l) -> l.scope().toString()),
                PolicyNodes.column("Reason", 300, LockRule::reason)));
        Label empty = new Label("Nothing is locked: no parameter needs approval just for being touched.");
        empty.getStyleClass().add("policy-muted");
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button remove = new Button("Remove lock", new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        remove.setId("policy-lock-remove");
        remove.setMnemonicParsing(false);
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(Bindings.not(draft.editable())));
        remove.setOnAction(e -> draft.removeLock(table.getSelectionModel().getSelectedItem()));

        getChildren().addAll(PolicyNodes.heading("Locked parameters",
                "A plan that touches one is at least high risk and never applies without approval."), table, addRow(draft, remove),
                PolicyNodes.error("policy-lock-error", draft.lock().errorProperty()));
    }

    private HBox addRow(PolicyDraft draft, Button remove) {
        LockDraft lock = draft.lock();
        TextField parameter = PolicyNodes.field("policy-lock-parameter", "parameter or pattern (fsync, enable_*)",
                lock.parameterProperty(), bindings);
        ComboBox<LockScope.Kind> kind = new ComboBox<>();
        kind.setId("policy-lock-scope");
        kind.getItems().setAll(LockScope.Kind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(LockScope.Kind k) {
                return k == null ? "" : k == LockScope.Kind.ALL ? "all instances" : k.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public LockScope.Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(lock.scopeKindProperty());
        bindings.add(() -> kind.valueProperty().unbindBidirectional(lock.scopeKindProperty()));
        TextField value = PolicyNodes.field("policy-lock-scope-value", "", lock.scopeValueProperty(), bindings);
        value.disableProperty().bind(lock.scopeKindProperty().isEqualTo(LockScope.Kind.ALL));
        value.promptTextProperty().bind(lock.scopeKindProperty().map(LockDraft::hint));
        TextField reason = PolicyNodes.field("policy-lock-reason", "why it is locked", lock.reasonProperty(), bindings);
        Button add = new Button("Add lock", new FontIcon(MaterialDesignL.LOCK_PLUS_OUTLINE));
        add.setId("policy-lock-add");
        add.setMnemonicParsing(false);
        add.setDefaultButton(false);
        add.setOnAction(e -> draft.addLock());
        reason.setOnAction(e -> draft.addLock());
        HBox.setHgrow(reason, Priority.ALWAYS);
        parameter.setPrefColumnCount(14);
        value.setPrefColumnCount(12);
        HBox form = new HBox(6, parameter, kind, value, reason, add);
        form.setAlignment(Pos.CENTER_LEFT);
        form.visibleProperty().bind(draft.editable());
        form.managedProperty().bind(form.visibleProperty());
        HBox row = new HBox(12, form, remove);
        HBox.setHgrow(form, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        remove.visibleProperty().bind(draft.editable());
        remove.managedProperty().bind(remove.visibleProperty());
        return row;
    }

    void dispose() {
        bindings.forEach(Subscription::unsubscribe);
    }
}
