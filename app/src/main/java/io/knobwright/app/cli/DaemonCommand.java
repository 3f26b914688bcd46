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
                "Stops on Ctrl+C or SIGTERM; a workbench opened meanwhile stands by and takes over if the daemon goes away."})
final class DaemonCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--once", description = "Restore what is due now and exit (for cron), instead of running.")
    private boolean once;

    DaemonCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws InterruptedException {
        AppContext context = session.context();
        if (once) {
            // opening the context already restored what was due, and reported it on stderr
            session.out().println("Due overrides restored; " + context.overrides().live().size() + " live override(s) remain.");
            return ExitCodes.OK;
        }
        Optional<RestorationScheduler> started = context.startRestorations("daemon", true);
        if (started.isEmpty()) {
            String holder = context.overrides().schedulerHolder().orElse("another scheduler");
            session.err().println("knobwright: a restoration scheduler already runs for this store (" + holder
                    + "); one per store, so this one exits. Stop that one first, or let it be.");
            return ExitCodes.USER_ERROR;
        }
        RestorationScheduler scheduler = started.get();
        context.startGovernanceDaemon();
        scheduler.onRestorations(done -> report(done));
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            scheduler.close();
            stop.countDown();
        }, "knobwright-daemon-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        session.out().println("Restoration scheduler running for " + session.dataDir() + " (" + context.overrides().live().size()
                + " live override(s)); Ctrl+C stops it.");
        session.out().flush();
        stop.await();
        return ExitCodes.OK;
    }

    private synchronized void report(List<Restoration> done) {
        for (Restoration r : done) {
            session.out().println(java.time.Instant.now() + " " + r.message());
        }
        session.out().flush();
    }
}
