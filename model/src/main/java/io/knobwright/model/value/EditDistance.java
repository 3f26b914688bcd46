package io.knobwright.model.value;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Near-miss suggestions for misspelled names: "shared_buffer" -> shared_buffers. */
final class EditDistance {

    private EditDistance() {
    }

    /**
     * Up to {@code limit} candidates within a few edits of {@code word} (case, '-' and '_' ignored), closest
     * first. The allowed distance grows with the length of the word, so "wal" does not suggest "all".
     */
    static List<String> nearest(String word, Collection<String> candidates, int limit) {
        String key = normalise(word);
        int allowed = key.length() <= 4 ? 1 : key.length() <= 8 ? 2 : 3;
        record Scored(String name, int distance) {
        }
        return candidates.stream()
                .map(c -> new Scored(c, distance(key, normalise(c), allowed)))
                .filter(s -> s.distance <= allowed)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(limit)
                .map(Scored::name)
                .toList();
    }

    private static String normalise(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Optimal-string-alignment distance (a swap of neighbours counts as one edit), giving up early once it
     * exceeds {@code cap}; then any value above cap is returned.
     */
    static int distance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) > cap) {
            return cap + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
                rowMin = Math.min(rowMin, best);
            }
            if (rowMin > cap) {
                return cap + 1;
            }
        }
        return d[a.length()][b.length()];
    }

    /** "a", "a or b", "a, b or c" */
    static String orList(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.getLast();
    }
}
