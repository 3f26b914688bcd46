package io.knobwright.model.workload;

/** What one pass of downsampling and pruning did: rows read and written per step. */
public record SeriesMaintenance(int rawAveraged, int fiveMinuteWritten, int fiveMinuteAveraged, int hourlyWritten,
                                int hourlyDropped, int statementPollsSummed, int statementHoursWritten, int statementHoursDropped) {
}
