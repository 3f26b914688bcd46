package io.knobwright.app.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.knobwright.app.health.ConnectionHealthService;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.health.ConnectionEventSummary;
import io.knobwright.model.health.ConnectionGroup;
import io.knobwright.model.health.ConnectionReport;
import io.knobwright.model.health.ConnectionSnapshot;
import io.knobwright.model.health.IdleTransaction;
import io.knobwright.model.health.ScopedLimit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static io.knobwright.app.cli.WorkloadProfileCommand.num;

@Command(name = "connections", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Connections of an instance now: limits (max_connections less what is reserved, role and database",
                "limits), use and utilisation by application, user and client, sessions idle in a transaction with their",
                "age (older than 5 minutes: a leak), waits by type, the time left until the limit at the trend of the last",
                "6 hours, and pool sizing advice from the measured concurrency, with its reasoning. Polls the instance",
                "(the poll is stored like any other)."})
final class HealthConnectionsCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instance", required = true, paramLabel = "ID|NAME", description = "The instance.")
    private String instance;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    HealthConnectionsCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Instance target = session.context().fleet().require(instance);
        var health = session.context().health();
        ConnectionReport report = health.connections(target, ConnectionReport.DEFAULT_LEAK_AGE);
        ConnectionEventSummary events = health.events(target.id(), ConnectionHealthService.EVENTS_WINDOW);
        if (json) {
            Json.print(session.out(), ReportJson.of(target, report, events));
        } else {
            print(session.out(), target, report);
            print(session.out(), events);
        }
        return ExitCodes.OK;
    }

    @JsonPropertyOrder({"name", "limit", "inUse", "utilisation"})
    record ScopedJson(String name, int limit, int inUse, Double utilisation) {
        static ScopedJson of(ScopedLimit l) {
            return new ScopedJson(l.name(), l.limit(), l.inUse(), num(l.utilisation()));
        }
    }

    @JsonPropertyOrder({"maxConnections", "superuserReserved", "reserved", "usable", "roles", "databases"})
    record LimitsJson(int maxConnections, int superuserReserved, int reserved, int usable, List<ScopedJson> roles,
                      List<ScopedJson> databases) {
    }

    @JsonPropertyOrder({"total", "active", "utilisation"})
    record CurrentJson(int total, int active, Double utilisation) {
    }

    @JsonPropertyOrder({"application", "user", "client", "database", "state", "count"})
    record GroupJson(String application, String user, String client, String database, String state, int count) {
        static GroupJson of(ConnectionGroup g) {
            return new GroupJson(g.application(), g.user(), g.client(), g.database(), g.state(), g.count());
        }
    }

    @JsonPropertyOrder({"session", "application", "user", "client", "database", "transactionSeconds", "idleSeconds", "leak",
            "query"})
    record IdleJson(String session, String application, String user, String client, String database, Double transactionSeconds,
                    Double idleSeconds, boolean leak, String query) {
    }

    @JsonPropertyOrder({"rising", "sessionsPerHour", "hoursLeft", "basis"})
    record TimeLeftJson(boolean rising, Double sessionsPerHour, Double hoursLeft, String basis) {
    }

    @JsonPropertyOrder({"serverPool", "defaultPoolSize", "maxClientConn", "reasoning"})
    record PoolJson(int serverPool, int defaultPoolSize, int maxClientConn, List<String> reasoning) {
    }

    @JsonPropertyOrder({"severity", "what", "evidence"})
    record AlertJson(String severity, String what, String evidence) {
    }

    @JsonPropertyOrder({"from", "to", "connections", "attempts", "disconnections", "peakPerSecond", "peakAt",
            "meanSessionSeconds", "stormSeconds", "byApplication"})
    record EventsJson(String from, String to, long connections, long attempts, long disconnections, int peakPerSecond,
                      String peakAt, Double meanSessionSeconds, long stormSeconds, Map<String, Long> byApplication) {
        static EventsJson of(ConnectionEventSummary e) {
            return new EventsJson(e.from().toString(), e.to().toString(), e.connections(), e.attempts(), e.disconnections(),
                    e.peakPerSecond(), e.peakAt() == null ? null : e.peakAt().toString(), num(e.meanSessionSeconds()),
                    e.stormSeconds(), new java.util.TreeMap<>(e.byApplication()));
        }
    }

    @JsonPropertyOrder({"start", "end", "peakPerSecond", "connections", "application"})
    record StormJson(String start, String end, int peakPerSecond, long connections, String application) {
        static StormJson of(ConnectionEventSummary.Storm s) {
            return new StormJson(s.start().toString(), s.end().toString(), s.peakPerSecond(), s.connections(), s.application());
        }
    }

    @JsonPropertyOrder({"instance", "at", "limits", "current", "byApplication", "byUser", "byClient", "groups",
            "idleInTransaction", "waits", "timeLeft", "poolAdvice", "alerts", "notes", "connectionEvents", "storms"})
    record ReportJson(String instance, String at, LimitsJson limits, CurrentJson current, Map<String, Integer> byApplication,
                      Map<String, Integer> byUser, Map<String, Integer> byClient, List<GroupJson> groups,
                      List<IdleJson> idleInTransaction, Map<String, Integer> waits, TimeLeftJson timeLeft, PoolJson poolAdvice,
                      List<AlertJson> alerts, List<String> notes, EventsJson connectionEvents, List<StormJson> storms) {

        static ReportJson of(Instance instance, ConnectionReport r, ConnectionEventSummary events) {
            ConnectionSnapshot s = r.snapshot();
            var l = s.limits();
            List<ScopedJson> roles = l.scoped().stream().filter(x -> x.scope() == ScopedLimit.Scope.ROLE).map(ScopedJson::of).toList();
            List<ScopedJson> dbs = l.scoped().stream().filter(x -> x.scope() == ScopedLimit.Scope.DATABASE).map(ScopedJson::of).toList();
            List<IdleJson> idle = s.idleInTransaction().stream().map(t -> new IdleJson(t.session(), t.application(), t.user(),
                    t.client(), t.database(), num(t.transactionSeconds()), num(t.idleSeconds()), r.leaks().contains(t), t.query()))
                    .toList();
            var left = r.timeLeft();
            return new ReportJson(instance.name(), s.at().toString(),
                    new LimitsJson(l.maxConnections(), l.superuserReserved(), l.reserved(), l.usable(), roles, dbs),
                    new CurrentJson(s.total(), s.active(), num(r.utilisation())), new java.util.TreeMap<>(r.byApplication()),
                    new java.util.TreeMap<>(r.byUser()), new java.util.TreeMap<>(r.byClient()),
                    s.groups().stream().map(GroupJson::of).toList(), idle, new java.util.TreeMap<>(s.waits()),
                    new TimeLeftJson(left.rising(), num(left.perHour()),
                            left.left().map(d -> num(d.toSeconds() / 3600.0)).orElse(null), left.basis()),
                    new PoolJson(r.advice().serverPool(), r.advice().defaultPoolSize(), r.advice().maxClientConn(),
                            r.advice().reasoning()),
                    r.alerts().stream().map(a -> new AlertJson(a.severity().name().toLowerCase(Locale.ROOT), a.what(), a.evidence()))
                            .toList(), s.notes(), EventsJson.of(events), events.storms().stream().map(StormJson::of).toList());
        }
    }

    /** The stored log connection events of the window: one line, and one per storm. */
    private static void print(PrintWriter out, ConnectionEventSummary e) {
        if (e.connections() + e.attempts() + e.disconnections() == 0) {
            out.println("connection events: none stored for the last 7 days (import a log written with log_connections and"
                    + " log_disconnections: `knobwright workload import-log`)");
            return;
        }
        out.println(String.format(Locale.ROOT, "connection events (last 7 days, from imported logs): %d connections, %d"
                + " attempts, %d disconnections; peak %d/s at %s; mean session %.3f s", e.connections(), e.attempts(),
                e.disconnections(), e.peakPerSecond(), e.peakAt(), e.meanSessionSeconds()));
        e.storms().forEach(s -> out.println("storm: " + s.start() + " to " + s.end() + ", " + s.connections()
                + " connections, peak " + s.peakPerSecond() + "/s, mostly " + (s.application().isEmpty() ? "(no name)" : s.application())));
    }

    private static void print(PrintWriter out, Instance instance, ConnectionReport r) {
        ConnectionSnapshot s = r.snapshot();
        var l = s.limits();
        out.println(Table.cell(instance.name()) + ": " + s.total() + " of " + l.usable() + " usable connections ("
                + String.format(Locale.ROOT, "%.0f%%", r.utilisation() * 100) + "; max_connections " + l.maxConnections()
                + ", superuser reserved " + l.superuserReserved() + ", reserved " + l.reserved() + "), " + s.active() + " active");
        Table groups = new Table("APPLICATION", "USER", "CLIENT", "DATABASE", "STATE", "SESSIONS");
        for (ConnectionGroup g : s.groups()) {
            groups.row(Table.clip(g.application(), 30), g.user(), g.client(), g.database(), g.state(), String.valueOf(g.count()));
        }
        groups.print(out);
        if (!s.idleInTransaction().isEmpty()) {
            out.println();
            Table idle = new Table("SESSION", "APPLICATION", "USER", "CLIENT", "OPEN FOR", "LEAK", "QUERY");
            for (IdleTransaction t : s.idleInTransaction()) {
                idle.row(t.session(), Table.clip(t.application(), 30), t.user(), t.client(),
                        String.format(Locale.ROOT, "%.0f s", t.transactionSeconds()), r.leaks().contains(t) ? "yes" : "",
                        Table.clip(t.query(), 50));
            }
            idle.print(out);
        }
        out.println();
        out.println("waits: " + (s.waits().isEmpty() ? "none" : s.waits().toString()));
        out.println("trend: " + r.timeLeft().basis());
        out.println("pool advice: server pool " + r.advice().serverPool() + ", pgbouncer default_pool_size "
                + r.advice().defaultPoolSize() + ", max_client_conn " + r.advice().maxClientConn());
        r.advice().reasoning().forEach(line -> out.println("  - " + line));
        r.alerts().forEach(a -> out.println(a.severity().name().toLowerCase(Locale.ROOT) + ": " + a.what() + " (" + a.evidence() + ")"));
        s.notes().forEach(n -> out.println("note: " + n));
    }
}
