package io.knobwright.model.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A size series' forecast (decision 0129).
 *
 * @param lastMeasured     the last day measured and its size
 * @param points           one per day after {@code lastMeasured}: expected size and the 80% interval
 * @param dailyGrowthBytes the trend's growth per day now (weekly profile aside)
 * @param model            which model was used, in words ("steady trend over the last 56 days, weekly profile")
 * @param intervalBasis    where the interval comes from (backtest errors, or the model's residuals when the history
 *                         is too short for a backtest)
 * @param backtest         the model's error on the series' own history; empty when it is too short
 * @param historyNote      why there is no backtest, or how many days it used
 * @param changePoints     steps taken out of the growth (kept in the level)
 * @param abnormal         abnormal growth found in the history, the recent first
 * @param threshold        when a threshold is reached, if one was given
 */
public record StorageForecast(LocalDate lastMeasuredDate, long lastMeasuredBytes, List<ForecastPoint> points,
                              double dailyGrowthBytes, String model, String intervalBasis,
                              Optional<BacktestError> backtest, String historyNote, List<ChangePoint> changePoints,
                              List<AbnormalGrowth> abnormal, Optional<ThresholdCrossing> threshold) {

    public StorageForecast {
        points = List.copyOf(points);
        changePoints = List.copyOf(changePoints);
        abnormal = List.copyOf(abnormal);
    }
}
