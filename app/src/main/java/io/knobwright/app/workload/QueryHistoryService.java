package io.knobwright.app.workload;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.Fingerprint;
import io.knobwright.model.workload.Fingerprinter;
import io.knobwright.model.workload.QueryDay;
import io.knobwright.model.workload.QueryRegressions;
import io.knobwright.model.workload.StatementCounters;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Each instance's fingerprints per day (decision 0127): imported logs write their days with the import
 * ({@link LogImportService}); this service rolls the collectors' statement deltas up into days (mapped to the same
 * fingerprints by the {@link Fingerprinter}, so a logged statement and its pg_stat_statements entry meet), prunes past
 * {@link #RETENTION_DAYS}, and judges trends and regressions. Blocking; callers run it off the UI thread.
 */
public final class QueryHistoryService {

    /** Days of history kept. */
    public static final int RETENTION_DAYS = 90;

    private final KnobwrightStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final QueryRegressions.Settings settings;

    /** @param zone the zone whose days count (the same as the log imports': the workbench's) */
    public QueryHistoryService(KnobwrightStore store, Clock clock, ZoneId zone) {
        this(store, clock, zone, QueryRegressions.Settings.DEFAULT);
    }

    public QueryHistoryService(KnobwrightStore store, Clock clock, ZoneId zone, QueryRegressions.Settings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Rolls the collected statement deltas of {@code day} up into that day's history (again: the day's rows are
     * replaced, so a partial day rolled up hourly ends complete).
     *
     * @return fingerprints written
     */
    public int rollUp(Instance instance, LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Fingerprinter fingerprinter = Fingerprinter.of(instance.engine());
        Map<Long, QueryDay> days = new LinkedHashMap<>();
        Map<Long, String> texts = new HashMap<>();
        for (StatementCounters s : store.workloadSeries().statements(instance.id(), from, to)) {
            if (s.query().isBlank() || s.calls() == 0) {
                continue;
            }
            Fingerprint fp = fingerprinter.fingerprint(s.query());
            texts.putIfAbsent(fp.id(), fp.normalized());
            days.merge(fp.id(), new QueryDay(fp.id(), day, QueryDay.Source.STATEMENTS, s.calls(), s.totalMs(), s.rows(),
                    null), QueryDay::plus);
        }
        store.queryHistory().replaceDay(instance.id(), QueryDay.Source.STATEMENTS, day, List.copyOf(days.values()), texts);
        return days.size();
    }

    /**
     * The hourly step of the daemon's maintenance: rolls up yesterday (to complete it) and today for each instance and
     * drops days past the retention. An instance whose roll-up fails does not stop the others.
     *
     * @return days dropped
     */
    public int maintain(List<Instance> instances) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        for (Instance instance : instances) {
            try {
                rollUp(instance, today.minusDays(1));
                rollUp(instance, today);
            } catch (RuntimeException e) {
                System.getLogger(QueryHistoryService.class.getName()).log(System.Logger.Level.WARNING,
                        "Statement history of " + instance.name() + " not rolled up: " + e.getMessage());
            }
        }
        return store.queryHistory().prune(today.minusDays(RETENTION_DAYS));
    }

    /** The instance's trends and regressions over its last days of history. */
    public QueryTrends trends(Instance instance) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<QueryDay> days = store.queryHistory().days(instance.id(), today.minusDays(RETENTION_DAYS));
        QueryRegressions.Judgement judgement = QueryRegressions.judge(days, settings);
        Map<Long, String> texts = store.queryHistory().texts(instance.id(),
                judgement.regressions().stream().map(QueryRegressions.Regression::fingerprint).toList());
        return QueryTrends.of(judgement, texts);
    }
}
