package io.knobwright.app.cli;

import io.knobwright.model.UserError;
import io.knobwright.model.workload.FingerprintSummary;
import io.knobwright.model.workload.TopOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "top", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The instance's top queries from its imported logs, one line per fingerprint: calls, total and",
                "mean time, p95, and the normalised query."})
final class WorkloadTopCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instance", required = true, paramLabel = "NAME", description = "The instance.")
    private String instance;

    @Option(names = "--by", paramLabel = "calls|total|mean", defaultValue = "total",
            description = "Rank by calls, total time (default), mean time per call (or p95).")
    private String by;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many (default 20).")
    private int limit;

    @Option(names = "--json", description = "Print JSON: fingerprint, query, calls, totalMs, meanMs, p95Ms per query.")
    private boolean json;

    WorkloadTopCommand(CliSession session) {
        this.session = session;
    }

    record TopJson(String fingerprint, String query, long calls, double totalMs, double meanMs, double p95Ms,
                   double p50Ms, double p99Ms, long rows, String firstSeen, String lastSeen, String example) {
        static TopJson of(FingerprintSummary s) {
            return new TopJson(io.knobwright.model.workload.Fingerprint.hex(s.id()), s.normalized(), s.calls(),
                    round(s.totalMs()), round(s.meanMs()), round(s.p95Ms()), round(s.p50Ms()), round(s.p99Ms()), s.rows(),
                    s.firstSeen().toString(), s.lastSeen().toString(), s.example());
        }

        private static double round(double ms) {
            return Math.round(ms * 1000) / 1000.0;
        }
    }

    @Override
    public Integer call() {
        TopOrder order;
        try {
            order = TopOrder.of(by);
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        }
        List<FingerprintSummary> top = session.context().logImports().top(instance, order, limit);
        if (json) {
            Json.print(session.out(), top.stream().map(TopJson::of).toList());
            return ExitCodes.OK;
        }
        if (top.isEmpty()) {
            session.out().println("No queries known for " + instance + " yet: import a log with `knobwright workload"
                    + " import-log --instance " + instance + " --file F`.");
            return ExitCodes.OK;
        }
        Table table = new Table("FINGERPRINT", "CALLS", "TOTAL MS", "MEAN MS", "P95 MS", "QUERY");
        for (FingerprintSummary s : top) {
            table.row(io.knobwright.model.workload.Fingerprint.hex(s.id()), String.format(Locale.ROOT, "%,d", s.calls()),
                    String.format(Locale.ROOT, "%.1f", s.totalMs()), String.format(Locale.ROOT, "%.2f", s.meanMs()),
                    String.format(Locale.ROOT, "%.2f", s.p95Ms()), Table.clip(s.normalized(), 90));
        }
        table.print(session.out());
        return ExitCodes.OK;
    }
}
