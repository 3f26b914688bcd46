package io.knobwright.model.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store command closes the file without H2's 200 ms compaction until the file has grown enough since its size was
 * last noted; then the openers compact it on close until it no longer grows, and note the new size.
 */
class CloseCompactionTest {

    @TempDir
    Path dir;

    private long fileSize() throws Exception {
        return Files.size(StoreOpening.databaseFile(dir));
    }

    private String note() throws Exception {
        return Files.readString(dir.resolve(CloseCompaction.FILE_NAME));
    }

    @Test
    void aNewStoreIsNotedAtItsFirstCloseWithoutCompacting() throws Exception {
        assertThat(CloseCompaction.decide(dir)).isEqualTo(new CloseCompaction(false, 0));
        KnobwrightStore.open(dir).close();
        assertThat(note()).isEqualTo(Long.toString(fileSize()));
        assertThat(CloseCompaction.decide(dir).compact()).isFalse();
    }

    @Test
    void aStoreThatHardlyGrewIsClosedWithoutCompactingAndItsNoteStays() throws Exception {
        KnobwrightStore.open(dir).close();
        String noted = note();
        for (int i = 0; i < 3; i++) {
            assertThat(CloseCompaction.decide(dir).compact()).isFalse();
            KnobwrightStore.open(dir).close();
        }
        assertThat(note()).isEqualTo(noted);
    }

    @Test
    void aStoreThatGrewPastTheSlackIsCompactedOnCloseUntilItShrinks() throws Exception {
        KnobwrightStore.open(dir).close();
        // rows written and deleted by a process that does not compact: the file keeps the space they took
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(StoreOpening.DATABASE_NAME)
                + ";MAX_COMPACT_TIME=0", StoreOpening.USER, StoreOpening.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE scratch (id INT PRIMARY KEY, filler VARCHAR(2000))");
            for (int round = 0; round < 8; round++) {
                s.execute("INSERT INTO scratch SELECT X + " + round * 1000 + ", REPEAT('x', 1500)"
                        + " FROM SYSTEM_RANGE(1, 1000)");
            }
            s.execute("DROP TABLE scratch");
        }
        long grown = fileSize();
        assertThat(CloseCompaction.decide(dir).compact()).as("grown to %d bytes, noted %s", grown, note()).isTrue();

        int closes = 0;
        while (CloseCompaction.decide(dir).compact() && closes < 6) {
            KnobwrightStore.open(dir).close();
            closes++;
        }

        assertThat(CloseCompaction.decide(dir).compact()).as("still due after %d closes", closes).isFalse();
        assertThat(closes).as("it took a compacting close").isPositive();
        assertThat(fileSize()).isLessThan(grown);
        assertThat(note()).isEqualTo(Long.toString(fileSize()));
    }

    @Test
    void anExistingStoreWithoutAReadableNoteIsCompactedAndNoted() throws Exception {
        KnobwrightStore.open(dir).close();
        Files.writeString(dir.resolve(CloseCompaction.FILE_NAME), "lots");
        assertThat(CloseCompaction.decide(dir).compact()).isTrue();
        for (int closes = 0; closes < 6 && CloseCompaction.decide(dir).compact(); closes++) {
            KnobwrightStore.open(dir).close();
        }
        assertThat(note()).isEqualTo(Long.toString(fileSize()));
    }
}
