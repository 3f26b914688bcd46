package io.knobwright.connectors.jdbc;

import io.knobwright.connectors.ConnectorException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Refuses JDBC URLs that set driver properties which load classes or files on this workstation, write
 * files, run SQL or change the server while connecting. A DBA pastes URLs from tickets and wikis; such a
 * URL must fail with a message before the driver sees it. The deny-lists and why each entry is on them:
 * docs/decisions/0050-refuse-hostile-jdbc-url-properties.md.
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

    private final String driverName;
    private final Map<String, Refused> byName = new LinkedHashMap<>();

    public DriverPropertyGuard(String driverName, List<Refused> refused) {
        this.driverName = Objects.requireNonNull(driverName, "driverName");
        for (Refused r : refused) {
            byName.put(r.name().toLowerCase(Locale.ROOT), r);
        }
    }

    /** Throws a {@link ConnectorException} naming every refused property the URL sets. */
    public void check(JdbcUrl url) {
        StringBuilder found = new StringBuilder();
        int count = 0;
        for (JdbcUrl.Parameter parameter : url.parameters()) {
            Refused refused = byName.get(parameter.name().toLowerCase(Locale.ROOT));
            if (refused == null || refused.harmlessWhenFalse() && parameter.value().trim().equalsIgnoreCase("false")) {
                continue;
            }
            found.append(count++ == 0 ? "" : "; ").append(parameter.name()).append(" (it would ").append(refused.reason()).append(')');
        }
        if (count > 0) {
            throw ConnectorException.badInput("Knobwright did not connect: this JDBC URL sets " + found
                    + ". URLs that make the " + driverName + " driver load code or files, or change the server"
                    + " while connecting, are refused. Remove " + (count == 1 ? "that property" : "those properties")
                    + " from the URL and try again.", null);
        }
    }
}
