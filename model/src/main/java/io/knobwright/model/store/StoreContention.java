package io.knobwright.model.store;

import org.h2.api.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Waits out the moments in which other Knobwright processes make the store briefly unavailable: one of them is
 * creating H2's lock file and starting its server, or the one that served the store exits and another takes the
 * file over (H2 AUTO_SERVER, decision 0040). Opening is tried again as a whole (each of its steps can repeat); a
 * unit of work again when it certainly did not commit a write ({@link CommitWatch}). Bounded: after
 * {@link #PATIENCE}, or {@link #EXCLUSIVE_PATIENCE} when a program that does not share holds the file, one message
 * says what is wrong (decision 0043).
 */
final class StoreContention {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final Duration EXCLUSIVE_PATIENCE = Duration.ofSeconds(5);

    private static final long FIRST_PAUSE_MILLIS = 20;
    private static final long LONGEST_PAUSE_MILLIS = 400;

    /** Set while the current thread runs a unit: a unit inside it is part of it and not tried again on its own. */
    private static final ThreadLocal<Boolean> IN_UNIT = ThreadLocal.withInitial(() -> false);

    /** What went wrong, as far as sharing the store goes. */
    enum Trouble {
        /** Not a matter of sharing: the failure is passed on as it is. */
        NONE,
        /** Another process is creating the lock file, taking the file over, or holding a row lock for long. */
        BUSY,
        /**
         * The file is open without a server to share it and without H2's lock file: a program that does not share
         * it (an H2 console), or the moment between another Knobwright's opening the file and starting its server.
         */
        HELD_WITHOUT_SERVER,
        /** The process that served the store exited; the connection to it is gone. */
        SERVER_GONE
    }

    private final Path dir;
    private final Duration patience;
    private final Duration exclusivePatience;

    /** @param dir the data directory, null for an in-memory store (which no other process shares) */
    StoreContention(Path dir) {
        this(dir, PATIENCE, EXCLUSIVE_PATIENCE);
    }

    StoreContention(Path dir, Duration patience, Duration exclusivePatience) {
        this.dir = dir;
        this.patience = patience;
        this.exclusivePatience = exclusivePatience;
    }

    /** Runs the opening of the store until it succeeds, fails for a reason other than sharing, or patience runs out. */
    <T> T opening(Supplier<T> attempt) {
        Waiting waiting = new Waiting();
        for (int round = 0; ; round++) {
            String server = serverId();
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                pauseOrGiveUp(e, troubleSince(e, server), waiting, round);
            }
        }
    }

    /** Runs one unit of work, again as long as its failures come from sharing the store and it committed nothing. */
    <T> T unit(Supplier<T> work) {
        if (IN_UNIT.get()) {
            return work.get();
        }
        IN_UNIT.set(true);
        try {
            Waiting waiting = new Waiting();
            for (int round = 0; ; round++) {
                CommitWatch.startUnit();
                String server = serverId();
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    Trouble trouble = troubleSince(e, server);
                    if (trouble != Trouble.NONE && CommitWatch.mayHaveCommitted()) {
                        throw mayHaveBeenSaved(e);
                    }
                    pauseOrGiveUp(e, trouble, waiting, round);
                }
            }
        } finally {
            IN_UNIT.remove();
        }
    }

    /** Whether the current thread runs inside a {@link #unit}; what the store's repositories promise for each call. */
    static boolean inUnit() {
        return IN_UNIT.get();
    }

    /**
     * How long one opening or unit has waited: in all, and since the file was first seen held without a server in
     * the current run of such failures. A take-over seen busy for seconds can end in a moment without a lock file;
     * measured from the start, that moment alone was taken for a program that does not share.
     */
    private static final class Waiting {
        private final long start = System.nanoTime();
        private long heldSince = -1;

        Duration inAll() {
            return Duration.ofNanos(System.nanoTime() - start);
        }

        Duration heldWithoutServer(Trouble trouble) {
            if (trouble != Trouble.HELD_WITHOUT_SERVER) {
                heldSince = -1;
                return Duration.ZERO;
            }
            if (heldSince < 0) {
                heldSince = System.nanoTime();
            }
            return Duration.ofNanos(System.nanoTime() - heldSince);
        }
    }

    private void pauseOrGiveUp(RuntimeException failure, Trouble trouble, Waiting waiting, int round) {
        Duration held = waiting.heldWithoutServer(trouble);
        switch (trouble) {
            case NONE -> throw failure;
            case HELD_WITHOUT_SERVER -> {
                if (held.compareTo(exclusivePatience) >= 0) {
                    throw dir == null ? failure : StoreOpening.translate(dir, sqlCause(failure));
                }
            }
            default -> {
                if (waiting.inAll().compareTo(patience) >= 0) {
                    throw stayedBusy(failure);
                }
            }
        }
        long pause = Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(round, 5));
        try {
            // the random part keeps processes that failed together from retrying in step
            Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /**
     * A server that is shutting down answers a statement it is running with whatever error the closing database
     * causes ("Check constraint invalid", "Database is already closed", ...). So an H2 error that is not about
     * sharing still counts as the server going away when another server has the store now: for the unit that
     * got it, the moment of the error is the moment the server changed.
     */
    private Trouble troubleSince(RuntimeException failure, String serverAtStart) {
        Trouble trouble = trouble(failure);
        if (trouble == Trouble.HELD_WITHOUT_SERVER && dir != null && Files.exists(lockFile())) {
            // H2's lock file is written by AUTO_SERVER openers only: Knobwrights in the middle of a take-over
            return Trouble.BUSY;
        }
        if (trouble == Trouble.NONE && sqlCause(failure) != null && dir != null
                && !Objects.equals(serverAtStart, currentServerId())) {
            return Trouble.SERVER_GONE;
        }
        return trouble;
    }

    /** The id H2 wrote into the lock file for the server of the moment; null when there is none. */
    private String serverId() {
        if (dir == null) {
            return null;
        }
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(lockFile())) {
            lock.load(in);
            return lock.getProperty("id");
        } catch (IOException | IllegalArgumentException e) {
            return null; // no lock file: nobody has the store open
        }
    }

    private Path lockFile() {
        return dir.resolve(StoreOpening.DATABASE_NAME + ".lock.db");
    }

    /**
     * The server's id once a hand-over in progress has finished: connecting waits for the old server to be gone and
     * a new one (perhaps this process) to hold the file. Null when that fails, which differs from any server's id.
     */
    private String currentServerId() {
        try (Connection probe = DriverManager.getConnection(StoreOpening.fileUrl(dir), StoreOpening.USER,
                StoreOpening.PASSWORD)) {
            return serverId();
        } catch (SQLException e) {
            return null;
        }
    }

    /** Classifies a failure by the H2 error somewhere in its causes (jOOQ, Flyway and the store wrap them). */
    static Trouble trouble(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            return Trouble.NONE;
        }
        return switch (sql.getErrorCode()) {
            case ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED, ErrorCode.DATABASE_CALLED_AT_SHUTDOWN,
                 ErrorCode.OBJECT_CLOSED -> Trouble.SERVER_GONE;
            case ErrorCode.ERROR_OPENING_DATABASE_1, ErrorCode.LOCK_TIMEOUT_1, ErrorCode.DEADLOCK_1 -> Trouble.BUSY;
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> Trouble.HELD_WITHOUT_SERVER;
            default -> Trouble.NONE;
        };
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private StoreException stayedBusy(RuntimeException failure) {
        SQLException sql = sqlCause(failure);
        String detail = sql == null || sql.getMessage() == null ? "" : " (last: " + firstLine(sql.getMessage()) + ")";
        return new StoreException("The store at " + location() + " stayed busy for " + patience.toSeconds() + " s: other"
                + " Knobwright processes kept opening it or handing it over" + detail + ". Try again; if it goes on,"
                + " close the other Knobwright windows and commands on this data directory.", failure);
    }

    private StoreException mayHaveBeenSaved(RuntimeException failure) {
        return new StoreException("The Knobwright process that served the store at " + location() + " exited while this"
                + " change was being saved, so it may or may not have been saved. Look (for example with 'knobwright"
                + " fleet list' or 'knobwright template list') and run the command again if the change is missing.",
                failure);
    }

    private String location() {
        return dir == null ? "memory" : dir.toString();
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse("").strip();
    }
}
