package io.knobwright.app.cli;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Removes one instance and its snapshots from the local store (the server is not touched).")
final class FleetRemoveCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(paramLabel = "ID|NAME", description = "The instance's id or exact name.")
    private String instance;

    FleetRemoveCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Instance i = session.context().fleet().require(instance);
        if (!session.context().fleet().remove(i.id())) {
            throw new StoreException("Instance '" + i.name() + "' was removed meanwhile by someone else; nothing left to do.");
        }
        session.out().println("Removed '" + Table.cell(i.name()) + "' (id " + i.id() + ").");
        return ExitCodes.OK;
    }
}
