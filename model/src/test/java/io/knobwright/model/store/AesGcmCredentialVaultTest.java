package io.knobwright.model.store;

import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Instance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmCredentialVaultTest {

    private static final String PASSWORD = "S3cret-Pässwort!";

    @TempDir
    Path temp;

    @Test
    void sealedPasswordOpensToTheSameText() {
        AesGcmCredentialVault vault = AesGcmCredentialVault.inDirectory(temp, name -> null);

        CredentialRef.Sealed sealed = vault.seal(PASSWORD);

        assertThat(sealed.sealed()).doesNotContain(PASSWORD);
        assertThat(vault.open(sealed)).contains(PASSWORD);
    }

    @Test
    void sealingTheSamePasswordTwiceGivesDifferentCiphertexts() {
        AesGcmCredentialVault vault = AesGcmCredentialVault.inMemory(name -> null);

        assertThat(vault.seal(PASSWORD).sealed()).isNotEqualTo(vault.seal(PASSWORD).sealed());
    }

    @Test
    void keyFileIsOwnerOnlyAndServesTheNextVaultOnTheSameDirectory() throws Exception {
        CredentialRef.Sealed sealed = AesGcmCredentialVault.inDirectory(temp, name -> null).seal(PASSWORD);

        Path key = temp.resolve("vault.key");
        assertThat(key).isRegularFile();
        if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        }
        assertThat(AesGcmCredentialVault.inDirectory(temp, name -> null).open(sealed)).contains(PASSWORD);
        try (var files = Files.list(temp)) {
            assertThat(files).as("no temporary key left behind").containsExactly(key);
        }
    }

    @Test
    void alteredCiphertextIsDetectedNotOpenedToGarbage() {
        AesGcmCredentialVault vault = AesGcmCredentialVault.inMemory(name -> null);
        byte[] bytes = Base64.getDecoder().decode(vault.seal(PASSWORD).sealed());
        bytes[bytes.length - 5] ^= 0x01;
        CredentialRef.Sealed tampered = new CredentialRef.Sealed(Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> vault.open(tampered, "pg-payments-prod-01"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("The sealed password of 'pg-payments-prod-01' cannot be opened: it was altered,"
                        + " or sealed with another key")
                .hasMessageEndingWith("Enter the password again to seal it anew.");
    }

    @Test
    void secretSealedWithAnotherStoresKeyIsRefused() {
        CredentialRef.Sealed foreign = AesGcmCredentialVault.inDirectory(temp.resolve("a"), name -> null).seal(PASSWORD);
        AesGcmCredentialVault other = AesGcmCredentialVault.inDirectory(temp.resolve("b"), name -> null);

        assertThatThrownBy(() -> other.open(foreign)).hasMessageContaining("sealed with another key than the vault key");
    }

    @Test
    void truncatedOrNonBase64CiphertextIsReportedAsDamaged() {
        AesGcmCredentialVault vault = AesGcmCredentialVault.inMemory(name -> null);

        assertThatThrownBy(() -> vault.open(new CredentialRef.Sealed("AAAA"))).hasMessageContaining("is damaged (too short)");
        assertThatThrownBy(() -> vault.open(new CredentialRef.Sealed("not base64 !"))).hasMessageContaining("is damaged (not base64)");
    }

    @Test
    void damagedKeyFileIsReportedWithWhatToDo() throws Exception {
        Files.createDirectories(temp);
        Files.writeString(temp.resolve("vault.key"), "too-short\n");
        AesGcmCredentialVault vault = AesGcmCredentialVault.inDirectory(temp, name -> null);

        assertThatThrownBy(() -> vault.seal(PASSWORD))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("vault.key is damaged")
                .hasMessageContaining("Restore it from a backup");
    }

    @Test
    void environmentVariableIsReadAtOpenTime() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("PG_PASS", "from-env"));
        AesGcmCredentialVault vault = AesGcmCredentialVault.inMemory(env::get);
        CredentialRef ref = new CredentialRef.EnvironmentVariable("PG_PASS");

        assertThat(vault.open(ref)).contains("from-env");
        env.put("PG_PASS", "rotated");
        assertThat(vault.open(ref)).contains("rotated");
    }

    @Test
    void missingEnvironmentVariableSaysWhatToExport() {
        AesGcmCredentialVault vault = AesGcmCredentialVault.inMemory(name -> null);

        assertThatThrownBy(() -> vault.open(new CredentialRef.EnvironmentVariable("PG_PASS"), "pg-payments-prod-01"))
                .isInstanceOf(StoreException.class)
                .hasMessage("Environment variable PG_PASS is not set: export it before connecting to 'pg-payments-prod-01'.");
    }

    @Test
    void noCredentialOpensToNothing() {
        assertThat(AesGcmCredentialVault.inMemory(name -> null).open(CredentialRef.NONE)).isEqualTo(Optional.empty());
    }

    @Test
    void emptyPasswordIsNotSealed() {
        assertThatThrownBy(() -> AesGcmCredentialVault.inMemory(name -> null).seal(""))
                .hasMessageStartingWith("An empty password cannot be sealed");
    }

    @Test
    void storedRowHoldsOnlyCiphertextNeverTheClearPassword() throws Exception {
        String storeName = "vault-" + UUID.randomUUID();
        try (KnobwrightStore store = KnobwrightStore.inMemory(storeName, false)) {
            Instance saved = store.instances().save(TestInstances.connectable("maria-vault-01", store.vault().seal(PASSWORD)));

            try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + storeName, "sa", "");
                 ResultSet rs = c.createStatement().executeQuery("SELECT * FROM INSTANCE")) {
                rs.next();
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    assertThat(String.valueOf(rs.getObject(column))).doesNotContain(PASSWORD);
                }
                assertThat(rs.getString("CREDENTIAL_KIND")).isEqualTo("SEALED");
            }
            CredentialRef loaded = store.instances().findById(saved.id()).orElseThrow().connection().credential();
            assertThat(store.vault().open(loaded)).contains(PASSWORD);
        }
    }

    @Test
    void storeFileOnDiskNeverContainsTheClearPassword() throws Exception {
        try (KnobwrightStore store = KnobwrightStore.open(temp)) {
            store.instances().save(TestInstances.connectable("maria-vault-02", store.vault().seal(PASSWORD)));
        }
        byte[] file = Files.readAllBytes(temp.resolve("knobwright.mv.db"));

        assertThat(new String(file, StandardCharsets.ISO_8859_1))
                .contains("maria-vault-02")
                .doesNotContain(new String(PASSWORD.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        try (KnobwrightStore store = KnobwrightStore.open(temp)) {
            CredentialRef ref = store.instances().findByName("maria-vault-02").orElseThrow().connection().credential();
            assertThat(store.vault().open(ref, "maria-vault-02")).contains(PASSWORD);
        }
    }
}
