package io.knobwright.simulator.model;

/**
 * A closed queueing network solved by exact Mean Value Analysis (Reiser &amp; Lavenberg, JACM 1980) for 1..N clients:
 * R_k(n) = D_k·(1 + Q_k(n−1)), X(n) = n / (Z + Σ R_k(n)), Q_k(n) = X(n)·R_k(n).
 * <ul>
 * <li>CPU: c cores as a load-dependent station, solved exactly from the marginal probabilities of k transactions at
 * it (service rate min(k, c)/D): up to c transactions never queue. Its demand grows by
 * uslContention per other busy backend (Gunther's coherency term: locks, snapshots, cache lines).</li>
 * <li>Disk: the same with the device's parallelism (an SSD serves several reads at once).</li>
 * <li>Commit: a backend waits for its WAL flush; group commit lets one flush carry every commit waiting for it, so
 * a commit waits its own flush plus, when the flusher is busy (ρ), half of the one in progress: D_f·(1 + ρ/2).
 * It never queues beyond that, which is why synchronous_commit costs latency rather than a throughput ceiling.</li>
 * <li>Clients on the server's own host ({@link SharedHost}): each client's CPU work (the driver building the statement
 * and handling the answer) joins the CPU station, so clients take cores from the server. Past the cores, a process
 * that wakes (a backend for its statement, a client for its answer) finds its core last used by others and refills
 * its caches: extra CPU per statement times the over-subscribed share 1 − c/q, q the transactions at the CPU.
 * With these, throughput on a shared host falls past the cores instead of staying on the saturation line.</li>
 * <li>Waking on an idle core ({@code wakeMs}): the scheduler wakes a process handed work on an idle core when there
 * is one, and on a virtual machine an idle vCPU has halted into the hypervisor, so the hand-off costs tens of
 * microseconds that no one spends as CPU. It is a delay per transaction times the idle share of the cores other than
 * the waker's, which the other transactions leave ({@link #idleElsewhere}, by the arrival theorem); with as many
 * runnable processes as cores, a woken process runs where its waker goes to sleep and pays nothing. A client alone
 * pays every wake, with or without a WAL flush among its waits (decision 0161). For a client on the server's own
 * host these hand-offs are the whole of its round trip (decision 0159). Measured on this project's 2-vCPU machine
 * (0148's quiet rerun): select-only at 1 client ran 11.8k tps and at 2 clients 62.7k, which no queue explains.</li>
 * <li>Hot rows ({@link RowLocks}, decision 0158): a transaction that locks one of a few rows holds it until it
 * commits, so transactions that picked the same row run that stretch one after another. Each set is a station of
 * {@code rows} single servers visited once per transaction (visit ratio 1/rows), whose service time is the hold: the
 * share of the transaction's work and round trips sent after the lock was taken, its WAL flush, and its waits for
 * rows it locks later. An arriving transaction waits for the Q/rows others at its row (the arrival theorem), so the
 * wait is hold × Q / rows. The hold grows with the CPU queue, which is why a writer on an over-subscribed host and a
 * synchronous commit both cap throughput well before the cores do.</li>
 * </ul>
 */
final class QueueingModel {

    /**
     * @param tps            throughput at the offered clients
     * @param responseMs     mean transaction time, think time excluded
     * @param cpuUtilisation busy share of the cores
     * @param diskUtilisation busy share of the device's parallel lanes
     * @param commitShare    share of the response time spent waiting for WAL flushes
     * @param knee           N*: clients beyond which throughput stops growing (the balanced-demand knee)
     * @param busy           transactions in service at once (not thinking): X·R
     * @param lockWaitMs     time per transaction spent waiting for hot rows other transactions hold
     */
    record Result(double tps, double responseMs, double cpuUtilisation, double diskUtilisation, double commitShare,
                  double knee, double busy, double cpuResponseMs, double diskResponseMs, double lockWaitMs) {
    }

    /**
     * Hot rows a transaction locks until it commits, in the order it takes them.
     *
     * @param rows         per set, the effective number of rows picked from
     * @param heldShare    per set, the share of the transaction's statements sent while holding it (0..1]
     * @param roundTripsMs the client's round trips per transaction, which a held lock waits through as well
     */
    record RowLocks(double[] rows, double[] heldShare, double roundTripsMs) {
        static final RowLocks NONE = new RowLocks(new double[0], new double[0], 0);

