package io.knobwright.app.cli;

import io.knobwright.app.hub.HubService;
import io.knobwright.model.fleet.JdbcUrlSecrets;
import io.knobwright.model.hub.HubLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "hub", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The shared approval hub (a PostgreSQL database, docs/hub.md): submitted plans, decisions and reviews",
                "sync through it, and it enforces the rules itself. On the hub your login is who you are."})
final class HubCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Cli.usage(spec.commandLine(), "Missing command: use one of setup, connect, sync, status, disconnect.");
    }

    record StatusJson(boolean linked, String jdbcUrl, String login, long cursor, String lastSyncAt, String lastError,
                      int failures, String nextAttemptAt, int pending, List<String> refused) {
    }

    @Command(name = "setup", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Creates or upgrades the hub's schema in a PostgreSQL database, as its owner (a role with CREATEROLE",
                    "and CREATE on the database), and enrols the first hub admin. See docs/hub.md for the roles to create first."})
    static final class Setup implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--jdbc-url", required = true, paramLabel = "URL", description = "jdbc:postgresql://host:5432/approvals")
        private String url;

        @Option(names = "--user", required = true, paramLabel = "OWNER", description = "The hub's owner role.")
        private String owner;

        @Option(names = "--password-env", paramLabel = "VAR", description = "The environment variable holding the owner's password.")
        private String passwordEnv;

        @Option(names = "--admin", paramLabel = "LOGIN", description = "Enrol this existing login as the first hub admin.")
        private String admin;

        Setup(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            String password = null;
            if (passwordEnv != null) {
                password = session.environment().get(passwordEnv);
                if (password == null) {
                    throw io.knobwright.model.UserError.input("Environment variable " + passwordEnv + " is not set.");
                }
            }
            int applied = io.knobwright.connectors.hub.HubSchema.migrate(url, owner, password);
            session.out().println("Hub schema at " + JdbcUrlSecrets.mask(url) + ": " + (applied == 0 ? "already up to date"
                    : applied + " migration" + (applied == 1 ? "" : "s") + " applied") + ".");
            if (admin != null) {
                var member = new io.knobwright.connectors.hub.HubSchema(new io.knobwright.connectors.ConnectionTarget(url, owner, password))
                        .enrolAdmin(admin);
                session.out().println("Hub admin: " + member.login() + " (" + String.join(", ", member.roles()) + ").");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "connect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Links this store to a hub as your login; checks it can reach it and that you are a member there.",
                    "Only the password variable's name is stored; it is read at every sync."})
    static final class Connect implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--jdbc-url", required = true, paramLabel = "URL", description = "jdbc:postgresql://host:5432/hub")
        private String url;

        @Option(names = "--user", required = true, paramLabel = "LOGIN", description = "Your hub login.")
        private String user;

        @Option(names = "--password-env", paramLabel = "VAR", description = "The environment variable holding your hub password.")
        private String passwordEnv;

        Connect(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            JdbcUrlSecrets secrets = JdbcUrlSecrets.split(url);
            if (secrets.passwords() > 0 || !secrets.otherSecrets().isEmpty()) {
                throw io.knobwright.model.UserError.input("The hub URL carries a password; give it with --password-env VAR instead"
                        + " (URLs end up in shell history and 'ps' output).");
            }
            HubLink link = session.context().hub().connect(url, user, passwordEnv, session.environment()::get);
            HubService.SyncReport first = session.context().hub().syncOnce(session.environment()::get);
            session.out().println("Linked to the hub at " + JdbcUrlSecrets.mask(link.jdbcUrl()) + " as " + link.login()
                    + "; first sync: " + describe(first));
            return first.ok() ? ExitCodes.OK : ExitCodes.UNREACHABLE;
        }
    }

    static String describe(HubService.SyncReport r) {
        if (!r.ok()) {
            return "failed (" + r.error() + "); retried with backoff";
        }
        return r.pushed() + " pushed, " + r.refused() + " refused by the hub, " + r.pulledEvents() + " events pulled, "
                + r.plansChanged() + " plans updated";
    }

    @Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "One round: pushes what was done here, pulls what happened elsewhere. Exit 3 when the hub is unreachable.")
    static final class Sync implements Callable<Integer> {
        private final CliSession session;

        Sync(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            HubService.SyncReport r = session.context().hub().syncOnce(session.environment()::get);
            session.out().println("Hub sync: " + describe(r) + ".");
            return r.ok() ? ExitCodes.OK : ExitCodes.UNREACHABLE;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "The hub this store syncs with, the last sync, the requests waiting to reach it and recent refusals.")
    static final class Status implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--json", description = "Print the status as JSON.")
        private boolean json;

        Status(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            var status = session.context().hub().status();
            if (json) {
                Json.print(session.out(), status.map(s -> new StatusJson(true, JdbcUrlSecrets.mask(s.link().jdbcUrl()), s.link().login(),
                        s.link().cursor(), s.link().lastSyncAt() == null ? null : s.link().lastSyncAt().toString(),
                        s.link().lastError().isEmpty() ? null : s.link().lastError(), s.link().failures(),
                        s.link().nextAttemptAt() == null ? null : s.link().nextAttemptAt().toString(), s.pending(),
                        s.refused().stream().map(r -> r.kind() + " " + r.planUid() + ": " + r.refusal()).toList()))
                        .orElse(new StatusJson(false, null, null, 0, null, null, 0, null, 0, List.of())));
                return ExitCodes.OK;
            }
            if (status.isEmpty()) {
                session.out().println("Not linked to a hub. Link with `knobwright hub connect --jdbc-url URL --user LOGIN"
                        + " --password-env VAR`.");
                return ExitCodes.OK;
            }
            var s = status.get();
            session.out().println("Hub: " + JdbcUrlSecrets.mask(s.link().jdbcUrl()) + " as " + s.link().login());
            session.out().println("Last successful sync: " + (s.link().lastSyncAt() == null ? "never" : s.link().lastSyncAt())
                    + "; hub events applied up to " + s.link().cursor());
            if (s.link().failing()) {
                session.out().println("Failing: " + s.link().failures() + " sync" + (s.link().failures() == 1 ? "" : "s")
                        + " in a row, last error: " + s.link().lastError() + "; next attempt " + s.link().nextAttemptAt());
            }
            session.out().println("Waiting to reach the hub: " + s.pending() + " request" + (s.pending() == 1 ? "" : "s"));
            s.refused().forEach(r -> session.out().println("Refused by the hub: " + r.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " of plan " + r.planUid() + " (" + r.refusal() + ")"));
            return ExitCodes.OK;
        }
    }

    @Command(name = "disconnect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Unlinks this store from the hub; requests not pushed yet stay queued for a later link.")
    static final class Disconnect implements Callable<Integer> {
        private final CliSession session;

        Disconnect(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            session.context().hub().disconnect(session.actor());
            session.out().println("Unlinked from the hub.");
            return ExitCodes.OK;
        }
    }
}
