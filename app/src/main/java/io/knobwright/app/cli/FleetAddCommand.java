package io.knobwright.app.cli;

import io.knobwright.app.fleet.Registration;
import io.knobwright.model.UserError;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "add", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Registers a live server: connects, detects engine and version, stores the instance and a first",
                "snapshot of its settings. Nothing is stored when the server cannot be read.",
                "",
                "There is deliberately no --password option: a password on the command line ends up in shell",
                "history and in 'ps' output. Use --password-env VAR (only the variable name is stored; the",
                "password is read from it at each connection) or --password-stdin (stored sealed, AES-GCM)."})
final class FleetAddCommand implements Callable<Integer> {

    private final CliSession session;

    @Spec
    private CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Unique name of the instance.")
    private String name;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
            description = "e.g. jdbc:postgresql://db1:5432/postgres or jdbc:mariadb://db2:3306/mysql")
    private String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", description = "Database user.")
    private String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Environment variable that holds the password; read at every connection, never stored.")
    private String passwordEnv;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input; it is stored sealed.")
    private boolean passwordStdin;

    /** Accepted only to explain why it is refused; never used as a password. */
    @Option(names = "--password", hidden = true, arity = "0..1", fallbackValue = "")
    private String refusedPassword;

    @Option(names = "--tier", paramLabel = "TIER", description = "production, staging, test or development (default development).")
    private String tier;

    @Option(names = "--criticality", paramLabel = "C", description = "low, medium, high or critical (default medium).")
    private String criticality;

    @Option(names = "--workload", paramLabel = "W", description = "oltp, olap, mixed, web or desktop (default mixed).")
    private String workload;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A label, e.g. team=payments (repeatable).")
    private List<String> tags;

    @Option(names = "--json", description = "Print the new instance as JSON.")
    private boolean json;

    FleetAddCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        if (refusedPassword != null) {
            throw Cli.usage(spec.commandLine(), "--password is not accepted: a password on the command line leaks into"
                    + " shell history and 'ps' output. Use --password-env VAR or --password-stdin.");
        }
        if (passwordEnv != null && passwordStdin) {
            throw Cli.usage(spec.commandLine(), "Give --password-env or --password-stdin, not both.");
        }
        Registration registration = new Registration(name, jdbcUrl, user, passwordStdin ? readPassword() : null,
                passwordEnv, tier == null ? null : Tier.parse(tier),
                criticality == null ? null : Criticality.parse(criticality),
                workload == null ? null : WorkloadKind.parse(workload), Tags.parse(tags));
        Instance instance = session.context().fleet().register(registration);
        EngineVersion version = new EngineVersion(instance.engine(), instance.version());
        if (session.catalogs().find(version).isEmpty()) {
            session.err().println("knobwright: warning: no parameter catalog for " + version
                    + "; settings were read, but validation and recommendations need one. Catalogued versions: "
                    + String.join(", ", instance.engine().supportedVersions()) + ".");
        }
        if (json) {
            Json.print(session.out(), CliJson.InstanceJson.of(instance));
        } else {
            int settings = session.context().fleet().latestSnapshot(instance.id()).map(s -> s.settings().size()).orElse(0);
            session.out().println("Registered '" + Table.cell(instance.name()) + "' as id " + instance.id() + ": "
                    + instance.engine().displayName() + " " + instance.fullVersion() + ", " + settings + " settings in the first snapshot.");
        }
        return ExitCodes.OK;
    }

    private String readPassword() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(session.in(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || line.isEmpty()) {
            throw UserError.input("--password-stdin: " + (line == null ? "nothing on standard input" : "the first line is empty")
                    + ". Pipe the password in, e.g. 'pass show db1 | knobwright fleet add ... --password-stdin',"
                    + " or leave --password-stdin out for a server that needs no password.");
        }
        return line;
    }
}
