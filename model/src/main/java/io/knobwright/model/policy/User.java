package io.knobwright.model.policy;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Someone who acts in governance: authors, reviewers, operators, admins. On the shared hub a user is a database
 * login of the same name; locally (a single-user store, scripts) a user is chosen with {@code --as}.
 */
public record User(String name, Set<Role> roles) {

    /** Like a database login: what both the local store and the hub accept as a name. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.@-]{0,62}");

    public User {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("User name '" + name + "' is not valid: use letters, digits, '_', '.', '@'"
                    + " or '-', starting with a letter or '_', at most 63 characters (the same name as their hub login)");
        }
        Objects.requireNonNull(roles, "roles");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("User '" + name + "' needs at least one role (dba, reviewer, operator, admin)");
        }
        roles = Collections.unmodifiableSet(new TreeSet<>(roles));
    }

    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
