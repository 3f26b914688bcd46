package io.knobwright.model.policy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A parameter name, or a family of them with {@code *} ({@code enable_*}, {@code innodb_flush_*}). Matched without
 * regard to case, because MySQL and SQL Server names are case-insensitive and PostgreSQL's are lower-case anyway.
 */
public record ParameterPattern(String text) {

    /** Patterns with * compiled once: the policy is matched against every change of every plan submitted. */
    private static final java.util.Map<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every character of a catalogued name: SQL Server's have blanks, '/', '%' and parentheses ("max server memory (MB)"). */
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.*\\- ()/%]{1,200}");

    public ParameterPattern {
        if (text == null || !ALLOWED.matcher(text.strip()).matches() || text.isBlank()) {
            throw new IllegalArgumentException("Parameter '" + text + "' is not a parameter name or pattern: use the"
                    + " name as the server spells it, with * for any characters (e.g. fsync, enable_*)");
        }
        text = text.strip().toLowerCase(Locale.ROOT);
    }

    public boolean matches(String parameter) {
        String name = parameter.toLowerCase(Locale.ROOT);
        if (text.indexOf('*') < 0) {
            return text.equals(name);
        }
        return COMPILED.computeIfAbsent(text, t -> Pattern.compile(("\\Q" + t + "\\E").replace("*", "\\E.*\\Q")))
                .matcher(name).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
