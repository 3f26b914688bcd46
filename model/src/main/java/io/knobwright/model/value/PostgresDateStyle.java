package io.knobwright.model.value;

import java.util.Locale;
import java.util.Optional;

/**
 * PostgreSQL's DateStyle as check_datestyle (variable.c) reads it: keywords in any case and order, each choosing
 * the output style (ISO, SQL, Postgres, German) or the field order (YMD, DMY/Euro, MDY/US/NonEuro); what a value
 * leaves out keeps the default "ISO, MDY", except that German alone also means DMY. The server stores and
 * reports the result as "ISO, MDY", which is what {@link #canonical} returns.
 */
final class PostgresDateStyle {

    private static final String DEFAULT_STYLE = "ISO";
    private static final String DEFAULT_ORDER = "MDY";

    private PostgresDateStyle() {
    }

    /** "ISO, MDY" for "mdy, iso"; empty when the server would refuse the text (unknown or conflicting keywords). */
    static Optional<String> canonical(String text) {
        String style = null;
        String order = null;
        boolean germanOrder = false;
        for (String word : ServerText.identifiers(text, ',')) {
            String w = word.toLowerCase(Locale.ROOT);
            String newStyle = null;
            String newOrder = null;
            if (w.equals("iso")) {
                newStyle = "ISO";
            } else if (w.equals("sql")) {
                newStyle = "SQL";
            } else if (w.startsWith("postgres")) {
                newStyle = "Postgres";
            } else if (w.equals("german")) {
                newStyle = "German";
            } else if (w.equals("ymd")) {
                newOrder = "YMD";
            } else if (w.equals("dmy") || w.startsWith("euro")) {
                newOrder = "DMY";
            } else if (w.equals("mdy") || w.equals("us") || w.startsWith("noneuro")) {
                newOrder = "MDY";
            } else if (w.equals("default")) {
                newStyle = DEFAULT_STYLE;
                newOrder = DEFAULT_ORDER;
            } else {
                return Optional.empty();
            }
            if (newStyle != null) {
                if (style != null && !style.equals(newStyle)) {
                    return Optional.empty();
                }
                style = newStyle;
                germanOrder = newStyle.equals("German");
            }
            if (newOrder != null) {
                if (order != null && !order.equals(newOrder)) {
                    return Optional.empty();
                }
                order = newOrder;
            }
        }
        String finalOrder = order != null ? order : germanOrder ? "DMY" : DEFAULT_ORDER;
        return Optional.of((style != null ? style : DEFAULT_STYLE) + ", " + finalOrder);
    }
}
