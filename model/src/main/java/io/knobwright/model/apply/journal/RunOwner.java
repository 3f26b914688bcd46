package io.knobwright.model.apply.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The process working on an apply run, as the journal records it: its pid and when it started, so that a pid the
 * operating system gave to another process since is not taken for the owner. The store is local (0043), so every
 * process that reads the journal runs on the machine where the owner ran.
 */
public record RunOwner(long pid, Instant started) {

    public RunOwner {
        Objects.requireNonNull(started, "started");
    }

    /** This process. */
    public static RunOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new RunOwner(self.pid(), self.info().startInstant().orElse(Instant.EPOCH));
    }

    /** The journal's text ("pid@epoch-millis"); empty for text that is not one (a run nobody owns). */
    public static Optional<RunOwner> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int at = text.indexOf('@');
        try {
            return at < 0 ? Optional.empty()
                    : Optional.of(new RunOwner(Long.parseLong(text.substring(0, at)), Instant.ofEpochMilli(Long.parseLong(text.substring(at + 1)))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String text() {
        return pid + "@" + started.toEpochMilli();
    }

    /**
     * Whether the owner still runs: its pid is alive and started when the owner did. When the operating system does
     * not tell start times, a live pid counts as the owner: a run is then left alone rather than put back under a
     * process that may still be applying it.
     */
    public boolean alive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> started.equals(Instant.EPOCH) || h.info().startInstant()
                        .map(s -> s.toEpochMilli() == started.toEpochMilli()).orElse(true))
                .orElse(false);
    }
}
