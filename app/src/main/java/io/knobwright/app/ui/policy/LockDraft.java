package io.knobwright.app.ui.policy;

import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;

/**
 * The lock being typed on the policy screen: parameter, scope (all, or an engine, tier, tag or instance with its
 * value) and reason. {@link #build} turns it into a lock or says, in {@link #errorProperty}, what is wrong.
 */
public final class LockDraft {

    private final StringProperty parameter = new SimpleStringProperty(this, "parameter", "");
    private final ObjectProperty<LockScope.Kind> scopeKind = new SimpleObjectProperty<>(this, "scopeKind", LockScope.Kind.ALL);
    private final StringProperty scopeValue = new SimpleStringProperty(this, "scopeValue", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    LockDraft() {
        parameter.subscribe(v -> error.set(""));
        scopeKind.subscribe(v -> error.set(""));
        scopeValue.subscribe(v -> error.set(""));
    }

    /** The lock typed, or null with the reason in {@link #errorProperty}. */
    LockRule build() {
        try {
            ParameterPattern pattern = new ParameterPattern(parameter.get());
            LockScope.Kind kind = scopeKind.get() == null ? LockScope.Kind.ALL : scopeKind.get();
            String value = scopeValue.get() == null ? "" : scopeValue.get().strip();
            if (kind != LockScope.Kind.ALL && value.isEmpty()) {
                throw new IllegalArgumentException("Type the " + hint(kind) + " the lock applies to.");
            }
            LockScope scope = kind == LockScope.Kind.ALL ? LockScope.ALL
                    : LockScope.parse(kind.name().toLowerCase(Locale.ROOT) + ":" + value);
            LockRule lock = new LockRule(scope, pattern, reason.get());
            error.set("");
            return lock;
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
    }

    void fail(String why) {
        error.set(why);
    }

    void clear() {
        parameter.set("");
        scopeValue.set("");
        reason.set("");
        error.set("");
    }

    /** What the scope's value field asks for: "engine (postgresql, mysql, ...)". */
    static String hint(LockScope.Kind kind) {
        return switch (kind) {
            case ALL -> "";
            case ENGINE -> "engine (postgresql, mysql, mariadb, sqlserver, oracle)";
            case TIER -> "tier (production, staging, test, development)";
            case TAG -> "tag as key=value (team=payments)";
            case INSTANCE -> "instance name";
        };
    }

    public StringProperty parameterProperty() {
        return parameter;
    }

    public ObjectProperty<LockScope.Kind> scopeKindProperty() {
        return scopeKind;
    }

    public StringProperty scopeValueProperty() {
        return scopeValue;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** Why the typed lock cannot be added; empty when nothing is wrong (yet). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
