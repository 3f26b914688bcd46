package io.knobwright.app.ui.template;

import io.knobwright.model.template.EntryValue;

/** What an entry being edited sets: a value as written, an expression over instance facts, or the engine default. */
public enum EntryKind {
    VALUE("Value"),
    EXPRESSION("Expression"),
    ENGINE_DEFAULT("Engine default");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static EntryKind of(EntryValue value) {
        return switch (value) {
            case EntryValue.Literal l -> VALUE;
            case EntryValue.Expression x -> EXPRESSION;
            case EntryValue.ResetToDefault r -> ENGINE_DEFAULT;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
