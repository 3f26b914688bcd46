package io.knobwright.connectors;

import java.util.Objects;

/**
 * One thing Knobwright needs to read from a server, and whether the login has it.
 *
 * @param need    what is needed, as a DBA names it ("pg_read_all_settings", "PROCESS")
 * @param purpose what Knobwright reads with it, in a sentence fragment ("every setting in pg_settings, ...")
 * @param status  whether the login has it
 * @param remedy  empty when granted; else the exact statement to run as an administrator (a GRANT), or for
 *                something no GRANT gives (an extension, a server option) what to change
 */
public record PrivilegeFinding(String need, String purpose, Status status, String remedy) {

    /** Where the login stands on one need. */
    public enum Status {
        /** The login has it. */
        GRANTED,
        /** A GRANT gives it; {@link #remedy} is that statement. */
        MISSING,
        /** No GRANT helps: the server lacks the feature (an extension not installed, an instrument switched off). */
        UNAVAILABLE
    }

    public PrivilegeFinding {
        if (need == null || need.isBlank()) {
            throw new IllegalArgumentException("A privilege finding needs the name of what is needed");
        }
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("Say what Knobwright reads with " + need);
        }
        Objects.requireNonNull(status, "status");
        remedy = remedy == null ? "" : remedy;
        if (status == Status.GRANTED != remedy.isEmpty()) {
            throw new IllegalArgumentException(status == Status.GRANTED ? "A granted " + need + " needs no remedy"
                    : "A " + status + " " + need + " needs a remedy: the statement to run or what to change");
        }
    }

    public static PrivilegeFinding granted(String need, String purpose) {
        return new PrivilegeFinding(need, purpose, Status.GRANTED, "");
    }

    public static PrivilegeFinding missing(String need, String purpose, String grant) {
        return new PrivilegeFinding(need, purpose, Status.MISSING, grant);
    }

    public static PrivilegeFinding unavailable(String need, String purpose, String whatToChange) {
        return new PrivilegeFinding(need, purpose, Status.UNAVAILABLE, whatToChange);
    }

    public boolean granted() {
        return status == Status.GRANTED;
    }
}
