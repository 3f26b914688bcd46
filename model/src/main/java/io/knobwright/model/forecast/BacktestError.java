package io.knobwright.model.forecast;

/**
 * How wrong the forecast was on the series' own history (rolling origin, decision 0129): from each of {@code origins}
 * past days, the model fitted on what was known then forecast {@code horizonDays} ahead. Growth error is
 * |forecast growth - actual growth| / max(|actual growth|, 1% of the size at the origin) (the floor keeps a flat
 * series from dividing by almost nothing); size error is |forecast size - actual size| / actual size; coverage is the
 * share of measured days inside the 80% interval built without the origin scored (leave one origin out). Steps found
 * on the series (bulk loads, purges) are taken out of the held-out days: they are not foreseeable.
 */
public record BacktestError(int origins, int horizonDays, double medianGrowthError, double p90GrowthError,
                            double medianSizeError, double coverage) {

    /** The floor of the growth error's denominator, as a share of the size at the origin. */
    public static final double GROWTH_FLOOR_SHARE = 0.01;
}
