package io.knobwright.app.cli;

import io.knobwright.model.UserError;
import io.knobwright.model.fleet.inventory.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Imports an inventory file (CSV or JSON): good rows are stored, bad rows are reported with their reason.",
                "Exits with 1 when any row was rejected, after printing the full report."})
final class FleetImportCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "Inventory in CSV or JSON.")
    private Path file;

    @Option(names = "--json", description = "Print the report as JSON.")
    private boolean json;

    FleetImportCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw UserError.input("No inventory file at '" + file + "'. Check the path.");
        }
        if (!Files.isReadable(file)) {
            throw UserError.input("Cannot read '" + file + "': permission denied.");
        }
        ImportReport report = session.context().fleet().importInventory(file);
        if (json) {
            Json.print(session.out(), CliJson.ImportJson.of(report));
        } else {
            session.out().println("Imported " + report.imported().size() + " instance(s), rejected "
                    + report.rejected().size() + " row(s).");
            report.rejected().forEach(r -> session.out().println("  row " + r.row() + ": " + Table.cell(r.reason())));
        }
        if (report.rejected().isEmpty()) {
            return ExitCodes.OK;
        }
        session.out().flush();
        session.err().println("knobwright: " + report.rejected().size() + " row(s) of " + file
                + " were rejected (see the report); the other rows were imported.");
        return ExitCodes.USER_ERROR;
    }
}
