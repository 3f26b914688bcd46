package io.knobwright.app.cli;

import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store opened while the command line is parsed: only what the command would open itself, failures included. */
class EarlyStoreOpeningTest {

    @TempDir
    Path home;

    private Optional<Path> directoryOf(String... args) {
        return EarlyStoreOpening.storeCommandDirectory(List.of(args), Map.of("KNOBWRIGHT_HOME", home.toString()));
    }

    @Test
    void storeCommandsResolveTheirDirectoryWhereverTheOptionStands() {
        assertThat(directoryOf("fleet", "list")).contains(home.toAbsolutePath().normalize());
        assertThat(directoryOf("--data-dir", "/srv/kw", "--as", "op", "override", "apply")).contains(Path.of("/srv/kw"));
        assertThat(directoryOf("plan", "list", "--data-dir=/srv/kw2", "--json")).contains(Path.of("/srv/kw2"));
        // --as's value is not the command, even when it is a command's name
        assertThat(directoryOf("--as", "fleet", "bench", "startup")).isEmpty();
    }

    @Test
    void commandsThatMayNotNeedTheStoreOpenNothing() {
        assertThat(directoryOf()).isEmpty();
        assertThat(directoryOf("--version")).isEmpty();
        assertThat(directoryOf("fleet", "--help")).isEmpty();
        assertThat(directoryOf("help", "fleet")).isEmpty();
        assertThat(directoryOf("workload", "fingerprint")).isEmpty();
        assertThat(directoryOf("bench", "startup")).isEmpty();
        assertThat(directoryOf("fleet", "list", "--data-dir")).isEmpty();
    }

    @Test
    void aStoreThatDoesNotExistYetIsLeftForTheCommandToCreate() {
        List<Path> opened = new ArrayList<>();
        try (EarlyStoreOpening early = EarlyStoreOpening.start(List.of("fleet", "list"),
                Map.of("KNOBWRIGHT_HOME", home.toString()), dir -> {
                    opened.add(dir);
                    return KnobwrightStore.open(dir);
                })) {
            assertThat(early.take(home.toAbsolutePath().normalize())).isEmpty();
        }
        assertThat(opened).isEmpty();
        assertThat(home.resolve("knobwright.mv.db")).doesNotExist();
    }

    @Test
    void theCommandTakesTheStoreOpenedForItsDirectoryOnly() {
        KnobwrightStore.open(home).close();
        Path dir = home.toAbsolutePath().normalize();
        try (EarlyStoreOpening early = EarlyStoreOpening.start(List.of("user", "list"),
                Map.of("KNOBWRIGHT_HOME", home.toString()), KnobwrightStore::open)) {
            assertThat(early.take(home.resolve("elsewhere"))).isEmpty();
            try (KnobwrightStore store = early.take(dir).orElseThrow()) {
                assertThat(store.instances().findAll()).isNotEmpty();
            }
            assertThat(early.take(dir)).as("taken once").isEmpty();
        }
    }

    @Test
    void aFailureToOpenReachesTheCommandAsItsOwn() throws Exception {
        Files.writeString(home.resolve("knobwright.mv.db"), "not an H2 file");
        StoreException refused = new StoreException("The file is not a Knobwright store. Move it away.");
        try (EarlyStoreOpening early = EarlyStoreOpening.start(List.of("audit", "verify"),
                Map.of("KNOBWRIGHT_HOME", home.toString()), dir -> {
                    throw refused;
                })) {
            assertThatThrownBy(() -> early.take(home.toAbsolutePath().normalize())).isSameAs(refused);
        }
    }

    @Test
    void aStoreNobodyTookIsClosedAtTheEnd() {
        KnobwrightStore.open(home).close();
        List<KnobwrightStore> opened = new ArrayList<>();
        try (EarlyStoreOpening early = EarlyStoreOpening.start(List.of("fleet", "lst"),
                Map.of("KNOBWRIGHT_HOME", home.toString()), dir -> {
                    KnobwrightStore store = KnobwrightStore.open(dir);
                    opened.add(store);
                    return store;
                })) {
            // the command line was refused before any context was opened
        }
        assertThat(opened).hasSize(1);
        assertThatThrownBy(() -> opened.getFirst().instances().findAll()).as("closed").isInstanceOf(RuntimeException.class);
    }
}
