package io.knobwright.app.ui.template;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.value.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One paragraph about a parameter from the catalog, for the entry being edited. */
final class ParameterHelp {

    private ParameterHelp() {
    }

    /** "shared_buffers · integer in 8kB · 128kB .. 8GB · default 128MB · restart · Resource Usage / Memory — Sets …" */
    static String describe(ParameterSpec spec) {
        List<String> parts = new ArrayList<>();
        parts.add(spec.name());
        String type = spec.type().name().toLowerCase(Locale.ROOT);
        parts.add(spec.unit() == null || spec.unit().isEmpty() ? type : type + " in " + spec.unit());
        String range = Values.validRange(spec);
        if (!range.isEmpty()) {
            parts.add(range);
        }
        if (!spec.enumValues().isEmpty()) {
            parts.add("one of " + String.join(", ", spec.enumValues()));
        }
        if (spec.defaultValue() != null) {
            parts.add("default " + readable(spec, spec.defaultValue()));
        }
        parts.add(switch (spec.applyMode()) {
            case ONLINE -> "applies at once";
            case RELOAD -> "applies on reload";
            case NEW_SESSIONS -> "applies to sessions opened after the change";
            case RESTART -> "needs a restart";
            case READ_ONLY -> "read-only";
        });
        if (!spec.category().isEmpty()) {
            parts.add(spec.category());
        }
        String head = String.join(" · ", parts);
        return spec.description().isEmpty() ? head : head + "\n" + spec.description();
    }

    private static String readable(ParameterSpec spec, String value) {
        return value.isEmpty() ? "(empty)" : Values.readable(spec, value);
    }
}
