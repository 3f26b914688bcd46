package io.knobwright.app.simulation;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.SimulationException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's settings in the simulator's base units (bytes, seconds, 1/0): the ones in force from a snapshot, the
 * ranges the catalog allows, and the check of a value a user asks for against them.
 */
final class ServerSettings {

    /** Settings the built-in model reads that are enums on the server but on/off to the model. */
    private static final java.util.Set<String> ON_OFF_ENUMS = java.util.Set.of("synchronous_commit", "jit");

    private ServerSettings() {
    }

    /**
     * The settings in a snapshot the simulator can read as numbers, each in base units. Text settings (a search path,
     * a time zone) are left out: no model reads them.
     */
    static Knobs current(SettingsSnapshot snapshot) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (LiveSetting s : snapshot.settings()) {
            if (s.value() == null || s.value().isBlank()) {
                continue;
            }
            try {
                values.put(s.name(), Knobs.parse(s.name(), text(s)));
            } catch (IllegalArgumentException notNumeric) {
                // a string or enum setting: nothing a model reads as a number
            }
        }
        return new Knobs(values);
    }

    /** "16384" with unit "8kB" -> "131072kB", so Knobs.parse reads it whatever its bare-number rule for the name. */
    private static String text(LiveSetting s) {
        String unit = s.unit();
        if (unit == null || unit.isBlank()) {
            return s.value();
        }
        double factor = unitFactor(unit);
        if (Double.isNaN(factor)) {
            return s.value();
        }
        try {
            double number = Double.parseDouble(s.value());
            if (number < 0) {
                return s.value();   // -1 and friends are special values, not amounts
            }
            return isTime(unit) ? number * factor + "s" : number * factor + "B";
        } catch (NumberFormatException notANumber) {
            return s.value();
        }
    }

    /** Base units per one of the server's units ("8kB" -> 8192 bytes, "ms" -> 0.001 s); NaN for an unknown unit. */
    static double unitFactor(String unit) {
        if (unit == null || unit.isBlank()) {
            return 1;
        }
        String u = unit.strip();
        double multiple = 1;
        int digits = 0;
        while (digits < u.length() && Character.isDigit(u.charAt(digits))) {
            digits++;
        }
        if (digits > 0) {
            multiple = Double.parseDouble(u.substring(0, digits));
            u = u.substring(digits);
        }
        double base = switch (u.toLowerCase(Locale.ROOT)) {
            case "b" -> 1;
            case "kb" -> 1024;
            case "mb" -> 1024.0 * 1024;
            case "gb" -> 1024.0 * 1024 * 1024;
            case "tb" -> 1024.0 * 1024 * 1024 * 1024;
            case "us" -> 0.000001;
            case "ms" -> 0.001;
            case "s" -> 1;
            case "min" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> Double.NaN;
        };
        return multiple * base;
    }

    static boolean isTime(String unit) {
        String u = unit == null ? "" : unit.replaceAll("^[0-9]+", "").toLowerCase(Locale.ROOT);
        return List.of("us", "ms", "s", "min", "h", "d").contains(u);
    }

    /** The settings the model reads that the catalog describes as numbers or on/off, with their ranges. */
    static List<WhatIfService.Tunable> tunables(Optional<ParameterCatalog> catalog, Knobs current) {
        List<WhatIfService.Tunable> out = new ArrayList<>();
        for (String name : Knobs.POSTGRES_DEFAULTS.keySet()) {
            if (catalog.isEmpty()) {
                continue;
            }
            Optional<ParameterSpec> spec = catalog.get().find(name);
            if (spec.isEmpty()) {
                continue;
            }
            tunable(spec.get(), current.get(name)).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<WhatIfService.Tunable> tunable(ParameterSpec p, double current) {
        boolean onOff = p.type() == ParameterType.BOOLEAN
                || (p.type() == ParameterType.ENUM && ON_OFF_ENUMS.contains(p.name().toLowerCase(Locale.ROOT)));
        if (onOff) {
            return Optional.of(new WhatIfService.Tunable(p.name(), 0, 1, current, "boolean", p.requiresRestart(),
                    p.description()));
        }
        if (p.type() != ParameterType.INTEGER && p.type() != ParameterType.REAL) {
            return Optional.empty();
        }
        double factor = unitFactor(p.unit());
        if (Double.isNaN(factor)) {
            return Optional.empty();
        }
        // a negative minimum is a special value (-1: "derive it"), not an amount of the unit
        double min = p.min() == null ? -Double.MAX_VALUE : p.min().signum() < 0 ? p.min().doubleValue() : scaled(p.min(), factor);
        double max = p.max() == null ? Double.MAX_VALUE : scaled(p.max(), factor);
        String unit = p.unit() == null || p.unit().isBlank() ? "" : isTime(p.unit()) ? "seconds" : "bytes";
        return Optional.of(new WhatIfService.Tunable(p.name(), min, max, current, unit, p.requiresRestart(),
                p.description()));
    }

    private static double scaled(BigDecimal amount, double factor) {
        return amount.doubleValue() * factor;
    }

    /**
     * A value a user asked for, in base units, checked against the server's catalog: an unknown name or a value
     * outside the range is refused with what the server accepts.
     *
     * @param catalog empty when the instance's version has no catalog: then only the settings the model reads
     */
    static double requested(Optional<ParameterCatalog> catalog, String name, String text, String instanceName) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        Optional<ParameterSpec> spec = catalog.flatMap(c -> c.find(key));
        if (spec.isEmpty() && (catalog.isPresent() || !Knobs.POSTGRES_DEFAULTS.containsKey(key))) {
            throw new SimulationException("\"" + name + "\" is not a setting of " + instanceName
                    + "'s server. See `knobwright catalog list` for the names it knows.");
        }
        double value;
        try {
            value = Knobs.parse(key, text);
        } catch (IllegalArgumentException bad) {
            throw new SimulationException(bad.getMessage());
        }
        if (spec.isPresent()) {
            ParameterSpec p = spec.get();
            if (p.type() == ParameterType.STRING || (p.type() == ParameterType.ENUM && !ON_OFF_ENUMS.contains(key))) {
                return value;   // parsed as a number or on/off: only the models that read it care
            }
            double factor = unitFactor(p.unit());
            if (!Double.isNaN(factor) && value >= 0) {
                boolean below = p.min() != null && value < scaled(p.min(), factor) * (1 - 1e-12);
                boolean above = p.max() != null && value > scaled(p.max(), factor) * (1 + 1e-12);
                if (below || above) {
                    throw new SimulationException(name + " = " + text + " is outside what " + instanceName
                            + "'s server accepts: " + range(p) + ".");
                }
            }
        }
        return value;
    }

    private static String range(ParameterSpec p) {
        String unit = p.unit() == null ? "" : " " + p.unit();
        return "from " + (p.min() == null ? "-" : p.min().stripTrailingZeros().toPlainString() + unit)
                + " to " + (p.max() == null ? "-" : p.max().stripTrailingZeros().toPlainString() + unit);
    }
}
