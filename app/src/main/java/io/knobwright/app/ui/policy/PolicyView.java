package io.knobwright.app.ui.policy;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.StatusMessages;
import io.knobwright.app.ui.common.Theme;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.ArrayList;
import java.util.List;

/**
 * The Policy screen: the version in force and the audit chain's state on top, locks and users on the left,
 * the ordered approval rules on the right, and a save bar with the unsaved changes at the bottom.
 */
public final class PolicyView extends BorderPane {

    public static final String STYLESHEET = Theme.stylesheet(PolicyView.class, "policy.css");
    private static final PseudoClass BROKEN = PseudoClass.getPseudoClass("broken");

    private final PolicyViewModel vm;
    private final LocksPane locks;
    private final RulesPane rules;
    private final UsersPane users;
    private final List<Subscription> subscriptions = new ArrayList<>();

    public PolicyView(PolicyViewModel vm) {
        this.vm = vm;
        setId("policy-view");
        getStyleClass().add("policy-view");
        locks = new LocksPane(vm.draft());
        rules = new RulesPane(vm.draft());
        users = new UsersPane(vm.users());
        SplitPane left = new SplitPane(locks, users);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.4);
        SplitPane split = new SplitPane(left, rules);
        split.setId("policy-split");
        split.setDividerPositions(0.5);
        setTop(new VBox(messageLine(), header(), readOnlyNote()));
        setCenter(split);
        setBottom(saveBar());
    }

    private Message messageLine() {
        Message message = new Message();
        message.setId("policy-message");
        subscriptions.add(StatusMessages.bind(message, vm.messageProperty(), vm.messageIsErrorProperty(),
                vm::dismissMessage));
        return message;
    }

    private HBox header() {
        Label version = new Label();
        version.setId("policy-version");
        version.setGraphic(new FontIcon(MaterialDesignH.HISTORY));
        version.textProperty().bind(vm.versionTextProperty());
        Label audit = new Label();
        audit.setId("policy-audit");
        audit.getStyleClass().add("policy-audit");
        audit.textProperty().bind(vm.auditTextProperty());
        audit.setTooltip(new Tooltip("Every change to plans, users and the policy is a record in a hash chain;"
                + " changing or removing any record breaks it from there on."));
        subscriptions.add(vm.auditBrokenProperty().subscribe(broken -> {
            audit.pseudoClassStateChanged(BROKEN, broken);
            audit.setGraphic(new FontIcon(broken ? MaterialDesignS.SHIELD_ALERT_OUTLINE : MaterialDesignS.SHIELD_CHECK_OUTLINE));
        }));
        VBox facts = new VBox(2, version, audit);

        Button importFile = button("policy-import", "Import YAML…", MaterialDesignF.FILE_IMPORT_OUTLINE, vm::importYaml,
                "Read a policy file into the editor; nothing is saved until you save it");
        importFile.disableProperty().bind(Bindings.not(vm.adminProperty()));
        Button export = button("policy-export", "Export YAML…", MaterialDesignF.FILE_EXPORT_OUTLINE, vm::exportYaml,
                "Write the policy as shown to a YAML file (the format `knobwright policy import` reads)");
        Button refresh = button("policy-refresh", "Refresh", MaterialDesignR.REFRESH, vm::refresh,
                "Read the policy, users and audit chain again; unsaved edits are kept");
        HBox bar = new HBox(8, facts, new Spacer(), importFile, export, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("policy-header");
        return bar;
    }

    private static Button button(String id, String text, Ikon icon, Runnable action, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private Label readOnlyNote() {
        Label note = new Label();
        note.setId("policy-read-only");
        note.getStyleClass().add("policy-read-only");
        note.setGraphic(new FontIcon(MaterialDesignL.LOCK_OUTLINE));
        note.setWrapText(true);
        note.setMaxWidth(Double.MAX_VALUE);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.textProperty().bind(vm.readOnlyNoteProperty());
        note.visibleProperty().bind(vm.readOnlyNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private HBox saveBar() {
        Label title = new Label("Unsaved changes");
        title.getStyleClass().add("policy-section-title");
        Label pending = new Label();
        pending.setId("policy-pending");
        pending.setWrapText(true);
        pending.setMinHeight(Region.USE_PREF_SIZE);
        pending.textProperty().bind(vm.pendingTextProperty());
        VBox changes = new VBox(2, title, pending);
        HBox.setHgrow(changes, Priority.ALWAYS);
        TextField note = new TextField();
        note.setId("policy-change-note");
        note.setPromptText("note for this version (optional)");
        note.setPrefColumnCount(22);
        note.textProperty().bindBidirectional(vm.changeNoteProperty());
        subscriptions.add(() -> note.textProperty().unbindBidirectional(vm.changeNoteProperty()));
        Button discard = button("policy-discard", "Discard", MaterialDesignC.CLOSE, vm::discard, "Drop every unsaved change");
        Button save = button("policy-save", "Save policy…", MaterialDesignC.CONTENT_SAVE_OUTLINE, vm::save,
                "Shows what changes, then saves it as the next version");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.busyProperty());
        HBox bar = new HBox(10, changes, note, discard, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("policy-save-bar");
        bar.visibleProperty().bind(vm.draft().changedProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        locks.dispose();
        rules.dispose();
        users.dispose();
    }
}
