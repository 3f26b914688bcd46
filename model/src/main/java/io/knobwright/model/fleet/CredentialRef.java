package io.knobwright.model.fleet;

/**
 * Where an instance's password comes from. Passwords are never stored in clear text:
 * either they stay outside Knobwright (an environment variable read at connect time),
 * or they are sealed (AES-GCM) with the store's key and only the ciphertext is kept.
 */
public sealed interface CredentialRef {

    CredentialRef NONE = new None();

    /** No password (trust or peer authentication). */
    record None() implements CredentialRef { }

    /** Read from this environment variable each time a connection is opened. */
    record EnvironmentVariable(String variable) implements CredentialRef {
        public EnvironmentVariable {
            if (variable == null || !variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("Not a valid environment variable name: " + variable);
            }
        }
    }

    /** Sealed with the store key; {@code sealed} is base64 of nonce + ciphertext. */
    record Sealed(String sealed) implements CredentialRef {
        public Sealed {
            if (sealed == null || sealed.isBlank()) {
                throw new IllegalArgumentException("Sealed credential is empty");
            }
        }
    }
}
