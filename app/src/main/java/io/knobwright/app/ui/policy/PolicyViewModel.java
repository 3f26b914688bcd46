package io.knobwright.app.ui.policy;

import io.knobwright.app.governance.AuditService;
import io.knobwright.app.governance.PolicyService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.DialogService;
import io.knobwright.model.UserError;
import io.knobwright.model.approval.Delegation;
import io.knobwright.model.audit.AuditVerification;
import io.knobwright.model.policy.Policy;
import io.knobwright.model.policy.PolicyFile;
import io.knobwright.model.policy.PolicyVersion;
import io.knobwright.model.policy.Role;
import io.knobwright.model.policy.User;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The Policy screen: the policy in force (version, who changed it when), the audit chain's state, and an
 * editable copy of the policy ({@link PolicyDraft}: locks, ordered rules, fallback) that is saved as a whole as
 * the next version, after the admin confirmed a before/after summary. Users and delegations live in
 * {@link UsersViewModel}. Someone who is not an admin sees everything read-only, with a note saying why.
 */
public final class PolicyViewModel {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    static final List<String> YAML = List.of("*.yaml", "*.yml");

    private final PolicyService policy;
    private final AuditService audit;
    private final BackgroundWork work;
    private final DialogService dialogs;
    private final String user;
    private final ZoneId zone;
    private final PolicyDraft draft = new PolicyDraft();
    private final UsersViewModel users;

    private final ReadOnlyObjectWrapper<PolicyVersion> saved = new ReadOnlyObjectWrapper<>(this, "saved", PolicyVersion.BUILT_IN);
    private final ReadOnlyStringWrapper versionText = new ReadOnlyStringWrapper(this, "versionText", "");
    private final ReadOnlyStringWrapper auditText = new ReadOnlyStringWrapper(this, "auditText", "");
    private final ReadOnlyBooleanWrapper auditBroken = new ReadOnlyBooleanWrapper(this, "auditBroken");
    private final ReadOnlyBooleanWrapper admin = new ReadOnlyBooleanWrapper(this, "admin");
    private final ReadOnlyStringWrapper readOnlyNote = new ReadOnlyStringWrapper(this, "readOnlyNote", "");
    private final ReadOnlyStringWrapper pendingText = new ReadOnlyStringWrapper(this, "pendingText", "");
    private final StringProperty changeNote = new SimpleStringProperty(this, "changeNote", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    public PolicyViewModel(PolicyService policy, AuditService audit, BackgroundWork work, DialogService dialogs, String user,
                           ZoneId zone) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.work = Objects.requireNonNull(work, "work");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.user = Objects.requireNonNull(user, "user");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.users = new UsersViewModel(policy, work, user, zone, this::show, this::refresh);
        draft.editableProperty().bind(admin.getReadOnlyProperty().and(busy.getReadOnlyProperty().not()));
        draft.revisionProperty().subscribe(this::updatePending);
    }

    // ---- reading ----

    /** What one read of the policy screen brings back. */
    private record Read(PolicyVersion version, List<User> users, List<Delegation> delegations, AuditVerification audit) {
    }

    /** Reads the policy in force, users, delegations and the audit chain's state; unsaved edits are kept. */
    public void refresh() {
        work.io("Read the policy", () -> new Read(policy.policy(), policy.users(), policy.delegations(), audit.verify()),
                this::loaded, error -> show(error, true));
    }

    private void loaded(Read read) {
        boolean keepEdits = draft.changedProperty().get() && loaded.get();
        saved.set(read.version());
        if (!keepEdits) {
            draft.reset(read.version().policy());
        }
        versionText.set(versionText(read.version()));
        AuditVerification v = read.audit();
        auditBroken.set(!v.intact());
        auditText.set(v.intact() ? "Audit chain intact: " + v.records() + (v.records() == 1 ? " record" : " records")
                + (v.records() == 0 ? "" : ", head " + v.head().substring(0, Math.min(12, v.head().length())) + "…")
                : "Audit chain broken at record " + v.firstBroken() + ": " + v.problem());
        Optional<User> me = read.users().stream().filter(u -> u.name().equals(user)).findFirst();
        // A store without users is a single-user store: whoever runs Knobwright is its admin (see Actors).
        admin.set(read.users().isEmpty() || me.map(u -> u.has(Role.ADMIN)).orElse(false));
        readOnlyNote.set(admin.get() ? "" : readOnlyNote(me, read.users()));
        users.show(read.users(), read.delegations(), admin.get());
        loaded.set(true);
        updatePending();
    }

    private String versionText(PolicyVersion v) {
        if (v.version() == 0) {
            return "Built-in policy (version 0): " + v.comment() + ". Nobody has changed it yet.";
        }
        return "Version " + v.version() + ", changed by " + v.changedBy() + " on " + TIME.format(v.changedAt().atZone(zone))
                + (v.comment().isBlank() ? "" : ": \"" + v.comment() + "\"");
    }

    private String readOnlyNote(Optional<User> me, List<User> all) {
        String admins = String.join(", ", all.stream().filter(u -> u.has(Role.ADMIN)).map(User::name).toList());
        String ask = admins.isEmpty() ? "" : " Ask an admin (" + admins + ").";
        return me.map(u -> "Read-only: changing locks, rules and users needs the admin role, and " + user + " has "
                        + String.join(", ", u.roles().stream().map(Role::name).toList()) + "." + ask)
                .orElse("Read-only: " + user + " is not a registered user of this store, and only admins change the policy." + ask);
    }

