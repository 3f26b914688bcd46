package io.knobwright.app.simulation;

import io.knobwright.model.workload.QuerySummary;
import io.knobwright.model.workload.WorkloadProfile;
import io.knobwright.simulator.model.BuiltInModel;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.SimulationException;
import io.knobwright.simulator.model.WorkloadShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A workload shape from what was measured on the instance: its profile (transactions, sessions, hit ratio, temp
 * spill, WAL) and its top fingerprints (the statement mix). Measurements say what a transaction cost under today's
 * settings; the shape keeps the parts that do not depend on them (pages, sort inputs, WAL records) so the model can
 * price them under other settings. Where a figure is missing the assumption is stated in {@link Built#notes()}.
 */
final class MeasuredShapes {

    /** The fingerprints that make the mix; past these the rest add little time and much noise. */
    static final int TOP = 20;
    private static final double PAGE = 8192;
    /** Pages one statement reads when the profile has no block counters: an index lookup and its heap page or two. */
    private static final double DEFAULT_PAGES_PER_STATEMENT = 10;
    /** Shared pages one write statement dirties: its heap page and one index page. */
    private static final double PAGES_DIRTIED_PER_WRITE = 2;

    private MeasuredShapes() {
    }

    /** A shape and the sentences that say what it came from and what was assumed. */
    record Built(WorkloadShape shape, List<String> notes) {
    }

    /**
     * @param replay  true: a replay of the fingerprints at full speed (no think time) rather than the clients as
     *                measured
     * @param workMem work_mem in force while the profile was measured (bytes): temporary bytes written under it
     *                become the sort input that writes them ({@link BuiltInModel#sortInputWriting})
     */
    static Built of(String instanceName, WorkloadProfile profile, List<QuerySummary> top, boolean replay, int clients,
                    double workMem) {
        List<String> notes = new ArrayList<>();
        double tps = profile.transactionsPerSecond();
        if (!(tps > 0)) {
            throw new SimulationException("The workload profile of " + instanceName + " has no transaction rate: nothing"
                    + " committed while it was collected. Run `knobwright monitor collect --instance " + instanceName
                    + "` while the application runs, or give a script with --script.");
        }
        WorkloadProfile.ReadWriteMix mix = profile.readWriteMix();
        double statementsPerSec = finite(mix.readsPerSecond()) + finite(mix.writesPerSecond());
        double statementsPerTx = statementsPerSec > 0 ? statementsPerSec / tps : 1;
        double writeShare = Double.isFinite(mix.writeShare()) ? mix.writeShare() : 0.2;
        if (!Double.isFinite(mix.writeShare())) {
            notes.add("read/write mix not measured: 20% writes assumed");
        }

        WorkloadProfile.WorkingSet ws = profile.workingSet();
        double pagesPerTx;
        if (Double.isFinite(ws.hitRatio()) && ws.hitRatio() < 0.99999 && ws.physicalReadBytesPerSec() > 0) {
            pagesPerTx = ws.physicalReadBytesPerSec() / PAGE / (1 - ws.hitRatio()) / tps;
        } else {
            pagesPerTx = DEFAULT_PAGES_PER_STATEMENT * statementsPerTx;
            notes.add("pages per transaction not measurable (no cache misses counted): "
                    + (int) DEFAULT_PAGES_PER_STATEMENT + " per statement assumed");
        }
        double walPerTx = Double.isFinite(profile.wal().meanBytesPerSecond()) ? profile.wal().meanBytesPerSecond() / tps : 0;
        double tempPerTx = Double.isFinite(profile.tempSpill().bytesPerTransaction())
                ? profile.tempSpill().bytesPerTransaction() : 0;

        List<QuerySummary> queries = top.stream().filter(q -> q.calls() > 0).limit(TOP).toList();
        List<QueryClass> classes = queries.isEmpty()
                ? List.of(aggregate(statementsPerTx, writeShare, pagesPerTx, walPerTx, tempPerTx, profile, tps, notes,
                        workMem))
                : classes(queries, statementsPerTx, pagesPerTx, walPerTx, tempPerTx, writeShare, workMem);
        if (queries.isEmpty()) {
            notes.add("no statement digest: one average statement class built from the counters");
        }

        double dataBytes = Double.isFinite(ws.databaseBytes()) ? ws.databaseBytes()
                : Double.isFinite(ws.estimatedBytes()) ? ws.estimatedBytes() : 1e9;
        if (!Double.isFinite(ws.databaseBytes()) && !Double.isFinite(ws.estimatedBytes())) {
            notes.add("database size not collected: 1 GB assumed");
        }

        double active = profile.concurrency().mean();
        double responseSec = Double.isFinite(active) && active > 0 ? active / tps : 0;
        int n;
        double thinkMs;
        if (replay) {
            n = clients > 0 ? clients : Math.max(1, (int) Math.ceil(finiteOr(profile.concurrency().p95(), 1)));
            thinkMs = 0;
        } else {
            double connections = profile.connections().meanConnections();
            int measured = Math.max(1, (int) Math.round(Double.isFinite(connections) && connections >= 1
                    ? connections : finiteOr(profile.concurrency().p95(), 1)));
            // Little's law on the closed loop the measured clients make: N = X (R + Z); more clients keep that pace
            thinkMs = Math.max(0, (measured / tps - responseSec) * 1000);
            n = clients > 0 ? clients : measured;
        }
        double commits = writeShare > 0 ? 1 : 0;
        String name = (replay ? "replay of " : "measured profile: ") + (queries.isEmpty() ? "counters only"
                : "top " + queries.size() + " fingerprints") + " of " + instanceName;
        WorkloadShape shape = new WorkloadShape(name, classes, dataBytes, WorkloadShape.TYPICAL_SKEW, n, thinkMs,
                commits);
        notes.add(0, String.format(Locale.ROOT, "%.1f tps, %.1f statements per transaction, %d clients%s, %s data",
                tps, statementsPerTx, n, replay ? " at full speed" : String.format(Locale.ROOT, " with %.0f ms between transactions", thinkMs),
                io.knobwright.model.forecast.SizeText.bytes(Math.round(dataBytes))));
        return new Built(shape, notes);
    }

    private static List<QueryClass> classes(List<QuerySummary> queries, double statementsPerTx, double pagesPerTx,
                                            double walPerTx, double tempPerTx, double writeShare, double workMem) {
        double calls = queries.stream().mapToDouble(QuerySummary::calls).sum();
        double time = queries.stream().mapToDouble(QuerySummary::totalMs).sum();
        double writeCalls = queries.stream().filter(q -> isWrite(q.query())).mapToDouble(QuerySummary::calls).sum();
        boolean perQueryTemp = queries.stream().anyMatch(q -> q.tempBytes() > 0);
        QuerySummary slowest = queries.stream().max(java.util.Comparator.comparingDouble(QuerySummary::meanMs)).orElseThrow();
        List<QueryClass> out = new ArrayList<>();
        for (QuerySummary q : queries) {
            double share = q.calls() / calls;
            double callsPerTx = share * statementsPerTx;
            double timeShare = time > 0 ? q.totalMs() / time : share;
            // pages follow time: the statements that take long are the ones that read much
            double pages = callsPerTx > 0 ? pagesPerTx * timeShare / callsPerTx : 0;
            boolean write = isWrite(q.query());
            double wal = write && writeCalls > 0 ? walPerTx * (q.calls() / writeCalls) / callsPerTx : 0;
            double writtenPerCall = perQueryTemp ? Math.max(0, q.tempBytes()) / (double) q.calls()
                    : q == slowest && tempPerTx > 0 ? tempPerTx / callsPerTx : 0;
            double sortBytes = BuiltInModel.sortInputWriting(writtenPerCall, workMem);
            out.add(new QueryClass(shorten(q.query()), callsPerTx, q.meanMs(), pages, sortBytes, 0,
                    write ? PAGES_DIRTIED_PER_WRITE : 0, wal, false));
        }
        return out;
    }

    private static QueryClass aggregate(double statementsPerTx, double writeShare, double pagesPerTx, double walPerTx,
                                        double tempPerTx, WorkloadProfile profile, double tps, List<String> notes,
                                        double workMem) {
        double active = profile.concurrency().mean();
        double txMs = Double.isFinite(active) && active > 0 ? active / tps * 1000 : 1;
        return new QueryClass("average statement", statementsPerTx, txMs / statementsPerTx, pagesPerTx / statementsPerTx,
                BuiltInModel.sortInputWriting(tempPerTx / statementsPerTx, workMem), 0, PAGES_DIRTIED_PER_WRITE * writeShare, walPerTx / statementsPerTx, false);
    }

    static boolean isWrite(String query) {
        String q = query.stripLeading().toLowerCase(Locale.ROOT);
        return q.startsWith("insert") || q.startsWith("update") || q.startsWith("delete") || q.startsWith("merge")
                || q.startsWith("copy") || (q.startsWith("with") && (q.contains(" insert ") || q.contains(" update ")
                || q.contains(" delete ")));
    }

    private static String shorten(String query) {
        String oneLine = query.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static double finiteOr(double v, double otherwise) {
        return Double.isFinite(v) ? v : otherwise;
    }
}
