package io.knobwright.model.fleet;

import java.util.Optional;

/** Seals passwords for storage and opens them again at connect time. */
public interface CredentialVault {

    /** Encrypts a password; only the returned reference is ever stored. */
    CredentialRef.Sealed seal(String password);

    /**
     * The password a reference stands for: empty for {@link CredentialRef.None}; the environment
     * variable's value (fails with a clear message when it is not set); the opened secret.
     */
    Optional<String> open(CredentialRef ref);

    /** Like {@link #open(CredentialRef)}, naming the instance in the message when the password is unavailable. */
    default Optional<String> open(CredentialRef ref, String instanceName) {
        return open(ref);
    }
}
