package io.knobwright.model.fleet;

import java.util.Objects;

/**
 * How to reach an instance. The password itself is never part of this record:
 * {@code credential} says where to get it (an environment variable, or a secret sealed in the store).
 */
public record ConnectionSpec(String jdbcUrl, String user, CredentialRef credential) {

    public ConnectionSpec {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("A JDBC URL must start with 'jdbc:', got: " + JdbcUrlSecrets.mask(jdbcUrl));
        }
        credential = credential == null ? CredentialRef.NONE : credential;
        Objects.requireNonNull(credential);
    }
}
