package io.knobwright.app.cli;

import io.knobwright.app.template.ConfigurationRef;
import io.knobwright.model.diff.DiffRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Compares two configurations. REF is a template (NAME), a version (NAME@3) or an instance",
                "(instance:ID or instance:NAME, its newest snapshot). Equivalent spellings (1GB, 1024MB) are not differences."})
final class TemplateDiffCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--left", required = true, description = "REF")
    private String left;

    @Option(names = "--right", required = true, description = "REF")
    private String right;

    @Option(names = "--all", description = "Also list parameters that are the same on both sides.")
    private boolean all;

    @Option(names = "--json", description = "Print a JSON array of {name, left, right, change, ...}.")
    private boolean json;

    TemplateDiffCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<DiffRow> rows = session.context().templates().diff(ConfigurationRef.parse(left), ConfigurationRef.parse(right));
        List<DiffRow> shown = all ? rows : rows.stream().filter(DiffRow::isDifference).toList();
        if (json) {
            Json.print(session.out(), shown.stream().map(TemplateJson.DiffJson::of).toList());
            return ExitCodes.OK;
        }
        Table table = new Table("PARAMETER", left.toUpperCase(Locale.ROOT), right.toUpperCase(Locale.ROOT), "CHANGE", "APPLY");
        shown.forEach(r -> table.row(r.name(), Table.clip(r.left(), 40), Table.clip(r.right(), 40),
                r.change().name().toLowerCase(Locale.ROOT),
                r.applyMode() == null ? "" : r.applyMode().label()));
        table.print(session.out());
        long differences = rows.stream().filter(DiffRow::isDifference).count();
        session.out().println(differences + " difference" + (differences == 1 ? "" : "s") + " in " + rows.size() + " parameters.");
        return ExitCodes.OK;
    }
}
