package io.knobwright.app.workload;

import io.knobwright.connectors.logs.ImportControl;
import io.knobwright.connectors.logs.ImportCounts;
import io.knobwright.connectors.logs.LogImporter;
import io.knobwright.connectors.logs.LogSource;
import io.knobwright.model.health.ConnectionStorm;
import io.knobwright.model.workload.BurstDetector;
import io.knobwright.model.workload.DailyQueryDigest;
import io.knobwright.model.workload.Fingerprinter;
import io.knobwright.model.workload.FingerprintDigest;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A log turned into one fingerprint digest and its N+1 bursts: parsed on {@code threads} threads over byte ranges
 * (decision 0122), each thread fingerprinting into its own digest and burst detector, the digests merged at the end.
 * What an import stores and what `bench log-import` times.
 *
 * @param digest the fingerprints of the log
 * @param bursts the N+1 bursts found (per parsing thread: a loop that straddles two ranges counts as two shorter ones)
 * @param counts what the parsers met
 * @param days   the log's fingerprints per day, by each statement's own time (decision 0127)
 * @param connections log_connections / log_disconnections lines of a PostgreSQL log, per second (decision 0131)
 * @param connectionEvents the same lines counted per second, kind and (user, database, application, client), to store
 */
public record LogDigesting(FingerprintDigest digest, List<BurstDetector.Burst> bursts, ImportCounts counts,
                           DailyQueryDigest days, ConnectionStorm.Summary connections,
                           List<io.knobwright.model.health.ConnectionEventCount> connectionEvents) {

    public static LogDigesting run(LogSource source, int threads, Fingerprinter fingerprinter, ZoneId zone,
                                   ImportControl control) {
        List<FingerprintDigest> digests = Collections.synchronizedList(new ArrayList<>());
        List<BurstDetector> detectors = Collections.synchronizedList(new ArrayList<>());
        List<DailyQueryDigest> dailies = Collections.synchronizedList(new ArrayList<>());
        List<BurstDetector.Burst> bursts = Collections.synchronizedList(new ArrayList<>());
        // connection lines are few next to statements: one shared tally, locked per event
        ConnectionStorm storm = new ConnectionStorm();
        // the per-second counts to store: one tally per parsing thread, so their many events take no lock
        List<io.knobwright.model.health.ConnectionEventTally> tallies = Collections.synchronizedList(new ArrayList<>());
        ImportCounts counts = LogImporter.run(source, threads, i -> {
            FingerprintDigest digest = new FingerprintDigest(fingerprinter, zone);
            BurstDetector detector = new BurstDetector(bursts::add);
            DailyQueryDigest daily = new DailyQueryDigest(zone);
            digests.add(digest);
            detectors.add(detector);
            dailies.add(daily);
            return statement -> {
                long id = fingerprinter.id(statement.text());
                digest.add(statement, id);
                daily.add(id, statement.at(), statement.durationMs(), statement.rows());
                detector.accept(statement, id);
            };
        }, i -> {
            io.knobwright.model.health.ConnectionEventTally tally = new io.knobwright.model.health.ConnectionEventTally();
            tallies.add(tally);
            return event -> {
                tally.add(event);
                synchronized (storm) {
                    storm.add(event);
                }
            };
        }, control);
        detectors.forEach(BurstDetector::finish);
        FingerprintDigest all = new FingerprintDigest(fingerprinter, zone);
        digests.forEach(all::merge);
        DailyQueryDigest days = new DailyQueryDigest(zone);
        dailies.forEach(days::merge);
        io.knobwright.model.health.ConnectionEventTally events = new io.knobwright.model.health.ConnectionEventTally();
        tallies.forEach(events::merge);
        return new LogDigesting(all, List.copyOf(bursts), counts, days, storm.summary(), events.counts());
    }
}
