package io.knobwright.app.backup;

import io.knobwright.connectors.backup.BackupDetector;
import io.knobwright.model.backup.BackupKind;
import io.knobwright.model.backup.BackupRecord;
import io.knobwright.model.backup.BackupRepository;
import io.knobwright.model.backup.BackupWatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Finds the backups under watched directories that are due for verification: settled (no file of it modified for
 * {@code settle}, so a backup still being written is left alone) and changed since their last stored verification
 * (or never verified). A watched path that is itself a backup is its own single entry; otherwise each entry directly
 * under it is one backup.
 */
public final class BackupWatcher {

    /** A backup is verified once none of its files changed for this long; a run every minute then meets "within 5 min". */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(120);

    private final BackupRepository backups;
    private final Clock clock;
    private final Duration settle;
    private final BiConsumer<BackupWatch, Path> verify;

    public BackupWatcher(BackupRepository backups, Clock clock, Duration settle, BiConsumer<BackupWatch, Path> verify) {
        this.backups = backups;
        this.clock = clock;
        this.settle = settle;
        this.verify = verify;
    }

    /** A backup due for verification, and the watch it was found under. */
    public record Due(BackupWatch watch, Path backup) {
    }

    public List<Due> due() {
        Instant settledBefore = clock.instant().minus(settle);
        List<Due> due = new ArrayList<>();
        for (BackupWatch watch : backups.watches()) {
            for (Path entry : entries(Path.of(watch.path()))) {
                Optional<Instant> changed = newestModification(entry);
                if (changed.isEmpty() || changed.get().isAfter(settledBefore)) {
                    continue;
                }
                Optional<BackupRecord> last = backups.latestOf(entry.toAbsolutePath().normalize().toString());
                if (last.isEmpty() || last.get().verification().verifiedAt().isBefore(changed.get())) {
                    due.add(new Due(watch, entry));
                }
            }
        }
        return due;
    }

    /** Verifies every due backup (the action stores the result); returns what it verified. */
    public List<Due> runOnce() {
        List<Due> due = due();
        due.forEach(d -> verify.accept(d.watch(), d.backup()));
        return due;
    }

    private static List<Path> entries(Path watched) {
        if (!Files.exists(watched)) {
            return List.of();
        }
        if (!Files.isDirectory(watched) || BackupDetector.detect(watched) != BackupKind.UNKNOWN) {
            return List.of(watched);
        }
        try (Stream<Path> children = Files.list(watched)) {
            return children.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<Instant> newestModification(Path path) {
        try (Stream<Path> files = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
            return files.map(BackupWatcher::modified).max(Instant::compareTo);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // vanished while looked at: the next run sees it again
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
