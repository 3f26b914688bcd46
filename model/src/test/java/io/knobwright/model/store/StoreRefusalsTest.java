package io.knobwright.model.store;

import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Data directories, files and values the store refuses, each with a message that says what to do; nothing is changed. */
class StoreRefusalsTest {

    @TempDir
    Path temp;

    @Test
    void dataDirectoryWithASemicolonIsRefusedBeforeItIsCreated() {
        Path dir = temp.resolve("fleet;backup");

        assertThatThrownBy(() -> KnobwrightStore.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessage("The data directory " + dir + " contains ';', which the H2 database URL cannot carry."
                        + " Choose another directory with --data-dir or KNOBWRIGHT_HOME.");
        assertThat(dir).doesNotExist();
    }

    @Test
    void dataDirectoryInsideAFileCannotBeCreatedAndSaysWhy() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.txt"), "not a directory");

        assertThatThrownBy(() -> KnobwrightStore.open(file.resolve("store")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot create the data directory " + file.resolve("store") + " (")
                .hasMessageEndingWith("). Choose another with --data-dir or KNOBWRIGHT_HOME.");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }

    @Test
    void h2DatabaseWithOtherCredentialsIsNotTakenForAStoreAndLeftAlone() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("other-app"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("knobwright"), "app", "app-secret");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders(id INT)");
        }
        // a write-mode open refused for its credentials still rewrites the file when H2 closes it (measured for 0118)
        byte[] before = Files.readAllBytes(dir.resolve("knobwright.mv.db"));
        FileTime modified = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(dir.resolve("knobwright.mv.db"), modified);

        assertThatThrownBy(() -> KnobwrightStore.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("The file " + dir.resolve("knobwright.mv.db") + " is not a Knobwright store"
                        + " (it is an H2 database with other credentials)");
        assertThat(Files.readAllBytes(dir.resolve("knobwright.mv.db"))).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(dir.resolve("knobwright.mv.db"))).isEqualTo(modified);
        assertThat(dir.resolve("vault.key")).doesNotExist();
    }

    @Test
    void inMemoryStoreNameWithOtherCharactersIsRefused() {
        assertThatThrownBy(() -> KnobwrightStore.inMemory("fleet;DROP", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An in-memory store name uses letters, digits, '_' and '-' only: fleet;DROP");
    }

    @Test
    void vaultKeyOfTheWrongLengthIsReportedAsDamaged() throws Exception {
        Path dir = temp.resolve("store");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("vault.key"), Base64.getEncoder().encodeToString(new byte[16]) + "\n");
        AesGcmCredentialVault vault = AesGcmCredentialVault.inDirectory(dir, name -> null);

        assertThatThrownBy(() -> vault.seal("s3cret"))
                .isInstanceOf(StoreException.class)
                .hasMessage("The vault key " + dir.resolve("vault.key") + " is damaged (it must hold 32 bytes in base64)."
                        + " Restore it from a backup; passwords sealed with the old key cannot be opened without it.");
    }

    @Test
    void settingTooLongForTheStoreIsNamedAndTheSnapshotNotSaved() {
        try (KnobwrightStore store = KnobwrightStore.inMemory("refusals-snapshot", false)) {
            Instance instance = store.instances().save(TestInstances.connectable("maria-1", CredentialRef.NONE));
            String longName = "x".repeat(250);
            SettingsSnapshot snapshot = new SettingsSnapshot(instance.id(), Instant.now(), "10.11.9", List.of(
                    new LiveSetting("max_connections", "151", null, "default", false),
                    new LiveSetting(longName, "1", null, "default", false)));

            assertThatThrownBy(() -> store.snapshots().save(snapshot))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("Setting " + "x".repeat(57) + "... cannot be stored: its name is longer than 200 characters."
                            + " The snapshot was not saved.");
            assertThat(store.snapshots().latest(instance.id())).isEmpty();
        }
    }

    @Test
    void valueTooLongForTheStoreIsNamedToo() {
        try (KnobwrightStore store = KnobwrightStore.inMemory("refusals-value", false)) {
            Instance instance = store.instances().save(TestInstances.connectable("maria-1", CredentialRef.NONE));
            SettingsSnapshot snapshot = new SettingsSnapshot(instance.id(), Instant.now(), "10.11.9", List.of(
                    new LiveSetting("init_connect", "x".repeat(70_000), null, "configuration file", false)));

            assertThatThrownBy(() -> store.snapshots().save(snapshot))
                    .hasMessage("Setting init_connect cannot be stored: its value is longer than 65535 characters."
                            + " The snapshot was not saved.");
        }
    }
}
