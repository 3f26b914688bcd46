package io.knobwright.app.ui.health;

import io.knobwright.model.health.SessionSample;

import java.util.List;
import java.util.function.Consumer;

/**
 * A running sample of one instance's sessions, as the Health screen sees it: samples arrive on the watch's own thread
 * (the view-model hops to the FX thread) until {@link #close}. A test gives one it feeds by hand.
 */
public interface SessionWatch extends AutoCloseable {

    /** Starts sampling: {@code window} gets the last minutes' samples after each sample; {@code failed} why it stopped. */
    void start(Consumer<List<SessionSample>> window, Consumer<String> failed);

    @Override
    void close();

    /** Over the app's watch: samples once a second. */
    static SessionWatch of(io.knobwright.app.health.ConnectionWatch watch) {
        return new SessionWatch() {
            @Override
            public void start(Consumer<List<SessionSample>> window, Consumer<String> failed) {
                watch.startActivity(io.knobwright.app.health.ConnectionWatch.DEFAULT_INTERVAL, window, failed);
            }

            @Override
            public void close() {
                watch.close();
            }
        };
    }
}
