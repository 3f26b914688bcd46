package io.knobwright.connectors.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the command-line tools backups are checked with (pg_verifybackup, pg_restore, ...) and runs them.
 *
 * <p>PostgreSQL's tools read backups of their own major and older only, and Debian-style systems install one set per
 * major under {@code /usr/lib/postgresql/NN/bin} with only one of them on the PATH. So every candidate is collected
 * (those directories, then the PATH), its major read from {@code --version}, and the newest one at least as new as
 * the backup is chosen.
 */
public final class ExternalTools {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?");
    private final List<Path> searchDirectories;

    /** A tool found: where, and the PostgreSQL major it belongs to (0 for tools that are not PostgreSQL's). */
    public record Tool(String name, Path path, int major) {
    }

    /** What a finished tool printed and how it ended. */
    public record Run(int exitCode, String out, String err, boolean timedOut) {
        public boolean ok() {
            return exitCode == 0 && !timedOut;
        }
    }

    /** Searches /usr/lib/postgresql/NN/bin (newest first), then the PATH. */
    public ExternalTools() {
        this(defaultDirectories());
    }

    public ExternalTools(List<Path> searchDirectories) {
        this.searchDirectories = List.copyOf(searchDirectories);
    }

    static List<Path> defaultDirectories() {
        List<Path> dirs = new ArrayList<>();
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> list = Files.list(versions)) {
                list.map(p -> p.resolve("bin")).filter(Files::isDirectory).forEach(dirs::add);
            } catch (IOException e) {
                // an unreadable directory only means fewer candidates
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        return dirs;
    }

    /** Every executable called {@code name} in the search directories (each real file once). */
    public List<Tool> candidates(String name) {
        List<Tool> found = new ArrayList<>();
        List<Path> seen = new ArrayList<>();
        for (Path dir : searchDirectories) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
                continue;
            }
            Path real;
            try {
                real = file.toRealPath();
            } catch (IOException e) {
                continue;
            }
            if (seen.contains(real)) {
                continue;
            }
            seen.add(real);
            found.add(new Tool(name, file, majorOf(file)));
        }
        found.sort(Comparator.comparingInt(Tool::major).reversed());
        return found;
    }

    /** The newest {@code name} whose major is at least {@code minimumMajor}; empty when there is none. */
    public Optional<Tool> find(String name, int minimumMajor) {
        return candidates(name).stream().filter(t -> t.major() >= minimumMajor || t.major() == 0).findFirst();
    }

    /** The sentence a user reads when no fitting tool was found: what is missing and what to install. */
    public String missingMessage(String name, int minimumMajor) {
        List<Tool> all = candidates(name);
        String package_ = name.startsWith("mariadb") || name.equals("mariabackup")
                ? (name.equals("mariabackup") ? "mariadb-backup" : "mariadb-client")
                : "postgresql-client-" + (minimumMajor > 0 ? minimumMajor : "NN");
        if (!all.isEmpty()) {
            return name + " " + all.getFirst().major() + " (" + all.getFirst().path() + ") is older than the backup (PostgreSQL "
                    + minimumMajor + "): install " + package_ + " or newer (e.g. apt-get install " + package_ + ")";
        }
        return name + " not found in /usr/lib/postgresql/*/bin or on the PATH: install " + package_
                + " (e.g. apt-get install " + package_ + ")";
    }

    private int majorOf(Path file) {
        try {
            Run run = run(List.of(file.toString(), "--version"), Duration.ofSeconds(20));
            Matcher m = VERSION.matcher(run.out() + run.err());
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (UncheckedIOException e) {
            return 0;
        }
    }

    /** Runs a command, reading its output as it comes (so a chatty tool never blocks), killing it after the timeout. */
    public Run run(List<String> command, Duration timeout) {
        return run(command, timeout, line -> { });
    }

    /** As {@link #run(List, Duration)}, handing each line the tool writes to stderr to {@code errLines} as it comes. */
    public Run run(List<String> command, Duration timeout, java.util.function.Consumer<String> errLines) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LC_ALL", "C"); // messages in English, so they can be classified
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process process = builder.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()),
                    command1 -> Thread.ofVirtual().start(command1));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drainLines(process.getErrorStream(), errLines),
                    command1 -> Thread.ofVirtual().start(command1));
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                process.waitFor();
            }
            return new Run(finished ? process.exitValue() : -1, out.join(), err.join(), !finished);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + command.getFirst() + " ran", e);
        }
    }

    private static String drainLines(InputStream in, java.util.function.Consumer<String> lines) {
        StringBuilder all = new StringBuilder();
        try (java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                all.append(line).append('\n');
                lines.accept(line);
            }
        } catch (IOException e) {
            // the process went away; what was read is what there is
        }
        return all.toString();
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
