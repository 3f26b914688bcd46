package io.knobwright.model.index;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What index advice found on one database: candidates worth building, the best first, and existing indexes that cost
 * without serving.
 *
 * @param database    the database the advice read
 * @param candidates  indexes that lower the cost of the workload's queries, largest benefit first
 * @param unused      indexes never scanned since {@code statsSince}
 * @param duplicate   indexes equal to another
 * @param redundant   indexes that are the leading part of another
 * @param statsSince  when the server's counters (scans, writes) started counting
 * @param notes       what could not be done and why (a query not explained, a table not copied), for the DBA
 */
public record IndexAdvice(String database, List<AdvisedIndex> candidates, List<HygieneFinding> unused,
                          List<HygieneFinding> duplicate, List<HygieneFinding> redundant, Instant statsSince,
                          List<String> notes) {

    public IndexAdvice {
        Objects.requireNonNull(database, "database");
        candidates = List.copyOf(candidates);
        unused = List.copyOf(unused);
        duplicate = List.copyOf(duplicate);
        redundant = List.copyOf(redundant);
        Objects.requireNonNull(statsSince, "statsSince");
        notes = List.copyOf(notes);
    }
}
