package io.knobwright.app.cli;

import io.knobwright.model.index.AdvisedIndex;
import io.knobwright.model.index.HygieneFinding;
import io.knobwright.model.index.IndexAdvice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "advise", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Index advice for a PostgreSQL instance: candidate indexes from the plans of its frequent and",
                "slow queries, evaluated with HypoPG when the extension is created in the database, else on a sandbox",
                "copy (an embedded PostgreSQL with the schema and a sample of the rows); benefit = plan cost saved per",
                "call x calls per day. Then unused, duplicate and redundant (prefix) indexes with their size. Nothing",
                "is written to the server."})
final class IndexAdviseCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instance", required = true, paramLabel = "NAME", description = "The instance.")
    private String instance;

    @Option(names = "--json", description = "Print JSON: candidates, unused, duplicate, redundant.")
    private boolean json;

    IndexAdviseCommand(CliSession session) {
        this.session = session;
    }

    record QueryJson(String fingerprint, String sample, double callsPerDay, double costBefore, double costAfter) {
    }

    record CandidateJson(String table, List<String> columns, String definition, String reason, List<QueryJson> queries,
                         double costBefore, double costAfter, double benefit, long estimatedSizeBytes, double writeCost,
                         String evaluatedWith) {
        static CandidateJson of(AdvisedIndex a) {
            return new CandidateJson(a.index().qualifiedTable(), a.index().columns(), a.index().definition(),
                    a.index().reason(), a.queries().stream().map(q -> new QueryJson(q.query().fingerprint(),
                            q.query().text(), round(q.query().callsPerDay()), round(q.costBefore()), round(q.costAfter())))
                    .toList(), round(a.costBefore()), round(a.costAfter()), round(a.benefit()), a.estimatedSizeBytes(),
                    round(a.writeCost()), a.evaluatedWith().id());
        }
    }

    record FindingJson(String index, String table, List<String> columns, long sizeBytes, long scans, String coveredBy,
                       String reason, String definition) {
        static FindingJson of(HygieneFinding f) {
            return new FindingJson(f.index().qualifiedName(), f.index().qualifiedTable(), f.index().columns(),
                    f.sizeBytes(), f.index().scans(), f.coveredBy(), f.reason(), f.index().definition());
        }
    }

    record AdviceJson(String instance, String database, String statsSince, List<CandidateJson> candidates,
                      List<FindingJson> unused, List<FindingJson> duplicate, List<FindingJson> redundant) {
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @Override
    public Integer call() {
        IndexAdvice advice = session.context().indexAdvice().advise(instance);
        if (json) {
            Json.print(session.out(), new AdviceJson(instance, advice.database(), advice.statsSince().toString(),
                    advice.candidates().stream().map(CandidateJson::of).toList(),
                    advice.unused().stream().map(FindingJson::of).toList(),
                    advice.duplicate().stream().map(FindingJson::of).toList(),
                    advice.redundant().stream().map(FindingJson::of).toList()));
            for (String note : advice.notes()) {
                session.err().println("note: " + note);
            }
            session.err().flush();
            return ExitCodes.OK;
        }
        var out = session.out();
        out.println("Index advice for " + instance + " (database " + advice.database() + ", counters since "
                + advice.statsSince() + ")");
        if (advice.candidates().isEmpty()) {
            out.println("No index would lower the cost of the known queries.");
        } else {
            Table table = new Table("BENEFIT/DAY", "BEFORE", "AFTER", "SIZE", "WRITES/DAY", "BY", "DEFINITION");
            for (AdvisedIndex a : advice.candidates()) {
                table.row(String.format(Locale.ROOT, "%,.0f", a.benefit()), String.format(Locale.ROOT, "%,.1f", a.costBefore()),
                        String.format(Locale.ROOT, "%,.1f", a.costAfter()), bytes(a.estimatedSizeBytes()),
                        String.format(Locale.ROOT, "%,.0f", a.writeCost()), a.evaluatedWith().id(), a.index().definition());
            }
            table.print(out);
        }
        hygiene(out, "Unused (no scan since the counters started)", advice.unused());
        hygiene(out, "Duplicate", advice.duplicate());
        hygiene(out, "Redundant (leading part of another)", advice.redundant());
        for (String note : advice.notes()) {
            out.println("note: " + note);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void hygiene(java.io.PrintWriter out, String title, List<HygieneFinding> findings) {
        out.println();
        out.println(title + ": " + (findings.isEmpty() ? "none" : ""));
        if (!findings.isEmpty()) {
            Table table = new Table("INDEX", "SIZE", "COVERED BY", "REASON");
            for (HygieneFinding f : findings) {
                table.row(f.index().qualifiedName(), bytes(f.sizeBytes()), f.coveredBy(), f.reason());
            }
            table.print(out);
        }
    }

    static String bytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