        RowLocks {
            if (rows.length != heldShare.length || !(roundTripsMs >= 0)) {
                throw new IllegalArgumentException("One held share per hot set, and round trips not negative");
            }
            rows = rows.clone();
            heldShare = heldShare.clone();
            for (int i = 0; i < rows.length; i++) {
                if (!(rows[i] >= 1) || !(heldShare[i] > 0 && heldShare[i] <= 1)) {
                    throw new IllegalArgumentException("A hot set has at least one row and a held share in (0, 1]");
                }
                if (i > 0 && heldShare[i] > heldShare[i - 1]) {
                    throw new IllegalArgumentException("Hot sets come in the order they are locked: held shares fall");
                }
            }
        }
    }

    /**
     * Load generated on the server's own host, per transaction; {@link #REMOTE} when the clients run elsewhere.
     *
     * @param clientCpuMs CPU the clients spend per transaction on the same cores as the server
     * @param switchMs    extra CPU per transaction when every core is over-subscribed (cache refills after switches)
     * @param crossWakeMs extra CPU per transaction of a client whose backend runs on another busy core: its hand-offs
     *                    interrupt that core ({@link #splitShare})
     */
    record SharedHost(double clientCpuMs, double switchMs, double crossWakeMs) {
        static final SharedHost REMOTE = new SharedHost(0, 0, 0);

        SharedHost {
            if (!(clientCpuMs >= 0) || !(switchMs >= 0) || !(crossWakeMs >= 0)) {
                throw new IllegalArgumentException("Client CPU and switch costs are not negative");
            }
        }

        SharedHost(double clientCpuMs, double switchMs) {
            this(clientCpuMs, switchMs, 0);
        }
    }

    /**
     * The share of local client-backend pairs that cannot share a core with their partner (decision 0160). A client
     * and its backend take turns, so a pair is one runnable process at a time and a core serves its pairs with cheap
     * switches. Past the cores, when the cores do not divide the pairs evenly, the scheduler evens the load by moving
     * one process of a pair to another core for each core's pair too many or too few: those pairs' hand-offs then
     * interrupt a busy core. pgbench select-only on this project's 2 vCPUs: 66k tps at 2 clients, 40-44k at 3,
     * 60-62k at 4, 42-45k at 5, 56-59k at 6; 3 and 5 both cost about 0.027 ms per hand-off of the split pair.
     */
    static double splitShare(int pairs, int cores) {
        if (pairs <= cores || cores < 1) {
            return 0;
        }
        int extra = pairs % cores;
        return Math.min(extra, cores - extra) / (double) pairs;
    }

    /**
     * The share of the time the cores other than a waker's sit idle, as the other transactions leave them (decision
     * 0161): a hand-off lands on an idle core whenever there is one, so it pays the wake unless the others keep every
     * other core running. A client alone finds the other cores idle at every hand-off, whatever its own waits; on one
     * core the woken process runs where its waker goes to sleep.
     *
     * @param othersRunning the other transactions' mean count at the CPU, their wakes not counted: a wait for a wake
     *                      is not idleness the scheduler can see, and counting it would talk a busy host into an idle
     *                      one
     */
    static double idleElsewhere(double othersRunning, int cores) {
        if (cores <= 1) {
            return 0;
        }
        return Math.max(0, 1 - othersRunning / (cores - 1));
    }

    private QueueingModel() {
    }

    static Result solve(double cpuMs, double diskMs, double commitMs, double thinkMs, int clients, int cpus,
                        double diskParallelism, double contention) {
        return solve(cpuMs, diskMs, commitMs, thinkMs, clients, cpus, diskParallelism, contention, SharedHost.REMOTE, 0);
    }

    static Result solve(double cpuMs, double diskMs, double commitMs, double thinkMs, int clients, int cpus,
                        double diskParallelism, double contention, SharedHost host) {
        return solve(cpuMs, diskMs, commitMs, thinkMs, clients, cpus, diskParallelism, contention, host, 0);
    }


    /**
     * @param cpuMs    CPU demand per transaction (all cores' work, in ms of one core)
     * @param diskMs   device demand per transaction
     * @param commitMs WAL flush waits per transaction (0 when nothing waits for a flush)
     * @param thinkMs  client think time between transactions
     * @param host     the clients' CPU on the same cores, if they run on the server's host
     * @param wakeMs   the delay per transaction of waking its processes on idle cores, all cores idle
     */
    static Result solve(double cpuMs, double diskMs, double commitMs, double thinkMs, int clients, int cpus,
                        double diskParallelism, double contention, SharedHost host, double wakeMs) {
        return solve(cpuMs, diskMs, commitMs, thinkMs, clients, cpus, diskParallelism, contention, host, wakeMs,
                RowLocks.NONE);
    }

