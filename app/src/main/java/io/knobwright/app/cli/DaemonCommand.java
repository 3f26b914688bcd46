package io.knobwright.app.cli;

import io.knobwright.app.AppContext;
import io.knobwright.app.override.Restoration;
import io.knobwright.app.override.RestorationScheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

@Command(name = "daemon", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Runs the override restoration scheduler headless (and governance's expiries, escalations and webhooks),",
                "for teams that want it off the desktop. One scheduler per store: a second one says who holds it and exits 1.",
                "It also monitors every instance with a connection (--monitor-every, default 60s; 'off' to leave it), keeps",
                "the series within their retention, captures the plans of PostgreSQL instances' top queries hourly, and",
                "evaluates the fleet's alerts (--alert-interval, default 60s), sending raises and clears to webhooks;",
                "on the same schedule it measures the outcome of applied plans once enough samples were collected.",
                "Stops on Ctrl+C or SIGTERM; a workbench opened meanwhile stands by and takes over if the daemon goes away."})
final class DaemonCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--once", description = "Restore what is due now and exit (for cron), instead of running.")
    private boolean once;

    @Option(names = "--monitor-every", paramLabel = "DURATION", defaultValue = "60s",
            description = "How often each instance with a connection is polled (e.g. 30s, 5m), or 'off'. Default 60s.")
    private String monitorEvery;

    @Option(names = "--alert-interval", paramLabel = "DURATION", defaultValue = "60s",
            description = "How often the fleet's alerts are evaluated (raises and clears go to the webhooks that ask"
                    + " for alert.*), e.g. 30s, 5m, or 'off'. Default 60s.")
    private String alertInterval;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics (off unless given; 0 picks a free port).")
    private Integer metricsPort;

    @Option(names = "--metrics-bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address the metrics page listens on (default 127.0.0.1). The page names every instance: "
                    + "bind elsewhere only behind a firewall.")
    private String metricsBind;

    @Option(names = "--prometheus-interval", paramLabel = "DURATION", defaultValue = "5m",
            description = "How often the saved Prometheus mappings are synced (see 'prometheus map'), or 'off'. Default 5m.")
    private String prometheusInterval;

    DaemonCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws InterruptedException, java.net.UnknownHostException {
        AppContext context = session.context();
        if (once) {
            // opening the context already restored what was due, and reported it on stderr
            session.out().println("Due overrides restored; " + context.overrides().live().size() + " live override(s) remain.");
            return ExitCodes.OK;
        }
        if (!monitorEvery.equalsIgnoreCase("off")) {
            OverrideCommand.duration(monitorEvery, "--monitor-every"); // a bad value is refused before anything starts
        }
        if (!alertInterval.equalsIgnoreCase("off")) {
            OverrideCommand.duration(alertInterval, "--alert-interval");
        }
        if (!prometheusInterval.equalsIgnoreCase("off")) {
            OverrideCommand.duration(prometheusInterval, "--prometheus-interval");
        }
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            session.err().println("knobwright: --metrics-port must be between 0 and 65535, not " + metricsPort + ".");
            return ExitCodes.USER_ERROR;
        }
        Optional<RestorationScheduler> started = context.startRestorations("daemon", true);
        if (started.isEmpty()) {
            String holder = context.overrides().schedulerHolder().orElse("another scheduler");
            session.err().println("knobwright: a restoration scheduler already runs for this store (" + holder
                    + "); one per store, so this one exits. Stop that one first, or let it be.");
            return ExitCodes.USER_ERROR;
        }
        RestorationScheduler scheduler = started.get();
        io.knobwright.app.metrics.MetricsEndpoint metrics = null; // first: a port in use stops the daemon before it works
        if (metricsPort != null) {
            try {
                metrics = context.startMetricsEndpoint(metricsBind, metricsPort);
            } catch (java.io.IOException | RuntimeException e) {
                scheduler.close();
                session.err().println("knobwright: the metrics page could not listen on " + metricsBind + ":" + metricsPort
                        + " (" + e.getMessage() + "); choose another --metrics-port or --metrics-bind.");
                return ExitCodes.USER_ERROR;
            }
            if (!java.net.InetAddress.getByName(metricsBind).isLoopbackAddress()) {
                session.err().println("knobwright: warning: the metrics page on " + metricsBind
                        + " names every instance to whoever can reach it; keep it behind a firewall.");
            }
            say("metrics at http://" + metrics.address() + "/metrics");
        }
        io.knobwright.app.metrics.MetricsEndpoint serving = metrics;
        context.startGovernanceDaemon();
        int monitored = startMonitoring(context);
        startBackupWatching(context);
        startAlertEvaluation(context);
        var prometheus = startPrometheusSync(context);
        scheduler.onRestorations(done -> report(done));
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            scheduler.close();
            if (prometheus != null) {
                prometheus.close();
            }
            if (serving != null) {
                serving.close();
            }
            stop.countDown();
        }, "knobwright-daemon-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        session.out().println("Restoration scheduler running for " + session.dataDir() + " (" + context.overrides().live().size()
                + " live override(s)); " + (monitored == 0 ? "no instance monitored" : monitored + " instance(s) monitored every "
                + monitorEvery) + "; Ctrl+C stops it.");
        session.out().flush();
        stop.await();
        return ExitCodes.OK;
    }

    /**
     * Polls every instance with a connection on a schedule (first polls spread over one interval), keeps the series
     * within their retention hourly, and captures the plans of PostgreSQL instances' top queries hourly.
     */
    private int startMonitoring(AppContext context) {
        if (monitorEvery.equalsIgnoreCase("off")) {
            return 0;
        }
        java.time.Duration every = OverrideCommand.duration(monitorEvery, "--monitor-every");
        List<io.knobwright.model.fleet.Instance> connectable = context.fleet().list().stream()
                .filter(io.knobwright.model.fleet.Instance::connectable).toList();
        var monitor = context.monitor();
        for (int i = 0; i < connectable.size(); i++) {
            monitor.schedule(connectable.get(i), every, every.multipliedBy(i).dividedBy(Math.max(1, connectable.size())));
        }
        java.time.Duration hour = java.time.Duration.ofHours(1);
        // after the series' own maintenance: the day's statements roll up into the query history (decision 0127)
        monitor.maintainEvery(hour, io.knobwright.model.workload.SeriesRetention.DEFAULT,
                done -> context.queryHistory().maintain(connectable));
        Thread.ofVirtual().name("knobwright-plan-captures").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(hour);
                    for (var instance : connectable) {
                        if (instance.engine() == io.knobwright.model.engine.Engine.POSTGRESQL) {
                            try {
                                var round = context.planCaptures().capture(instance);
                                round.changes().stream().filter(c -> c.after().capturedAt().isAfter(
                                        java.time.Instant.now().minus(hour))).forEach(c -> say(
                                        "plan changed on " + instance.name() + ": " + c.after().query()));
                            } catch (RuntimeException e) {
                                say("plans of " + instance.name() + " not captured: " + e.getMessage());
                            }
                        }
                    }
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        });
        return connectable.size();
    }

    /**
     * Once a minute, verifies and stores each backup under a watched directory that has settled (decision 0130); with
     * the 2-minute settle rule a finished backup is verified within about 3 minutes. Each result is printed.
     */
    private void startBackupWatching(AppContext context) {
        Thread.ofVirtual().name("knobwright-backup-watch").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        for (var outcome : context.backups().verifyDue(id -> context.fleet().find(id),
                                io.knobwright.app.backup.BackupWatcher.DEFAULT_SETTLE)) {
                            var v = outcome.verification();
                            say("backup " + v.path() + " of " + outcome.instance().map(i -> i.instance().name()).orElse("?") + ": "
                                    + v.status() + v.problems().stream().map(p -> "; " + p.describe())
                                    .collect(java.util.stream.Collectors.joining()));
                        }
                    } catch (RuntimeException e) {
                        say("backup watch round failed: " + e.getMessage());
                    }
                    Thread.sleep(java.time.Duration.ofMinutes(1));
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Evaluates the fleet's alerts every --alert-interval: raises and clears are queued for the webhooks in the same unit
     * as the alert's state (the governance daemon sends them), and printed here.
     */
    private void startAlertEvaluation(AppContext context) {
        if (alertInterval.equalsIgnoreCase("off")) {
            return;
        }
        java.time.Duration every = OverrideCommand.duration(alertInterval, "--alert-interval");
        context.alerts().onNewAlert(shown -> say("alert raised on " + shown.alert().instanceName() + ": "
                + shown.alert().severity().name().toLowerCase(java.util.Locale.ROOT) + " " + shown.alert().title()));
        Thread.ofVirtual().name("knobwright-alerts").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        // outcomes of applied plans first, so that a regression they flag is an alert this round
                        context.outcomes().measurePending().forEach(r -> say("outcome of plan " + r.outcome().planId()
                                + " on " + r.outcome().instanceName() + ": " + r.status()));
                        context.alerts().evaluate().failedSources().forEach(f -> say("alert source failed: " + f));
                    } catch (RuntimeException e) {
                        say("alert evaluation failed: " + e.getMessage());
                    }
                    Thread.sleep(every);
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Syncs the saved Prometheus mappings every --prometheus-interval (decision 0133); each round's news is printed. */
    private io.knobwright.app.prometheus.PrometheusSyncSchedule startPrometheusSync(AppContext context) {
        if (prometheusInterval.equalsIgnoreCase("off")) {
            return null;
        }
        return context.startPrometheusSync(OverrideCommand.duration(prometheusInterval, "--prometheus-interval"),
                outcomes -> outcomes.stream().filter(o -> !o.ok() || o.stored() > 0)
                        .forEach(o -> say("prometheus " + PrometheusMapCommand.Sync.line(o).replaceFirst("^knobwright: ", ""))));
    }

    private synchronized void say(String line) {
        session.out().println(java.time.Instant.now() + " " + line);
        session.out().flush();
    }

    private synchronized void report(List<Restoration> done) {
        for (Restoration r : done) {
            session.out().println(java.time.Instant.now() + " " + r.message());
        }
        session.out().flush();
    }
}
