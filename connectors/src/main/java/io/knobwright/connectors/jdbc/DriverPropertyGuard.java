package io.knobwright.connectors.jdbc;

import io.knobwright.connectors.ConnectorException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Refuses JDBC URLs that set driver properties which load classes or files on this workstation, write
 * files, run SQL or change the server while connecting, or which switch off or lengthen Knobwright's
 * timeouts. A DBA pastes URLs from tickets and wikis; such a URL must fail with a message before the driver
 * sees it. The deny-lists and why each entry is on them: docs/decisions/0050-refuse-hostile-jdbc-url-properties.md
 * and 0054-one-gate-for-every-jdbc-connection.md.
 *
 * <p>Names are compared case-insensitively after percent-decoding, which is at least as wide as either
 * driver's own matching (MariaDB Connector/J ignores case, pgjdbc does not).
 */
public final class DriverPropertyGuard {

    /**
     * One refused property.
     *
     * @param name             the property as the driver documents it
     * @param reason           what it would do, finishing "it would ..." in the message
     * @param harmlessWhenFalse true when "false" switches the danger off (allowLocalInfile=false is fine)
     */
    public record Refused(String name, String reason, boolean harmlessWhenFalse) {
        public Refused {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Which of Knobwright's timeouts a driver property stands for. */
    public enum Phase { CONNECT, QUERY }

    /**
     * A driver timeout a URL may shorten but neither switch off (0) nor lengthen beyond Knobwright's own.
     *
     * @param unit the unit the driver reads the value in (pgjdbc seconds, MariaDB milliseconds)
     */
    public record Timeout(String name, ChronoUnit unit, Phase phase) {
        public Timeout {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(phase, "phase");
        }
    }

    private final String driverName;
    private final Map<String, Refused> byName = new LinkedHashMap<>();
    private final Map<String, Timeout> timeoutsByName = new LinkedHashMap<>();

    public DriverPropertyGuard(String driverName, List<Refused> refused, List<Timeout> timeouts) {
        this.driverName = Objects.requireNonNull(driverName, "driverName");
        for (Refused r : refused) {
            byName.put(r.name().toLowerCase(Locale.ROOT), r);
        }
        for (Timeout t : timeouts) {
            timeoutsByName.put(t.name().toLowerCase(Locale.ROOT), t);
        }
    }

    /**
     * Throws a {@link ConnectorException} naming every refused property the URL sets; otherwise returns the
     * timeouts in force: {@code limits}, shortened where the URL shortens them.
     */
    public ConnectorTimeouts check(JdbcUrl url, ConnectorTimeouts limits) {
        List<String> found = new ArrayList<>();
        Duration connect = limits.connect();
        Duration query = limits.query();
        boolean timeoutRefused = false;
        for (JdbcUrl.Parameter parameter : url.parameters()) {
            String name = parameter.name().toLowerCase(Locale.ROOT);
            Refused refused = byName.get(name);
            if (refused != null && !(refused.harmlessWhenFalse() && parameter.value().trim().equalsIgnoreCase("false"))) {
                found.add(parameter.name() + " (it would " + refused.reason() + ")");
            }
            Timeout timeout = timeoutsByName.get(name);
            if (timeout != null) {
                Duration limit = timeout.phase() == Phase.CONNECT ? limits.connect() : limits.query();
                Duration asked = duration(parameter.value(), timeout.unit());
                if (asked == null || asked.compareTo(limit) > 0) {
                    found.add(parameter.name() + "=" + parameter.value().strip() + " (it would "
                            + (asked == null ? "switch off" : "lengthen") + " the " + describe(timeout.phase()) + ")");
                    timeoutRefused = true;
                } else if (timeout.phase() == Phase.CONNECT) {
                    connect = min(connect, asked);
                } else {
                    query = min(query, asked);
                }
            }
        }
        if (!found.isEmpty()) {
            throw ConnectorException.badInput("Knobwright did not connect: this JDBC URL sets " + String.join("; ", found)
                    + ". URLs that make the " + driverName + " driver load code or files, change the server"
                    + " while connecting, or wait without limit are refused"
                    + (timeoutRefused ? " (Knobwright waits at most " + limits.connectSeconds() + " s to connect and "
                    + limits.querySeconds() + " s for each answer; a URL may shorten these, not switch them off or lengthen them)" : "")
                    + ". Remove " + (found.size() == 1 ? "that property" : "those properties") + " from the URL and try again.", null);
        }
        return new ConnectorTimeouts(connect, query);
    }

    private static String describe(Phase phase) {
        return phase == Phase.CONNECT ? "time limit for connecting" : "time limit for each answer";
    }

    /** A positive whole number of {@code unit}; null for 0 (no limit in both drivers), negatives and text. */
    private static Duration duration(String value, ChronoUnit unit) {
        try {
            long amount = Long.parseLong(value.strip());
            return amount > 0 ? Duration.of(amount, unit) : null;
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
