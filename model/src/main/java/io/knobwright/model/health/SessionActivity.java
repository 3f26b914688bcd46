package io.knobwright.model.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The last minutes of a watch's samples (decision 0131), what the Health screen's live chart draws: sessions opened per
 * second, sessions by state, and the storm seconds. Older samples fall off, so a watch left open all day holds
 * {@code window} of them. Not thread-safe: the sampler's thread adds, and hands copies ({@link #samples}) on.
 */
public final class SessionActivity {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private final Duration window;
    private final Deque<SessionSample> samples = new ArrayDeque<>();

    public SessionActivity(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The window must be positive, not " + window);
        }
        this.window = window;
    }

    public void add(SessionSample sample) {
        samples.addLast(sample);
        Instant oldest = sample.at().minus(window);
        while (!samples.isEmpty() && samples.peekFirst().at().isBefore(oldest)) {
            samples.removeFirst();
        }
    }

    /** The samples of the window, oldest first. */
    public List<SessionSample> samples() {
        return List.copyOf(samples);
    }

    /** The busiest sample of the window, if any opened a session. */
    public Optional<SessionSample> peak() {
        return samples.stream().filter(s -> s.opened() > 0).max(java.util.Comparator.comparingDouble(SessionSample::openedPerSecond));
    }

    public long stormSeconds() {
        return samples.stream().filter(SessionSample::storm).count();
    }

    /** Every state seen in the window, sorted: the chart gives each its own area and colour. */
    public List<String> states() {
        TreeSet<String> states = new TreeSet<>();
        samples.forEach(s -> states.addAll(s.byState().keySet()));
        return new ArrayList<>(states);
    }
}
