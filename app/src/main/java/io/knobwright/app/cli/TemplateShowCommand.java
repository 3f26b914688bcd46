package io.knobwright.app.cli;

import io.knobwright.app.template.TemplateService;
import io.knobwright.model.template.TemplateResolver;
import io.knobwright.model.template.TemplateVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Shows a template's entries in force (own and inherited), or its version history.")
final class TemplateShowCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(paramLabel = "NAME[@VERSION]", description = "The template, optionally a version of it.")
    private String reference;

    @Option(names = "--history", description = "List the saved versions instead.")
    private boolean history;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    TemplateShowCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        TemplateService templates = session.context().templates();
        TemplateVersion version = templates.require(reference);
        if (history) {
            List<TemplateVersion> versions = templates.history(version.name());
            if (json) {
                Json.print(session.out(), versions.stream().map(TemplateJson.TemplateSummary::of).toList());
            } else {
                Table table = new Table("VERSION", "SAVED", "AUTHOR", "COMMENT");
                versions.forEach(v -> table.row("v" + v.version(), v.savedAt(), v.author(), Table.clip(v.comment(), 70)));
                table.print(session.out());
            }
            return ExitCodes.OK;
        }
        List<TemplateResolver.EffectiveEntry> entries = templates.effectiveEntries(reference);
        if (json) {
            Json.print(session.out(), new TemplateJson.TemplateDetail(TemplateJson.TemplateSummary.of(version),
                    version.template().targetVersions(), entries.stream().map(TemplateJson.EntryJson::of).toList()));
            return ExitCodes.OK;
        }
        session.out().println(version.name() + " v" + version.version() + " (" + version.template().engine().displayName()
                + (version.template().parent() == null ? "" : ", inherits " + version.template().parent())
                + (version.template().builtIn() ? ", built-in, read-only" : "") + ")");
        if (!version.template().description().isBlank()) {
            session.out().println(version.template().description());
        }
        session.out().println();
        Table table = new Table("PARAMETER", "VALUE", "SET BY", "LOCKED", "RATIONALE");
        entries.forEach(e -> table.row(e.entry().parameter(), e.display(), e.from().name() + " v" + e.from().version(),
                e.locked() ? "locked" : "", Table.clip(e.entry().rationale(), 70)));
        table.print(session.out());
        return ExitCodes.OK;
    }
}
