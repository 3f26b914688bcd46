package io.knobwright.model.store;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.demo.DemoFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnobwrightStoreTest {

    @TempDir
    Path temp;

    @Test
    void firstOpenCreatesTheDirectoryMigratesAndSeedsTheDemoFleet() throws Exception {
        Path dir = temp.resolve("nested/home");

        try (KnobwrightStore store = KnobwrightStore.open(dir)) {
            assertThat(store.instances().count()).isEqualTo(DemoFleet.load().size());
            assertThat(store.instances().findAll()).allMatch(Instance::demo);
            assertThat(store.location()).isEqualTo(dir.toAbsolutePath().toString());
        }
        assertThat(dir.resolve("knobwright.mv.db")).isRegularFile();
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .as("the store directory is private: it holds the vault key and AUTO_SERVER's key")
                    .isEqualTo("rwx------");
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("knobwright"), "sa", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\" WHERE \"success\"")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(String.valueOf(StoreMigrations.NEWEST_SCHEMA));
        }
    }

    @Test
    void aNewStoreOwesItsUserTheWelcomeUntilItIsDismissedAndAfterReopening() {
        try (KnobwrightStore store = KnobwrightStore.open(temp)) {
            assertThat(store.welcomeDue()).isTrue();
        }
        try (KnobwrightStore store = KnobwrightStore.open(temp)) {
            assertThat(store.welcomeDue()).as("not seen yet: still due after a restart").isTrue();
            store.dismissWelcome();
            assertThat(store.welcomeDue()).isFalse();
        }
        try (KnobwrightStore store = KnobwrightStore.open(temp)) {
            assertThat(store.welcomeDue()).as("dismissed stays dismissed").isFalse();
            store.dismissWelcome();
            assertThat(store.welcomeDue()).isFalse();
        }
    }

    @Test
    void aStoreFromBeforeTheWelcomeDoesNotShowItByItself() throws Exception {
        try (KnobwrightStore store = KnobwrightStore.open(temp)) {
            assertThat(store.welcomeDue()).isTrue();
        }
        // an older Knobwright seeded the demo fleet but knew no welcome: no key
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + temp.resolve("knobwright"), "sa", "")) {
            c.createStatement().execute("DELETE FROM store_meta WHERE meta_key = 'welcome'");
        }
        try (KnobwrightStore store = KnobwrightStore.open(temp)) {
            assertThat(store.welcomeDue()).isFalse();
            store.dismissWelcome();
            assertThat(store.welcomeDue()).isFalse();
        }
        try (KnobwrightStore store = KnobwrightStore.inMemory("store-test-no-seed", false)) {
            assertThat(store.welcomeDue()).as("a store that was never seeded is not new to a user").isFalse();
        }
    }

    @Test
    void reopeningKeepsWhatWasSaved() {
        try (KnobwrightStore store = KnobwrightStore.open(temp)) {
            store.instances().save(TestInstances.inventoryOnly("pg-kept-01"));
        }
        try (KnobwrightStore store = KnobwrightStore.open(temp)) {
            Instance kept = store.instances().findByName("pg-kept-01").orElseThrow();
            assertThat(kept.tags()).containsEntry("team", "payments");
            assertThat(kept.hardware().memoryBytes()).isEqualTo(32L << 30);
        }
    }

    @Test
    void removedDemoFleetStaysRemovedAfterReopening() {
        int demoSize;
        try (KnobwrightStore store = KnobwrightStore.open(temp)) {
            store.instances().save(TestInstances.inventoryOnly("mine"));
            demoSize = store.instances().deleteDemoInstances();
        }
        assertThat(demoSize).isGreaterThanOrEqualTo(240);
        try (KnobwrightStore store = KnobwrightStore.open(temp)) {
            assertThat(store.instances().findAll()).extracting(Instance::name).containsExactly("mine");
        }
        try (KnobwrightStore store = KnobwrightStore.open(temp)) {
            store.instances().delete(store.instances().findByName("mine").orElseThrow().id());
        }
        try (KnobwrightStore store = KnobwrightStore.open(temp)) {
            assertThat(store.instances().count()).as("an emptied store is not re-seeded").isZero();
        }
    }

    @Test
    void twoStoresOnTheSameDirectoryInOneProcessSeeEachOthersWrites() {
        try (KnobwrightStore workbench = KnobwrightStore.open(temp);
             KnobwrightStore cli = KnobwrightStore.open(temp)) {
            cli.instances().save(TestInstances.inventoryOnly("from-cli"));
            assertThat(workbench.instances().findByName("from-cli")).isPresent();
            assertThat(workbench.instances().count()).isEqualTo(cli.instances().count());
        }
    }

    @Test
    void anotherProcessCanUseTheStoreWhileItIsOpenAndAfterwards() throws Exception {
        try (KnobwrightStore workbench = KnobwrightStore.open(temp)) {
            String output = StoreChildProcess.runToEnd("add", temp.toString(), "added-by-other-process");

            assertThat(output).contains("count=" + workbench.instances().count());
            assertThat(workbench.instances().findByName("added-by-other-process")).isPresent();
            workbench.instances().save(TestInstances.inventoryOnly("added-by-workbench"));
        }
        // the workbench is gone (it served the other process); the next process opens the file itself
        String output = StoreChildProcess.runToEnd("add", temp.toString(), "added-later");
        assertThat(output).contains("count=");
        try (KnobwrightStore store = KnobwrightStore.open(temp)) {
            assertThat(store.instances().findByName("added-by-workbench")).isPresent();
            assertThat(store.instances().findByName("added-later")).isPresent();
        }
    }

    @Test
    void storeKeepsWorkingWhenTheProcessThatServedItExits() throws Exception {
        KnobwrightStore.open(temp).close();
        Process server = StoreChildProcess.start("serve", temp.toString(), "3");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream()));
            assertThat(out.readLine()).startsWith("ready ");
            try (KnobwrightStore client = KnobwrightStore.open(temp)) {
                int before = client.instances().count();
                assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(server.exitValue()).isZero();

                client.instances().save(TestInstances.inventoryOnly("after-server-left"));

                assertThat(client.instances().count()).isEqualTo(before + 1);
            }
            try (KnobwrightStore reopened = KnobwrightStore.open(temp)) {
                assertThat(reopened.instances().findByName("after-server-left")).isPresent();
            }
        } finally {
            server.destroy();
        }
    }

    @Test
    void storeFromANewerKnobwrightIsRefusedAndLeftUntouched() throws Exception {
        KnobwrightStore.open(temp).close();
        int future = StoreMigrations.NEWEST_SCHEMA + 1;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + temp.resolve("knobwright"), "sa", "")) {
            c.createStatement().execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '" + future + "', 'future', 'SQL', 'V" + future + "__future.sql', 0, 'sa', 1, TRUE)");
        }
        Path file = temp.resolve("knobwright.mv.db");
        byte[] before = Files.readAllBytes(file);
        FileTime modified = Files.getLastModifiedTime(file);

        assertThatThrownBy(() -> KnobwrightStore.open(temp))
                .isInstanceOf(StoreException.class)
                .hasMessage("This store at " + temp.toAbsolutePath() + " was written by a newer Knobwright (schema " + future + ","
                        + " this version knows up to " + StoreMigrations.NEWEST_SCHEMA + "). Use that version, or open"
                        + " another --data-dir.");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    }

    @Test
    void fileThatIsNotADatabaseIsRefusedWithoutChangingIt() throws Exception {
        Path file = temp.resolve("knobwright.mv.db");
        byte[] junk = "this is a spreadsheet, honestly\n".repeat(500).getBytes();
        Files.write(file, junk);

        assertThatThrownBy(() -> KnobwrightStore.open(temp))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a Knobwright store")
                .hasMessageContaining("open another --data-dir");
        assertThat(Files.readAllBytes(file)).isEqualTo(junk);
    }

    @Test
    void databaseOfAnotherApplicationIsRefusedAndLeftUntouched() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + temp.resolve("knobwright"), "sa", "")) {
            c.createStatement().execute("CREATE TABLE customers (id INT)");
        }
        Path file = temp.resolve("knobwright.mv.db");
        byte[] before = Files.readAllBytes(file);
        FileTime modified = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(file, modified);

        assertThatThrownBy(() -> KnobwrightStore.open(temp))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a Knobwright store (it holds tables but no Knobwright schema history)");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    }

    @Test
    void dataDirectoryThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> KnobwrightStore.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessage("The data directory " + file.toAbsolutePath() + " is a file, not a directory. Choose a"
                        + " directory with --data-dir or KNOBWRIGHT_HOME.");
    }

    @Test
    void storeLockedByAProgramThatDoesNotShareIsRefusedWithAMessage() throws Exception {
        KnobwrightStore.open(temp).close();
        Process holder = StoreChildProcess.start("hold-exclusive", temp.toString(), "30");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            assertThat(out.readLine()).isEqualTo("ready");

            assertThatThrownBy(() -> KnobwrightStore.open(temp))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is locked by another program")
                    .hasMessageContaining("open another --data-dir");
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void inMemoryStoreCanStartEmptyOrWithTheDemoFleet() {
        try (KnobwrightStore empty = KnobwrightStore.inMemory("store-test-empty", false);
             KnobwrightStore demo = KnobwrightStore.inMemory("store-test-demo")) {
            assertThat(empty.instances().count()).isZero();
            assertThat(demo.instances().count()).isEqualTo(DemoFleet.load().size());
            assertThat(empty.dataDirectory()).isEmpty();
        }
    }

    @Test
    void closingAnInMemoryStoreDropsItsData() {
        try (KnobwrightStore store = KnobwrightStore.inMemory("store-test-drop", false)) {
            store.instances().save(TestInstances.inventoryOnly("gone"));
        }
        try (KnobwrightStore store = KnobwrightStore.inMemory("store-test-drop", false)) {
            assertThat(store.instances().count()).isZero();
        }
    }
}
