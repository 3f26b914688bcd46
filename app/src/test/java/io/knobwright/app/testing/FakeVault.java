package io.knobwright.app.testing;

import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.CredentialVault;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Reversible, NOT secret "sealing" (base64 of the reversed password): enough to test who calls what. */
public final class FakeVault implements CredentialVault {

    private final Map<String, String> environment;

    public FakeVault(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public CredentialRef.Sealed seal(String password) {
        String reversed = new StringBuilder(password).reverse().toString();
        return new CredentialRef.Sealed(Base64.getEncoder().encodeToString(reversed.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Optional<String> open(CredentialRef ref) {
        return switch (ref) {
            case CredentialRef.None none -> Optional.empty();
            case CredentialRef.EnvironmentVariable env -> {
                String value = environment.get(env.variable());
                if (value == null) {
                    throw new IllegalStateException("Environment variable " + env.variable() + " is not set.");
                }
                yield Optional.of(value);
            }
            case CredentialRef.Sealed sealed -> Optional.of(new StringBuilder(
                    new String(Base64.getDecoder().decode(sealed.sealed()), StandardCharsets.UTF_8)).reverse().toString());
        };
    }
}
