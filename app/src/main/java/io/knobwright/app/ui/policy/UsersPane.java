package io.knobwright.app.ui.policy;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.knobwright.model.approval.Delegation;
import io.knobwright.model.policy.User;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

import java.util.ArrayList;
import java.util.List;

/**
 * Users with their roles (admins add users and change roles: pick a user to fill the form), and the delegations
 * in force, with a row to set one up (the delegator or an admin).
 */
final class UsersPane extends VBox {

    private final List<Subscription> bindings = new ArrayList<>();

    UsersPane(UsersViewModel vm) {
        getStyleClass().addAll("policy-pane", "policy-users-pane");
        TableView<User> users = new TableView<>(vm.users());
        users.setId("policy-users");
        users.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        users.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        users.getColumns().setAll(List.of(PolicyNodes.column("User", 160, User::name),
                PolicyNodes.column("Roles", 300, UsersViewModel::rolesText)));
        Label noUsers = new Label("No users yet: a single-user store, where whoever runs Knobwright is its admin."
                + " Add users to share it with reviewers.");
        noUsers.setWrapText(true);
        noUsers.getStyleClass().add("policy-muted");
        users.setPlaceholder(noUsers);
        VBox.setVgrow(users, Priority.ALWAYS);
        bindings.add(users.getSelectionModel().selectedItemProperty().subscribe(u -> {
            if (u != null) {
                vm.select(u);
            }
        }));

        TextField name = PolicyNodes.field("policy-user-name", "name (their hub login)", vm.nameProperty(), bindings);
        TextField roles = PolicyNodes.field("policy-user-roles", "roles: dba, reviewer, operator, admin, senior-dba…",
                vm.rolesProperty(), bindings);
        HBox.setHgrow(roles, Priority.ALWAYS);
        Button save = new Button("Save user", new FontIcon(MaterialDesignA.ACCOUNT_CHECK_OUTLINE));
        save.setId("policy-user-save");
        save.setMnemonicParsing(false);
        save.setOnAction(e -> vm.saveUser());
        roles.setOnAction(e -> vm.saveUser());
        HBox userForm = new HBox(6, name, roles, save);
        userForm.setAlignment(Pos.CENTER_LEFT);
        VBox userEdit = new VBox(4, userForm, PolicyNodes.error("policy-user-error", vm.userErrorProperty()));
        userEdit.visibleProperty().bind(vm.adminProperty());
        userEdit.managedProperty().bind(userEdit.visibleProperty());

        TableView<Delegation> delegations = new TableView<>(vm.delegations());
        delegations.setId("policy-delegations");
        delegations.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        delegations.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        delegations.getColumns().setAll(List.of(PolicyNodes.column("From", 110, Delegation::from),
                PolicyNodes.column("To", 110, Delegation::to), PolicyNodes.column("Until", 140, vm::until),
                PolicyNodes.column("Reason", 220, Delegation::reason)));
        Label none = new Label("No delegation in force.");
        none.getStyleClass().add("policy-muted");
        delegations.setPlaceholder(none);
        delegations.setPrefHeight(130);
        delegations.setMinHeight(100);

        TextField from = PolicyNodes.field("policy-delegate-from", "from", vm.delegateFromProperty(), bindings);
        TextField to = PolicyNodes.field("policy-delegate-to", "to", vm.delegateToProperty(), bindings);
        from.setPrefColumnCount(7);
        to.setPrefColumnCount(7);
        DatePicker until = new DatePicker();
        until.setId("policy-delegate-until");
        until.setPromptText("last day");
        until.setPrefWidth(140);
        until.valueProperty().bindBidirectional(vm.delegateUntilProperty());
        bindings.add(() -> until.valueProperty().unbindBidirectional(vm.delegateUntilProperty()));
        TextField reason = PolicyNodes.field("policy-delegate-reason", "reason (holiday…)", vm.delegateReasonProperty(), bindings);
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button delegate = new Button("Delegate", new FontIcon(MaterialDesignC.CALENDAR_ACCOUNT_OUTLINE));
        delegate.setId("policy-delegate");
        delegate.setMnemonicParsing(false);
        delegate.setOnAction(e -> vm.delegate());
        HBox delegateForm = new HBox(6, from, new Label("→"), to, until, reason, delegate);
        delegateForm.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(PolicyNodes.heading("Users and roles", "Who writes plans (dba), approves them (reviewer, or a role"
                        + " a rule names), breaks the glass (operator) and manages users and policy (admin)."), users, userEdit,
                PolicyNodes.heading("Delegations", "Someone away lets another decide in their place until a date."),
                delegations, delegateForm, PolicyNodes.error("policy-delegation-error", vm.delegationErrorProperty()));
    }

    void dispose() {
        bindings.forEach(Subscription::unsubscribe);
    }
}
