package io.knobwright.model.notify;

import io.knobwright.model.UserError;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A URL the user wants events POSTed to.
 *
 * @param url        an absolute http or https URL, without user name or password and without a fragment
 * @param eventTypes the events it wants; empty means every plan event (alert events are sent only to subscriptions
 *                   that name them, so a subscription made before alerts were sent receives what it always did)
 * @param secretEnv  the environment variable holding the signing secret, or null for unsigned requests. Only the
 *                   variable's name is kept anywhere; its value is read when a request is signed.
 * @param enabled    false keeps the subscription configured but sends it nothing
 */
public record WebhookSubscription(String url, Set<WebhookEvent.Type> eventTypes, String secretEnv, boolean enabled) {

    /** Longest URL accepted; receivers and proxies commonly refuse longer ones. */
    public static final int MAX_URL = 2000;

    public WebhookSubscription {
        problemWithUrl(url).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        eventTypes = eventTypes == null || eventTypes.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(eventTypes));
        secretEnv = secretEnv == null || secretEnv.isBlank() ? null : secretEnv.strip();
        if (secretEnv != null && !secretEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(secretEnvProblem());
        }
    }

    /**
     * A subscription from what the user typed: the same rules as the constructor, failing with a
     * {@link UserError} whose message says what is wrong and what to give instead.
     */
    public static WebhookSubscription parse(String url, Collection<WebhookEvent.Type> eventTypes, String secretEnv) {
        Optional<String> problem = problemWithUrl(url);
        if (problem.isPresent()) {
            throw UserError.input(problem.get());
        }
        if (secretEnv != null && !secretEnv.isBlank() && !secretEnv.strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw UserError.input(secretEnvProblem());
        }
        return new WebhookSubscription(url.strip(), eventTypes == null ? Set.of() : Set.copyOf(eventTypes), secretEnv, true);
    }

    /** Whether an event of this type goes to this URL. */
    public boolean wants(WebhookEvent.Type type) {
        return enabled && (eventTypes.isEmpty() ? !type.aboutAlert() : eventTypes.contains(type));
    }

    /**
     * What is wrong with {@code url} as a webhook URL, as a sentence that says what to give instead; empty when
     * it is fine. The messages never repeat the URL: it may carry a token, and a password given by mistake must
     * not be echoed into logs.
     */
    public static Optional<String> problemWithUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("A webhook needs a URL, such as https://hooks.example.com/knobwright.");
        }
        if (url.strip().length() > MAX_URL) {
            return Optional.of("A webhook URL has at most " + MAX_URL + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("The webhook URL is not a valid URL (" + e.getReason() + " at character " + (e.getIndex() + 1)
                    + "); spaces and other special characters must be percent-encoded.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("A webhook URL starts with https:// or http://"
                    + (scheme.isEmpty() ? "." : ", not " + scheme + "://."));
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("Put no user name or password in a webhook URL: they would be stored and shown in clear."
                    + " Give the receiver a signing secret (an environment variable) instead.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("The webhook URL names no host; write it as https://host[:port]/path.");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("A webhook URL has no #fragment: it is never sent to the receiver. Remove the part from '#'.");
        }
        return Optional.empty();
    }

    /** Does not repeat what was given: a secret typed where its variable's name belongs must not be echoed. */
    private static String secretEnvProblem() {
        return "The webhook secret is given by the name of an environment variable (letters, digits and '_', not"
                + " starting with a digit), such as KNOBWRIGHT_WEBHOOK_SECRET; never the secret itself.";
    }
}
