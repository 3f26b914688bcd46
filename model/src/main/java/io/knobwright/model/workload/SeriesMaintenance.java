package io.knobwright.model.workload;

/**
 * What one pass of downsampling and pruning did: rows read and written per step.
 *
 * @param relationSnapshotsThinned relation snapshots (decision 0128) deleted as they aged into hourly, daily or gone
 */
public record SeriesMaintenance(int rawAveraged, int fiveMinuteWritten, int fiveMinuteAveraged, int hourlyWritten,
                                int hourlyDropped, int statementPollsSummed, int statementHoursWritten, int statementHoursDropped,
                                int relationSnapshotsThinned) {

    public SeriesMaintenance(int rawAveraged, int fiveMinuteWritten, int fiveMinuteAveraged, int hourlyWritten,
                             int hourlyDropped, int statementPollsSummed, int statementHoursWritten, int statementHoursDropped) {
        this(rawAveraged, fiveMinuteWritten, fiveMinuteAveraged, hourlyWritten, hourlyDropped, statementPollsSummed,
                statementHoursWritten, statementHoursDropped, 0);
    }
}
