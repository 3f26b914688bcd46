package io.knobwright.connectors.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one measured run of a script gave, as pgbench would report it: only transactions that ended inside the
 * measured window count (the warm-up's do not), failed ones are counted apart and take no part in the latencies or
 * the rate.
 *
 * @param script             the script's name
 * @param clients            connections that ran it
 * @param transactions       transactions that completed without error in the measured window
 * @param failed             transactions that ended with an error in the window (serialization failures and
 *                           deadlocks included: like pgbench without --max-tries, they are not retried)
 * @param measured           the measured window's length
 * @param tps                transactions / measured seconds
 * @param meanMs             mean latency of a transaction (script sleeps included, as pgbench)
 * @param p50Ms              median latency, within 2% (a log-bucket histogram)
 * @param p95Ms              95th percentile
 * @param p99Ms              99th percentile
 * @param tpsPerSecond       completed transactions in each second of the window (the last, if partial, scaled to a
 *                           rate)
 * @param failuresBySqlState failed transactions by the SQLSTATE of their error ("40001" serialization failure,
 *                           "40P01" deadlock, ...; "" when the driver gave none)
 * @param firstFailure       the first error's message, "" when none failed
 */
public record LoadRun(String script, int clients, long transactions, long failed, Duration measured, double tps,
                      double meanMs, double p50Ms, double p95Ms, double p99Ms, List<Double> tpsPerSecond,
                      Map<String, Long> failuresBySqlState, String firstFailure) {

    public LoadRun {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(firstFailure, "firstFailure");
        tpsPerSecond = List.copyOf(tpsPerSecond);
        failuresBySqlState = Map.copyOf(failuresBySqlState);
        if (clients < 1 || transactions < 0 || failed < 0 || measured.isNegative() || measured.isZero()) {
            throw new IllegalArgumentException("A run has clients, a measured window and counts that are not negative");
        }
        for (double v : new double[]{tps, meanMs, p50Ms, p95Ms, p99Ms}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("A run's rate and latencies are finite and not negative");
            }
        }
    }

    /** Failed transactions as a share of all that ended in the window (0 when none did). */
    public double failureRatio() {
        long all = transactions + failed;
        return all == 0 ? 0 : (double) failed / all;
    }
}
