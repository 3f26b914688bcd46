package io.knobwright.app.cli;

import io.knobwright.app.AppContext;
import io.knobwright.connectors.catalog.CatalogReader;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.diag.StartupTrace;
import io.knobwright.model.store.DataDirectory;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one CLI invocation works with: its streams and environment, and the application context,
 * opened only when a command needs the store (so --help, --version and catalog commands never touch
 * the data directory).
 */
public final class CliSession implements AutoCloseable {

    /** Opens the composition root on a data directory. */
    @FunctionalInterface
    public interface ContextOpener {
        /** @param actingAs who acts (--as); null: $KNOBWRIGHT_USER, else the operating-system user */
        AppContext open(Path dataDir, String actingAs);
    }

    /** Shows the workbench and blocks until its window closes; returns the exit code. */
    @FunctionalInterface
    public interface WorkbenchOpener {
        int open(AppContext context);
    }

    private final ContextOpener contexts;
    private final WorkbenchOpener workbench;
    private final List<CatalogReader> catalogReaders;
    private final Map<String, String> environment;
    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;

    private String dataDirFlag;
    private String actingAs;
    private boolean debug;
    private AppContext context;
    private CatalogRepository catalogs;

    public CliSession(ContextOpener contexts, WorkbenchOpener workbench, List<CatalogReader> catalogReaders,
                      Map<String, String> environment, InputStream in, PrintWriter out, PrintWriter err) {
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.workbench = Objects.requireNonNull(workbench, "workbench");
        this.catalogReaders = List.copyOf(catalogReaders);
        this.environment = Map.copyOf(environment);
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    void dataDirFlag(String dir) {
        this.dataDirFlag = dir;
    }

    void actingAs(String user) {
        this.actingAs = user;
    }

    /** Who acts in this invocation: --as, else what the context resolved ($KNOBWRIGHT_USER, $USER). */
    String actor() {
        return context().localUser();
    }

    void debug(boolean on) {
        this.debug = on;
    }

    boolean debug() {
        return debug;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    InputStream in() {
        return in;
    }

    Map<String, String> environment() {
        return environment;
    }

    List<CatalogReader> catalogReaders() {
        return catalogReaders;
    }

    /** The data directory: --data-dir, else $KNOBWRIGHT_HOME, else ~/.knobwright. */
    Path dataDir() {
        return DataDirectory.resolve(dataDirFlag, environment);
    }

    AppContext context() {
        if (context == null) {
            StartupTrace.mark("opening the context");
            context = contexts.open(dataDir(), actingAs);
            StartupTrace.mark("context open");
            finishInterruptedApplies(context);
            restoreDueOverrides(context);
        }
        return context;
    }

    /** Runs a killed process left half-applied are finished (compensated) before anything else, and reported. */
    private void finishInterruptedApplies(AppContext opened) {
        for (var run : opened.apply().recover()) {
            err.println("knobwright: apply run " + run.id() + " of plan " + run.planId() + " on " + run.instanceName()
                    + " had been interrupted: " + run.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (run.message().isEmpty() ? "" : ". " + run.message()));
        }
    }

    /**
     * Overrides whose deadline passed while nothing was running are restored now, before the command, and reported:
     * every command is a chance to put them back (two indexed queries when nothing is due).
     */
    private void restoreDueOverrides(AppContext opened) {
        for (var restoration : opened.overrides().restoreDue()) {
            err.println("knobwright: " + restoration.message());
        }
        StartupTrace.mark("overdue overrides checked");
    }

    CatalogRepository catalogs() {
        if (context != null) {
            return context.catalogs();
        }
        if (catalogs == null) {
            catalogs = new CatalogRepository();
        }
        return catalogs;
    }

    int openWorkbench() {
        return workbench.open(context());
    }

    @Override
    public void close() {
        out.flush();
        err.flush();
        if (context != null) {
            AppContext c = context;
            context = null;
            c.close();
        }
    }
}
