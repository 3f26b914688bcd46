package io.knobwright.app.cli;

import io.knobwright.app.bench.GovernanceBench;
import io.knobwright.app.bench.HubPropagationBench;
import io.knobwright.model.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "governance", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measures what governance adds to a plan submission (policy evaluation, risk, the copied rule, the",
                "audit record, queued webhooks) on a store in a temporary directory; your data directory is not touched.",
                "Exits with 0 when p99 is under 10 ms, 1 otherwise."})
final class BenchGovernanceCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--plans", paramLabel = "N", defaultValue = "2000", description = "Submissions measured (default ${DEFAULT-VALUE}).")
    private int plans;

    @Option(names = "--hub-url", paramLabel = "URL",
            description = {"Also measure a decision's way from one workbench to another through a hub on this PostgreSQL",
                    "server (e.g. jdbc:postgresql://127.0.0.1:5432/postgres); its superuser (--hub-superuser) creates a",
                    "scratch database and two logins, dropped afterwards."})
    private String hubUrl;

    @Option(names = "--hub-superuser", paramLabel = "USER", defaultValue = "postgres", description = "Default ${DEFAULT-VALUE}.")
    private String hubSuperuser;

    @Option(names = "--decisions", paramLabel = "N", defaultValue = "20", description = "Decisions timed through the hub (default ${DEFAULT-VALUE}).")
    private int decisions;

    BenchGovernanceCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (plans < 10 || plans > 100_000) {
            throw UserError.input("--plans must be between 10 and 100000, got " + plans + ".");
        }
        GovernanceBench.Result result;
        boolean hubMet = true;
        try (PrintStream out = WriterStream.of(session.out())) {
            result = GovernanceBench.run(plans, out);
            if (hubUrl != null) {
                try {
                    hubMet = HubPropagationBench.run(hubUrl, hubSuperuser, decisions, out).meetsTarget();
                } catch (java.sql.SQLException e) {
                    throw new io.knobwright.connectors.ConnectorException("Could not prepare the hub on " + hubUrl + ": " + e.getMessage(), e);
                } catch (Exception e) {
                    throw new IllegalStateException("The hub bench failed: " + e.getMessage(), e);
                }
            } else {
                out.println("Hub propagation: not measured (give --hub-url jdbc:postgresql://127.0.0.1:5432/postgres).");
            }
        }
        if (result.meetsTargets() && hubMet) {
            return ExitCodes.OK;
        }
        session.err().println("knobwright: governance missed its target (figures above).");
        return ExitCodes.USER_ERROR;
    }
}
