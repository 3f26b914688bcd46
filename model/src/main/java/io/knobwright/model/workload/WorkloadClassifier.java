package io.knobwright.model.workload;

import java.util.List;

import static io.knobwright.model.workload.WorkloadThresholds.*;

/**
 * OLTP / OLAP / mixed from five features, each held against the thresholds of {@link WorkloadThresholds}: a feature
 * votes OLTP, OLAP or neither; the side with at least {@link WorkloadThresholds#MAJORITY} of the votes names the
 * class, otherwise it is MIXED; with fewer than {@link WorkloadThresholds#MIN_MEASURED_FEATURES} measured features it is
 * UNKNOWN. Explicit votes rather than a fitted model, so a DBA can see and argue with every step (decision 0125).
 */
public final class WorkloadClassifier {

    /** What the classification is computed from; NaN for what could not be measured. */
    public record Inputs(double meanStatementMs, String meanStatementBasis, double rowsPerStatement, String rowsBasis,
                         double writeShare, String writeShareBasis, double transactionsPerSecond,
                         double tempBytesPerTransaction) {
    }

    /** The class and the features that decided it. */
    public record Result(WorkloadClass workloadClass, List<Feature> features, String summary) {
        public Result {
            features = List.copyOf(features);
        }
    }

    private WorkloadClassifier() {
    }

    public static Result classify(Inputs in) {
        List<Feature> features = List.of(
                lowIsOltp("mean statement time", in.meanStatementMs(), "ms", OLTP_MAX_MEAN_STATEMENT_MS,
                        OLAP_MIN_MEAN_STATEMENT_MS, in.meanStatementBasis()),
                lowIsOltp("rows per statement", in.rowsPerStatement(), "rows", OLTP_MAX_ROWS_PER_STATEMENT,
                        OLAP_MIN_ROWS_PER_STATEMENT, in.rowsBasis()),
                highIsOltp("write share", in.writeShare(), "", OLTP_MIN_WRITE_SHARE, OLAP_MAX_WRITE_SHARE,
                        in.writeShareBasis()),
                highIsOltp("transaction rate", in.transactionsPerSecond(), "/s", OLTP_MIN_TRANSACTIONS_PER_SECOND,
                        OLAP_MAX_TRANSACTIONS_PER_SECOND, "commits + rollbacks per second"),
                lowIsOltp("temp spill per transaction", in.tempBytesPerTransaction(), "B",
                        OLTP_MAX_TEMP_BYTES_PER_TRANSACTION, OLAP_MIN_TEMP_BYTES_PER_TRANSACTION,
                        "temp bytes per second / transactions per second"));
        return decide(features);
    }

    /** The class the votes of {@code features} give, with a one-line summary of the count. */
    public static Result decide(List<Feature> features) {
        long measured = features.stream().filter(Feature::measured).count();
        long oltp = features.stream().filter(f -> f.vote() == Vote.OLTP).count();
        long olap = features.stream().filter(f -> f.vote() == Vote.OLAP).count();
        WorkloadClass result;
        if (measured < MIN_MEASURED_FEATURES) {
            result = WorkloadClass.UNKNOWN;
        } else if (oltp + olap == 0) {
            result = WorkloadClass.MIXED;
        } else if (oltp >= MAJORITY * (oltp + olap)) {
            result = WorkloadClass.OLTP;
        } else if (olap >= MAJORITY * (oltp + olap)) {
            result = WorkloadClass.OLAP;
        } else {
            result = WorkloadClass.MIXED;
        }
        String summary = measured < MIN_MEASURED_FEATURES
                ? measured + " of " + features.size() + " features measured; at least " + MIN_MEASURED_FEATURES
                + " are needed to classify"
                : oltp + " OLTP and " + olap + " OLAP vote(s) of " + measured + " measured features; one side needs "
                + Math.round(MAJORITY * 100) + "% of the votes, else mixed";
        return new Result(result, features, summary);
    }

    private static Feature lowIsOltp(String name, double value, String unit, double oltpMax, double olapMin, String basis) {
        Vote vote = Double.isNaN(value) ? Vote.UNKNOWN : value <= oltpMax ? Vote.OLTP : value >= olapMin ? Vote.OLAP
                : Vote.NEITHER;
        return new Feature(name, value, unit, between(oltpMax, olapMin, unit, true), vote, basis);
    }

    private static Feature highIsOltp(String name, double value, String unit, double oltpMin, double olapMax, String basis) {
        Vote vote = Double.isNaN(value) ? Vote.UNKNOWN : value >= oltpMin ? Vote.OLTP : value <= olapMax ? Vote.OLAP
                : Vote.NEITHER;
        return new Feature(name, value, unit, between(oltpMin, olapMax, unit, false), vote, basis);
    }
}
