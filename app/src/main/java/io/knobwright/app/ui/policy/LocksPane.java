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
import javafx.scene.layout.Region;
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

        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.visibleProperty().bind(draft.editable());
        remove.managedProperty().bind(remove.visibleProperty());
        VBox heading = PolicyNodes.heading("Locked parameters",
                "A plan that touches one is at least high risk and never applies without approval.");
        HBox.setHgrow(heading, Priority.ALWAYS);
        HBox top = new HBox(12, heading, remove);
        top.setAlignment(Pos.BOTTOM_LEFT);
        getChildren().addAll(top, table, addForm(draft), PolicyNodes.error("policy-lock-error", draft.lock().errorProperty()));
    }

    /** Parameter, scope and its value on one line; the reason and the button on the next. */
    private VBox addForm(PolicyDraft draft) {
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
        kind.setMinWidth(Region.USE_PREF_SIZE);
        kind.valueProperty().bindBidirectional(lock.scopeKindProperty());
        bindings.add(() -> kind.valueProperty().unbindBidirectional(lock.scopeKindProperty()));
        TextField value = PolicyNodes.field("policy-lock-scope-value", "", lock.scopeValueProperty(), bindings);
        value.disableProperty().bind(lock.scopeKindProperty().isEqualTo(LockScope.Kind.ALL));
        value.promptTextProperty().bind(lock.scopeKindProperty().map(k -> k == LockScope.Kind.ALL ? "" : LockDraft.hint(k)));
        TextField reason = PolicyNodes.field("policy-lock-reason", "why it is locked (shown to whoever meets the lock)",
                lock.reasonProperty(), bindings);
        Button add = new Button("Add lock", new FontIcon(MaterialDesignL.LOCK_PLUS_OUTLINE));
        add.setId("policy-lock-add");
        add.setMnemonicParsing(false);
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(e -> draft.addLock());
        reason.setOnAction(e -> draft.addLock());
        HBox.setHgrow(parameter, Priority.ALWAYS);
        HBox.setHgrow(value, Priority.ALWAYS);
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox what = new HBox(6, parameter, new Label("on"), kind, value);
        what.setAlignment(Pos.CENTER_LEFT);
        HBox why = new HBox(6, reason, add);
        why.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(6, what, why);
        form.getStyleClass().add("policy-add-form");
        form.visibleProperty().bind(draft.editable());
        form.managedProperty().bind(form.visibleProperty());
        return form;
    }

    void dispose() {
        bindings.forEach(Subscription::unsubscribe);
    }
}
