package io.knobwright.app.cli;

import io.knobwright.model.file.UserFileWriter;
import io.knobwright.model.policy.Policy;
import io.knobwright.model.policy.PolicyFile;
import io.knobwright.model.policy.PolicyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The whole policy (locks, ordered approval rules, fallback) as a YAML file to version with your configuration.")
final class PolicyRulesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Cli.usage(spec.commandLine(), "Missing command: use import or export.");
    }

    @Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Replaces the policy with a YAML file (admins only). The file is checked whole first: on any",
                    "problem nothing changes and the message names the rule and key."})
    static final class Import implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "The policy file (YAML).")
        private Path file;

        @Option(names = "--comment", paramLabel = "TEXT", description = "Why (kept with the version and in the audit trail).")
        private String comment = "";

        Import(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            Policy policy = PolicyFile.readYaml(PolicyCommand.readFile(file), file.getFileName() == null ? file.toString()
                    : file.getFileName().toString());
            PolicyVersion v = session.context().policy().replace(session.actor(), policy,
                    comment.isBlank() ? "imported from " + file.getFileName() : comment);
            session.out().println("Imported " + policy.locks().size() + " lock" + (policy.locks().size() == 1 ? "" : "s") + " and "
                    + policy.rules().size() + " rule" + (policy.rules().size() == 1 ? "" : "s") + " (policy version " + v.version() + ").");
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Writes the policy in force as YAML; an existing file is replaced only with --force.")
    static final class Export implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "Where to write it.")
        private Path file;

        @Option(names = "--force", description = "Replace FILE if it exists.")
        private boolean force;

        Export(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            PolicyVersion v = session.context().policy().policy();
            UserFileWriter.writeString(file, PolicyCommand.existing(force), PolicyFile.writeYaml(v.policy()));
            session.out().println("Wrote policy version " + v.version() + " to " + file + ".");
            return ExitCodes.OK;
        }
    }
}
