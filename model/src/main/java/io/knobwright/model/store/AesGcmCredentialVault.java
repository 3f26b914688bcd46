package io.knobwright.model.store;

import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.CredentialVault;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Seals passwords with AES-256-GCM: a fresh random 96-bit nonce per secret, a 128-bit tag, so any change
 * to the stored text is detected instead of yielding a wrong password. Stored form: base64(nonce || ciphertext).
 */
public final class AesGcmCredentialVault implements CredentialVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Binds ciphertexts to their purpose: one sealed for something else cannot pass as a password. */
    private static final byte[] ASSOCIATED_DATA = "knobwright-credential-v1".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<SecretKey> key;
    private final Function<String, String> env;
    private final SecureRandom random;
    private final String keyDescription;

    private AesGcmCredentialVault(Supplier<SecretKey> key, Function<String, String> env, SecureRandom random,
                                  String keyDescription) {
        this.key = key;
        this.env = Objects.requireNonNull(env, "env");
        this.random = random;
        this.keyDescription = keyDescription;
    }

    /** Key in {@code <dataDir>/vault.key}, created on the first seal or open. */
    public static AesGcmCredentialVault inDirectory(Path dataDir, Function<String, String> env) {
        SecureRandom random = new SecureRandom();
        VaultKeyFile keyFile = new VaultKeyFile(dataDir, random);
        return new AesGcmCredentialVault(keyFile, env, random, "the vault key " + keyFile.file());
    }

    /** A key that lives as long as this object: for in-memory stores and tests. */
    public static AesGcmCredentialVault inMemory(Function<String, String> env) {
        SecureRandom random = new SecureRandom();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        SecretKey key = new SecretKeySpec(raw, "AES");
        return new AesGcmCredentialVault(() -> key, env, random, "this in-memory store's key");
    }

    @Override
    public CredentialRef.Sealed seal(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException(
                    "An empty password cannot be sealed. Leave the password out for servers that need none.");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            byte[] ciphertext = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
            return new CredentialRef.Sealed(Base64.getEncoder().encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    @Override
    public Optional<String> open(CredentialRef ref) {
        return open(ref, null);
    }

    @Override
    public Optional<String> open(CredentialRef ref, String instanceName) {
        String target = instanceName == null ? "" : " to '" + instanceName + "'";
        return switch (Objects.requireNonNull(ref, "ref")) {
            case CredentialRef.None none -> Optional.empty();
            case CredentialRef.EnvironmentVariable variable -> {
                String value = env.apply(variable.variable());
                if (value == null) {
                    throw new StoreException("Environment variable " + variable.variable()
                            + " is not set: export it before connecting" + target + ".");
                }
                yield Optional.of(value);
            }
            case CredentialRef.Sealed sealed -> Optional.of(unseal(sealed, instanceName));
        };
    }

    private String unseal(CredentialRef.Sealed sealed, String instanceName) {
        String whose = instanceName == null ? "The sealed password" : "The sealed password of '" + instanceName + "'";
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.sealed());
        } catch (IllegalArgumentException e) {
            throw new StoreException(whose + " is damaged (not base64). Enter the password again to seal it anew.", e);
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new StoreException(whose + " is damaged (too short). Enter the password again to seal it anew.");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES));
            byte[] clear = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new StoreException(whose + " cannot be opened: it was altered, or sealed with another key than "
                    + keyDescription + ". Enter the password again to seal it anew.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ASSOCIATED_DATA);
        return cipher;
    }
}
