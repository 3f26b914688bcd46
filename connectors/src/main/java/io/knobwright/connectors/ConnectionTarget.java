package io.knobwright.connectors;

import io.knobwright.model.fleet.JdbcUrlSecrets;

/**
 * A resolved connection: what a connector needs to open a JDBC connection.
 * Built just before connecting from a ConnectionSpec and the CredentialVault; never stored.
 */
public record ConnectionTarget(String jdbcUrl, String user, String password) {

    public ConnectionTarget {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("A JDBC URL must start with 'jdbc:', got: " + JdbcUrlSecrets.mask(jdbcUrl));
        }
    }

    /** Never prints the password, not even one written into the URL. */
    @Override
    public String toString() {
        return "ConnectionTarget[" + JdbcUrlSecrets.mask(jdbcUrl) + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
