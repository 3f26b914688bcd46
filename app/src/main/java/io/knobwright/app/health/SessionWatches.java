package io.knobwright.app.health;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.postgres.PostgresSessionSampler;
import io.knobwright.model.UserError;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.KnobwrightStore;

import java.time.Clock;
import java.util.Objects;

/** Opens a {@link ConnectionWatch} on an instance with its stored login (decision 0131). Blocking: off the FX thread. */
public final class SessionWatches {

    private final KnobwrightStore store;
    private final Clock clock;

    public SessionWatches(KnobwrightStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A watch of the instance's sessions, not started; PostgreSQL only. */
    public ConnectionWatch open(Instance instance) {
        if (instance.engine() != Engine.POSTGRESQL || !instance.connectable()) {
            throw UserError.input("Sessions are sampled once a second on PostgreSQL instances with a connection; "
                    + instance.name() + " is " + (instance.connectable() ? instance.engine().displayName() : "inventory only")
                    + ". Imported logs (log_connections) show its connection storms.");
        }
        ConnectionSpec spec = instance.connection();
        String password = store.vault().open(spec.credential(), instance.name()).orElse(null);
        return new ConnectionWatch(PostgresSessionSampler.open(new ConnectionTarget(spec.jdbcUrl(), spec.user(), password), clock));
    }
}
