package io.knobwright.app.testing;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.EngineConnector;
import io.knobwright.connectors.ServerInfo;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.LiveSetting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Serves jdbc:fake: URLs with a scripted server: its version, its settings, or a refusal.
 * Records every target it was asked to connect to, so tests can check which password was used.
 */
public final class FakeConnector implements EngineConnector {

    private volatile ServerInfo server = new ServerInfo(new EngineVersion(Engine.POSTGRESQL, "16"), "16.4",
            HardwareFacts.probed(8, 32L << 30, DiskType.UNKNOWN, 0));
    private volatile List<LiveSetting> settings = List.of(
            new LiveSetting("shared_buffers", "16384", "8kB", "configuration file", false),
            new LiveSetting("max_connections", "100", null, "default", false));
    private volatile ParameterCatalog catalog;
    private volatile String refusal;
    private volatile String settingsFailure;
    private volatile RuntimeException crash;
    private final List<ConnectionTarget> targets = new ArrayList<>();

    public FakeConnector server(Engine engine, String fullVersion) {
        this.server = new ServerInfo(EngineVersion.fromServerVersion(engine, fullVersion), fullVersion, HardwareFacts.UNKNOWN);
        return this;
    }

    /** What the server's probe finds about its machine from now on. */
    public FakeConnector hardware(HardwareFacts found) {
        this.server = new ServerInfo(server.version(), server.fullVersion(), found);
        return this;
    }

    public FakeConnector settings(List<LiveSetting> settings) {
        this.settings = List.copyOf(settings);
        return this;
    }

    /** The server describes its own parameters with this catalog (none by default, as MySQL). */
    public FakeConnector describes(ParameterCatalog catalog) {
        this.catalog = catalog;
        return this;
    }

    /** Every connection attempt fails with this message, as a real connector reports an unreachable server. */
    public FakeConnector refuse(String message) {
        this.refusal = message;
        return this;
    }

    /** Every connection attempt fails with this exception, as a bug in a connector would. */
    public FakeConnector crash(RuntimeException bug) {
        this.crash = bug;
        return this;
    }

    /** Connects, but fails while reading settings. */
    public FakeConnector failReadingSettings(String message) {
        this.settingsFailure = message;
        return this;
    }

    public synchronized List<ConnectionTarget> targets() {
        return List.copyOf(targets);
    }

    @Override
    public Set<Engine> engines() {
        return Set.of(Engine.values());
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:fake:");
    }

    @Override
    public ServerInfo probe(ConnectionTarget target) {
        connect(target);
        return server;
    }

    /** The probe and the settings; a fake server asks for no privileges. */
    @Override
    public io.knobwright.connectors.ConnectionReport check(ConnectionTarget target) {
        return new io.knobwright.connectors.ConnectionReport(probe(target), target.user(), readSettings(target).size(), List.of());
    }

    @Override
    public List<LiveSetting> readSettings(ConnectionTarget target) {
        connect(target);
        if (settingsFailure != null) {
            throw new ConnectorException(settingsFailure);
        }
        return settings;
    }

    @Override
    public Optional<ParameterCatalog> readCatalog(ConnectionTarget target) {
        connect(target);
        return Optional.ofNullable(catalog);
    }

    private synchronized void connect(ConnectionTarget target) {
        targets.add(target);
        if (crash != null) {
            throw crash;
        }
        if (refusal != null) {
            throw new ConnectorException(refusal);
        }
    }
}
