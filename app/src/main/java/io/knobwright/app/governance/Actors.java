package io.knobwright.app.governance;

import io.knobwright.model.approval.GovernanceRefusal;
import io.knobwright.model.policy.Role;
import io.knobwright.model.policy.User;
import io.knobwright.model.store.Repositories;

import java.util.List;
import java.util.Set;

/**
 * Who is acting. A store without registered users is a single-user store: whoever runs Knobwright acts as a DBA
 * and admin (they can write plans and set up users and policy, never approve their own plans). Once users exist,
 * only they act, each with their own roles.
 */
public final class Actors {

    private Actors() {
    }

    public static User resolve(Repositories repos, String name) {
        if (!User.validName(name)) {
            throw new GovernanceRefusal(GovernanceRefusal.Reason.UNKNOWN_USER, "'" + name + "' is not a valid user name;"
                    + " act as a registered user with --as NAME");
        }
        List<User> users = repos.governance().users();
        if (users.isEmpty()) {
            return new User(name, Set.of(Role.DBA, Role.ADMIN));
        }
        return users.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow(() -> new GovernanceRefusal(
                GovernanceRefusal.Reason.UNKNOWN_USER, "No user '" + name + "' in this store (users: "
                + String.join(", ", users.stream().map(User::name).limit(10).toList()) + (users.size() > 10 ? ", ..." : "")
                + "). Act as one of them with --as NAME, or an admin adds you with `knobwright user add --name " + name
                + " --role dba`."));
    }

    public static User require(Repositories repos, String name, Role role, String what) {
        User actor = resolve(repos, name);
        if (!actor.has(role)) {
            throw new GovernanceRefusal(GovernanceRefusal.Reason.ROLE_REQUIRED, actor.name() + " may not " + what + ": it needs the "
                    + role + " role (" + actor.name() + " has " + String.join(", ", actor.roles().stream().map(Role::name).toList())
                    + ").");
        }
        return actor;
    }
}
