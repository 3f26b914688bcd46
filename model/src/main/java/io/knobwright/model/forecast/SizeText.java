package io.knobwright.model.forecast;

import java.util.Locale;

/** Sizes in messages: binary units, as the engines count them ("1.5 GB", "-320.0 MB"), one decimal. */
public final class SizeText {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private SizeText() {
    }

    public static String bytes(long bytes) {
        double value = Math.abs((double) bytes);
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = unit == 0 ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return (bytes < 0 ? "-" : "") + number + " " + UNITS[unit];
    }
}
