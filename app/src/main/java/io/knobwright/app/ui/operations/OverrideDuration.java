package io.knobwright.app.ui.operations;

import io.knobwright.model.UserError;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long an override lasts, as an operator types it: "15m", "2h", "1h30m", "90 min", or ISO "PT45M". */
final class OverrideDuration {

    private static final Pattern PART = Pattern.compile("(\\d+)\\s*(h|hours?|m|mins?|minutes?)\\s*");
    private static final Pattern WHOLE = Pattern.compile("(\\d+\\s*(h|hours?|m|mins?|minutes?)\\s*)+");

    private OverrideDuration() {
    }

    static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw UserError.input("Say how long the override lasts (15m, 30m, 1h, 4h, or e.g. 1h30m).");
        }
        if (t.startsWith("pt")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw unreadable(text);
            }
        }
        if (!WHOLE.matcher(t).matches()) {
            throw unreadable(text);
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(m.group(2).startsWith("h") ? Duration.ofHours(n) : Duration.ofMinutes(n));
        }
        return total;
    }

    private static UserError unreadable(String text) {
        return UserError.input("'" + text.strip() + "' is not a duration: write minutes or hours, such as 45m, 2h or 1h30m.");
    }
}
