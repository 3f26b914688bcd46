package io.knobwright.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "assign", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Makes an instance follow a template (NAME: always the newest version; NAME@3: pinned). Drift is measured against it.")
final class TemplateAssignCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--template", required = true, description = "NAME or NAME@VERSION.")
    private String template;

    @Option(names = "--instance", required = true, description = "Instance id or name.")
    private String instance;

    TemplateAssignCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        session.context().templates().assign(instance, template);
        session.out().println("'" + instance + "' now follows " + template + ".");
        return ExitCodes.OK;
    }
}
