package io.knobwright.model;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A failure the user can act on, with a message written for them: what went wrong and what to do
 * ("No instance 'ordrs-1'. See 'knobwright fleet list' for ids and names."). Every front end maps this one
 * family once (the CLI to an exit code and a line on stderr, the workbench to a message); any other exception
 * that reaches a front end is a bug in Knobwright and is reported as one (decision 0002).
 *
 * <p>Services throw it, or one of its subclasses (StoreException, TemplateException, ConnectorException, ...),
 * where user input or the user's environment is the cause. Invariants of domain records stay
 * IllegalArgumentException: code that passes user text into them checks or converts it first.
 */
public class UserError extends RuntimeException {

    /** What kind of thing went wrong; decides the CLI's exit code. */
    public enum Kind {
        /** Something the user gave is wrong or names nothing: a value, a name, a reference, a file or its content. */
        INPUT,
        /** The local store cannot do what was asked (locked, from a newer Knobwright, changed meanwhile). */
        STORE,
        /** A database server could not be reached, refused the connection or the login. */
        UNREACHABLE
    }

    private final Kind kind;

    public UserError(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public UserError(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Something the user gave is wrong; {@code message} says what and what to give instead. */
    public static UserError input(String message) {
        return new UserError(Kind.INPUT, message);
    }

    public final Kind kind() {
        return kind;
    }

    /**
     * The user error behind {@code failure}, looking through the wrappers that asynchronous work adds;
     * empty when the failure is anything else, which makes it a bug.
     */
    public static Optional<UserError> of(Throwable failure) {
        return unwrap(failure) instanceof UserError error ? Optional.of(error) : Optional.empty();
    }

    /** {@code failure} without the CompletionException / ExecutionException around it. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
