package io.knobwright.app.ui.common;

import io.knobwright.app.cli.VersionProvider;
import io.knobwright.model.UserError;
import io.knobwright.model.task.ShuttingDownException;
import io.knobwright.model.text.ShownText;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The one place where the workbench turns a failure into what the user reads. A {@link UserError} already says
 * what went wrong and what to do, so its message is shown as it is. Anything else is a bug in Knobwright: the
 * user gets a sentence saying so, and {@link #bugReport} the details to copy into a report, never a raw
 * exception text (decision 0002).
 */
public final class UserMessages {

    private UserMessages() {
    }

    /** The message to show; {@code action} names what failed ("Refresh from server"). */
    public static String describe(String action, Throwable error) {
        Throwable t = UserError.unwrap(error);
        if (t instanceof UserError || t instanceof ShuttingDownException) {
            // names from files and the store may hold bidi overrides or zero-width characters: shown escaped
            return action + " failed: " + ShownText.escapedKeepingLines(t.getMessage());
        }
        return action + " failed because of a bug in Knobwright. The bug report window has the details to copy.";
    }

    /** True for a bug: a failure that is neither a user error nor the application closing. */
    public static boolean isBug(Throwable error) {
        Throwable t = UserError.unwrap(error);
        return !(t instanceof UserError) && !(t instanceof ShuttingDownException);
    }

    /** What a bug report needs: what the user did, Knobwright's version, the platform and the stack trace. */
    public static String bugReport(String action, Throwable bug) {
        StringWriter trace = new StringWriter();
        UserError.unwrap(bug).printStackTrace(new PrintWriter(trace));
        return "Action: " + action + System.lineSeparator()
                + "Knobwright " + VersionProvider.version() + " on Java " + Runtime.version()
                + " (" + System.getProperty("java.vendor", "unknown vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + System.lineSeparator() + System.lineSeparator()
                + trace;
    }
}
