package io.knobwright.model.fleet;

import io.knobwright.model.UserError;
import io.knobwright.model.text.ShownText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them in inventories and on the command line: "64GB", "64G", "65536 MB", "1.5TiB", or
 * plain bytes. Units are binary (1 GB = 1024 MB), as RAM and the engines' own settings count them.
 */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");

    private ByteSize() {
    }

    /** Bytes for the text; 0 for blank; fails with a message naming the accepted forms. */
    public static long parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw invalid(field, text);
        }
        int power = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "", "B" -> 0;
            case "K", "KB", "KIB" -> 1;
            case "M", "MB", "MIB" -> 2;
            case "G", "GB", "GIB" -> 3;
            case "T", "TB", "TIB" -> 4;
            case "P", "PB", "PIB" -> 5;
            default -> throw invalid(field, text);
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power))
                .setScale(0, RoundingMode.HALF_UP);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw UserError.input(field + " '" + ShownText.excerpt(text, ShownText.EXCERPT) + "' is too large");
        }
        return bytes.longValueExact();
    }

    private static UserError invalid(String field, String text) {
        return UserError.input(field + " '" + ShownText.excerpt(text, ShownText.EXCERPT)
                + "' is not a size; write it like 64GB, 65536MB, 2TB or a number of bytes");
    }
}
