package io.knobwright.app.cli;

import io.knobwright.app.AppContext;
import io.knobwright.app.testing.FakeConnector;
import io.knobwright.connectors.ConnectorRegistry;
import io.knobwright.connectors.Connectors;
import io.knobwright.connectors.catalog.CatalogReader;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.InstanceRepository;
import io.knobwright.model.fleet.SnapshotRepository;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateVersion;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs CLI command lines in-process against the real store (in memory, without the demo fleet) and a
 * scripted server. The store outlives each command, as a data directory outlives each CLI process.
 */
final class CliHarness implements AutoCloseable {

    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private final String storeName = "cli-" + UUID.randomUUID();
    private final String storeUrl = "jdbc:h2:mem:" + storeName;
    private final KnobwrightStore store = KnobwrightStore.inMemory(storeName, false);
    final Map<String, String> env = new HashMap<>();
    final FakeConnector server = new FakeConnector();
    final List<Path> openedDataDirs = new ArrayList<>();
    final List<CatalogReader> catalogReaders = new ArrayList<>();
    int workbenchOpenings;
    int workbenchExitCode;
    private final ConnectorRegistry connectors;

    /** Commands talk to {@link #server}, a scripted server. */
    CliHarness() {
        this.connectors = new ConnectorRegistry(List.of(server));
    }

    private CliHarness(ConnectorRegistry connectors) {
        this.connectors = connectors;
    }

    /** Commands talk to real servers through Knobwright's own connectors. */
    static CliHarness withRealServers() {
        return new CliHarness(Connectors.defaultRegistry());
    }

    Result run(String... args) {
        return runWithStdin("", args);
    }

    Result runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliSession session = new CliSession(this::openContext, context -> {
            workbenchOpenings++;
            return workbenchExitCode;
        }, catalogReaders, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        int code = Cli.run(session, args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs SQL on the store as anyone with the H2 file could, e.g. to tamper with the audit trail. */
    void rawSql(String statement) {
        try (var c = java.sql.DriverManager.getConnection(storeUrl, "sa", "");
             var s = c.createStatement()) {
            s.execute(statement);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes every waiting webhook delivery due now, as if its backoff had passed. */
    void makeWebhooksDue() {
        try (var c = java.sql.DriverManager.getConnection(storeUrl, "sa", "");
             var s = c.createStatement()) {
            s.executeUpdate("UPDATE webhook_delivery SET next_attempt_at = TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00Z'"
                    + " WHERE delivered_at IS NULL");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The store the commands use, for tests that prepare what a command then reads (an applied plan). */
    KnobwrightStore store() {
        return store;
    }

    InstanceRepository instances() {
        return store.instances();
    }

    SnapshotRepository snapshots() {
        return store.snapshots();
    }

    Instance add(Instance instance) {
        return store.instances().save(instance);
    }

    /** Stores a template as the workbench's editor may: saving checks the chain, not the values. */
    TemplateVersion saveTemplate(Template template) {
        return store.templates().save(template, "editor", "saved with validation errors");
    }

    private AppContext openContext(Path dataDir, String actingAs) {
        openedDataDirs.add(dataDir);
        AutoCloseable keepStoreOpen = () -> { };
        return new AppContext(store, keepStoreOpen, new CatalogRepository(), connectors, env::get, actingAs);
    }

    @Override
    public void close() {
        store.close();
    }
}
