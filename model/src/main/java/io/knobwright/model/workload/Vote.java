package io.knobwright.model.workload;

import java.util.Locale;

/** Which way one feature of a workload pushed its classification. */
public enum Vote {
    OLTP, OLAP,
    /** Between the two thresholds: the feature says nothing either way. */
    NEITHER,
    /** The feature could not be measured. */
    UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
