package io.knobwright.app.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "remove-demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Removes the seeded demo fleet; instances you registered or imported stay.")
final class FleetRemoveDemoCommand implements Callable<Integer> {

    private final CliSession session;

    FleetRemoveDemoCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        int removed = session.context().fleet().removeDemoFleet();
        session.out().println(removed == 0 ? "No demo instances to remove." : "Removed " + removed + " demo instance(s).");
        return ExitCodes.OK;
    }
}
