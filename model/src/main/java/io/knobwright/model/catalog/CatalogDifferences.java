package io.knobwright.model.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Says in words how a server's description of a parameter differs from the shipped catalog's, so a DBA sees
 * why the same template passes for one server and not for the shipped version (a distribution built with
 * lz4, a newer minor release with one more parameter).
 */
public final class CatalogDifferences {

    private CatalogDifferences() {
    }

    /**
     * @param server  the server's own description
     * @param shipped the shipped catalog's description of the same parameter, null when it has none
     * @param shippedLabel names the shipped catalog in messages ("the shipped PostgreSQL 15 catalog")
     */
    public static List<String> between(ParameterSpec server, ParameterSpec shipped, String shippedLabel) {
        if (shipped == null) {
            return List.of("not in " + shippedLabel);
        }
        List<String> found = new ArrayList<>();
        if (server.type() != shipped.type()) {
            found.add("type " + lower(server.type()) + " here, " + lower(shipped.type()) + " in " + shippedLabel);
        }
        if (!Objects.equals(server.unit(), shipped.unit())) {
            found.add("unit " + orNone(server.unit()) + " here, " + orNone(shipped.unit()) + " in " + shippedLabel);
        }
        List<String> added = missingFrom(server.enumValues(), shipped.enumValues());
        List<String> removed = missingFrom(shipped.enumValues(), server.enumValues());
        if (!added.isEmpty()) {
            found.add("accepts " + String.join(", ", added) + ", which " + shippedLabel + " does not list");
        }
        if (!removed.isEmpty()) {
            found.add("refuses " + String.join(", ", removed) + ", which " + shippedLabel + " lists");
        }
        if (!sameNumber(server.min(), shipped.min()) || !sameNumber(server.max(), shipped.max())) {
            found.add("range " + range(server) + " here, " + range(shipped) + " in " + shippedLabel);
        }
        if (!shipped.defaultIsHostDependent() && !Objects.equals(server.defaultValue(), shipped.defaultValue())) {
            found.add("default " + quoted(server.defaultValue()) + " here, " + quoted(shipped.defaultValue()) + " in " + shippedLabel);
        }
        if (server.applyMode() != shipped.applyMode()) {
            found.add("applies by " + server.applyMode().label() + " here, by " + shipped.applyMode().label() + " in " + shippedLabel);
        }
        return found;
    }

    private static List<String> missingFrom(List<String> values, List<String> other) {
        List<String> lowerOther = other.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        return values.stream().filter(v -> !lowerOther.contains(v.toLowerCase(Locale.ROOT))).toList();
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String range(ParameterSpec spec) {
        if (spec.min() == null && spec.max() == null) {
            return "unbounded";
        }
        return number(spec.min()) + ".." + number(spec.max());
    }

    /** 100, not 1E+2; but 1.79769E+308, not 309 digits. */
    private static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.precision() - stripped.scale() > 15 ? stripped.toString() : stripped.toPlainString();
    }

    private static String quoted(String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }

    private static String orNone(String unit) {
        return unit == null ? "(none)" : unit;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
