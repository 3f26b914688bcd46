package io.knobwright.app.ui;

import io.knobwright.app.ui.common.UiTimer;
import javafx.util.Subscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock a test moves by hand: delayed UI actions run when the test advances past their time, never by sleeping. */
public final class ManualTimer implements UiTimer {

    private static final class Pending {
        final Duration at;
        final Runnable action;
        boolean cancelled;

        Pending(Duration at, Runnable action) {
            this.at = at;
            this.action = action;
        }
    }

    private final List<Pending> pending = new ArrayList<>();
    private Duration now = Duration.ZERO;

    @Override
    public Subscription schedule(Duration delay, Runnable action) {
        Pending p = new Pending(now.plus(delay), action);
        pending.add(p);
        return () -> p.cancelled = true;
    }

    /** Moves the clock on, running what falls due on the way in time order (also what those actions schedule). */
    public void advance(Duration by) {
        Duration until = now.plus(by);
        while (true) {
            Pending next = pending.stream().filter(p -> p.at.compareTo(until) <= 0)
                    .min(Comparator.comparing((Pending p) -> p.at)).orElse(null);
            if (next == null) {
                break;
            }
            pending.remove(next);
            now = next.at;
            if (!next.cancelled) {
                next.action.run();
            }
        }
        now = until;
    }

    /** Actions scheduled and neither run nor cancelled yet. */
    public long waiting() {
        return pending.stream().filter(p -> !p.cancelled).count();
    }
}
