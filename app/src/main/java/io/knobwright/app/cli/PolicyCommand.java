package io.knobwright.app.cli;

import io.knobwright.model.UserError;
import io.knobwright.model.file.UserFileWriter;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import io.knobwright.model.policy.PolicyFile;
import io.knobwright.model.policy.PolicyVersion;
import io.knobwright.model.text.ReadLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "policy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Locked parameters and approval rules. Only admins change them; every change is a new version,",
                "audited with its before and after."})
final class PolicyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Cli.usage(spec.commandLine(), "Missing command: use one of lock, unlock, list, rules, webhooks.");
    }

    static LockScope scope(String text) {
        try {
            return LockScope.parse(text);
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        }
    }

    static ParameterPattern parameter(String text) {
        try {
            return new ParameterPattern(text);
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        }
    }

    static void printed(CliSession session, PolicyVersion v, String what) {
        session.out().println(what + " (policy version " + v.version() + ").");
    }

    @Command(name = "lock", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Locks a critical parameter on a scope: plans touching it are high risk and never applied unapproved.")
    static final class Lock implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--parameter", required = true, paramLabel = "NAME", description = "A parameter, or a pattern with * (enable_*).")
        private String parameter;

        @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "all",
                description = "all, engine:NAME, tier:NAME, tag:KEY=VALUE or instance:NAME (default: ${DEFAULT-VALUE}).")
        private String scope;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why it is locked; shown to whoever meets the lock.")
        private String reason = "";

        Lock(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            LockRule lock = new LockRule(scope(scope), parameter(parameter), reason);
            printed(session, session.context().policy().lock(session.actor(), lock, reason), "Locked " + lock);
            return ExitCodes.OK;
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Removes a lock (the same parameter and scope it was locked with).")
    static final class Unlock implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--parameter", required = true, paramLabel = "NAME", description = "The parameter or pattern as locked.")
        private String parameter;

        @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "all", description = "The scope as locked (default: ${DEFAULT-VALUE}).")
        private String scope;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why it is unlocked (kept in the audit trail).")
        private String reason = "";

        Unlock(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            printed(session, session.context().policy().unlock(session.actor(), scope(scope), parameter(parameter), reason),
                    "Unlocked " + parameter + " on " + scope);
            return ExitCodes.OK;
        }
    }

    record PolicyJson(int version, String changedBy, String changedAt, String comment, List<LockJson> locks,
                      List<RuleJson> rules, RuleJson fallback) {
    }

    record LockJson(String parameter, String scope, String reason) {
    }

    record RuleJson(String name, String chain, boolean anyPlan, String escalateAfter, String escalateTo, String expireAfter) {
        static RuleJson of(io.knobwright.model.policy.ApprovalRule r) {
            return new RuleJson(r.name(), r.chainText(), r.match().isAny(), text(r.escalateAfter()),
                    r.escalateTo() == null ? null : r.escalateTo().name(), text(r.expireAfter()));
        }

        private static String text(java.time.Duration d) {
            return d == null ? null : d.toString();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Shows the policy in force: locks, approval rules in order, the fallback.")
    static final class ListPolicy implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--json", description = "Print the policy as JSON.")
        private boolean json;

        ListPolicy(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            PolicyVersion v = session.context().policy().policy();
            var p = v.policy();
            if (json) {
                Json.print(session.out(), new PolicyJson(v.version(), v.changedBy(), v.changedAt().toString(), v.comment(),
                        p.locks().stream().map(l -> new LockJson(l.parameter().text(), l.scope().toString(), l.reason())).toList(),
                        p.rules().stream().map(RuleJson::of).toList(), RuleJson.of(p.fallback())));
                return ExitCodes.OK;
            }
            session.out().println("Policy version " + v.version() + (v.version() == 0 ? " (built-in)" : ", by " + v.changedBy()
                    + " at " + v.changedAt()) + (v.comment().isEmpty() ? "" : ": " + v.comment()));
            if (p.locks().isEmpty()) {
                session.out().println("No parameters are locked.");
            } else {
                Table locks = new Table("LOCKED", "SCOPE", "REASON");
                p.locks().forEach(l -> locks.row(l.parameter().text(), l.scope(), l.reason()));
                locks.print(session.out());
            }
            Table rules = new Table("#", "RULE", "APPLIES TO", "APPROVALS", "ESCALATION", "EXPIRY");
            for (int i = 0; i < p.rules().size(); i++) {
                var r = p.rules().get(i);
                rules.row(i + 1, r.name(), r.match().isAny() ? "any plan" : "matching plans", r.chainText(),
                        r.escalateAfter() == null ? "" : r.escalateTo() + " after " + r.escalateAfter(),
                        r.expireAfter() == null ? "" : r.expireAfter());
            }
            var f = p.fallback();
            rules.row("-", f.name() + " (fallback)", "the rest", f.chainText(),
                    f.escalateAfter() == null ? "" : f.escalateTo() + " after " + f.escalateAfter(), f.expireAfter() == null ? "" : f.expireAfter());
            rules.print(session.out());
            return ExitCodes.OK;
        }
    }

    /** Reads a user's file whole as UTF-8, with a message for each way it can fail. */
    static String readFile(Path file) {
        try {
            if (Files.size(file) > ReadLimits.MAX_YAML) {
                throw UserError.input(file + " is larger than " + ReadLimits.MAX_YAML + " bytes: not a policy file");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw UserError.input("No file " + file);
        } catch (MalformedInputException e) {
            throw UserError.input(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw UserError.input("Cannot read " + file + ": " + e.getMessage());
        }
    }

    static UserFileWriter.Existing existing(boolean force) {
        return force ? UserFileWriter.Existing.REPLACE : UserFileWriter.Existing.REFUSE;
    }
}
