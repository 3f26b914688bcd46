package io.knobwright.model.diag;

import java.lang.management.ManagementFactory;

/**
 * Milestones of a process's start on stderr, as milliseconds since the JVM started, when Java runs with
 * {@code -Dknobwright.trace.startup}: where a CLI command's second goes (decision 0118). Off, each mark is one
 * read of a static field.
 */
public final class StartupTrace {

    private static final boolean ON = System.getProperty("knobwright.trace.startup") != null;

    private StartupTrace() {
    }

    public static void mark(String milestone) {
        if (ON) {
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("[startup] " + sinceStart + " ms  " + milestone);
        }
    }
}
