package io.knobwright.app.cli;

import io.knobwright.app.AppContext;
import io.knobwright.app.testing.FakeConnector;
import io.knobwright.app.testing.FakeVault;
import io.knobwright.app.testing.InMemoryInstanceRepository;
import io.knobwright.app.testing.InMemorySnapshotRepository;
import io.knobwright.connectors.ConnectorRegistry;
import io.knobwright.connectors.catalog.CatalogReader;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.inventory.ImportReport;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs CLI command lines in-process against in-memory repositories and a scripted server. */
final class CliHarness {

    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    final InMemoryInstanceRepository instances = new InMemoryInstanceRepository();
    final InMemorySnapshotRepository snapshots = new InMemorySnapshotRepository();
    final Map<String, String> env = new HashMap<>();
    final FakeConnector server = new FakeConnector();
    final List<Path> openedDataDirs = new ArrayList<>();
    final List<CatalogReader> catalogReaders = new ArrayList<>();
    ImportReport nextImport = new ImportReport(List.of(), List.of());
    RuntimeException importFailure;
    int workbenchOpenings;
    int workbenchExitCode;

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

    Instance add(Instance instance) {
        return instances.save(instance);
    }

    private AppContext openContext(Path dataDir) {
        openedDataDirs.add(dataDir);
        return new AppContext(instances, snapshots, new FakeVault(env), () -> { }, new CatalogRepository(),
                new ConnectorRegistry(List.of(server)), file -> {
                    if (importFailure != null) {
                        throw importFailure;
                    }
                    return nextImport;
                }, env::get);
    }
}
