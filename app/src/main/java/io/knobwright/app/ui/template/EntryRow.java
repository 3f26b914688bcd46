package io.knobwright.app.ui.template;

import io.knobwright.model.template.EntryValue;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.template.TemplateResolver;
import io.knobwright.model.template.ValidationIssue;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * One line of the template editor: an entry of the template being edited (editable), or one it inherits
 * (read-only, with the template version that set it). Issues found by validation are attached to the line
 * of the parameter they concern.
 */
public final class EntryRow {

    private final StringProperty parameter = new SimpleStringProperty(this, "parameter", "");
    private final ObjectProperty<EntryKind> kind = new SimpleObjectProperty<>(this, "kind", EntryKind.VALUE);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty locked = new SimpleBooleanProperty(this, "locked");
    private final StringProperty rationale = new SimpleStringProperty(this, "rationale", "");
    private final ReadOnlyObjectWrapper<ValidationIssue.Severity> severity = new ReadOnlyObjectWrapper<>(this, "severity");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final boolean own;
    private final String origin;
    private final boolean lockedAbove;

    private EntryRow(boolean own, String origin, boolean lockedAbove) {
        this.own = own;
        this.origin = origin;
        this.lockedAbove = lockedAbove;
    }

    /** A new, empty entry of the template being edited. */
    static EntryRow blank() {
        return new EntryRow(true, "", false);
    }

    /** An entry as the resolver reports it; {@code own} when the template being edited sets it itself. */
    static EntryRow of(TemplateResolver.EffectiveEntry effective, boolean own) {
        String origin = own ? "" : effective.from().name() + " v" + effective.from().version();
        EntryRow row = new EntryRow(own, origin, !own && effective.locked());
        row.fill(effective.entry());
        return row;
    }

    /** An entry the template being edited sets itself. */
    static EntryRow own(TemplateEntry entry) {
        EntryRow row = new EntryRow(true, "", false);
        row.fill(entry);
        return row;
    }

    /** An editable copy of an inherited line: the start of an override. */
    EntryRow overriding() {
        EntryRow row = new EntryRow(true, "", false);
        row.parameter.set(parameter.get());
        row.kind.set(kind.get());
        row.text.set(text.get());
        row.rationale.set(rationale.get());
        return row;
    }

    private void fill(TemplateEntry entry) {
        parameter.set(entry.parameter());
        kind.set(EntryKind.of(entry.value()));
        text.set(switch (entry.value()) {
            case EntryValue.Literal l -> l.text();
            case EntryValue.Expression x -> x.source();
            case EntryValue.ResetToDefault r -> "";
        });
        locked.set(entry.locked());
        rationale.set(entry.rationale());
    }

    /**
     * The entry this line stands for, or the reason it cannot be one yet (no name, no value). Inherited
     * lines are not part of the template being edited and give none.
     */
    EntryOrProblem toEntry() {
        String name = parameter.get() == null ? "" : parameter.get().strip();
        if (name.isEmpty()) {
            return new EntryOrProblem(null, "An entry needs a parameter name");
        }
        String value = text.get() == null ? "" : text.get().strip();
        EntryValue entryValue = switch (kind.get()) {
            case VALUE -> new EntryValue.Literal(value);
            case EXPRESSION -> value.isEmpty() ? null : new EntryValue.Expression(value);
            case ENGINE_DEFAULT -> new EntryValue.ResetToDefault();
        };
        if (entryValue == null) {
            return new EntryOrProblem(null, name + ": the expression is empty (e.g. 25% of RAM)");
        }
        return new EntryOrProblem(new TemplateEntry(name, entryValue, locked.get(), rationale.get()), null);
    }

    record EntryOrProblem(TemplateEntry entry, String problem) {
    }

    /** Attaches the validation issues about this line's parameter (an empty list clears them). */
    void showIssues(List<String> messages, ValidationIssue.Severity worst) {
        problems.set(String.join("\n", messages));
        severity.set(worst);
    }

    /** What the value column shows: "8GB", "= 25% of RAM", "(engine default)". */
    public String display() {
        return switch (kind.get()) {
            case VALUE -> text.get();
            case EXPRESSION -> "= " + text.get();
            case ENGINE_DEFAULT -> "(engine default)";
        };
    }

    public StringProperty parameterProperty() {
        return parameter;
    }

    public ObjectProperty<EntryKind> kindProperty() {
        return kind;
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty lockedProperty() {
        return locked;
    }

    public StringProperty rationaleProperty() {
        return rationale;
    }

    public ReadOnlyObjectProperty<ValidationIssue.Severity> severityProperty() {
        return severity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Set by the template being edited (true) or inherited (false). */
    public boolean own() {
        return own;
    }

    /** "postgresql-base v1" for an inherited line; "" for the template's own. */
    public String origin() {
        return origin;
    }

    /** A parent locked this parameter: it cannot be overridden here. */
    public boolean lockedAbove() {
        return lockedAbove;
    }
}
