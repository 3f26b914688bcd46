package io.knobwright.app.ui.operations;

import io.knobwright.app.override.OverrideRequest;
import io.knobwright.app.override.OverrideResult;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.instance.CatalogLookup;
import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Instance;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The quick override of one instance: a parameter (completed from the instance's own catalog, those that change
 * without a restart), a value, how long, and why. Apply runs {@link OperationsDesk#apply} off the FX thread; the
 * outcome is said in words, with what to do when it failed.
 */
public final class QuickOverrideViewModel {

    public static final List<String> DURATIONS = List.of("15m", "30m", "1h", "4h");
    private static final int SUGGESTIONS = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Instance instance;
    private final OperationsDesk desk;
    private final BackgroundWork work;
    private final Clock clock;
    private final ZoneId zone;
    private final BiConsumer<String, Boolean> onApplied;

    private final StringProperty parameter = new SimpleStringProperty(this, "parameter", "");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "30m");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ObservableList<String> suggestions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper parameterHelp = new ReadOnlyStringWrapper(this, "parameterHelp", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper(this, "applying");
    private final ReadOnlyBooleanWrapper applied = new ReadOnlyBooleanWrapper(this, "applied");
    private final BooleanBinding canApply;
    /** Overridable parameters of the instance's catalog by canonical name; empty until read (or when it has none). */
    private Map<String, ParameterSpec> catalog = Map.of();

    /**
     * @param onApplied hears the sentence to show in the window once an override is in force (and whether it is an error)
     */
    public QuickOverrideViewModel(Instance instance, CatalogLookup catalogs, OperationsDesk desk, BackgroundWork work,
                                  Clock clock, ZoneId zone, BiConsumer<String, Boolean> onApplied) {
        this.instance = Objects.requireNonNull(instance, "instance");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.work = Objects.requireNonNull(work, "work");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.onApplied = Objects.requireNonNull(onApplied, "onApplied");
        canApply = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && !applying.get() && !applied.get(),
                problem, applying, applied);
        parameter.subscribe(this::suggest);
        parameter.subscribe(this::check);
        value.subscribe(this::check);
        duration.subscribe(this::check);
        reason.subscribe(this::check);
        work.io("Read the parameters of " + instance.name(), () -> overridable(catalogs), found -> {
            catalog = found;
            suggest();
            check();
        }, problem -> parameterHelp.set("The catalog could not be read (" + problem + "); type the parameter's exact name."));
    }

    private Map<String, ParameterSpec> overridable(CatalogLookup catalogs) {
        return catalogs.find(instance.id(), new EngineVersion(instance.engine(), instance.version()))
                .map(QuickOverrideViewModel::overridable).orElse(Map.of());
    }

    /** An override acts now and restores by itself: parameters that need a restart (or never change) cannot be overridden. */
    private static Map<String, ParameterSpec> overridable(ParameterCatalog c) {
        var found = new java.util.TreeMap<String, ParameterSpec>();
        for (ParameterSpec spec : c.parameters()) {
            if (spec.applyMode() != ApplyMode.RESTART && spec.applyMode() != ApplyMode.READ_ONLY) {
                found.put(ParameterCatalog.canonicalName(spec.name()), spec);
            }
        }
        return found;
    }

    private void suggest() {
        String typed = ParameterCatalog.canonicalName(parameter.get() == null ? "" : parameter.get());
        ParameterSpec exact = catalog.get(typed);
        if (exact != null) {
            suggestions.clear();
            parameterHelp.set(exact.description().isBlank() ? exact.applyMode().toString()
                    : firstSentence(exact.description()) + (exact.unit() == null || exact.unit().isBlank() ? "" : " Unit: " + exact.unit() + "."));
            return;
        }
        parameterHelp.set("");
        // Names starting with what was typed first, then names containing it.
        List<String> starting = catalog.keySet().stream().filter(n -> n.startsWith(typed)).toList();
        List<String> containing = typed.isEmpty() ? List.of()
                : catalog.keySet().stream().filter(n -> !n.startsWith(typed) && n.contains(typed)).toList();
        suggestions.setAll(java.util.stream.Stream.concat(starting.stream(), containing.stream()).limit(SUGGESTIONS)
                .map(n -> catalog.get(n).name()).toList());
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text.strip() : text.substring(0, end + 1);
    }

    /** The first thing missing or wrong, in words; empty when Apply can go. */
    private void check() {
        problem.set(whatIsMissing());
    }

    private String whatIsMissing() {
        String name = parameter.get() == null ? "" : parameter.get().strip();
        if (name.isEmpty()) {
            return "Name the parameter to override.";
        }
        if (!catalog.isEmpty() && !catalog.containsKey(ParameterCatalog.canonicalName(name))) {
            if (!suggestions.isEmpty()) {
                return "Choose the parameter from the list, or type its full name.";
            }
            return name + " is not a parameter of " + instance.engine().displayName() + " " + instance.version()
                    + " that changes without a restart: pick one from the list.";
        }
        if (value.get() == null || value.get().isBlank()) {
            return "Give the value to set.";
        }
        try {
            Duration d = OverrideDuration.parse(duration.get());
            if (d.isZero()) {
                return "An override needs a positive duration.";
            }
        } catch (UserError e) {
            return e.getMessage();
        }
        if (reason.get() == null || reason.get().isBlank()) {
            return "Give a reason: the incident, for the audit trail.";
        }
        return "";
    }

    /** Takes a suggestion: the parameter's name as the catalog spells it. */
    public void choose(String name) {
        parameter.set(name);
    }

    public void apply() {
        if (!canApply.get()) {
            return;
        }
        OverrideRequest request;
        try {
            request = new OverrideRequest(List.of(instance.name()), Map.of(parameter.get().strip(), value.get().strip()),
                    OverrideDuration.parse(duration.get()), reason.get(), false);
        } catch (UserError e) {
            outcome.set(e.getMessage());
            return;
        }
        applying.set(true);
        outcome.set("");
        work.io("Override " + request.settings().keySet().iterator().next() + " on " + instance.name(),
                () -> desk.apply(request), this::applied, failure -> {
                    applying.set(false);
                    outcome.set(failure);
                });
    }

    private void applied(OverrideResult result) {
        applying.set(false);
        OverrideResult.OnInstance on = result.instances().getFirst();
        if (!on.applied()) {
            outcome.set(on.error());
            return;
        }
        var o = on.overrides().getFirst();
        Duration left = Duration.between(clock.instant(), result.deadline());
        String text = o.parameter() + " on " + instance.name() + " is " + o.value() + " now; it restores by itself at "
                + TIME.format(result.deadline().atZone(zone)) + " (in " + Countdown.of(left) + "), see Operations.";
        applied.set(true);
        onApplied.accept(text, false);
    }

    public Instance instance() {
        return instance;
    }

    public StringProperty parameterProperty() {
        return parameter;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** As typed or chosen: 15m, 30m, 1h, 4h, or free text such as 1h30m. */
    public StringProperty durationProperty() {
        return duration;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** Parameter names completing what was typed, as the catalog spells them. */
    public ObservableList<String> suggestions() {
        return FXCollections.unmodifiableObservableList(suggestions);
    }

    /** What the chosen parameter is, from the catalog. */
    public ReadOnlyStringProperty parameterHelpProperty() {
        return parameterHelp.getReadOnlyProperty();
    }

    /** What is missing before Apply can go; empty when nothing is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why the last Apply did not override anything, and what to do; empty otherwise. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty applyingProperty() {
        return applying.getReadOnlyProperty();
    }

    /** True once the override is in force: the form closes. */
    public ReadOnlyBooleanProperty appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    public BooleanBinding canApply() {
        return canApply;
    }

}