    private void updatePending() {
        if (!draft.changedProperty().get()) {
            pendingText.set("");
            return;
        }
        try {
            List<String> lines = PolicyChanges.between(saved.get().policy(), draft.policy());
            pendingText.set(lines.isEmpty() ? "" : String.join("\n", lines));
        } catch (IllegalArgumentException e) {
            pendingText.set(e.getMessage());
        }
    }

    // ---- saving ----

    /**
     * Shows what would change and, once confirmed, saves the edited policy as the next version (the service
     * audits it with its before and after). Refused by the service for anyone but an admin.
     */
    public void save() {
        if (!draft.changedProperty().get() || busy.get()) {
            return;
        }
        Policy next;
        try {
            next = draft.policy();
        } catch (IllegalArgumentException e) {
            show("The policy cannot be saved as it is: " + e.getMessage(), true);
            return;
        }
        List<String> lines = PolicyChanges.between(saved.get().policy(), next);
        if (lines.isEmpty()) {
            draft.reset(saved.get().policy());
            return;
        }
        int version = saved.get().version() + 1;
        String question = "Version " + version + " replaces version " + saved.get().version() + " with these changes:\n\n• "
                + String.join("\n• ", lines) + "\n\nThe change is recorded in the audit trail with its before and after.";
        if (!dialogs.confirm("Save policy version " + version, question, "Save version " + version)) {
            return;
        }
        String note = changeNote.get() == null ? "" : changeNote.get().strip();
        busy.set(true);
        work.io("Save the policy", () -> policy.replace(user, next, note), v -> {
            busy.set(false);
            changeNote.set("");
            draft.reset(v.policy());
            show("Saved policy version " + v.version() + " (" + (lines.size() == 1 ? "1 change" : lines.size() + " changes") + ").", false);
            refresh();
        }, error -> {
            busy.set(false);
            show(error, true);
        });
    }

    /** Drops every unsaved edit. */
    public void discard() {
        draft.reset(saved.get().policy());
    }

    // ---- the file ----

    /** Reads a policy file into the editor; nothing is saved until the admin saves it. */
    public void importYaml() {
        if (!admin.get()) {
            return;
        }
        dialogs.chooseFileToOpen("Import policy", "Policy file (YAML)", YAML).ifPresent(file -> {
            String name = file.getFileName().toString();
            work.io("Import " + name, () -> PolicyFile.readYaml(read(file), name), imported -> {
                draft.edit(imported);
                show("Imported " + name + ": review the changes below and save them as a new version.", false);
            }, error -> show(error, true));
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.INPUT, "Cannot read " + file + ": " + e.getMessage()
                    + ". Check that the file exists and is readable.", e);
        }
    }

    /** Writes the policy as shown (unsaved edits included) as YAML, the format the CLI imports. */
    public void exportYaml() {
        Policy shown;
        try {
            shown = draft.policy();
        } catch (IllegalArgumentException e) {
            show("The policy cannot be exported as it is: " + e.getMessage(), true);
            return;
        }
        boolean unsaved = draft.changedProperty().get();
        dialogs.chooseFileToSave("Export policy", "Policy file (YAML)", YAML, "knobwright-policy.yaml").ifPresent(file ->
                work.io("Export the policy", () -> write(file, PolicyFile.writeYaml(shown)), written -> show("Exported the policy"
                        + (unsaved ? " with its unsaved changes" : "") + " to " + written + ".", false), error -> show(error, true)));
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.INPUT, "Cannot write " + file + ": " + e.getMessage()
                    + ". Choose a folder you can write to.", e);
        }
    }

    // ---- messages ----

    private void show(String text, boolean error) {
        messageIsError.set(error);
        message.set(text);
    }

    public void dismissMessage() {
        message.set("");
    }

    // ---- state ----

    /** Locks, rules and the fallback being edited. */
    public PolicyDraft draft() {
        return draft;
    }

    public UsersViewModel users() {
        return users;
    }

    public ReadOnlyObjectProperty<PolicyVersion> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** "Version 3, changed by carol on 2026-12-06 10:32: "lock fsync"". */
    public ReadOnlyStringProperty versionTextProperty() {
        return versionText.getReadOnlyProperty();
    }

    /** "Audit chain intact: 42 records, head 3f2a9c1b04de…" or "Audit chain broken at record 17: ...". */
    public ReadOnlyStringProperty auditTextProperty() {
        return auditText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty auditBrokenProperty() {
        return auditBroken.getReadOnlyProperty();
    }

    /** Whether the user may change the policy and users. */
    public ReadOnlyBooleanProperty adminProperty() {
        return admin.getReadOnlyProperty();
    }

    /** Why the screen is read-only; empty for an admin. */
    public ReadOnlyStringProperty readOnlyNoteProperty() {
        return readOnlyNote.getReadOnlyProperty();
    }

    /** The unsaved changes, one per line; empty when there are none. */
    public ReadOnlyStringProperty pendingTextProperty() {
        return pendingText.getReadOnlyProperty();
    }

    /** A note saved with the next version ("lock fsync after INC-42"). */
    public StringProperty changeNoteProperty() {
        return changeNote;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
