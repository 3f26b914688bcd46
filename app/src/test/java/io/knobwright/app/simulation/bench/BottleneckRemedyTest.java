package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.WorkloadShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The textbook remedies are sized from what was observed, in values a DBA writes, within the declared RAM. */
class BottleneckRemedyTest {

    private static final long MB = 1L << 20;
    private static final long GB = 1L << 30;

    @Test
    void sharedBuffersHoldTheWholeDatabaseWithAQuarterToSpareUpToAQuarterOfRam() {
        assertThat(BottleneckRemedy.bufferForData().settings(observed(Map.of(), List.of(), 367 * MB, 4 * GB, 4, 1)))
                .containsExactly(Map.entry("shared_buffers", "512MB"));
        assertThat(BottleneckRemedy.bufferForData().settings(observed(Map.of(), List.of(), 30 * GB, 4 * GB, 4, 1)))
                .containsExactly(Map.entry("shared_buffers", "1024MB"));
    }

    @Test
    void workMemHoldsTheLargestSortOrHashOverTheHashMultiplier() {
        List<QueryClass> classes = List.of(statement("window sort", 11 * MB, 0), statement("hash join", 0, 20 * MB));

        // sorts need 11 MB x 1.25 -> 16MB; the 20 MB hash table needs 20MB of work_mem at multiplier 1, 10MB at 2
        assertThat(BottleneckRemedy.workMemForSpills().settings(observed(Map.of("hash_mem_multiplier", "1"), classes,
                GB, 4 * GB, 4, 1))).containsExactly(Map.entry("work_mem", "32MB"));
        assertThat(BottleneckRemedy.workMemForSpills().settings(observed(Map.of("hash_mem_multiplier", "2"), classes,
                GB, 4 * GB, 4, 1))).containsExactly(Map.entry("work_mem", "16MB"));
    }

    @Test
    void workMemNeverFallsBelowTheDefaultNorRisesAboveAnEighthOfRam() {
        assertThat(BottleneckRemedy.workMemForSpills().settings(observed(Map.of(),
                List.of(statement("tiny", 100_000, 0)), GB, 4 * GB, 4, 1))).containsEntry("work_mem", "4MB");
        assertThat(BottleneckRemedy.workMemForSpills().settings(observed(Map.of(),
                List.of(statement("huge", 5L * GB, 0)), GB, 4 * GB, 4, 1))).containsEntry("work_mem", "512MB");
    }

    @Test
    void groupCommitWaitsHalfTheMeasuredFlushWithSiblingsTheClientsCanReach() {
        Map<String, String> slowDisk = BottleneckRemedy.walForCommits().settings(observed(Map.of(), List.of(), GB,
                4 * GB, 8, 5.8));
        Map<String, String> fastDisk = BottleneckRemedy.walForCommits().settings(observed(Map.of(), List.of(), GB,
                4 * GB, 4, 0.01));

        assertThat(slowDisk).containsEntry("commit_delay", "2900").containsEntry("commit_siblings", "4")
                .containsEntry("wal_compression", "on").containsEntry("wal_buffers", "16MB");
        assertThat(fastDisk).containsEntry("commit_delay", "10").containsEntry("commit_siblings", "2");
        assertThat(slowDisk).doesNotContainKeys("synchronous_commit", "fsync", "full_page_writes");
    }

    @Test
    void theLadderRoundsToValuesADbaWrites() {
        assertThat(BottleneckRemedy.roundUp(459 * MB)).isEqualTo(512.0 * MB);
        assertThat(BottleneckRemedy.roundUp(300 * MB)).isEqualTo(384.0 * MB);
        assertThat(BottleneckRemedy.roundDown(GB)).isEqualTo(1024.0 * MB);
        assertThat(BottleneckRemedy.roundDown(700 * MB)).isEqualTo(512.0 * MB);
        assertThat(BottleneckRemedy.roundDown(800 * MB)).isEqualTo(768.0 * MB);
    }

    private static QueryClass statement(String name, double sortBytes, double hashBytes) {
        return new QueryClass(name, 1, 1, 10, sortBytes, hashBytes, 0, 0, false);
    }

    private static BottleneckRemedy.Observed observed(Map<String, String> settings, List<QueryClass> classes,
                                                      double dataBytes, long ram, int clients, double flushMs) {
        List<QueryClass> shapeClasses = classes.isEmpty() ? List.of(statement("lookup", 0, 0)) : classes;
        return new BottleneckRemedy.Observed(settings, new WorkloadShape("w", shapeClasses, dataBytes, 0, clients, 0,
                1), dataBytes, ram, clients, flushMs);
    }
}
