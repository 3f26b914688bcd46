package io.knobwright.model.workload;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Each instance's fingerprints per day (decision 0127): what trends and regressions read. */
public interface QueryHistoryRepository {

    /**
     * Adds {@code days} to the stored ones (the same fingerprint, day and source sum up: a second log of the same day
     * adds to the first) and keeps the texts of fingerprints not known yet.
     *
     * @param texts normalised text per fingerprint id (cut to 4,000 characters)
     */
    void add(long instanceId, List<QueryDay> days, Map<Long, String> texts);

    /**
     * Replaces what {@code source} stored for the instance on {@code day} by {@code days} (a roll-up of that day
     * done again gives the same rows).
     */
    void replaceDay(long instanceId, QueryDay.Source source, LocalDate day, List<QueryDay> days, Map<Long, String> texts);

    /**
     * The instance's days from {@code from} on; where a log and the collector both have a fingerprint's day, only the
     * log's (it has durations; both together would count the calls twice).
     */
    List<QueryDay> days(long instanceId, LocalDate from);

    /** The normalised texts of these fingerprints where known. */
    Map<Long, String> texts(long instanceId, Collection<Long> fingerprints);

    /** Drops every day before {@code before} and the texts left without days; returns the days dropped. */
    int prune(LocalDate before);
}
