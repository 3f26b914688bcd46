package io.knobwright.model.workload;

import io.knobwright.model.fleet.WorkloadKind;

import java.util.Locale;

/** What a workload profile concludes the instance serves; UNKNOWN when too little was measured to say. */
public enum WorkloadClass {
    OLTP, OLAP, MIXED, UNKNOWN;

    /** "oltp", "olap", "mixed", "unknown": as the CLI prints it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fleet's workload kind this class stands for; MIXED for UNKNOWN, the instance record's own default. */
    public WorkloadKind kind() {
        return switch (this) {
            case OLTP -> WorkloadKind.OLTP;
            case OLAP -> WorkloadKind.OLAP;
            case MIXED, UNKNOWN -> WorkloadKind.MIXED;
        };
    }
}
