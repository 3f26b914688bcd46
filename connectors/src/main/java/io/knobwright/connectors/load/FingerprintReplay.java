package io.knobwright.connectors.load;

import io.knobwright.model.UserError;
import io.knobwright.model.workload.ExplainableQuery;
import io.knobwright.model.workload.Fingerprint;
import io.knobwright.model.workload.FingerprintDigest;
import io.knobwright.model.workload.FingerprintSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A workload script made of an instance's top fingerprints, each transaction one of them chosen at random in
 * proportion to its measured calls. Only the fingerprints a log import gave a runnable example for can take part:
 * the example is one statement as the server logged it, with its real values.
 *
 * <p>What is honest about it, and what is not. The mix of fingerprints and what each costs per execution (its plan,
 * its sorts and hashes, its pages) are the instance's own. The values are not: each fingerprint repeats its one
 * logged example, so it touches the same rows every time, and its pages read as hotter in the cache than the real
 * spread of values would make them. Fingerprints known only from pg_stat_statements have normalised text
 * ({@code $1} placeholders) and no values at all; neither have statements a client sent with the extended protocol
 * (the log keeps their values in DETAIL lines, which the import does not keep). Those, examples cut at
 * {@value FingerprintDigest#EXAMPLE_LIMIT} characters and anything but one plain query are left out and listed with
 * the reason, and {@link Replay#coveredCalls()} says how much of the measured workload the script stands for.
 */
public final class FingerprintReplay {

    private static final Pattern WRITE_WORD = Pattern.compile("\\b(insert|update|delete|merge)\\b");
    private static final java.util.Set<String> WRITE_FIRST_WORDS = java.util.Set.of("insert", "update", "delete",
            "merge");

    /**
     * @param script       the weighted mix (one transaction per fingerprint, weight = calls)
     * @param included     fingerprint (hex) -> its calls, of those in the script
     * @param left         the fingerprints left out, with why
     * @param coveredCalls calls of the included fingerprints / calls of all given (0..1)
     */
    public record Replay(LoadScript script, Map<String, Long> included, List<Left> left, double coveredCalls) {
        public Replay {
            Objects.requireNonNull(script, "script");
            included = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(included));
            left = List.copyOf(left);
        }
    }

    /** A fingerprint that could not be replayed. */
    public record Left(String fingerprint, String normalized, long calls, String reason) {
    }

    private FingerprintReplay() {
    }

    /**
     * The replay of {@code top} (e.g. {@code QueryRepository.top(instance, TopOrder.TOTAL, 20)}).
     *
     * @param includeWrites whether INSERT, UPDATE, DELETE and MERGE (and WITH queries that hold one) are replayed:
     *                      on a sandbox yes; on a shared instance they change its data, again and again
     * @throws UserError when none of them can be replayed; the message says why and what to import instead
     */
    public static Replay of(String name, List<FingerprintSummary> top, boolean includeWrites) {
        List<LoadScript.Weighted> mix = new ArrayList<>();
        Map<String, Long> included = new LinkedHashMap<>();
        List<Left> left = new ArrayList<>();
        long all = 0;
        long covered = 0;
        for (FingerprintSummary f : top) {
            all += f.calls();
            String hex = f.id() == 0 ? "other" : Fingerprint.hex(f.id());
            StringBuilder why = new StringBuilder();
            String reason = reason(f, includeWrites, why);
            if (reason != null) {
                left.add(new Left(hex, f.normalized(), f.calls(), reason));
                continue;
            }
            String text = ExplainableQuery.of(f.example(), ignored -> { }).orElseThrow().text();
            LoadScript.Sql sql = new LoadScript.Sql(1, text, List.of(text), List.of());
            mix.add(new LoadScript.Weighted(LoadScript.of(hex, List.of(sql)), f.calls()));
            included.put(hex, f.calls());
            covered += f.calls();
        }
        if (mix.isEmpty()) {
            throw UserError.input("None of the " + top.size() + " top fingerprints can be replayed: "
                    + summary(left) + ". A replay needs statements logged with their values: import a PostgreSQL log"
                    + " written with log_min_duration_statement from clients that send plain queries, or a MySQL slow"
                    + " log; or run a pgbench script instead.");
        }
        return new Replay(LoadScript.mix(name, mix), included, left, all == 0 ? 0 : (double) covered / all);
    }

    /** Why a fingerprint cannot be replayed, or null when it can. */
    private static String reason(FingerprintSummary f, boolean includeWrites, StringBuilder why) {
        if (f.id() == 0) {
            return "the fingerprints folded into 'other' have no one statement to run";
        }
        if (f.calls() <= 0) {
            return "no calls were measured";
        }
        if (f.example().length() >= FingerprintDigest.EXAMPLE_LIMIT) {
            return "its logged example was cut at " + FingerprintDigest.EXAMPLE_LIMIT + " characters";
        }
        var query = ExplainableQuery.of(f.example(), why::append);
        if (query.isEmpty()) {
            return "its example is not one plain query: " + why;
        }
        if (query.get().parameters() > 0) {
            return "it was logged with $n placeholders (sent with the extended protocol, or known only from"
                    + " pg_stat_statements): its values are not kept";
        }
        String lower = query.get().text().toLowerCase(Locale.ROOT);
        String first = lower.strip().split("[\\s(]+", 2)[0];
        boolean writes = WRITE_FIRST_WORDS.contains(first) || first.equals("with") && WRITE_WORD.matcher(lower).find();
        if (writes && !includeWrites) {
            return "it writes, and writes are replayed only on a sandbox";
        }
        return null;
    }

    private static String summary(List<Left> left) {
        Map<String, Integer> byReason = new LinkedHashMap<>();
        for (Left l : left) {
            String key = l.reason().contains(":") ? l.reason().substring(0, l.reason().indexOf(':')) : l.reason();
            byReason.merge(key, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, n) -> parts.add(n + " because " + reason));
        return parts.isEmpty() ? "there are none" : String.join("; ", parts);
    }
}
