package io.knobwright.model.fleet;

import java.util.Locale;

/** Where a hardware fact came from, which decides whether a refresh may change it. */
public enum FactSource {
    /** Nobody knows it: no probe found it and nobody entered it. */
    UNKNOWN,
    /** Read from the server; the next refresh updates it. */
    PROBED,
    /** Given by a user (edit dialog, {@code fleet edit}, inventory file); a refresh never overwrites it. */
    ENTERED;

    /** "probed", as the CLI prints it and scripts read it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
