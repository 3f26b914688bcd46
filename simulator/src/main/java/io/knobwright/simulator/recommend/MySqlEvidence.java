package io.knobwright.simulator.recommend;

import java.util.ArrayList;
import java.util.List;

/**
 * The measured figures a MySQL or MariaDB recommendation starts from, read from the request's measurements (the
 * collector's SHOW GLOBAL STATUS counters, decision 0153): NaN where nothing was measured, so every rule can say
 * whether it had evidence.
 *
 * @param hitRatio          share of InnoDB page requests served by the buffer pool (1 - Innodb_buffer_pool_reads /
 *                          Innodb_buffer_pool_read_requests over the window)
 * @param readBytesPerSec   pages read from disk into the pool, in bytes per second
 * @param databaseBytes     data and indexes of the user schemas (information_schema.tables)
 * @param diskTmpPerSec     internal temporary tables created on disk per second (Created_tmp_disk_tables)
 * @param redoBytesPerSec   redo generated (Innodb_lsn_current, else Innodb_os_log_written), the p95 of the polls
 *                          where known, else the mean
 * @param peakConnections   most client connections at once (Threads_connected); 0 when not measured
 * @param activeSessionsP95 sessions running a statement, 95th percentile; NaN when not measured
 * @param commitsPerSec     transactions per second
 */
record MySqlEvidence(double hitRatio, double readBytesPerSec, double databaseBytes, double diskTmpPerSec,
                     double redoBytesPerSec, double peakConnections, double activeSessionsP95, double commitsPerSec) {

    /** InnoDB's page size unless innodb_page_size says otherwise. */
    static final double PAGE = 16 * 1024;

    static MySqlEvidence of(RecommendationRequest request) {
        double p95 = find(request, Measurements.WAL_RATE_P95);
        double peak = find(request, Measurements.PEAK_CONNECTIONS);
        return new MySqlEvidence(find(request, Measurements.HIT_RATIO), find(request, Measurements.PHYSICAL_READS),
                find(request, Measurements.DATABASE_SIZE), find(request, Measurements.TEMP_FILES),
                Double.isNaN(p95) ? find(request, Measurements.WAL_RATE) : p95, Double.isNaN(peak) ? 0 : peak,
                find(request, Measurements.ACTIVE_SESSIONS_P95), find(request, Measurements.TPS));
    }

    boolean poolMeasured() {
        return !Double.isNaN(hitRatio) && !Double.isNaN(readBytesPerSec);
    }

    /** What was measured, in words, for the answer's statement of its evidence. */
    List<String> measured() {
        List<String> out = new ArrayList<>();
        if (poolMeasured()) {
            out.add("buffer pool hit ratio and reads");
        }
        if (!Double.isNaN(diskTmpPerSec)) {
            out.add("temporary tables on disk");
        }
        if (!Double.isNaN(redoBytesPerSec)) {
            out.add("redo rate");
        }
        if (peakConnections > 0) {
            out.add("peak connections");
        }
        if (!Double.isNaN(activeSessionsP95)) {
            out.add("active sessions");
        }
        return out;
    }

    private static double find(RecommendationRequest request, String metric) {
        return request.measurements().stream().filter(m -> m.metric().equals(metric))
                .mapToDouble(Measurement::value).findFirst().orElse(Double.NaN);
    }
}
