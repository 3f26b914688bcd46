package io.knobwright.model.store;

/** An instance name is already taken; nothing was stored. */
public final class DuplicateInstanceNameException extends StoreException {

    private final String name;

    public DuplicateInstanceNameException(String name) {
        super(Kind.INPUT, "An instance named '" + name + "' already exists. Choose another name, or edit the existing instance.");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
