package io.knobwright.model.policy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a user may do in governance. Four roles have a meaning of their own ({@link #DBA} authors plans,
 * {@link #REVIEWER} approves them under the default rule, {@link #OPERATOR} may break the glass, {@link #ADMIN}
 * manages users and policy); any other name ("senior-dba", "change-board") is a role an approval level can ask for.
 */
public record Role(String name) implements Comparable<Role> {

    // Before the constants below: they are checked against it while the class initializes.
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public static final Role DBA = new Role("dba");
    public static final Role REVIEWER = new Role("reviewer");
    public static final Role OPERATOR = new Role("operator");
    public static final Role ADMIN = new Role("admin");

    public Role {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Role '" + name + "' is not a role name: use lower-case letters, digits and"
                    + " '-', starting with a letter, at most 40 characters (e.g. reviewer, senior-dba, change-board)");
        }
    }

    /** Reads a role as a user types it: case and surrounding blanks do not matter. */
    public static Role of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("A role name is missing");
        }
        return new Role(text.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public int compareTo(Role other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
