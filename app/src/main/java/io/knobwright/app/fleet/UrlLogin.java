package io.knobwright.app.fleet;

import io.knobwright.model.UserError;
import io.knobwright.model.fleet.JdbcUrlSecrets;

/**
 * The login of a registration once the JDBC URL has given up what it carried: the URL to store (no password,
 * no user-info), the user and the password to seal. Decision 0053: a password in the URL is sealed like one
 * given with --password-stdin; a second password, or a secret Knobwright cannot seal, is refused.
 *
 * @param password the password to seal, from the registration or the URL; null when there is none to seal
 */
record UrlLogin(String url, String user, String password) {

    static UrlLogin of(String url, Registration registration) {
        JdbcUrlSecrets secrets = JdbcUrlSecrets.split(url);
        String shown = "The JDBC URL '" + JdbcUrlSecrets.mask(url) + "'";
        if (!secrets.otherSecrets().isEmpty()) {
            throw UserError.input(shown + " contains " + String.join(", ", secrets.otherSecrets())
                    + ", which would be stored in clear text: Knobwright seals only the login password. Remove "
                    + (secrets.otherSecrets().size() == 1 ? "it" : "them") + " from the URL.");
        }
        if (secrets.passwords() > 1) {
            throw UserError.input(shown + " gives the password more than once. Give it once, preferably"
                    + " separately (--password-stdin or --password-env) rather than in the URL.");
        }
        if (secrets.password() != null && (registration.password() != null || registration.passwordEnv() != null)) {
            throw UserError.input(shown + " contains a password, and another one is given separately"
                    + (registration.passwordEnv() != null ? " ($" + registration.passwordEnv() + ")" : "")
                    + ". Remove the password from the URL.");
        }
        String user = blankToNull(registration.user());
        if (secrets.user() != null && user != null && !user.equals(secrets.user())) {
            throw UserError.input(shown + " names user '" + secrets.user() + "' but the user given is '" + user
                    + "'. Keep one: remove 'user:password@' from the URL and give the password separately.");
        }
        return new UrlLogin(secrets.url(), user != null ? user : secrets.user(),
                registration.password() != null ? registration.password() : secrets.password());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
