package io.knobwright.model.fleet;

import java.util.Map;
import java.util.Optional;

/**
 * How long each text of an instance may be: the column sizes of the store (db/migration/V1__fleet.sql).
 * The store checks them before writing, so an oversized value ends in a sentence naming the field instead
 * of an SQL error; inventory import uses the same check to reject a row.
 */
public final class InstanceLimits {

    public static final int NAME = 200;
    public static final int VERSION = 20;
    public static final int FULL_VERSION = 200;
    public static final int JDBC_URL = 2000;
    public static final int USER = 200;
    public static final int CREDENTIAL = 4000;
    public static final int TAG_KEY = 100;
    public static final int TAG_VALUE = 1000;

    private InstanceLimits() {
    }

    /** The first value of this instance that does not fit the store, described for the user; empty when all fit. */
    public static Optional<String> violation(Instance instance) {
        String problem = tooLong("name", instance.name(), NAME);
        problem = problem != null ? problem : tooLong("version", instance.version(), VERSION);
        problem = problem != null ? problem : tooLong("full version", instance.fullVersion(), FULL_VERSION);
        if (problem == null && instance.connection() != null) {
            problem = tooLong("JDBC URL", instance.connection().jdbcUrl(), JDBC_URL);
            problem = problem != null ? problem : tooLong("user", instance.connection().user(), USER);
            problem = problem != null ? problem : tooLong("credential", credentialValue(instance.connection().credential()), CREDENTIAL);
        }
        if (problem == null) {
            for (Map.Entry<String, String> tag : instance.tags().entrySet()) {
                if (tag.getKey() == null || tag.getKey().isBlank()) {
                    problem = "a tag has an empty key";
                } else if (tag.getValue() == null) {
                    problem = "tag '" + abbreviate(tag.getKey()) + "' has no value";
                } else {
                    problem = tooLong("tag key '" + abbreviate(tag.getKey()) + "'", tag.getKey(), TAG_KEY);
                    problem = problem != null ? problem
                            : tooLong("value of tag '" + abbreviate(tag.getKey()) + "'", tag.getValue(), TAG_VALUE);
                }
                if (problem != null) {
                    break;
                }
            }
        }
        return Optional.ofNullable(problem);
    }

    /** The text stored for a credential: the variable name, the ciphertext, or null. */
    public static String credentialValue(CredentialRef ref) {
        return switch (ref) {
            case CredentialRef.None none -> null;
            case CredentialRef.EnvironmentVariable variable -> variable.variable();
            case CredentialRef.Sealed sealed -> sealed.sealed();
        };
    }

    private static String tooLong(String field, String value, int max) {
        return value != null && value.length() > max
                ? field + " is " + value.length() + " characters long; at most " + max + " fit"
                : null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
