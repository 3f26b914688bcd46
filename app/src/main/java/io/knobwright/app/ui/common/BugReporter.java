package io.knobwright.app.ui.common;

/** Shows a failure Knobwright did not expect; the app's implementation is the bug dialog of {@link DialogService}. */
@FunctionalInterface
public interface BugReporter {

    /**
     * @param action  what the user was doing ("Save orders-1")
     * @param details everything a bug report needs (version, platform, stack trace), for the user to copy
     */
    void report(String action, String details);
}
