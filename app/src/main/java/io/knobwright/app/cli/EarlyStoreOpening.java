package io.knobwright.app.cli;

import io.knobwright.model.store.DataDirectory;
import io.knobwright.model.store.KnobwrightStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Opens the store on a second thread while the main thread parses the command line and builds the command tree
 * (decision 0118, fifth round). Opening the H2 file takes about 200 ms of a command's second and building the tree
 * about 90; on two cores they overlap instead of adding up.
 * <p>
 * It opens only what the command would open anyway: an existing store (a new one is still created by the command
 * itself, so `--help` or a typo never creates a store), in the directory the command resolves (--data-dir, else
 * $KNOBWRIGHT_HOME, else ~/.knobwright), for a command that always uses the store. The command takes the store when it
 * opens its context for the same directory; a failure to open (locked, newer schema, not a store) reaches it then,
 * exactly as if it had opened the store itself. A store nobody took (a usage error) is closed at the end.
 */
public final class EarlyStoreOpening implements AutoCloseable {

    /** Groups whose every command opens the store before doing anything else. */
    private static final Set<String> STORE_COMMANDS = Set.of("fleet", "plan", "policy", "user", "audit", "override");
    private static final Set<String> WITHOUT_COMMAND = Set.of("--help", "-h", "--version", "-V");

    private final Path dataDir;
    private final CompletableFuture<KnobwrightStore> opening;
    private boolean taken;

    private EarlyStoreOpening(Path dataDir, CompletableFuture<KnobwrightStore> opening) {
        this.dataDir = dataDir;
        this.opening = opening;
    }

    /** Starts opening the store when {@code args} name a store command and the store exists; else does nothing. */
    public static EarlyStoreOpening start(List<String> args, Map<String, String> environment,
                                   Function<Path, KnobwrightStore> opener) {
        Optional<Path> dir = storeCommandDirectory(args, environment);
        if (dir.isEmpty() || !Files.isRegularFile(dir.get().resolve("knobwright.mv.db"))) {
            return new EarlyStoreOpening(null, null);
        }
        CompletableFuture<KnobwrightStore> opening = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                opening.complete(opener.apply(dir.get()));
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        }, "store-opening");
        thread.setDaemon(true);
        thread.start();
        return new EarlyStoreOpening(dir.get(), opening);
    }

    /**
     * The data directory a store command would use, when {@code args} are one (options and their values may stand
     * anywhere, as picocli allows for inherited options); empty for anything else or any doubt.
     */
    static Optional<Path> storeCommandDirectory(List<String> args, Map<String, String> environment) {
        String dataDirFlag = null;
        String command = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (WITHOUT_COMMAND.contains(arg) || arg.equals("--")) {
                return Optional.empty();
            }
            if (arg.equals("--data-dir") || arg.equals("--as")) {
                if (i + 1 >= args.size()) {
                    return Optional.empty();
                }
                if (arg.equals("--data-dir")) {
                    dataDirFlag = args.get(i + 1);
                }
                i++;
            } else if (arg.startsWith("--data-dir=")) {
                dataDirFlag = arg.substring("--data-dir=".length());
            } else if (command == null && !arg.startsWith("-")) {
                command = arg;
            }
        }
        if (command == null || !STORE_COMMANDS.contains(command)) {
            return Optional.empty();
        }
        return Optional.of(DataDirectory.resolve(dataDirFlag, environment));
    }

    /**
     * The store opened for {@code dir}, or empty when none was opened for it; rethrows the opening's failure as the
     * command's own.
     */
    public Optional<KnobwrightStore> take(Path dir) {
        if (opening == null || taken || !dataDir.equals(dir)) {
            return Optional.empty();
        }
        taken = true;
        try {
            return Optional.of(opening.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Closes a store nobody took, after its opening has ended (a migration is never cut off). */
    @Override
    public void close() {
        if (opening == null || taken) {
            return;
        }
        taken = true;
        try {
            opening.join().close();
        } catch (RuntimeException openingFailedAndNobodyAsked) {
            // the command never needed the store: its failure to open is nobody's concern
        }
    }
}
