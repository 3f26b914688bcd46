package io.knobwright.app.cli;

import io.knobwright.app.governance.PlanReview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "submit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Submits a draft plan for approval: its risk is computed and the first matching approval rule is",
                "copied into it (editing the policy later does not change what it needs)."})
final class PlanSubmitCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(paramLabel = "ID")
    private long id;

    @Option(names = "--ticket", paramLabel = "REF", description = "External change reference (e.g. CHG0012345).")
    private String ticket;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Why the change is needed.")
    private String comment = "";

    @Option(names = "--json", description = "Print the plan and its governance as JSON.")
    private boolean json;

    PlanSubmitCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        PlanReview review = session.context().governance().submit(session.actor(), id, ticket, comment);
        PlanDecisionCommand.report(session, review, json, "Submitted plan " + id + ": " + review.progressText() + ".");
        AfterGovernedChange.afterChange(session);
        return ExitCodes.OK;
    }
}