    static Result solve(double cpuMs, double diskMs, double commitMs, double thinkMs, int clients, int cpus,
                        double diskParallelism, double contention, SharedHost host, double wakeMs, RowLocks locks) {
        return solve(cpuMs, diskMs, commitMs, thinkMs, clients, cpus, diskParallelism, contention, host, wakeMs, locks,
                0);
    }

    /**
     * @param locks       the hot rows the transactions lock until they commit ({@link RowLocks#NONE} for none)
     * @param refillShare extra share of the server's CPU work when every core is over-subscribed: a backend switched
     *                    out mid-statement finds the caches it had built (its sort runs, its hash table, the index
     *                    pages it walked) evicted by the others when it comes back; charged times 1 − c/q as the
     *                    switching term is
     */
    static Result solve(double cpuMs, double diskMs, double commitMs, double thinkMs, int clients, int cpus,
                        double diskParallelism, double contention, SharedHost host, double wakeMs, RowLocks locks,
                        double refillShare) {
        double c = cpus;
        int sets = locks.rows().length;
        double[] inLock = new double[sets];
        double[] hold = new double[sets];
        double[] lockWait = new double[sets];
        double waits = 0;
        double wakeDelay = 0;
        double pd = Math.max(1, diskParallelism);
        // marginal probabilities of k transactions at the CPU, at the population of the step before (exact MVA for a
        // station of c servers: Seidmann's approximation priced 2 clients on 2 cores as if they queued, 0158)
        double[] atCpuBefore = new double[clients + 1];
        double[] atCpuNow = new double[clients + 1];
        atCpuBefore[0] = 1;
        double qDisk = 0;
        double x = 0;
        double r = 0;
        double rCpu = 0;
        double rDisk = 0;
        double rCommit = 0;
        double dCpu = cpuMs + host.clientCpuMs();
        double atCpu = 0;
        for (int n = 1; n <= clients; n++) {
            double busyBefore = Math.max(0, (n - 1) - x * thinkMs);
            // the other n − 1 transactions, by the arrival theorem: the population before, at its CPU response
            double othersRunning = n > 1 ? (n - 1) * rCpu / (thinkMs + r) : 0;
            wakeDelay = wakeMs * idleElsewhere(othersRunning, cpus);
            // the server's work grows with its busy backends (contention); the clients' does not
            double oversubscribed = atCpu > c ? 1 - c / atCpu : 0;
            dCpu = cpuMs * (1 + contention * Math.max(0, busyBefore - 1)) * (1 + refillShare * oversubscribed)
                    + host.clientCpuMs() + host.switchMs() * oversubscribed + host.crossWakeMs() * splitShare(n, cpus);
            rCpu = 0;
            for (int k = 1; k <= n; k++) {
                rCpu += k * dCpu / Math.min(k, c) * atCpuBefore[k - 1];
            }
            double diskQueue = diskMs / pd * (1 + qDisk);
            rDisk = diskQueue + diskMs * (pd - 1) / pd;
            double rho = Math.min(1, x * commitMs);
            rCommit = commitMs * (1 + rho / 2);
            // the last lock taken first: a lock taken earlier is held through the waits for the later ones
            waits = 0;
            for (int k = sets - 1; k >= 0; k--) {
                hold[k] = locks.heldShare()[k] * (rCpu + rDisk + locks.roundTripsMs() + wakeDelay) + rCommit + waits;
                lockWait[k] = hold[k] * inLock[k] / locks.rows()[k];
                waits += lockWait[k];
            }
            r = rCpu + rDisk + rCommit + waits;
            x = n / (thinkMs + r + wakeDelay);
            double some = 0;
            for (int k = 1; k <= n; k++) {
                atCpuNow[k] = x * dCpu / Math.min(k, c) * atCpuBefore[k - 1];
                some += atCpuNow[k];
            }
            atCpuNow[0] = Math.max(0, 1 - some);
            double[] swap = atCpuBefore;
            atCpuBefore = atCpuNow;
            atCpuNow = swap;
            qDisk = x * diskQueue;
            atCpu = x * rCpu;
            for (int k = 0; k < sets; k++) {
                inLock[k] = x * (lockWait[k] + hold[k]);
            }
        }
        double cpuDemand = cpuMs + host.clientCpuMs();
        double bottleneck = Math.max(cpuDemand / c, diskMs / pd);
        double knee = bottleneck > 0 ? (cpuDemand + diskMs + commitMs + thinkMs) / bottleneck : Double.POSITIVE_INFINITY;
        return new Result(x * 1000, r, Math.min(1, x * dCpu / c), Math.min(1, x * diskMs / pd),
                r > 0 ? rCommit / r : 0, knee, x * r, rCpu, rDisk, waits);
    }
}
