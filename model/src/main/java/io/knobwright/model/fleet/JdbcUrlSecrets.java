package io.knobwright.model.fleet;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets a JDBC URL carries, found the way the drivers and the people pasting URLs write them, so that
 * Knobwright can take the login password out before it stores or connects (it is sealed or passed as a driver
 * property instead) and can mask every secret wherever a URL is shown. Decision 0053.
 *
 * <p>Forms understood: {@code ?password=} and {@code &password=} in any letter case and with a percent-encoded
 * name (MariaDB Connector/J matches names case-insensitively; pgjdbc decodes the value, MariaDB takes it as
 * written); RFC user-info {@code //user:pw@host}, which neither driver accepts but libpq-style URLs use (a
 * password holding '/' must be percent-encoded there). Other secret-looking properties ({@code sslpassword},
 * {@code keyStorePassword}, {@code password2}, a {@code ;password=} or {@code (password=...)} MySQL address part)
 * are reported by name so a caller can refuse to store them in clear text.
 *
 * @param url           the URL without the login password and without user-info
 * @param user          the user of the user-info, null when the URL has none
 * @param password      the login password, null when the URL has none
 * @param passwords     how many times the URL gives a login password (more than one is ambiguous)
 * @param otherSecrets  names of the other secret-looking properties still in {@code url}
 */
public record JdbcUrlSecrets(String url, String user, String password, int passwords, List<String> otherSecrets) {

    private static final String MASK = "***";
    /** A property name and its '=' after '?', '&', ';' or '(' (MySQL's address=(host=..)(password=..) form). */
    private static final Pattern PROPERTY = Pattern.compile("([?&;(])([^?&;=()]*)=");

    public JdbcUrlSecrets {
        otherSecrets = List.copyOf(otherSecrets);
    }

    /** Takes the login password (and the user-info's user) out of {@code url}. */
    public static JdbcUrlSecrets split(String url) {
        List<Secret> secrets = find(url);
        StringBuilder clean = new StringBuilder(url);
        String user = null;
        String password = null;
        int passwords = 0;
        Set<String> others = new LinkedHashSet<>();
        // from the end, so earlier positions stay valid while cutting
        for (Secret secret : secrets.reversed()) {
            switch (secret.kind()) {
                case USER_INFO -> {
                    user = percentDecoded(url.substring(secret.cutStart() + 2, secret.valueStart() - 1));
                    password = password == null ? percentDecoded(secret.value(url)) : password;
                    passwords++;
                    clean.delete(secret.cutStart() + 2, secret.cutEnd());
                }
                case LOGIN_PASSWORD -> {
                    password = password == null ? parameterValue(url, secret.value(url)) : password;
                    passwords++;
                    boolean first = clean.charAt(secret.cutStart()) == '?';
                    boolean followed = secret.cutEnd() < clean.length() && clean.charAt(secret.cutEnd()) == '&';
                    // "?password=x&ssl=true" becomes "?ssl=true", "?password=x" becomes "", "&password=x" goes
                    clean.delete(first && followed ? secret.cutStart() + 1 : secret.cutStart(),
                            first && followed ? secret.cutEnd() + 1 : secret.cutEnd());
                }
                case OTHER -> others.add(secret.name());
            }
        }
        return new JdbcUrlSecrets(clean.toString(), user, password == null || password.isEmpty() ? null : password,
                passwords, List.copyOf(others).reversed());
    }

    /** True when the URL carries any secret at all. */
    public boolean carriesSecrets() {
        return passwords > 0 || !otherSecrets.isEmpty();
    }

    /** The URL with every secret value replaced by ***, for messages, tables and JSON. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        StringBuilder masked = new StringBuilder(url);
        for (Secret secret : find(url).reversed()) {
            masked.replace(secret.valueStart(), secret.valueEnd(), MASK);
        }
        return masked.toString();
    }

    /**
     * {@code text} (a driver's message, an exception text) with {@code url} masked and every secret value of it
     * replaced, as written and as decoded: a driver may quote a fragment ("Incorrect port value : pw@host").
     */
    public static String scrub(String text, String url) {
        if (text == null || url == null) {
            return text;
        }
        String scrubbed = text.replace(url, mask(url));
        List<String> values = new ArrayList<>();
        for (Secret secret : find(url)) {
            String value = secret.value(url);
            values.add(value);
            values.add(percentDecoded(value));
            values.add(parameterValue(url, value));
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        for (String value : values) {
            if (!value.isEmpty() && !value.equals(MASK)) {
                scrubbed = scrubbed.replace(value, MASK);
            }
        }
        return scrubbed;
    }

    private enum Kind { USER_INFO, LOGIN_PASSWORD, OTHER }

    /**
     * One secret in the URL. {@code cutStart..cutEnd} is what removing it removes (the delimiter and name too);
     * for user-info, cutStart is the index of "//".
     */
    private record Secret(Kind kind, String name, int cutStart, int valueStart, int valueEnd, int cutEnd) {
        String value(String url) {
            return url.substring(valueStart, valueEnd);
        }
    }

    private static List<Secret> find(String url) {
        List<Secret> secrets = new ArrayList<>();
        int afterUserInfo = 0;
        int slashes = url.indexOf("//");
        if (slashes >= 0) {
            Secret userInfo = userInfo(url, slashes);
            if (userInfo != null) {
                secrets.add(userInfo);
                afterUserInfo = userInfo.cutEnd();
            }
        }
        Matcher m = PROPERTY.matcher(url);
        int from = afterUserInfo;
        while (from < url.length() && m.find(from)) {
            char delimiter = m.group(1).charAt(0);
            String name = percentDecoded(m.group(2)).strip();
            int valueStart = m.end();
            int valueEnd = delimiter == '(' ? indexOr(url, ')', valueStart) : indexOr(url, '&', valueStart);
            from = Math.max(valueStart, m.start() + 1);
            if (!secretName(name)) {
                continue;
            }
            boolean login = name.equalsIgnoreCase("password") && (delimiter == '?' || delimiter == '&');
            secrets.add(new Secret(login ? Kind.LOGIN_PASSWORD : Kind.OTHER, name, m.start(), valueStart, valueEnd, valueEnd));
            // a secret value may hold '&'-free text that looks like another property (x;user=y): skip over it
            from = Math.max(from, valueEnd);
        }
        return secrets;
    }

    /**
     * "//user:password@" before the hosts: the last '@' whose text since "//" is no key=value pair (an '@' in a
     * parameter value is no user-info) and holds a ':' but no '/' (an '@' in the database name is none either).
     */
    private static Secret userInfo(String url, int slashes) {
        int start = slashes + 2;
        for (int at = url.lastIndexOf('@'); at > start; at = url.lastIndexOf('@', at - 1)) {
            String prefix = url.substring(start, at);
            if (PROPERTY.matcher(prefix).find() || prefix.contains("/")) {
                continue;
            }
            int colon = prefix.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new Secret(Kind.USER_INFO, "user-info", slashes, start + colon + 1, at, at + 1);
        }
        return null;
    }

    private static boolean secretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("passwd") || lower.contains("secret") || lower.equals("pwd");
    }

    private static int indexOr(String text, char c, int from) {
        int i = text.indexOf(c, from);
        return i < 0 ? text.length() : i;
    }

    /** pgjdbc decodes parameter values ('+' is a space); MariaDB Connector/J takes them as written. */
    private static String parameterValue(String url, String value) {
        if (!url.startsWith("jdbc:postgresql:")) {
            return value;
        }
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }

    /** %XX escapes only: in user-info and names '+' is a plus. */
    private static String percentDecoded(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
