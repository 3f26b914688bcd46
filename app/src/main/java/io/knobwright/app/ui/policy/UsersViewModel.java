package io.knobwright.app.ui.policy;

import io.knobwright.app.governance.PolicyService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.approval.Delegation;
import io.knobwright.model.policy.Role;
import io.knobwright.model.policy.User;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Users with their roles, and delegations, on the Policy screen. Adding a user or changing their roles is for
 * admins (the service refuses anyone else); a delegation is set up by the delegator or an admin. Each change
 * is saved at once and audited by the service.
 */
public final class UsersViewModel {

    private final PolicyService policy;
    private final BackgroundWork work;
    private final String user;
    private final ZoneId zone;
    private final BiConsumer<String, Boolean> report;
    private final Runnable reload;

    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final ObservableList<Delegation> delegations = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<User> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper admin = new ReadOnlyBooleanWrapper(this, "admin");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty roles = new SimpleStringProperty(this, "roles", "");
    private final ReadOnlyStringWrapper userError = new ReadOnlyStringWrapper(this, "userError", "");
    private final StringProperty delegateFrom = new SimpleStringProperty(this, "delegateFrom", "");
    private final StringProperty delegateTo = new SimpleStringProperty(this, "delegateTo", "");
    private final ObjectProperty<LocalDate> delegateUntil = new SimpleObjectProperty<>(this, "delegateUntil");
    private final StringProperty delegateReason = new SimpleStringProperty(this, "delegateReason", "");
    private final ReadOnlyStringWrapper delegationError = new ReadOnlyStringWrapper(this, "delegationError", "");

    UsersViewModel(PolicyService policy, BackgroundWork work, String user, ZoneId zone, BiConsumer<String, Boolean> report,
                   Runnable reload) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.work = Objects.requireNonNull(work, "work");
        this.user = Objects.requireNonNull(user, "user");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.report = Objects.requireNonNull(report, "report");
        this.reload = Objects.requireNonNull(reload, "reload");
        delegateFrom.set(user);
        name.subscribe(v -> userError.set(""));
        roles.subscribe(v -> userError.set(""));
        delegateTo.subscribe(v -> delegationError.set(""));
        delegateUntil.subscribe(v -> delegationError.set(""));
    }

    void show(List<User> fresh, List<Delegation> active, boolean isAdmin) {
        admin.set(isAdmin);
        User before = selected.get();
        if (!fresh.equals(users)) {
            users.setAll(fresh);
        }
        if (!active.equals(delegations)) {
            delegations.setAll(active);
        }
        selected.set(before == null ? null : fresh.stream().filter(u -> u.name().equals(before.name())).findFirst().orElse(null));
    }

    /** Selecting a user fills the form with their name and roles, ready to change them. */
    public void select(User chosen) {
        selected.set(chosen);
        if (chosen != null) {
            name.set(chosen.name());
            roles.set(rolesText(chosen));
        }
    }

    /** Adds the user typed, or gives an existing user the roles typed. */
    public void saveUser() {
        String who = name.get() == null ? "" : name.get().strip();
        Set<Role> typed;
        try {
            if (who.isEmpty()) {
                throw new IllegalArgumentException("Type the user's name (their hub login, e.g. alice).");
            }
            typed = roles(roles.get());
            new User(who, typed);
        } catch (IllegalArgumentException e) {
            userError.set(e.getMessage());
            return;
        }
        boolean exists = users.stream().anyMatch(u -> u.name().equals(who));
        work.io((exists ? "Change the roles of " : "Add user ") + who, () -> policy.addUser(user, who, typed), saved -> {
            report.accept((exists ? "Changed " + who + "'s roles to " : "Added " + who + " with roles ") + rolesText(saved) + ".", false);
            if (!exists) {
                name.set("");
                roles.set("");
            }
            reload.run();
        }, error -> report.accept(error, true));
    }

    /** "dba, reviewer" (commas or spaces); at least one role. */
    static Set<Role> roles(String text) {
        Set<Role> out = new LinkedHashSet<>();
        for (String part : (text == null ? "" : text).split("[,\\s]+")) {
            if (!part.isBlank()) {
                out.add(Role.of(part));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Give at least one role: dba, reviewer, operator, admin, or one a rule asks for"
                    + " (e.g. senior-dba).");
        }
        return out;
    }

    /** Lets {@code to} decide in {@code from}'s place until the end of the chosen day. */
    public void delegate() {
        String from = delegateFrom.get() == null ? "" : delegateFrom.get().strip();
        String to = delegateTo.get() == null ? "" : delegateTo.get().strip();
        LocalDate until = delegateUntil.get();
        if (from.isEmpty() || to.isEmpty()) {
            delegationError.set("Type who delegates and to whom.");
            return;
        }
        if (until == null) {
            delegationError.set("Choose the last day the delegation holds.");
            return;
        }
        Instant end = until.plusDays(1).atStartOfDay(zone).toInstant();
        String reason = delegateReason.get() == null ? "" : delegateReason.get().strip();
        work.io("Delegate " + from + "'s decisions to " + to, () -> policy.delegate(user, from, to, end, reason), d -> {
            report.accept(d.to() + " now decides in " + d.from() + "'s place until " + until(d) + ".", false);
            delegateTo.set("");
            delegateReason.set("");
            delegateUntil.set(null);
            reload.run();
        }, error -> report.accept(error, true));
    }

    public static String rolesText(User u) {
        return String.join(", ", u.roles().stream().map(Role::name).toList());
    }

    /** "2026-12-24 00:00" in the workbench's zone. */
    public String until(Delegation d) {
        return PolicyViewModel.TIME.format(d.validUntil().atZone(zone));
    }

    public ObservableList<User> users() {
        return FXCollections.unmodifiableObservableList(users);
    }

    public ObservableList<Delegation> delegations() {
        return FXCollections.unmodifiableObservableList(delegations);
    }

    public ReadOnlyObjectProperty<User> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty adminProperty() {
        return admin.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty rolesProperty() {
        return roles;
    }

    public ReadOnlyStringProperty userErrorProperty() {
        return userError.getReadOnlyProperty();
    }

    public StringProperty delegateFromProperty() {
        return delegateFrom;
    }

    public StringProperty delegateToProperty() {
        return delegateTo;
    }

    public ObjectProperty<LocalDate> delegateUntilProperty() {
        return delegateUntil;
    }

    public StringProperty delegateReasonProperty() {
        return delegateReason;
    }

    public ReadOnlyStringProperty delegationErrorProperty() {
        return delegationError.getReadOnlyProperty();
    }
}
