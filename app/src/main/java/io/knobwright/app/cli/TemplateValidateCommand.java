package io.knobwright.app.cli;

import io.knobwright.app.template.InstanceValidation;
import io.knobwright.model.catalog.CatalogSource;
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
                "A value only some builds of a version accept (lz4 compression) is a warning there.",
                "With --instance: checks against that instance's own server description instead (read by",
                "'fleet refresh'), so what that server accepts passes and what it refuses is an error.",
                "Exit code 1 when there are errors."})
final class TemplateValidateCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(paramLabel = "NAME[@VERSION]")
    private String reference;

    @Option(names = "--instance", paramLabel = "NAME",
            description = "Check against the catalog in force for this instance (name or id) only.")
    private String instance;

    @Option(names = "--json", description = "Print a JSON array of {severity, version, parameter, message}.")
    private boolean json;

    TemplateValidateCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<ValidationIssue> issues;
        if (instance != null) {
            InstanceValidation checked = session.context().templates().validateFor(reference, instance);
            issues = checked.issues();
            if (!json) {
                session.out().println(checked.source() == CatalogSource.SERVER
                        ? "Checked against " + checked.instance().name() + "'s own description of its parameters ("
                                + checked.instance().engine().displayName() + " " + checked.instance().fullVersion()
                                + ", read " + checked.readAt() + ")."
                        : "Checked against the shipped " + checked.instance().engine().displayName() + " "
                                + checked.instance().version() + " catalog: " + checked.instance().name()
                                + "'s server was never read ('knobwright fleet refresh " + checked.instance().name() + "').");
            }
        } else {
            issues = session.context().templates().validate(reference);
        }
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
