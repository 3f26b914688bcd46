package io.knobwright.app.override;

import io.knobwright.app.apply.ApplyService;
import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.model.UserError;
import io.knobwright.model.apply.journal.ServerSession;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.fleet.CredentialVault;
import io.knobwright.model.fleet.Instance;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Opens a server session on a fleet instance: its connection, its credential from the vault, its own catalog. */
final class InstanceSessions {

    private final CredentialVault vault;
    private final Function<Long, Optional<ParameterCatalog>> catalogs;
    private final ApplyService.Sessions sessions;

    InstanceSessions(CredentialVault vault, Function<Long, Optional<ParameterCatalog>> catalogs, ApplyService.Sessions sessions) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    ParameterCatalog catalog(Instance instance) {
        return catalogs.apply(instance.id()).orElseThrow(() -> UserError.input("No catalog for "
                + instance.engine().displayName() + " " + instance.version() + " (" + instance.name() + "): nothing was changed."));
    }

    ServerSession open(Instance instance, ParameterCatalog catalog) {
        if (!instance.connectable()) {
            throw UserError.input(instance.name() + " has no connection (inventory only): register it with `knobwright fleet add`"
                    + " to change it.");
        }
        ConnectionTarget target = new ConnectionTarget(instance.connection().jdbcUrl(), instance.connection().user(),
                vault.open(instance.connection().credential(), instance.name()).orElse(null));
        return sessions.open(instance, target, catalog);
    }

    static void close(ServerSession session) {
        if (session instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // what was done is recorded; a connection that will not close changes nothing
            }
        }
    }
}
