package io.knobwright.app.bench;

import io.knobwright.app.AppContext;
import io.knobwright.app.cli.Cli;
import io.knobwright.app.cli.CliSession;
import io.knobwright.app.cli.ExitCodes;
import io.knobwright.app.ui.Workbench;
import io.knobwright.app.ui.workbench.WorkbenchGovernance;
import io.knobwright.app.ui.workbench.WorkbenchViewModel;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The workload the build runs once with {@code -XX:AOTCacheOutput} to write app/target/knobwright.aot
 * (decision 0063): the workbench's real start on a new store with the demo fleet, then what a user does first:
 * search, open an instance, look at every screen. A JVM started with {@code -XX:AOTCache} finds the classes this
 * loaded already parsed, verified and linked, and opens the window in about half the time. Not a bench: it prints
 * how long its own cold start took, once, and runs on its own temporary data directory, never the user's.
 */
public final class StartupTraining {

    private static final long STEP_TIMEOUT_MS = 60_000;
    private static final List<List<String>> CLI_COMMANDS = List.of(List.of("fleet", "list"), List.of("plan", "list"),
            List.of("policy", "list"), List.of("user", "list"), List.of("audit", "verify"), List.of("template", "list"));

    private StartupTraining() {
    }

    /**
     * The CLI's part alone, for {@code knobwright-cli.aot}: a cache trained on the workbench makes the JVM map and link
     * its ~12,000 classes before {@code main} (~150 ms), which a command that never opens a window pays for nothing
     * (decision 0118).
     */
    public static void runCli(PrintStream out) throws Exception {
        Path dataDir = Files.createTempDirectory("knobwright-aot-training");
        try {
            runCliCommands(dataDir);
            loadDriverClasses();
            out.println("Startup training (CLI): ran " + CLI_COMMANDS.size() + " store commands.");
        } finally {
            deleteTree(dataDir);
        }
    }

    public static void run(PrintStream out) throws Exception {
        Path dataDir = Files.createTempDirectory("knobwright-aot-training");
        try {
            try (AppContext context = AppContext.open(dataDir)) {
                int fleetSize = context.fleet().list().size();
                FxThread.startToolkit();
                AtomicReference<Workbench> opened = new AtomicReference<>();
                FxThread.run(() -> {
                    Workbench workbench = new Workbench(context.fleet(), context.templates(), context.plans(),
                            context.catalogService(), WorkbenchGovernance.of(context), context.tasks());
                    Stage stage = new Stage();
                    stage.setWidth(1000);
                    stage.setHeight(1000);
                    workbench.start(stage);
                    opened.set(workbench);
                });
                Workbench workbench = opened.get();
                WorkbenchViewModel vm = workbench.viewModel();
                FxThread.waitUntil("Showing the demo fleet", () -> vm.browser().totalCountProperty().get() == fleetSize
                        && !vm.busyProperty().get(), STEP_TIMEOUT_MS);
                long usableAfterMs = ManagementFactory.getRuntimeMXBean().getUptime();
                FxThread.run(() -> workbench.view().fleetView().searchField().setText("pg prod"));
                FxThread.run(() -> workbench.view().fleetView().searchField().clear());
                FxThread.run(() -> vm.browser().select(vm.browser().entries().getLast()));
                FxThread.waitUntil("Opening an instance", () -> vm.detail().instanceProperty().get() != null
                        && !vm.detail().loadingProperty().get(), STEP_TIMEOUT_MS);
                for (WorkbenchViewModel.Screen screen : WorkbenchViewModel.Screen.values()) {
                    FxThread.run(() -> vm.screenProperty().set(screen));
                    FxThread.waitUntil("Showing " + screen.name().toLowerCase(Locale.ROOT), () -> !vm.busyProperty().get(),
                            STEP_TIMEOUT_MS);
                }
                FxThread.run(() -> ((Stage) workbench.view().getScene().getWindow()).close());
                // Not a bench figure (one cold run, a new store migrated and seeded first), but the whole start a user waits for.
                out.printf(Locale.ROOT, "Startup training: the workbench showed %d demo instances %d ms after the JVM started"
                        + " (new store included); then visited %d screens.%n", fleetSize, usableAfterMs,
                        WorkbenchViewModel.Screen.values().length);
            }
            runCliCommands(dataDir);
            loadDriverClasses();
        } finally {
            Platform.exit();
            deleteTree(dataDir);
        }
    }

    /** The packages whose classes a first JDBC connection and its first statements load. */
    private static final List<String> DRIVER_PACKAGES = List.of("org/postgresql/core/", "org/postgresql/jdbc/",
            "org/postgresql/util/", "org/postgresql/Driver", "org/mariadb/jdbc/");

    /**
     * The JDBC drivers' connection classes, loaded here so the cache holds them: training reaches no database server,
     * yet an override or a plan apply connects to one first thing after the store opens (~100 ms of class loading on
     * that command's critical path; decision 0118). A class that fails to load is left out.
     * <p>Only the jar that holds the PostgreSQL driver is read. In the package the MariaDB driver is a jar of its own,
     * which users may replace (LGPL-2.1), and the JDK would go on serving cached classes of the old one: none of its
     * classes may enter the package's caches (decision 0144; the installer's smoke test checks it).
     */
    private static void loadDriverClasses() {
        ClassLoader loader = StartupTraining.class.getClassLoader();
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(Path.of(org.postgresql.Driver.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI()).toFile())) {
            jar.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(name -> name.endsWith(".class") && DRIVER_PACKAGES.stream().anyMatch(name::startsWith))
                    .forEach(name -> {
                        try {
                            Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), true, loader);
                        } catch (ClassNotFoundException | LinkageError | RuntimeException ignored) {
                            // optional parts of a driver (other JDKs' variants, missing optional dependencies)
                        }
                    });
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // not run from a jar (tests): nothing to add to a cache
        }
    }

    /**
     * The store commands a shell runs most, each as the CLI runs it (its own context, opened and closed), so the
     * cache also holds what a CLI start loads beyond the workbench's (decision 0118). Their output is not wanted.
     */
    private static void runCliCommands(Path dataDir) {
        for (List<String> command : CLI_COMMANDS) {
            StringWriter output = new StringWriter();
            PrintWriter writer = new PrintWriter(output);
            List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
            args.addAll(command);
            // the store opened beside the parsing, as Main does
            io.knobwright.app.cli.EarlyStoreOpening early = io.knobwright.app.cli.EarlyStoreOpening.start(args,
                    System.getenv(), io.knobwright.model.store.KnobwrightStore::open);
            CliSession session = new CliSession((dir, actingAs) -> AppContext.wire(
                    early.take(dir).orElseGet(() -> io.knobwright.model.store.KnobwrightStore.open(dir)), actingAs),
                    context -> ExitCodes.OK, List.of(), System.getenv(), InputStream.nullInputStream(), writer, writer);
            int code;
            try (early) {
                code = Cli.run(session, args.toArray(String[]::new));
            }
            if (code != ExitCodes.OK) {
                throw new IllegalStateException("Startup training: knobwright " + String.join(" ", command)
                        + " exited with " + code + ": " + output);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
