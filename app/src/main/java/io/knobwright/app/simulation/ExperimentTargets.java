package io.knobwright.app.simulation;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.PostgresDialect;
import io.knobwright.connectors.load.FingerprintReplay;
import io.knobwright.connectors.load.LoadDriver;
import io.knobwright.connectors.load.LoadScript;
import io.knobwright.connectors.load.PgbenchSchema;
import io.knobwright.connectors.postgres.PostgresFailures;
import io.knobwright.connectors.postgres.SessionSettingCheck;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialVault;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.QueryRepository;
import io.knobwright.model.workload.TopOrder;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Where an experiment runs: an instance of the fleet (session settings only, on its own data) or a sandbox that
 * Knobwright starts (any setting, restarted to apply; pgbench tables or a setup file). Also builds a replay of an
 * instance's top fingerprints.
 */
public final class ExperimentTargets {

    /** Fingerprints a replay draws on at most. */
    static final int REPLAY_TOP = 20;

    private final CredentialVault vault;
    private final QueryRepository queries;

    public ExperimentTargets(CredentialVault vault, QueryRepository queries) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    /** One server under test for the length of an experiment. */
    interface Target extends AutoCloseable {
        /** The instance's name, or "sandbox:NAME". */
        String name();

        /** The instance it runs on or stands for, 0 when none. */
        long instanceId();

        String hardwareClass();

        /** The script's :scale: the pgbench tables' own scale where there are some, else {@code requested}. */
        int scale(int requested);

        /** Puts {@code configuration} in force; returns the settings each client's session must SET. */
        Map<String, String> prepare(Map<String, String> configuration);

        DefaultExperimentService.Measured measure(LoadScript script, LoadDriver.Options options,
                                                  Consumer<LoadDriver.Progress> progress, BooleanSupplier cancelled);

        /** What the user must know to read the results (a version gap). */
        List<String> notes();

        @Override
        void close();
    }

    /**
     * An instance: the settings of every configuration are checked before anything runs, and any that a session may
     * not SET (context other than user) is refused with the reason.
     */
    Target instance(Instance instance, List<Map<String, String>> configurations) {
        ConnectionSpec spec = instance.connection();
        String password = vault.open(spec.credential(), instance.name()).orElse(null);
        ConnectionTarget target = new ConnectionTarget(spec.jdbcUrl(), spec.user(), password);
        JdbcGate.Admitted admitted = JdbcGate.admit(PostgresDialect.INSTANCE, target, ConnectorTimeouts.DEFAULT);
        LoadDriver.Connections connections = () -> {
            try {
                return admitted.connect();
            } catch (SQLException failure) {
                throw PostgresFailures.translate(failure, admitted.url(), target, admitted.target(), admitted.timeouts());
            }
        };
        Set<String> names = new LinkedHashSet<>();
        configurations.forEach(c -> names.addAll(c.keySet()));
        int pgbenchScale;
        try (Connection c = connections.open()) {
            SessionSettingCheck.requireSessionLevel(c, names, "On an instance only settings a session may change with"
                    + " SET are tried; try it on a sandbox (--sandbox), where Knobwright restarts the server.");
            pgbenchScale = pgbenchScale(c);
        } catch (SQLException e) {
            throw new io.knobwright.connectors.ConnectorException("Could not check the settings on '" + instance.name()
                    + "': " + e.getMessage(), e);
        }
        String hardware = HardwareClass.of(instance.hardware());
        return new Target() {
            @Override
            public String name() {
                return instance.name();
            }

            @Override
            public long instanceId() {
                return instance.id();
            }

            @Override
            public String hardwareClass() {
                return hardware;
            }

            @Override
            public int scale(int requested) {
                return pgbenchScale > 0 ? pgbenchScale : requested;
            }

            @Override
            public Map<String, String> prepare(Map<String, String> configuration) {
                return configuration;
            }

            @Override
            public DefaultExperimentService.Measured measure(LoadScript script, LoadDriver.Options options,
                                                             Consumer<LoadDriver.Progress> progress,
                                                             BooleanSupplier cancelled) {
                return Measurement.run(connections, script, options, progress, cancelled);
            }

            @Override
            public List<String> notes() {
                return List.of();
            }

            @Override
            public void close() {
                // each run opens and closes its own connections
            }
        };
    }

    /** A sandbox started with the first configuration, loaded with a setup file or pgbench tables at the scale. */
    Target sandbox(io.knobwright.app.simulation.ExperimentService.Request request, Instance standsFor) {
        Map<String, String> first = request.settings();
        Sandbox.Data data = request.setup() != null ? Sandbox.Data.sqlFile(request.setup()) : pgbench(request.scale());
        Sandbox sandbox = Sandbox.start(request.sandbox(), first, data, standsFor == null ? null : standsFor.version());
        String hardware = HardwareClass.of(HardwareClass.localMachine());
        int loadedScale;
        try (Connection c = sandbox.connect()) {
            loadedScale = pgbenchScale(c);
        } catch (SQLException | RuntimeException e) {
            sandbox.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        return new Target() {
            @Override
            public String name() {
                return sandbox.target();
            }

            @Override
            public long instanceId() {
                return standsFor == null ? 0 : standsFor.id();
            }

            @Override
            public String hardwareClass() {
                return hardware;
            }

            @Override
            public int scale(int requested) {
                return loadedScale > 0 ? loadedScale : requested;
            }

            @Override
            public Map<String, String> prepare(Map<String, String> configuration) {
                if (!configuration.equals(sandbox.settings())) {
                    sandbox.restart(configuration);
                }
                return Map.of();
            }

            @Override
            public DefaultExperimentService.Measured measure(LoadScript script, LoadDriver.Options options,
                                                             Consumer<LoadDriver.Progress> progress,
                                                             BooleanSupplier cancelled) {
                return Measurement.run(sandbox::connect, script, options, progress, cancelled);
            }

            @Override
            public List<String> notes() {
                return sandbox.versionNote().map(List::of).orElse(List.of());
            }

            @Override
            public void close() {
                sandbox.close();
            }
        };
    }

    private static Sandbox.Data pgbench(int scale) {
        return new Sandbox.Data() {
            @Override
            public void load(Connection connection) {
                PgbenchSchema.create(connection, scale);
            }

            @Override
            public String describe() {
                return "pgbench tables at scale " + scale;
            }
        };
    }

    /** The scale of the pgbench tables in the database, 0 when it has none. */
    private static int pgbenchScale(Connection c) {
        try {
            return PgbenchSchema.scaleOf(c);
        } catch (UserError none) {
            rollbackQuietly(c);
            return 0;
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is closed next
        }
    }

    /**
     * A replay of an instance's top fingerprints by calls, from the examples its imported logs hold (wl-load's
     * {@link FingerprintReplay}), read-only statements only: a replay runs on the instance itself and must not change
     * its data.
     */
    FingerprintReplay.Replay replay(long instanceId) {
        return FingerprintReplay.of("replay", queries.top(instanceId, TopOrder.CALLS, REPLAY_TOP), false);
    }
}
