package io.knobwright.app.simulation.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PGTune's formulas (le0pard/pgtune, configurationSlice.js) on forms whose answers were worked out by hand. */
class PgTuneTest {

    private static final long GB = 1L << 30;

    @Test
    void aSmallWebServerGetsAQuarterOfRamAndWorkMemSharedOverConnectionsAndTheDefaultWorkers() {
        Map<String, String> conf = PgTune.configure(new PgTune.Input(16, PgTune.DbType.WEB, 4 * GB, 2, 40,
                PgTune.Storage.SSD));

        assertThat(conf).containsEntry("max_connections", "40")
                .containsEntry("shared_buffers", "1GB")
                .containsEntry("effective_cache_size", "3GB")
                .containsEntry("maintenance_work_mem", "256MB")
                .containsEntry("checkpoint_completion_target", "0.9")
                .containsEntry("wal_buffers", "16MB") // 3% of 1GB is 30MB, capped
                .containsEntry("random_page_cost", "1.1")
                .containsEntry("effective_io_concurrency", "200")
                // (4GB - 1GB) / ((40 + 8 default worker processes) x 3) = 21845.3 kB, floored
                .containsEntry("work_mem", "21845kB")
                .containsEntry("huge_pages", "off")
                .containsEntry("min_wal_size", "1GB")
                .containsEntry("max_wal_size", "4GB")
                .containsEntry("jit", "off")
                .containsEntry("wal_compression", "lz4");
        assertThat(conf).as("fewer than 4 CPUs: PGTune writes no parallel settings")
                .doesNotContainKeys("max_worker_processes", "max_parallel_workers_per_gather");
    }

    @Test
    void aLargeWarehouseGetsUncappedGatherWorkersHalvedWorkMemAndACappedAutovacuumMemory() {
        Map<String, String> conf = PgTune.configure(new PgTune.Input(14, PgTune.DbType.DW, 64 * GB, 16, 0,
                PgTune.Storage.HDD));

        assertThat(conf).containsEntry("max_connections", "40") // the type's default when the field is empty
                .containsEntry("shared_buffers", "16GB")
                .containsEntry("maintenance_work_mem", "8GB")
                .containsEntry("autovacuum_work_mem", "2GB")
                // (64GB - 16GB) / ((40 + 16) x 3) / 2 = 149796.6 kB
                .containsEntry("work_mem", "149796kB")
                .containsEntry("max_worker_processes", "16")
                .containsEntry("max_parallel_workers_per_gather", "8")
                .containsEntry("max_parallel_maintenance_workers", "4")
                .containsEntry("autovacuum_max_workers", "4")
                .containsEntry("default_statistics_target", "500")
                .containsEntry("random_page_cost", "4")
                .containsEntry("effective_io_concurrency", "2")
                .containsEntry("huge_pages", "try")
                .containsEntry("max_wal_size", "16GB")
                .containsEntry("wal_compression", "on");
        assertThat(conf).as("dw keeps the server's jit").doesNotContainKey("jit");
    }

    @Test
    void walBuffersRoundUpToSixteenMegabytesFromAboveFourteenAndNeverFallBelowThirtyTwoKilobytes() {
        assertThat(PgTune.walBuffersKb(500 * 1024)).isEqualTo(16 * 1024); // 3% of 500MB = 15MB
        assertThat(PgTune.walBuffersKb(400 * 1024)).isEqualTo(12288); // 12MB stays
        assertThat(PgTune.walBuffersKb(512)).isEqualTo(32);
    }

    @Test
    void workMemIsNeverBelowFourMegabytes() {
        Map<String, String> conf = PgTune.configure(new PgTune.Input(16, PgTune.DbType.DESKTOP, GB, 2, 200,
                PgTune.Storage.SSD));

        assertThat(conf).containsEntry("work_mem", "4MB").containsEntry("wal_level", "minimal")
                .containsEntry("max_wal_senders", "0");
    }

    @Test
    void onAServerWithoutLz4PgtunesLz4BecomesPglzAndNothingElseChanges() {
        Map<String, String> conf = PgTune.configure(new PgTune.Input(17, PgTune.DbType.OLTP, 4 * GB, 2, 40,
                PgTune.Storage.SSD));

        Map<String, String> adapted = PgTune.forServer(conf, false);

        assertThat(adapted).containsEntry("wal_compression", "pglz").hasSameSizeAs(conf);
        assertThat(PgTune.forServer(conf, true)).isEqualTo(conf);
    }
}
