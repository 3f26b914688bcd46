package io.knobwright.model.text;

import io.knobwright.model.UserError;

import java.util.Optional;

/**
 * Names people pick things by - instances, templates, parameters, tags - hold visible characters only. Two
 * names that print alike but differ by a zero-width space, or one whose bidi override makes "db-prod" read as
 * "dorp-bd", would let a command act on another server than the one the user read. Checked where names come
 * in (the CLI, the workbench, imports); names already stored are still shown, escaped ({@link ShownText}).
 */
public final class Names {

    private Names() {
    }

    /**
     * Why the name cannot be used, as a sentence for the user; empty when it can.
     *
     * @param what "Instance name", "Tag", "Parameter name"...
     */
    public static Optional<String> problem(String what, String name) {
        return ShownText.firstHidden(name).map(hidden -> what + " '" + ShownText.excerpt(name, ShownText.EXCERPT)
                + "' contains " + hidden + ", an invisible or control character that can make a name print as"
                + " another one. Use visible characters only.");
    }

    /** The name, when it holds visible characters only. */
    public static String requireVisible(String what, String name) {
        problem(what, name).ifPresent(p -> {
            throw UserError.input(p);
        });
        return name;
    }
}
