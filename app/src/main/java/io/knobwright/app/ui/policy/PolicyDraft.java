package io.knobwright.app.ui.policy;

import io.knobwright.model.policy.ApprovalRule;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.Policy;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The policy as being edited, before it is saved as a whole: locks added and removed, approval rules added,
 * edited, removed and moved (first match wins), the fallback edited. Each edit is checked as it is made (a lock
 * locked twice, a rule name used twice, a chain that does not parse) and says what is wrong inline. Edits do
 * nothing while {@link #editableProperty} is false (not an admin, or a save running).
 */
public final class PolicyDraft {

    private final ObservableList<LockRule> locks = FXCollections.observableArrayList();
    private final ObservableList<ApprovalRule> rules = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ApprovalRule> fallback = new ReadOnlyObjectWrapper<>(this, "fallback",
            ApprovalRule.defaultFallback());
    private final ObservableList<RuleItem> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RuleItem> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final LockDraft lock = new LockDraft();
    private final RuleDraft rule = new RuleDraft();
    private final BooleanBinding canMove;
    private Policy base = Policy.DEFAULT;
    /** Not edited on this screen, but kept: a save must not drop the webhooks a policy file set up. */
    private List<io.knobwright.model.notify.WebhookSubscription> webhooks = List.of();
    /** The rule being edited is a new one (appended before the fallback when applied). */
    private boolean adding;

    PolicyDraft() {
        canMove = Bindings.createBooleanBinding(() -> editable.get() && !editing.get() && selected.get() != null
                && !selected.get().fallback(), editable, editing, selected);
    }

    /** Starts over from {@code policy}: no edits. */
    void reset(Policy policy) {
        base = policy;
        edit(policy);
    }

    /** Puts {@code policy} in the editor as unsaved edits of the saved one (an imported file). */
    void edit(Policy policy) {
        webhooks = policy.webhooks();
        locks.setAll(policy.locks());
        rules.setAll(policy.rules());
        fallback.set(policy.fallback());
        editing.set(false);
        lock.clear();
        RuleItem before = selected.get();
        rebuildItems();
        selected.set(before == null ? null : items.stream().filter(i -> i.rule().name().equals(before.rule().name())
                && i.fallback() == before.fallback()).findFirst().orElse(null));
        changed();
    }

    /** The policy as edited; throws IllegalArgumentException when it is not a valid policy. */
    public Policy policy() {
        return new Policy(locks, rules, fallback.get(), webhooks);
    }

    private void changed() {
        boolean differs;
        try {
            differs = !policy().equals(base);
        } catch (IllegalArgumentException e) {
            differs = true;
        }
        changed.set(differs);
        revision.set(revision.get() + 1);
    }

    private void rebuildItems() {
        List<RuleItem> next = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            next.add(new RuleItem(rules.get(i), i + 1));
        }
        next.add(new RuleItem(fallback.get(), 0));
        items.setAll(next);
    }

    // ---- locks ----

    /** Adds the lock typed in {@link #lock()}; a lock already there or a bad value is said inline. */
    public void addLock() {
        if (!editable.get()) {
            return;
        }
        LockRule typed = lock.build();
        if (typed == null) {
            return;
        }
        if (locks.stream().anyMatch(typed::sameLockAs)) {
            lock.fail(typed.parameter() + " is already locked on " + typed.scope() + "; remove that lock first to change its reason.");
            return;
        }
        locks.add(typed);
        lock.clear();
        changed();
    }

    public void removeLock(LockRule removed) {
        if (editable.get() && removed != null && locks.remove(removed)) {
            changed();
        }
    }

    // ---- rules ----

    /** Shows another rule; the one being edited is let go. Choosing the selected rule again changes nothing. */
    public void select(RuleItem item) {
        if (java.util.Objects.equals(item, selected.get())) {
            return;
        }
        if (item == null || items.contains(item)) {
            editing.set(false);
            selected.set(item);
        }
    }

    /** Opens the editor on a new rule, to go before the fallback. */
    public void newRule() {
        if (editable.get()) {
            adding = true;
            rule.load(null, false);
            editing.set(true);
        }
    }

    /** Opens the editor on the selected rule (or the fallback). */
    public void editRule() {
        RuleItem item = selected.get();
        if (editable.get() && item != null) {
            adding = false;
            rule.load(item.rule(), item.fallback());
            editing.set(true);
        }
    }

    /** Puts the edited rule in place; a bad field or a name used twice is said inline and the editor stays open. */
    public void applyRule() {
        if (!editable.get() || !editing.get()) {
            return;
        }
        ApprovalRule edited = rule.build();
        if (edited == null) {
            return;
        }
        RuleItem item = selected.get();
        boolean fallbackEdit = !adding && item != null && item.fallback();
        int at = adding || item == null || fallbackEdit ? -1 : item.position() - 1;
        for (int i = 0; i < rules.size() && !fallbackEdit; i++) {
            if (i != at && rules.get(i).name().equals(edited.name())) {
                rule.fail("Another rule is already named '" + edited.name() + "'; rule names must be unique.");
                return;
            }
        }
        if (fallbackEdit) {
            fallback.set(edited);
        } else if (at < 0) {
            rules.add(edited);
            at = rules.size() - 1;
        } else {
            rules.set(at, edited);
        }
        editing.set(false);
        rebuildItems();
        selected.set(fallbackEdit ? items.getLast() : items.get(at));
        changed();
    }

    public void cancelEdit() {
        editing.set(false);
    }

    /** Removes the selected rule; the fallback stays. */
    public void removeRule() {
        RuleItem item = selected.get();
        if (!canMove.get() || item == null) {
            return;
        }
        rules.remove(item.position() - 1);
        rebuildItems();
        selected.set(items.get(Math.min(item.position() - 1, items.size() - 1)));
        changed();
    }

    /** Moves the selected rule one place up (-1) or down (+1); the fallback always stays last. */
    public void move(int by) {
        RuleItem item = selected.get();
        if (!canMove.get() || item == null) {
            return;
        }
        int from = item.position() - 1;
        int to = from + by;
        if (to < 0 || to >= rules.size()) {
            return;
        }
        ApprovalRule moved = rules.remove(from);
        rules.add(to, moved);
        rebuildItems();
        selected.set(items.get(to));
        changed();
    }

    // ---- state ----

    public ObservableList<LockRule> locks() {
        return FXCollections.unmodifiableObservableList(locks);
    }

    /** The rules in order, then the fallback. */
    public ObservableList<RuleItem> items() {
        return FXCollections.unmodifiableObservableList(items);
    }

    public ReadOnlyObjectProperty<RuleItem> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** Bound by the screen: true for an admin while nothing is being saved. */
    BooleanProperty editableProperty() {
        return editable;
    }

    public ReadOnlyBooleanProperty editable() {
        return ReadOnlyBooleanProperty.readOnlyBooleanProperty(editable);
    }

    /** Whether the policy differs from the one saved. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** Counts edits, so that summaries of the changes follow each one. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** A rule (not the fallback) is selected and may be moved or removed. */
    public ObservableBooleanValue canMove() {
        return canMove;
    }

    /** The lock being typed. */
    public LockDraft lock() {
        return lock;
    }

    /** The rule being edited. */
    public RuleDraft rule() {
        return rule;
    }
}
