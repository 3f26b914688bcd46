package io.knobwright.app.ui.whatif;

import io.knobwright.app.simulation.WhatIfService;
import io.knobwright.simulator.model.Knobs;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * One setting the screen can move, as a slider and a field kept in step: the field takes what postgresql.conf takes
 * ("256MB", "4GB", "5min", "on") and says plainly when a text is not a value or lies outside the server's range; the
 * slider moves memory on a log scale (64 kB to 64 GB is a handful of doublings, not a line where everything below 1 GB
 * is the first pixel). A valid value goes to {@code onValue} (the scenario being edited).
 */
public final class TunableField {

    private final WhatIfService.Tunable tunable;
    private final boolean logScale;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final DoubleProperty position = new SimpleDoubleProperty(this, "position");
    private final ReadOnlyDoubleWrapper value = new ReadOnlyDoubleWrapper(this, "value");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    private DoubleConsumer onValue = v -> { };
    private boolean updating;

    public TunableField(WhatIfService.Tunable tunable) {
        this.tunable = Objects.requireNonNull(tunable, "tunable");
        // memory spans orders of magnitude: a log slider; a plain range (a cost factor, a count) stays linear
        this.logScale = "bytes".equals(tunable.unit()) && lower() > 0 && tunable.max() / lower() > 16;
        text.subscribe(this::textChanged);
        position.subscribe(p -> positionChanged(p.doubleValue()));
        set(tunable.current());
    }

    private double lower() {
        return "bytes".equals(tunable.unit()) ? Math.max(tunable.min(), 8192) : tunable.min();
    }

    /** Shows {@code v} (a scenario's value) without reporting it back as an edit. */
    public void set(double v) {
        DoubleConsumer keep = onValue;
        onValue = x -> { };
        try {
            apply(v, true, true);
        } finally {
            onValue = keep;
        }
    }

    void onValue(DoubleConsumer consumer) {
        this.onValue = Objects.requireNonNull(consumer, "consumer");
    }

    private void textChanged(String typed) {
        if (updating) {
            return;
        }
        double parsed;
        try {
            parsed = Knobs.parse(tunable.name(), typed);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        if (parsed < tunable.min() || parsed > tunable.max()) {
            error.set(tunable.name() + " = " + typed.strip() + " is outside what this server accepts: "
                    + WhatIfFormats.setting(tunable.unit(), tunable.min()) + " to "
                    + WhatIfFormats.setting(tunable.unit(), tunable.max()) + ".");
            return;
        }
        apply(parsed, false, true);
    }

    private void positionChanged(double p) {
        if (updating) {
            return;
        }
        apply(nice(fromPosition(p)), true, false);
    }

    private void apply(double v, boolean writeText, boolean writePosition) {
        updating = true;
        try {
            value.set(v);
            error.set("");
            changed.set(Math.abs(v - tunable.current()) > 1e-9 * Math.max(1, Math.abs(tunable.current())));
            if (writeText) {
                text.set(WhatIfFormats.setting(tunable.unit(), v));
            }
            if (writePosition) {
                position.set(toPosition(v));
            }
        } finally {
            updating = false;
        }
        onValue.accept(v);
    }

    /** 0..1 along the slider for a value (log scale for memory). */
    double toPosition(double v) {
        double lo = lower();
        double hi = tunable.max();
        if (hi <= lo) {
            return 0;
        }
        double p = logScale ? Math.log(Math.max(v, lo) / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo);
        return Math.clamp(p, 0, 1);
    }

    double fromPosition(double p) {
        double lo = lower();
        double hi = tunable.max();
        double v = logScale ? lo * Math.pow(hi / lo, p) : lo + (hi - lo) * p;
        return Math.clamp(v, tunable.min(), tunable.max());
    }

    /** What a slider lands on: memory to two significant figures of its MB/GB, a boolean on or off, counts whole. */
    private double nice(double v) {
        return switch (tunable.unit()) {
            case "bytes" -> {
                double unit = v >= 1024.0 * 1024 * 1024 ? 1024.0 * 1024 * 1024 : v >= 1024.0 * 1024 ? 1024.0 * 1024 : 1024;
                double n = v / unit;
                double step = n >= 100 ? 10 : n >= 10 ? 1 : 0.1;
                yield Math.clamp(Math.round(n / step) * step * unit, tunable.min(), tunable.max());
            }
            case "boolean" -> v >= 0.5 ? 1 : 0;
            case "seconds" -> Math.clamp(Math.round(v), tunable.min(), tunable.max());
            default -> tunable.max() - tunable.min() > 20 ? Math.round(v) : Math.round(v * 100) / 100.0;
        };
    }

    public WhatIfService.Tunable tunable() { return tunable; }
    public String name() { return tunable.name(); }
    public boolean logScale() { return logScale; }
    /** What the user types; a valid text moves the slider, an invalid one leaves the value and sets {@link #errorProperty}. */
    public StringProperty textProperty() { return text; }
    /** The slider, 0..1. */
    public DoubleProperty positionProperty() { return position; }
    public ReadOnlyDoubleProperty valueProperty() { return value.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** Whether the value differs from what the server runs today. */
    public ReadOnlyBooleanProperty changedProperty() { return changed.getReadOnlyProperty(); }
}
