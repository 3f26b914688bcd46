package io.knobwright.app.cli;

import io.knobwright.app.governance.PlanReview;
import io.knobwright.app.pdf.PlanPdfExport;
import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.file.UserFileWriter;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "export-pdf", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Writes a plan, or every plan (in a state), as a PDF for a change board: summary and ticket, the",
                "changes, risk and locks, approvals, rollback plan and audit trail; page numbers on every page."})
final class PlanExportPdfCommand implements Callable<Integer> {

    private final CliSession session;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "The plan to export.")
    private Long id;

    @Option(names = "--all", description = "Export every plan (with --state, those in that state), oldest first, in one document.")
    private boolean all;

    @Option(names = "--state", paramLabel = "STATE", description = "With --all: only plans in this state (draft, submitted,"
            + " approved, rejected, expired, bypassed, applied, rolled-back, cancelled).")
    private String state;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The PDF to write (a regular file, not a link or a device).")
    private Path out;

    @Option(names = "--force", description = "Replace FILE if it exists, keeping its permissions.")
    private boolean force;

    PlanExportPdfCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if ((id == null) == !all) {
            throw Cli.usage(spec.commandLine(), id == null ? "Name a plan ID, or --all for every plan."
                    : "Name a plan ID or --all, not both.");
        }
        if (state != null && !all) {
            throw Cli.usage(spec.commandLine(), "--state goes with --all (plan " + id + " is exported whatever its state).");
        }
        PlanState wanted = state == null ? null : state(state);
        UserFileWriter.Existing existing = force ? UserFileWriter.Existing.REPLACE : UserFileWriter.Existing.REFUSE;
        UserFileWriter.check(out, existing);
        var governance = session.context().governance();
        governance.sweep();
        List<Long> ids = all ? session.context().plans().plans().stream()
                .filter(p -> wanted == null || p.state() == wanted)
                .sorted(Comparator.comparingLong(ChangePlan::id)).map(ChangePlan::id).toList() : List.of(id);
        if (ids.isEmpty()) {
            throw UserError.input("No plans" + (wanted == null ? "" : " are " + state(wanted)) + "; nothing was written."
                    + " List them with: knobwright plan list");
        }
        List<PlanReview> reviews = ids.stream().map(governance::review).toList();
        Map<Long, ParameterCatalog> catalogs = session.context().plans()
                .catalogsOf(reviews.stream().map(r -> r.plan().instanceId()).distinct().toList());
        PlanPdfExport.Result[] written = new PlanPdfExport.Result[1];
        UserFileWriter.write(out, existing,
                stream -> written[0] = new PlanPdfExport().write(reviews, catalogs, Clock.systemDefaultZone(), stream));
        session.out().println("Wrote " + out.toAbsolutePath().normalize() + ": " + (reviews.size() == 1
                ? "plan " + reviews.getFirst().plan().id() : reviews.size() + " plans") + " on " + written[0].pages()
                + " page" + (written[0].pages() == 1 ? "" : "s"));
        return ExitCodes.OK;
    }

    private static PlanState state(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return PlanState.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw UserError.input("State '" + text + "' is not a plan state; use one of "
                    + String.join(", ", Arrays.stream(PlanState.values()).map(PlanExportPdfCommand::state).toList()) + ".");
        }
    }

    private static String state(PlanState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
