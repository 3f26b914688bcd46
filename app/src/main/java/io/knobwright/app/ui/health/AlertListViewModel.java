package io.knobwright.app.ui.health;

import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.health.ShownAlert;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The fleet-level alert list: alerts worst first, silenced ones listed (marked) below the active ones, a summary line,
 * and per instance the worst active severity and count (the fleet table's health columns and "with alerts" filter).
 */
public final class AlertListViewModel {

    /** An instance's health as a fleet table column shows it: worst active severity, active and silenced counts. */
    public record InstanceHealth(AlertSeverity worst, int active, int silenced) {
    }

    private final ObservableList<ShownAlert> alerts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "No alerts.");
    private final ReadOnlyBooleanWrapper onlyActive = new ReadOnlyBooleanWrapper(this, "onlyActive", false);
    private final ReadOnlyIntegerWrapper needingAttention = new ReadOnlyIntegerWrapper(this, "needingAttention", 0);
    private final Consumer<ShownAlert> open;
    private final BiConsumer<ShownAlert, String> acknowledge;
    private List<ShownAlert> all = List.of();

    /** @param open opens the alert's instance on the screen its kind names */
    public AlertListViewModel(Consumer<ShownAlert> open) {
        this(open, (alert, comment) -> {
        });
    }

    /**
     * @param acknowledge acknowledges the alert with the comment (off the FX thread) and shows the list again; the
     *                    workbench's writes the acknowledgement to the store as the acting user
     */
    public AlertListViewModel(Consumer<ShownAlert> open, BiConsumer<ShownAlert, String> acknowledge) {
        this.open = open;
        this.acknowledge = acknowledge;
    }

    /** Active alerts nobody has acknowledged yet: the Alerts tab's badge. */
    public ReadOnlyIntegerProperty needingAttentionProperty() {
        return needingAttention.getReadOnlyProperty();
    }

    /** Whether the Acknowledge action applies: an alert not acknowledged yet (silenced ones too: a window can end). */
    public boolean canAcknowledge(ShownAlert alert) {
        return alert != null && !alert.acknowledged();
    }

    /** Acknowledges {@code alert} with an optional comment; nothing happens for one already acknowledged. */
    public void acknowledge(ShownAlert alert, String comment) {
        if (canAcknowledge(alert)) {
            acknowledge.accept(alert, comment == null ? "" : comment.strip());
        }
    }

    public ObservableList<ShownAlert> alerts() {
        return FXCollections.unmodifiableObservableList(alerts);
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlyActiveProperty() {
        return onlyActive.getReadOnlyProperty();
    }

    /** Replaces the list with a new evaluation (call on the FX thread). */
    public void show(List<ShownAlert> evaluated) {
        all = List.copyOf(evaluated);
        refilter();
        long critical = all.stream().filter(s -> !s.silenced() && s.alert().severity() == AlertSeverity.CRITICAL).count();
        long warning = all.stream().filter(s -> !s.silenced() && s.alert().severity() == AlertSeverity.WARNING).count();
        long silenced = all.stream().filter(ShownAlert::silenced).count();
        long acknowledged = all.stream().filter(ShownAlert::acknowledged).count();
        long instances = all.stream().map(s -> s.alert().instanceId()).distinct().count();
        needingAttention.set((int) all.stream().filter(s -> !s.silenced() && !s.acknowledged()).count());
        summary.set(all.isEmpty() ? "No alerts."
                : critical + " critical, " + warning + " warning, " + silenced + " silenced"
                        + (acknowledged == 0 ? "" : ", " + acknowledged + " acknowledged") + " on " + instances
                        + " instance" + (instances == 1 ? "" : "s"));
    }

    /**
     * The evaluation failed as a whole (the store could not be read): nothing stale stays listed, and the summary says
     * why. Sources that fail one by one come with the evaluation and name themselves in it.
     */
    public void showFailure(String message) {
        all = List.of();
        refilter();
        needingAttention.set(0);
        summary.set("The alerts could not be evaluated: " + message);
    }

    /** Replaces the list and names the alert sources that failed (the others' alerts are still listed). */
    public void show(List<ShownAlert> evaluated, List<String> failedSources) {
        show(evaluated);
        if (!failedSources.isEmpty()) {
            summary.set(summary.get() + " (not evaluated: " + String.join(", ", failedSources) + ")");
        }
    }

    public void setOnlyActive(boolean only) {
        onlyActive.set(only);
        refilter();
    }

    public void open(ShownAlert alert) {
        open.accept(alert);
    }

    /** Per instance id, for the fleet table's health columns; instances without alerts are absent. */
    public Map<Long, InstanceHealth> healthByInstance() {
        Map<Long, InstanceHealth> out = new LinkedHashMap<>();
        for (ShownAlert s : all) {
            InstanceHealth h = out.getOrDefault(s.alert().instanceId(), new InstanceHealth(null, 0, 0));
            if (s.silenced()) {
                out.put(s.alert().instanceId(), new InstanceHealth(h.worst(), h.active(), h.silenced() + 1));
            } else {
                AlertSeverity worst = Optional.ofNullable(h.worst())
                        .map(w -> w.compareTo(s.alert().severity()) <= 0 ? w : s.alert().severity())
                        .orElse(s.alert().severity());
                out.put(s.alert().instanceId(), new InstanceHealth(worst, h.active() + 1, h.silenced()));
            }
        }
        return out;
    }

    private void refilter() {
        // acknowledged ones below those nobody has looked at yet, silenced ones last
        alerts.setAll(all.stream().filter(s -> !onlyActive.get() || !s.silenced())
                .sorted(Comparator.comparing(ShownAlert::silenced).thenComparing(ShownAlert::acknowledged)
                        .thenComparing(s -> s.alert().severity())).toList());
    }
}
