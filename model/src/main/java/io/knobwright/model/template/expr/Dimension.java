package io.knobwright.model.template.expr;

/** What a quantity measures. Expressions refuse to add bytes to milliseconds or to plain numbers. */
public enum Dimension {
    NUMBER("a plain number"),
    BYTES("a size"),
    MILLISECONDS("a duration");

    private final String description;

    Dimension(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
