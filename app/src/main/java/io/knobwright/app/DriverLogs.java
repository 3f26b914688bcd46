package io.knobwright.app;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the JDBC drivers' own log lines off the terminal. The MariaDB driver printed
 * {@code [ WARN] (thread) Error: 1045-28000: Access denied ...} and pgjdbc its URL warnings on stderr next to
 * Knobwright's one-line message, which already says what failed and what to do (decision 0002). With
 * {@code --debug} they are printed, as java.util.logging records. Flyway's progress lines (hub setup) likewise:
 * the command says what it applied.
 */
final class DriverLogs {

    /** Held so the levels set here are not lost when java.util.logging drops unreferenced loggers. */
    private static final List<Logger> DRIVERS = List.of(Logger.getLogger("org.mariadb"), Logger.getLogger("org.postgresql"),
            Logger.getLogger("org.flywaydb"));

    private DriverLogs() {
    }

    static void configure(boolean debug) {
        // Without SLF4J the MariaDB driver writes to System.err itself; JDK logging puts it under the levels below.
        if (System.getProperty("mariadb.logging.fallback") == null) {
            System.setProperty("mariadb.logging.fallback", "JDK");
        }
        DRIVERS.forEach(logger -> logger.setLevel(debug ? Level.ALL : Level.OFF));
    }
}
