package io.knobwright.app.ui.common;

import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;

import java.util.Comparator;

/** Display names for the fleet enums, and the natural order of version strings. */
public final class Labels {

    private Labels() {
    }

    public static String tier(Tier tier) {
        return capitalise(tier.label());
    }

    public static String criticality(Criticality criticality) {
        return capitalise(criticality.label());
    }

    public static String workload(WorkloadKind workload) {
        return switch (workload) {
            case OLTP, OLAP, WEB -> workload.name();
            case MIXED, DESKTOP -> capitalise(workload.label());
        };
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "9.6" < "10" < "10.11" < "11.4"; "19c" < "23ai". Non-numeric parts compare as text. */
    public static final Comparator<String> VERSION_ORDER = Labels::compareVersions;

    private static int compareVersions(String a, String b) {
        String[] pa = a.split("[.\\-]");
        String[] pb = b.split("[.\\-]");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = compareChunk(pa[i], pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }

    private static int compareChunk(String a, String b) {
        long na = leadingNumber(a);
        long nb = leadingNumber(b);
        if (na != nb) {
            return Long.compare(na, nb);
        }
        return a.compareToIgnoreCase(b);
    }

    private static long leadingNumber(String s) {
        long n = 0;
        int i = 0;
        while (i < s.length() && i < 18 && Character.isDigit(s.charAt(i))) {
            n = n * 10 + (s.charAt(i) - '0');
            i++;
        }
        return i == 0 ? -1 : n;
    }
}
