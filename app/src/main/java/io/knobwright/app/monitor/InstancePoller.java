package io.knobwright.app.monitor;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.WorkloadCollectors;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialVault;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.CollectedWorkload;

/** Collects one poll of an instance; the monitor does not care how (a server, or a simulated one in the bench). */
@FunctionalInterface
public interface InstancePoller {

    CollectedWorkload poll(Instance instance);

    /** Connects with the instance's stored connection: its URL, user, and password from the credential vault. */
    static InstancePoller connecting(CredentialVault vault, WorkloadCollectors collectors) {
        return instance -> {
            if (!instance.connectable()) {
                throw UserError.input("Instance '" + instance.name() + "' has no connection (inventory only); register it"
                        + " with 'knobwright fleet add' to monitor it.");
            }
            ConnectionSpec spec = instance.connection();
            String password = vault.open(spec.credential(), instance.name()).orElse(null);
            return collectors.forUrl(spec.jdbcUrl()).collect(new ConnectionTarget(spec.jdbcUrl(), spec.user(), password));
        };
    }
}
