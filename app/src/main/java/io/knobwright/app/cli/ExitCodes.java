package io.knobwright.app.cli;

/** The CLI's exit codes; scripts depend on them, so they never change meaning. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The user asked for something that does not exist or gave a value that makes no sense. */
    public static final int USER_ERROR = 1;
    /** The command line itself could not be parsed (unknown option, missing value, missing subcommand). */
    public static final int USAGE = 2;
    /** A database server could not be reached or refused the connection. */
    public static final int UNREACHABLE = 3;
    /** Knobwright hit a bug (EX_SOFTWARE of sysexits.h): nothing the user did or can fix; report it. */
    /** Governance refused what was asked (self-approval, second decision, missing role, locked parameter). */
    public static final int REFUSED = 4;

    /** `audit verify` found the chain broken. */
    public static final int AUDIT_BROKEN = 5;

    /** `plan apply`: the run failed and every change was put back; the server holds its old configuration. */
    public static final int ROLLED_BACK = 6;

    /** `plan apply`: putting back failed as well; the message says which parameter holds what. */
    public static final int NEEDS_ATTENTION = 7;

    public static final int BUG = 70;

    private ExitCodes() {
    }
}
