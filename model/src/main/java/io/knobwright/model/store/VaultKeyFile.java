package io.knobwright.model.store;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The store's AES-256 key in {@code <dataDir>/vault.key}: created on first use, readable by the owner only.
 * Kept apart from the H2 file on purpose, so a copied store file alone does not reveal sealed passwords.
 */
final class VaultKeyFile implements Supplier<SecretKey> {

    static final String FILE_NAME = "vault.key";
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final SecureRandom random;
    private SecretKey key;

    VaultKeyFile(Path dataDir, SecureRandom random) {
        this.file = dataDir.resolve(FILE_NAME);
        this.random = random;
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized SecretKey get() {
        if (key == null) {
            key = Files.exists(file) ? read() : create();
        }
        return key;
    }

    private SecretKey read() {
        try {
            byte[] raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (raw.length != KEY_BYTES) {
                throw damaged(null);
            }
            return new SecretKeySpec(raw, "AES");
        } catch (IllegalArgumentException e) {
            throw damaged(e);
        } catch (IOException e) {
            throw new StoreException("Cannot read the vault key " + file + ": " + e.getMessage()
                    + ". Check that this file belongs to you and is readable.", e);
        }
    }

    /**
     * Writes the new key to a private temporary file, then links it into place: a link never replaces
     * an existing file, so when the CLI and the workbench create the key at the same moment, both end
     * up with the one that won instead of each sealing with its own.
     */
    private SecretKey create() {
        byte[] raw = new byte[KEY_BYTES];
        random.nextBytes(raw);
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), "vault", ".tmp", ownerOnly());
            Files.writeString(temp, Base64.getEncoder().encodeToString(raw) + System.lineSeparator(),
                    StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raceLost) {
                return read();
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                Files.move(temp, file); // never replaces: a key that appeared meanwhile wins (caught below)
                temp = null;
            }
            return new SecretKeySpec(raw, "AES");
        } catch (FileAlreadyExistsException e) {
            return read();
        } catch (IOException e) {
            throw new StoreException("Cannot create the vault key " + file + ": " + e.getMessage()
                    + ". Check that the data directory is writable.", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temp file holds a key nobody uses; harmless
                }
            }
        }
    }

    private FileAttribute<?>[] ownerOnly() {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        // Elsewhere (Windows) the file inherits the ACL of the user's profile directory.
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    private StoreException damaged(Exception cause) {
        return new StoreException("The vault key " + file + " is damaged (it must hold " + KEY_BYTES
                + " bytes in base64). Restore it from a backup; passwords sealed with the old key cannot be"
                + " opened without it.", cause);
    }
}
