package io.knobwright.app.cli;

import io.knobwright.model.UserError;
import io.knobwright.model.diag.StartupTrace;
import io.knobwright.model.text.ShownText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.lang.reflect.Constructor;

/**
 * Builds the picocli command tree ({@link CommandTree}) for one session and maps failures to exit codes, once for
 * every command: a {@link UserError} is one line on stderr and the exit code of its kind; anything else is a bug,
 * reported as one (exit 70). Stack traces only with --debug, never in the user's face (decision 0002).
 */
public final class Cli {

    private Cli() {
    }

    /** Runs one command line and closes the session; returns the exit code. */
    public static int run(CliSession session, String... args) {
        try (session) {
            CommandLine commandLine = commandLine(session, args);
            StartupTrace.mark("command tree built");
            int code = commandLine.execute(args);
            StartupTrace.mark("command ran");
            return code;
        }
    }

    /** Every command, as help and tests see the tree. */
    static CommandLine commandLine(CliSession session) {
        return configured(CommandTree.whole(new SessionFactory(session)), session);
    }

    /** The commands {@code args} need: the branch they run, or whole groups where they leave doubt (0118). */
    static CommandLine commandLine(CliSession session, String... args) {
        return configured(CommandTree.forArguments(new SessionFactory(session), args), session);
    }

    /** Settings reach the subcommands present when they are set, so the tree is complete before. */
    private static CommandLine configured(CommandLine cl, CliSession session) {
        // descriptions are written as lines of up to ~110 characters; a narrower width would re-wrap them raggedly
        cl.setUsageHelpWidth(120);
        cl.setOut(session.out());
        cl.setErr(session.err());
        cl.setExecutionExceptionHandler(executionFailures(session));
        cl.setParameterExceptionHandler(usageFailures(session));
        return cl;
    }

    private static IExecutionExceptionHandler executionFailures(CliSession session) {
        return (ex, commandLine, parseResult) -> {
            UserError error = UserError.of(ex).orElse(null);
            String message = error != null ? error.getMessage() : bugMessage(UserError.unwrap(ex), session.debug());
            session.err().println("knobwright: " + oneLine(message));
            if (session.debug()) {
                ex.printStackTrace(session.err());
            }
            session.err().flush();
            if (error instanceof io.knobwright.model.approval.GovernanceRefusal) {
                return ExitCodes.REFUSED;
            }
            return error != null ? exitCode(error.kind()) : ExitCodes.BUG;
        };
    }

    /** The one place that turns a kind of user error into an exit code. */
    static int exitCode(UserError.Kind kind) {
        return switch (kind) {
            case INPUT, STORE -> ExitCodes.USER_ERROR;
            case UNREACHABLE -> ExitCodes.UNREACHABLE;
        };
    }

    private static String bugMessage(Throwable bug, boolean debug) {
        String detail = bug.getMessage() == null || bug.getMessage().isBlank() ? "" : ": " + bug.getMessage();
        return "Knobwright hit a bug: " + bug.getClass().getName() + detail + "."
                + (debug ? " The stack trace follows; please report it." : " Run again with --debug to see where, and report it.");
    }

    private static IParameterExceptionHandler usageFailures(CliSession session) {
        return (ex, args) -> {
            CommandLine cl = ex.getCommandLine();
            session.err().println("knobwright: " + oneLine(ex.getMessage()));
            UnmatchedArgumentException.printSuggestions(ex, session.err());
            session.err().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
            session.err().flush();
            return ExitCodes.USAGE;
        };
    }

    /**
     * The message on one line of stderr, every character that prints nothing or reorders the text escaped: a name
     * from a file or the store may hold a bidi override or a terminal escape sequence.
     */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed without a message";
        }
        // A list of problems (one per line in the workbench) stays readable on one line: "; " between its items.
        StringBuilder joined = new StringBuilder();
        for (String line : message.strip().split("\\s*[\\r\\n]+\\s*")) {
            if (!joined.isEmpty()) {
                char last = joined.charAt(joined.length() - 1);
                joined.append(last == ':' || last == ';' || last == '.' ? " " : "; ");
            }
            joined.append(line);
        }
        return ShownText.escaped(joined.toString());
    }

    /** Fails the command line as a usage error (exit 2), the way picocli reports its own parse errors. */
    static ParameterException usage(CommandLine commandLine, String message) {
        return new ParameterException(commandLine, message);
    }

    /** Constructor injection for commands: a command that takes a CliSession gets this session. */
    private record SessionFactory(CliSession session) implements IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CliSession.class) {
                    c.setAccessible(true);
                    return type.cast(c.newInstance(session));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
