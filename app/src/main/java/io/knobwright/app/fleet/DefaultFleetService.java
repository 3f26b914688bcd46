package io.knobwright.app.fleet;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.ConnectorRegistry;
import io.knobwright.connectors.EngineConnector;
import io.knobwright.connectors.ServerInfo;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.model.UserError;
import io.knobwright.model.text.Names;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.CredentialVault;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.JdbcUrlSecrets;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.inventory.ImportReport;
import io.knobwright.model.fleet.inventory.InventoryImport;
import io.knobwright.model.store.UnitOfWork;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The fleet as both front ends see it: the store for facts and snapshots, the connectors for live servers.
 *
 * <p>Registration and refresh are all-or-nothing: everything that talks to the server (probe, settings)
 * happens before anything is stored, and what they store (the instance or its new facts, and the snapshot)
 * is written in one transaction, so a failure never leaves an instance without its snapshot behind.
 */
public final class DefaultFleetService implements FleetService {

    private final UnitOfWork store;
    private final CredentialVault vault;
    private final ConnectorRegistry connectors;
    private final InventoryImport inventory;
    private final Function<String, String> environment;
    private final Clock clock;

    /** @param environment reads an environment variable (System::getenv outside tests); null when unset */
    public DefaultFleetService(UnitOfWork store, CredentialVault vault, ConnectorRegistry connectors,
                               InventoryImport inventory, Function<String, String> environment, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Instance> list() {
        return store.instances().findAll();
    }

    @Override
    public Optional<Instance> find(long id) {
        return store.instances().findById(id);
    }

    @Override
    public Map<Long, Instance> findAll(Collection<Long> ids) {
        return store.instances().findByIds(ids);
    }

    @Override
    public Instance require(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            throw UserError.input("Name an instance by its id or its name.");
        }
        Optional<Instance> byName = store.instances().findByName(idOrName);
        if (byName.isPresent()) {
            return byName.get();
        }
        if (idOrName.chars().allMatch(Character::isDigit) && idOrName.length() < 19) {
            Optional<Instance> byId = store.instances().findById(Long.parseLong(idOrName));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        throw UserError.input("No instance '" + idOrName + "'. See 'knobwright fleet list' for ids and names.");
    }

    @Override
    public ServerInfo testConnection(String jdbcUrl, String user, String password) {
        ConnectionTarget target = new ConnectionTarget(validUrl(jdbcUrl), user, password);
        return connectorFor(jdbcUrl).probe(target);
    }

    @Override
    public Instance register(Registration registration) {
        Objects.requireNonNull(registration, "registration");
        String name = validName(registration.name());
        validTags(registration.tags());
        String url = validUrl(registration.jdbcUrl());
        if (store.instances().findByName(name).isPresent()) {
            throw UserError.input("An instance named '" + name + "' already exists. Pick another name or remove it first.");
        }
        EngineConnector connector = connectorFor(url);
        // A password written into the URL is taken out and sealed like --password-stdin: the URL is stored as text
        UrlLogin login = UrlLogin.of(url, registration);
        String password = login.password() != null ? login.password() : passwordFromEnvironment(registration.passwordEnv());
        ConnectionTarget target = new ConnectionTarget(login.url(), login.user(), password);

        ServerInfo info = connector.probe(target);
        List<LiveSetting> settings = connector.readSettings(target);
        Optional<ParameterCatalog> catalog = connector.readCatalog(target);

        CredentialRef credential = login.password() != null ? vault.seal(login.password())
                : registration.passwordEnv() != null ? new CredentialRef.EnvironmentVariable(registration.passwordEnv())
                : CredentialRef.NONE;
        Instance fresh = new Instance(0, name, info.version().engine(), info.version().major(), info.fullVersion(),
                new ConnectionSpec(login.url(), target.user(), credential), registration.tags(), registration.tier(),
                registration.criticality(), registration.workload(), info.hardware(), false);
        return store.transactionResult(tx -> {
            Instance stored = tx.instances().save(fresh);
            tx.snapshots().save(new SettingsSnapshot(stored.id(), clock.instant(), info.fullVersion(), settings, info.hardware()));
            catalog.ifPresent(c -> tx.serverCatalogs().record(stored.id(), c, clock.instant()));
            return stored;
        });
    }

    @Override
    public Instance update(Instance instance) {
        Objects.requireNonNull(instance, "instance");
        Instance current = store.instances().findById(instance.id()).orElseThrow(() ->
                UserError.input("No instance with id " + instance.id() + "; it may have been removed meanwhile."));
        String name = validName(instance.name());
        validTags(instance.tags());
        if (!name.equals(current.name()) && store.instances().findByName(name).isPresent()) {
            throw UserError.input("An instance named '" + name + "' already exists. Pick another name.");
        }
        return store.instances().save(instance);
    }

    @Override
    public boolean remove(long id) {
        return store.instances().delete(id);
    }

    @Override
    public int removeDemoFleet() {
        return store.instances().deleteDemoInstances();
    }

    @Override
    public SettingsSnapshot refresh(long id) {
        Instance instance = store.instances().findById(id).orElseThrow(() ->
                UserError.input("No instance with id " + id + ". See 'knobwright fleet list'."));
        if (!instance.connectable()) {
            throw UserError.input("Instance '" + instance.name()
                    + "' has no connection (inventory only); register it with 'knobwright fleet add' to read its settings.");
        }
        ConnectionSpec spec = instance.connection();
        EngineConnector connector = connectorFor(spec.jdbcUrl());
        ConnectionTarget target = new ConnectionTarget(spec.jdbcUrl(), spec.user(), vault.open(spec.credential()).orElse(null));
        ServerInfo info = connector.probe(target);
        List<LiveSetting> settings = connector.readSettings(target);
        Optional<ParameterCatalog> catalog = connector.readCatalog(target);
        // Probed facts follow the server; what a user entered stays (the snapshot keeps what the server said).
        HardwareFacts hardware = instance.hardware().updatedBy(info.hardware());
        boolean changed = !info.fullVersion().equals(instance.fullVersion()) || !info.version().major().equals(instance.version())
                || !hardware.equals(instance.hardware());
        return store.transactionResult(tx -> {
            if (changed) {
                // An upgrade since the last look, or other hardware: the facts follow the server, with the settings
                // and the parameter description that go with them.
                tx.instances().save(new Instance(instance.id(), instance.name(), instance.engine(), info.version().major(),
                        info.fullVersion(), spec, instance.tags(), instance.tier(), instance.criticality(),
                        instance.workload(), hardware, instance.demo()));
            }
            SettingsSnapshot snapshot = tx.snapshots().save(new SettingsSnapshot(id, clock.instant(), info.fullVersion(),
                    settings, info.hardware()));
            catalog.ifPresent(c -> tx.serverCatalogs().record(id, c, snapshot.takenAt()));
            return snapshot;
        });
    }

    @Override
    public Optional<SettingsSnapshot> latestSnapshot(long id) {
        return store.snapshots().latest(id);
    }

    @Override
    public Map<Long, SettingsSnapshot> latestSnapshots(Collection<Long> ids, Set<String> names) {
        return store.snapshots().latestOf(ids, names);
    }

    @Override
    public ImportReport importInventory(Path file) {
        Objects.requireNonNull(file, "file");
        return inventory.importFile(file, DefaultFleetService::connectionProblem);
    }

    /**
     * What the connection gate would refuse about a stored connection (hostile driver properties, timeouts switched
     * off, a URL the driver cannot read), judged without contacting anything; empty for a URL no connector reads.
     */
    private static Optional<String> connectionProblem(ConnectionSpec connection) {
        return JdbcGate.dialectFor(connection.jdbcUrl()).flatMap(dialect -> {
            try {
                JdbcGate.admit(dialect, new ConnectionTarget(connection.jdbcUrl(), connection.user(), null),
                        ConnectorTimeouts.DEFAULT);
                return Optional.empty();
            } catch (ConnectorException refused) {
                return Optional.of(refused.getMessage());
            }
        });
    }

    private EngineConnector connectorFor(String jdbcUrl) {
        return connectors.forUrl(jdbcUrl);
    }

    private String passwordFromEnvironment(String variable) {
        if (variable == null) {
            return null;
        }
        String value = environment.apply(new CredentialRef.EnvironmentVariable(variable).variable());
        if (value == null) {
            throw UserError.input("Environment variable " + variable
                    + " is not set. Export it with the password, then run the command again.");
        }
        return value;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw UserError.input("An instance needs a name, e.g. --name orders-db-1.");
        }
        String trimmed = Names.requireVisible("Instance name", name.strip());
        if (trimmed.length() > 200) {
            throw UserError.input("Instance name is longer than 200 characters.");
        }
        return trimmed;
    }

    private static void validTags(Map<String, String> tags) {
        tags.forEach((key, value) -> Names.requireVisible("Tag", key + "=" + value));
    }

    private static String validUrl(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw UserError.input("A JDBC URL is required, e.g. jdbc:postgresql://db1:5432/postgres.");
        }
        String url = jdbcUrl.strip();
        // A password may hold a space; anywhere else whitespace is a paste accident (a line break, a second URL)
        if (!url.startsWith("jdbc:") || JdbcUrlSecrets.split(url).url().chars().anyMatch(Character::isWhitespace)) {
            throw UserError.input("'" + JdbcUrlSecrets.mask(url) + "' is not a JDBC URL. Use e.g. jdbc:postgresql://db1:5432/postgres"
                    + " or jdbc:mariadb://db2:3306/mysql.");
        }
        return url;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
