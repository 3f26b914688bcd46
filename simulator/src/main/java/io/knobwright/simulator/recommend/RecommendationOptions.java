package io.knobwright.simulator.recommend;

/**
 * What the user allows the search to propose.
 *
 * @param allowRestart         changes that take effect only after a server restart (shared_buffers, max_connections)
 * @param allowDurabilityTrade weakening a durability setting (synchronous_commit off) for throughput; each such
 *                             recommendation then spells out what a crash can lose
 * @param minimumGain          the smallest predicted relative throughput gain worth a change (0.03 = 3%); a smaller one
 *                             could not be told from run-to-run noise after the change is applied
 */
public record RecommendationOptions(boolean allowRestart, boolean allowDurabilityTrade, double minimumGain) {

    /** Gains below 3% are not worth a change: a measurement after the apply could not tell them from noise. */
    public static final double DEFAULT_MINIMUM_GAIN = 0.03;

    /** No restart, no durability trade: what a recommendation for a running production server may assume. */
    public static final RecommendationOptions CONSERVATIVE = new RecommendationOptions(false, false, DEFAULT_MINIMUM_GAIN);

    public RecommendationOptions {
        if (!(minimumGain >= 0 && minimumGain < 1)) {
            throw new IllegalArgumentException("The minimum gain is a share between 0 and 1 (0.03 for 3%): " + minimumGain);
        }
    }

    public RecommendationOptions(boolean allowRestart, boolean allowDurabilityTrade) {
        this(allowRestart, allowDurabilityTrade, DEFAULT_MINIMUM_GAIN);
    }
}
