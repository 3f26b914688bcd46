package io.knobwright.app.cli;

import io.knobwright.app.monitor.TableSizes;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.OtherRelations;
import io.knobwright.model.workload.RelationSnapshot;
import io.knobwright.model.workload.TableStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "tables", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The instance's largest tables from its latest table snapshot (taken by `monitor collect` and the",
                "daemon's monitoring, every 15 minutes): total, table and index bytes, growth per day when two sizes are",
                "stored, sequential scans and dead tuples. PostgreSQL: the tables of the database the instance connects to."})
final class StorageTablesCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instance", required = true, paramLabel = "ID|NAME", description = "The instance's id or exact name.")
    private String instance;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many tables (default 20).")
    private int limit;

    @Option(names = "--json", description = {"Print JSON: {instance, at, statsDatabase, baseline, databases: [{database, bytes}],",
            "tables: [{database, schema, table, totalBytes, tableBytes, indexBytes, growthBytesPerDay, growthSince,",
            "seqScans, seqScansPerSecond, liveTuples, deadTuples, lastVacuum, lastAutovacuum}], others: {tables, bytes}};",
            "a figure the engine does not keep, or not yet known, is null."})
    private boolean json;

    StorageTablesCommand(CliSession session) {
        this.session = session;
    }

    record TableJson(String database, String schema, String table, long totalBytes, long tableBytes, long indexBytes,
                     Double growthBytesPerDay, String growthSince, Long seqScans, Double seqScansPerSecond, Long liveTuples,
                     Long deadTuples, String lastVacuum, String lastAutovacuum) {
        static TableJson of(TableSizes.Row row) {
            TableStats t = row.stats();
            return new TableJson(t.ref().database(), t.ref().schema(), t.ref().table(), t.totalBytes(), t.tableBytes(),
                    t.indexBytes(), number(row.growthPerDay()), row.growthSince() == null ? null : row.growthSince().toString(),
                    known(t.seqScans()), number(row.seqScansPerSecond()), known(t.liveTuples()), known(t.deadTuples()),
                    time(t.lastVacuum()), time(t.lastAutovacuum()));
        }
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw UserError.input("--limit must be at least 1, got " + limit + ".");
        }
        Instance which = session.context().fleet().require(instance);
        Optional<TableSizes.Report> report = TableSizes.of(session.context().relationSeries(), which.id(), limit);
        if (report.isEmpty()) {
            if (json) {
                Json.print(session.out(), Map.of("instance", which.name(), "tables", List.of()));
            } else {
                session.out().println("No table snapshot of " + which.name() + " yet: run `knobwright monitor collect --instance "
                        + which.name() + "` (the daemon takes one every 15 minutes).");
            }
            return ExitCodes.OK;
        }
        RelationSnapshot latest = report.get().latest();
        OtherRelations others = latest.others();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("instance", which.name());
            out.put("at", latest.at().toString());
            out.put("statsDatabase", latest.statsDatabase());
            out.put("baseline", report.get().baseline().name());
            out.put("databases", latest.databases().stream().map(d -> Map.of("database", d.database(), "bytes", d.bytes())).toList());
            out.put("tables", report.get().rows().stream().map(TableJson::of).toList());
            out.put("others", Map.of("tables", others.tables(), "bytes", others.tableBytes()));
            Json.print(session.out(), out);
            return ExitCodes.OK;
        }
        session.out().println(which.name() + " at " + latest.at() + (latest.statsDatabase() == null ? ""
                : " (tables of database " + latest.statsDatabase() + ")"));
        Table table = new Table("TABLE", "TOTAL", "TABLE", "INDEXES", "GROWTH/DAY", "SEQ SCANS", "SEQ/S", "DEAD TUPLES");
        for (TableSizes.Row row : report.get().rows()) {
            TableStats t = row.stats();
            table.row(Table.clip(t.ref().qualified(), 60), bytes(t.totalBytes()), bytes(t.tableBytes()), bytes(t.indexBytes()),
                    Double.isNaN(row.growthPerDay()) ? "-" : signed(row.growthPerDay()),
                    t.seqScans() == TableStats.UNKNOWN ? "-" : String.format(Locale.ROOT, "%,d", t.seqScans()),
                    Double.isNaN(row.seqScansPerSecond()) ? "-" : String.format(Locale.ROOT, "%.3f", row.seqScansPerSecond()),
                    t.deadTuples() == TableStats.UNKNOWN ? "-" : String.format(Locale.ROOT, "%,d", t.deadTuples()));
        }
        table.print(session.out());
        if (others.tables() > 0) {
            session.out().println("and " + others.tables() + " smaller tables, about " + bytes(others.tableBytes()) + " together");
        }
        return ExitCodes.OK;
    }

    private static Double number(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0;
    }

    private static Long known(long v) {
        return v == TableStats.UNKNOWN ? null : v;
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    static String bytes(double b) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = Math.abs(b);
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", Math.copySign(v, b), units[u]);
    }

    private static String signed(double b) {
        return (b >= 0 ? "+" : "") + bytes(b);
    }
}
