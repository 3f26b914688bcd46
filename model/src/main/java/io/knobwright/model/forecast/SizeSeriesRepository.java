package io.knobwright.model.forecast;

import java.util.List;

/** Size series imported per instance and series name (schema 17), for history the collectors did not measure. */
public interface SizeSeriesRepository {

    /** The series' name when none is given: the size of everything on the instance. */
    String TOTAL = "total";

    /**
     * Stores {@code series} under {@code name}: its points replace the stored ones from its first to its last instant,
     * in one unit (all or nothing). Returns how many points the series now has.
     */
    int replace(long instanceId, String name, SizeSeries series);

    /** The series' points, oldest first; empty when none was imported. */
    SizeSeries series(long instanceId, String name);

    /** The names of the instance's imported series, sorted. */
    List<String> names(long instanceId);
}
