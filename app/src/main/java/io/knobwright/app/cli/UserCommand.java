package io.knobwright.app.cli;

import io.knobwright.model.UserError;
import io.knobwright.model.approval.Delegation;
import io.knobwright.model.policy.Role;
import io.knobwright.model.policy.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "user", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Users and roles of this store (dba, reviewer, operator, admin, or any role an approval level names).",
                "Until a store has an admin anyone may add users; then only admins. On the shared hub the login decides."})
final class UserCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Cli.usage(spec.commandLine(), "Missing command: use one of add, list, delegate.");
    }

    record UserJson(String name, List<String> roles) {
        static UserJson of(User u) {
            return new UserJson(u.name(), u.roles().stream().map(Role::name).toList());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Adds a user, or replaces the roles of an existing one.")
    static final class Add implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The user's name (their hub login).")
        private String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE[,ROLE...]", split = ",",
                description = "Roles: dba, reviewer, operator, admin, or a role an approval level names (senior-dba, ...).")
        private List<String> roles;

        Add(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            Set<Role> parsed = new TreeSet<>();
            for (String r : roles) {
                try {
                    parsed.add(Role.of(r));
                } catch (IllegalArgumentException e) {
                    throw UserError.input(e.getMessage());
                }
            }
            User user = session.context().policy().addUser(session.actor(), name, parsed);
            session.out().println("User " + user.name() + ": " + String.join(", ", user.roles().stream().map(Role::name).toList()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Lists the users and their roles, and delegations in force.")
    static final class ListUsers implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--json", description = "Print a JSON array of users.")
        private boolean json;

        ListUsers(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            List<User> users = session.context().policy().users();
            if (json) {
                Json.print(session.out(), users.stream().map(UserJson::of).toList());
                return ExitCodes.OK;
            }
            if (users.isEmpty()) {
                session.out().println("No users: this is a single-user store, where " + session.actor() + " acts as dba and admin."
                        + " Add users with `knobwright user add --name NAME --role ROLE`.");
                return ExitCodes.OK;
            }
            Table table = new Table("NAME", "ROLES");
            users.forEach(u -> table.row(u.name(), String.join(",", u.roles().stream().map(Role::name).toList())));
            table.print(session.out());
            List<Delegation> delegations = session.context().policy().delegations();
            if (!delegations.isEmpty()) {
                session.out().println();
                Table d = new Table("FROM", "TO", "UNTIL", "REASON");
                delegations.forEach(x -> d.row(x.from(), x.to(), x.validUntil(), x.reason()));
                d.print(session.out());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "delegate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Lets another user decide in your place until a time (the delegator or an admin sets it up).")
    static final class Delegate implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--from", required = true, paramLabel = "USER", description = "Whose decisions are delegated.")
        private String from;

        @Option(names = "--to", required = true, paramLabel = "USER", description = "Who decides in their place.")
        private String to;

        @Option(names = "--until", required = true, paramLabel = "WHEN",
                description = "An instant (2026-12-24T18:00:00Z) or a duration from now (8h, 3d, PT12H).")
        private String until;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (holiday, on call elsewhere, ...).")
        private String reason = "";

        Delegate(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            Delegation d = session.context().policy().delegate(session.actor(), from, to, until(until), reason);
            session.out().println(d.to() + " decides for " + d.from() + " until " + d.validUntil() + ".");
            return ExitCodes.OK;
        }

        private static Instant until(String text) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException notAnInstant) {
                String t = text.strip().toLowerCase(java.util.Locale.ROOT);
                try {
                    Duration d = t.matches("\\d{1,6}[smhd]") ? switch (t.charAt(t.length() - 1)) {
                        case 's' -> Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
                        case 'm' -> Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
                        case 'h' -> Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
                        default -> Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
                    } : Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
                    return Instant.now().plus(d);
                } catch (DateTimeParseException | ArithmeticException e) {
                    throw UserError.input("--until '" + io.knobwright.model.text.ShownText.excerpt(text, 40) + "' is neither an"
                            + " instant (2026-12-24T18:00:00Z) nor a duration (8h, 3d, PT12H)");
                }
            }
        }
    }

}
