package io.knobwright.model.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The note that lets a command skip the read-only inspection vouches only for the file exactly as this build closed
 * it: a file copied over the store, a file written by anyone since, or one still open, is inspected (and refused
 * untouched when it is foreign or newer) as before.
 */
class StoreIdentityTest {

    @TempDir
    Path dir;

    private Path closedStore() {
        KnobwrightStore.open(dir).close();
        return StoreOpening.databaseFile(dir);
    }

    @Test
    void aStoreThisBuildClosedIsVouchedFor() {
        closedStore();
        assertThat(dir.resolve(StoreIdentity.FILE_NAME)).exists();
        assertThat(StoreIdentity.vouchesFor(dir)).as(this::describe).isTrue();
    }

    private String describe() {
        try {
            return StoreIdentity.cleanStamp(StoreOpening.databaseFile(dir)) + " / " + Files.readString(dir.resolve(StoreIdentity.FILE_NAME))
                    + " / " + new String(Files.readAllBytes(StoreOpening.databaseFile(dir)), 0, 110, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void anyoneWritingTheFileSinceEndsTheNote() throws Exception {
        Path file = closedStore();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(StoreOpening.DATABASE_NAME), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("UPDATE \"flyway_schema_history\" SET \"version\" = '99' WHERE \"installed_rank\" ="
                    + " (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
        }
        assertThat(StoreIdentity.vouchesFor(dir)).isFalse();
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> KnobwrightStore.open(dir)).isInstanceOf(StoreException.class).hasMessageContaining("newer");
        assertThat(Files.readAllBytes(file)).as("a newer store is refused untouched").isEqualTo(before);
    }

    @Test
    void aForeignFileCopiedOverTheStoreIsInspectedAndRefusedUntouched(@TempDir Path elsewhere) throws Exception {
        closedStore();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + elsewhere.resolve("other"), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id INT)");
        }
        Path foreign = elsewhere.resolve("other.mv.db");
        Files.copy(foreign, StoreOpening.databaseFile(dir), StandardCopyOption.REPLACE_EXISTING);
        assertThat(StoreIdentity.vouchesFor(dir)).isFalse();
        byte[] before = Files.readAllBytes(StoreOpening.databaseFile(dir));
        assertThatThrownBy(() -> KnobwrightStore.open(dir)).isInstanceOf(StoreException.class);
        assertThat(Files.readAllBytes(StoreOpening.databaseFile(dir))).isEqualTo(before);
    }

    @Test
    void aHeaderThatIsNotH2sOrANoteThatIsDamagedVouchesForNothing() throws Exception {
        closedStore();
        Files.writeString(dir.resolve(StoreIdentity.FILE_NAME), "file=garbage\nschema=12\n");
        assertThat(StoreIdentity.vouchesFor(dir)).isFalse();
        Files.writeString(StoreOpening.databaseFile(dir), "not a database at all");
        assertThat(StoreIdentity.cleanStamp(StoreOpening.databaseFile(dir))).isEmpty();
    }
}
