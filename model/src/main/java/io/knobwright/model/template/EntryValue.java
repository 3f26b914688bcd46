package io.knobwright.model.template;

/** What a template entry sets: a literal, an expression over instance facts and other entries, or the engine default. */
public sealed interface EntryValue {

    /** A value in the engine's spelling: "8GB", "on", "replica". */
    record Literal(String text) implements EntryValue {
        public Literal {
            if (text == null) {
                throw new IllegalArgumentException("A literal needs a value");
            }
        }
    }

    /** An expression such as "25% of RAM" or "min(RAM/4, 8GB)". */
    record Expression(String source) implements EntryValue {
        public Expression {
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("An expression cannot be empty");
            }
        }
    }

    /** Undo whatever a parent set: the parameter goes back to the engine's built-in default. */
    record ResetToDefault() implements EntryValue { }
}
