package io.knobwright.model.fleet.inventory;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.inventory.ImportReport.RejectedRow;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryImportTest {

    @TempDir
    Path temp;

    private KnobwrightStore store;
    private InventoryImport inventoryImport;

    @BeforeEach
    void openStore() {
        store = KnobwrightStore.inMemory("import-" + UUID.randomUUID(), false);
        inventoryImport = new InventoryImport(store.instances());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void goodRowsAreStoredAndBadOnesReportedIncludingNamesAlreadyInTheStore() throws Exception {
        inventoryImport.importFile(Files.writeString(temp.resolve("first.csv"), "name,engine,version\npg-existing,postgresql,16\n"));
        Path file = Files.writeString(temp.resolve("fleet.csv"), """
                name,engine,version,tags
                pg-new-01,postgresql,16.4,team=payments
                pg-existing,postgresql,17,
                bad,db2,11,
                "x'); DROP TABLE instance;--",mysql,8.4,
                """);

        ImportReport report = inventoryImport.importFile(file);

        assertThat(report.imported()).extracting(Instance::name).containsExactly("pg-new-01", "x'); DROP TABLE instance;--");
        assertThat(report.imported()).allSatisfy(i -> assertThat(i.id()).isPositive());
        assertThat(report.rejected()).containsExactly(
                new RejectedRow(3, "An instance named 'pg-existing' already exists in the store."),
                new RejectedRow(4, "Unknown engine 'db2'; use one of: postgresql, mysql, mariadb, sqlserver, oracle."));
        assertThat(store.instances().count()).isEqualTo(3);
        assertThat(store.instances().findByName("pg-new-01").orElseThrow().tags()).containsEntry("team", "payments");
        assertThat(store.instances().findByName("pg-existing").orElseThrow().version()).as("not overwritten").isEqualTo("16");
    }

    @Test
    void unreadableFileStoresNothing() throws Exception {
        Path file = Files.writeString(temp.resolve("fleet.json"), "[{\"name\": \"a\", \"engine\": \"pg\", \"version\": \"16\"},");

        assertThatThrownBy(() -> inventoryImport.importFile(file)).isInstanceOf(InventoryFormatException.class);
        assertThat(store.instances().count()).isZero();
    }

    @Test
    void fileWithOnlyBadRowsStoresNothingAndSaysWhy() throws Exception {
        Path file = Files.writeString(temp.resolve("fleet.csv"), "name,engine,version\n,postgresql,16\n");

        ImportReport report = inventoryImport.importFile(file);

        assertThat(report.imported()).isEmpty();
        assertThat(report.rejected()).containsExactly(new RejectedRow(2, "Missing name."));
        assertThat(store.instances().count()).isZero();
    }

    @Test
    void tenThousandRowsImportInOneGo() throws Exception {
        StringBuilder csv = new StringBuilder("name,engine,version,tags,cpus,memory\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("pg-").append(i).append(",postgresql,16,team=t").append(i % 30).append(";region=eu,8,32GB\n");
        }
        Path file = Files.writeString(temp.resolve("big.csv"), csv);

        long start = System.nanoTime();
        ImportReport report = inventoryImport.importFile(file);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(report.imported()).hasSize(10_000);
        assertThat(report.rejected()).isEmpty();
        assertThat(store.instances().count()).isEqualTo(10_000);
        assertThat(millis).as("10,000-row import, ms").isLessThan(20_000);
    }
}
