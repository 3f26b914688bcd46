package io.knobwright.app.cli;

import io.knobwright.model.template.ValidationIssue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Checks a template against the catalog of every engine version it targets: unknown or removed",
                "parameters, values out of range, type and unit errors, and which changes need a restart.",
                "Exit code 1 when there are errors."})
final class TemplateValidateCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(paramLabel = "NAME[@VERSION]")
    private String reference;

    @Option(names = "--json", description = "Print a JSON array of {severity, version, parameter, message}.")
    private boolean json;

    TemplateValidateCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<ValidationIssue> issues = session.context().templates().validate(reference);
        long errors = issues.stream().filter(i -> i.severity() == ValidationIssue.Severity.ERROR).count();
        if (json) {
            Json.print(session.out(), issues.stream().map(TemplateJson.IssueJson::of).toList());
        } else {
            Table table = new Table("SEVERITY", "VERSION", "PARAMETER", "MESSAGE");
            issues.forEach(i -> table.row(i.severity().name().toLowerCase(Locale.ROOT), i.version(), i.parameter(),
                    Table.clip(i.message(), 110)));
            table.print(session.out());
            session.out().println(errors == 0 ? "No errors." : errors + " error" + (errors == 1 ? "." : "s."));
        }
        return errors == 0 ? ExitCodes.OK : ExitCodes.USER_ERROR;
    }
}
