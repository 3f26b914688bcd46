package io.knobwright.app;

import io.knobwright.app.cli.Cli;
import io.knobwright.app.cli.CliSession;
import io.knobwright.app.cli.EarlyStoreOpening;
import io.knobwright.connectors.catalog.MariaDbCatalogReader;
import io.knobwright.connectors.catalog.PostgresCatalogReader;
import io.knobwright.model.diag.StartupTrace;
import io.knobwright.model.store.KnobwrightStore;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Entry point of knobwright.jar. Without a command it opens the workbench; with one it runs headless.
 * Nothing here refers to a JavaFX type: the GUI path is reached only through the lambda below, so a
 * command on a machine without a display never loads the toolkit.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs one command line exactly as {@code knobwright} does, without ending the JVM; returns the exit code.
     * Tests use it to run many commands in one child process.
     */
    public static int run(String... args) {
        StartupTrace.mark("main");
        DriverLogs.configure(List.of(args).contains("--debug"));
        // JSON is UTF-8 by definition; the platform default may be ASCII on a bare server.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        EarlyStoreOpening early = EarlyStoreOpening.start(List.of(args), System.getenv(), KnobwrightStore::open);
        CliSession session = new CliSession(
                (dataDir, actingAs) -> AppContext.wire(early.take(dataDir).orElseGet(() -> KnobwrightStore.open(dataDir)), actingAs),
                context -> WorkbenchLauncher.run(context),
                List.of(new PostgresCatalogReader(), MariaDbCatalogReader.withCuratedTables()), System.getenv(), System.in, out, err);
        int code;
        try (early) {
            code = Cli.run(session, args);
        }
        out.flush();
        err.flush();
        StartupTrace.mark("done");
        return code;
    }
}
