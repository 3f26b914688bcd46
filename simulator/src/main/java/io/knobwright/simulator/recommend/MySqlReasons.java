package io.knobwright.simulator.recommend;

import io.knobwright.simulator.model.Estimate;

import java.util.ArrayList;
import java.util.List;

/** The words of a MySQL or MariaDB recommendation: its reasoning and its evidence, from the measured figures. */
final class MySqlReasons {

    private MySqlReasons() {
    }

    static String searched(RecommendationRequest request, String p, String from, String to,
                           Recommendation.Reason reason, Estimate gain, MySqlObjective objective,
                           Configuration before, Configuration after) {
        MySqlEvidence e = MySqlEvidence.of(request);
        String mechanism = switch (p) {
            case "innodb_buffer_pool_size" -> e.poolMeasured()
                    && !Double.isFinite(objective.missRatio(after, MySqlObjective.Scenario.CENTRAL))
                    ? "The buffer pool missed nothing at " + from + ", and with the data's size unknown what " + to
                    + " would miss is not predicted."
                    : e.poolMeasured()
                    ? "The buffer pool served " + Texts.percent(e.hitRatio()) + " of InnoDB's page requests at " + from
                    + " (" + Texts.bytes(e.readBytesPerSec()) + "/s read from disk"
                    + (e.databaseBytes() > 0 ? ", data and indexes " + Texts.bytes(e.databaseBytes()) : "") + "); at "
                    + to + " the predicted miss ratio goes from "
                    + Texts.percent(objective.missRatio(before, MySqlObjective.Scenario.CENTRAL)) + " to "
                    + Texts.percent(objective.missRatio(after, MySqlObjective.Scenario.CENTRAL)) + "."
                    : "The buffer pool goes from " + from + " to " + to + "; its hit ratio was not measured.";
            case "tmp_table_size", "max_heap_table_size" -> Double.isNaN(e.diskTmpPerSec())
                    ? "Temporary tables on disk were not measured."
                    : Texts.number(e.diskTmpPerSec()) + " internal temporary tables per second went to disk at an "
                    + "in-memory limit of " + Texts.bytes(MySqlObjective.tmpLimit(before)) + "; the limit becomes "
                    + Texts.bytes(MySqlObjective.tmpLimit(after)) + " (tmp_table_size and max_heap_table_size move "
                    + "together: the smaller one counts). How large the spilled tables are is not measured, and "
                    + "tables with TEXT or BLOB columns go to disk at any size.";
            case "innodb_flush_log_at_trx_commit" -> "Each commit waits for a redo log flush at " + from + "; at " + to
                    + " the log is written at commit and flushed about once a second.";
            default -> p + " goes from " + from + " to " + to + ".";
        };
        String effect = switch (reason) {
            case THROUGHPUT -> "Predicted to save " + Texts.change(gain) + " of the session time spent waiting.";
            case MAKES_ROOM -> "It frees the memory the other recommended changes need to stay within the budget ("
                    + Texts.bytes(MySqlMemoryBudget.of(request, after).total()) + " of "
                    + Texts.bytes(request.machine().memoryBytes()) + ").";
            case MEMORY_SAFETY -> "It brings the memory the settings may take within the budget: "
                    + MySqlMemoryBudget.of(request, after).describe() + ".";
            default -> "";
        };
        return (mechanism + " " + effect).strip();
    }

    static List<Evidence> evidence(RecommendationRequest request, String p, MySqlObjective objective,
                                   Configuration before, Configuration after) {
        List<Evidence> out = new ArrayList<>();
        List<String> keys = switch (p) {
            case "innodb_buffer_pool_size" -> List.of(Measurements.HIT_RATIO, Measurements.PHYSICAL_READS,
                    Measurements.DATABASE_SIZE, Measurements.ACTIVE_SESSIONS_P95);
            case "tmp_table_size", "max_heap_table_size" -> List.of(Measurements.TEMP_FILES,
                    Measurements.ACTIVE_SESSIONS_P95);
            case "innodb_flush_log_at_trx_commit" -> List.of(Measurements.TPS);
            default -> List.of();
        };
        for (String key : keys) {
            request.measurements().stream().filter(m -> m.metric().equals(key)).findFirst().ifPresent(m ->
                    out.add(new Evidence(Evidence.Kind.MEASURED, m.metric(), value(m), meaning(m))));
        }
        out.add(new Evidence(Evidence.Kind.PREDICTED, "waitingSessionSeconds",
                Texts.number(objective.cost(before, MySqlObjective.Scenario.CENTRAL)) + " -> "
                        + Texts.number(objective.cost(after, MySqlObjective.Scenario.CENTRAL)),
                "session-seconds per second spent on the priced waits, at today's value and at the recommended one"));
        return out;
    }

    /** innodb_flush_log_at_trx_commit = 2 or 0: what a crash can lose (MySQL manual, innodb_flush_log_at_trx_commit). */
    static String flushWindow(String to) {
        return switch (to.strip()) {
            case "2" -> "An operating system crash or power failure can lose the transactions committed in about the "
                    + "last second (innodb_flush_log_at_timeout, 1 s by default), though clients were told they "
                    + "committed; a crash of the server process alone loses none. With binary logging, the binlog and "
                    + "InnoDB can then disagree, which replicas notice.";
            case "0" -> "Any crash, of the server process too, can lose about the last second of committed transactions.";
            default -> "";
        };
    }

    /** The profile's words are PostgreSQL's where the figure is InnoDB's: say what the counter was. */
    private static String meaning(Measurement m) {
        return switch (m.metric()) {
            case Measurements.HIT_RATIO -> "share of InnoDB page requests served by the buffer pool "
                    + "(1 - Innodb_buffer_pool_reads / Innodb_buffer_pool_read_requests)";
            case Measurements.PHYSICAL_READS -> "pages InnoDB read from disk into the buffer pool";
            case Measurements.DATABASE_SIZE -> "data and indexes of the schemas (information_schema.tables)";
            case Measurements.TEMP_FILES -> "internal temporary tables created on disk (Created_tmp_disk_tables)";
            default -> m.meaning();
        };
    }

    private static String value(Measurement m) {
        return switch (m.unit()) {
            case "ratio" -> Texts.percent(m.value());
            case "B" -> Texts.bytes(m.value());
            case "B/s" -> Texts.bytes(m.value()) + "/s";
            default -> Texts.number(m.value()) + (m.unit().isBlank() ? "" : " " + m.unit());
        };
    }
}
