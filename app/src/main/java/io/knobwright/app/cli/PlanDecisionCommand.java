package io.knobwright.app.cli;

import io.knobwright.app.governance.PlanReview;
import io.knobwright.model.catalog.ParameterCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code plan approve ID} and {@code plan reject ID}: one decision on the pending level, as the acting user. */
abstract class PlanDecisionCommand implements Callable<Integer> {

    protected final CliSession session;

    @Parameters(paramLabel = "ID")
    protected long id;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Why (required to reject).")
    protected String comment = "";

    @Option(names = "--json", description = "Print the plan and its governance as JSON.")
    protected boolean json;

    PlanDecisionCommand(CliSession session) {
        this.session = session;
    }

    static void report(CliSession session, PlanReview review, boolean json, String line) {
        if (json) {
            Optional<ParameterCatalog> catalog = Optional.ofNullable(session.context().plans()
                    .catalogsOf(List.of(review.plan().instanceId())).get(review.plan().instanceId()));
            Json.print(session.out(), ReviewJson.of(review, catalog));
        } else {
            session.out().println(line);
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Approves the pending level of a submitted plan as the acting user (--as). Refused (exit 4) for",
                    "the plan's author, for someone who already decided on it, and without the level's role or a delegation."})
    static final class Approve extends PlanDecisionCommand {
        Approve(CliSession session) {
            super(session);
        }

        @Override
        public Integer call() {
            PlanReview review = session.context().governance().approve(session.actor(), id, comment);
            report(session, review, json, "Approved plan " + id + " as " + review.decisions().getLast().who() + ": "
                    + review.progressText() + ".");
            AfterGovernedChange.afterChange(session);
            return ExitCodes.OK;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Rejects a submitted plan at its pending level; --comment says why and is required.")
    static final class Reject extends PlanDecisionCommand {
        Reject(CliSession session) {
            super(session);
        }

        @Override
        public Integer call() {
            PlanReview review = session.context().governance().reject(session.actor(), id, comment);
            report(session, review, json, "Rejected plan " + id + ".");
            AfterGovernedChange.afterChange(session);
            return ExitCodes.OK;
        }
    }

    @Command(name = "bypass", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Break glass: an operator marks a plan approved-by-bypass in an emergency. --reason is required;",
                    "a review item stays open until another reviewer closes it (plan close-review)."})
    static final class Bypass implements Callable<Integer> {
        private final CliSession session;

        @Parameters(paramLabel = "ID")
        private long id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "The incident and why approval cannot wait.")
        private String reason;

        @Option(names = "--json", description = "Print the plan and its governance as JSON.")
        private boolean json;

        Bypass(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            PlanReview review = session.context().governance().bypass(session.actor(), id, reason);
            report(session, review, json, "Plan " + id + " is approved by bypass; review item " + review.reviews().getFirst().id()
                    + " is open until a reviewer closes it with `knobwright plan close-review " + review.reviews().getFirst().id()
                    + " --comment ...`.");
            AfterGovernedChange.afterChange(session);
            return ExitCodes.OK;
        }
    }

    @Command(name = "close-review", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Closes the post-hoc review a break-glass bypass opened (a reviewer other than the operator).")
    static final class CloseReview implements Callable<Integer> {
        private final CliSession session;

        @Parameters(paramLabel = "REVIEW_ID")
        private long id;

        @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "What the review found.")
        private String comment;

        CloseReview(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            var item = session.context().governance().closeReview(session.actor(), id, comment);
            session.out().println("Closed review item " + item.id() + " of plan " + item.planId() + ".");
            AfterGovernedChange.afterChange(session);
            return ExitCodes.OK;
        }
    }
}
