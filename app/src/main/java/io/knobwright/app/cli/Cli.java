package io.knobwright.app.cli;

import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.fleet.inventory.InventoryFormatException;
import io.knobwright.model.store.StoreException;
import io.knobwright.model.config.ConfigFileException;
import io.knobwright.model.template.TemplateException;
import io.knobwright.model.value.InvalidValueException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.NoSuchElementException;

/**
 * Builds the picocli command tree for one session and maps failures to exit codes:
 * a user error is one line on stderr (the stack trace only with --debug), never a trace in the user's face.
 */
public final class Cli {

    private Cli() {
    }

    /** Runs one command line and closes the session; returns the exit code. */
    public static int run(CliSession session, String... args) {
        try (session) {
            return commandLine(session).execute(args);
        }
    }

    static CommandLine commandLine(CliSession session) {
        CommandLine cl = new CommandLine(KnobwrightCommand.class, new SessionFactory(session));
        cl.setOut(session.out());
        cl.setErr(session.err());
        cl.setExecutionExceptionHandler(executionFailures(session));
        cl.setParameterExceptionHandler(usageFailures(session));
        return cl;
    }

    private static IExecutionExceptionHandler executionFailures(CliSession session) {
        return (ex, commandLine, parseResult) -> {
            int code;
            String message;
            if (ex instanceof ConnectorException) {
                code = ExitCodes.UNREACHABLE;
                message = ex.getMessage();
            } else if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
                    || ex instanceof UncheckedIOException || ex instanceof IOException
                    || ex instanceof NoSuchElementException || ex instanceof StoreException
                    || ex instanceof InventoryFormatException || ex instanceof TemplateException
                    || ex instanceof ConfigFileException || ex instanceof InvalidValueException) {
                code = ExitCodes.USER_ERROR;
                message = ex.getMessage();
            } else {
                code = ExitCodes.USER_ERROR;
                message = "Unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                        + (session.debug() ? "" : " (run again with --debug for details)");
            }
            session.err().println("knobwright: " + oneLine(message));
            if (session.debug()) {
                ex.printStackTrace(session.err());
            }
            session.err().flush();
            return code;
        };
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

    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed without a message";
        }
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
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
