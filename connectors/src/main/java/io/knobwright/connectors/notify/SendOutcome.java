package io.knobwright.connectors.notify;

import java.util.Objects;

/**
 * What one attempt to send a webhook came to.
 *
 * @param status  the HTTP status received; 0 when no answer came (refused, timed out, not sent)
 * @param message for the user when it was not delivered ("HTTP 503 Service Unavailable"); empty when it was.
 *                Never holds a secret or the URL's path and query (which may carry a token).
 */
public record SendOutcome(Result result, int status, String message) {

    public enum Result {
        /** A receiver acknowledged it (2xx): never send it again. */
        DELIVERED,
        /** Not delivered; worth trying again later. */
        RETRY,
        /** Not delivered, and trying again cannot help (the receiver said 410 Gone). */
        GIVE_UP
    }

    public SendOutcome {
        Objects.requireNonNull(result, "result");
        message = message == null ? "" : message;
        if (result != Result.DELIVERED && message.isBlank()) {
            throw new IllegalArgumentException("A failed attempt says why");
        }
    }

    static SendOutcome delivered(int status) {
        return new SendOutcome(Result.DELIVERED, status, "");
    }

    static SendOutcome retry(int status, String message) {
        return new SendOutcome(Result.RETRY, status, message);
    }

    static SendOutcome giveUp(int status, String message) {
        return new SendOutcome(Result.GIVE_UP, status, message);
    }

    public boolean delivered() {
        return result == Result.DELIVERED;
    }
}
