package io.knobwright.simulator.model;

/**
 * A closed queueing network solved by exact Mean Value Analysis (Reiser &amp; Lavenberg, JACM 1980) for 1..N clients:
 * R_k(n) = D_k·(1 + Q_k(n−1)), X(n) = n / (Z + Σ R_k(n)), Q_k(n) = X(n)·R_k(n).
 * <ul>
 * <li>CPU: c cores by Seidmann's approximation, a queue of demand D/c plus a delay of D·(c−1)/c. Its demand grows by
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
 * <li>Waking on an idle core ({@code wakeMs}): a process handed work while a core sits idle is woken there, and on
 * a virtual machine an idle vCPU has halted into the hypervisor, so the hand-off costs tens of microseconds that
 * no one spends as CPU. It is a delay per transaction times the idle share of the cores, 1 − (transactions at the
 * CPU)/c; with as many runnable processes as cores, a woken process runs where its waker goes to sleep and pays
 * nothing. Measured on this project's 2-vCPU machine (0148's quiet rerun): select-only at 1 client ran 11.8k tps and
 * at 2 clients 62.7k, which no queue explains.</li>
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
     */
    record Result(double tps, double responseMs, double cpuUtilisation, double diskUtilisation, double commitShare,
                  double knee, double busy, double cpuResponseMs, double diskResponseMs) {
    }

    /**
     * Load generated on the server's own host, per transaction; {@link #REMOTE} when the clients run elsewhere.
     *
     * @param clientCpuMs CPU the clients spend per transaction on the same cores as the server
     * @param switchMs    extra CPU per transaction when every core is over-subscribed (cache refills after switches)
     */
    record SharedHost(double clientCpuMs, double switchMs) {
        static final SharedHost REMOTE = new SharedHost(0, 0);

        SharedHost {
            if (!(clientCpuMs >= 0) || !(switchMs >= 0)) {
                throw new IllegalArgumentException("Client CPU and switch costs are not negative");
            }
        }
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
        double c = cpus;
        double pd = Math.max(1, diskParallelism);
        double qCpu = 0;
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
            // the server's work grows with its busy backends (contention); the clients' does not
            double oversubscribed = atCpu > c ? 1 - c / atCpu : 0;
            dCpu = cpuMs * (1 + contention * Math.max(0, busyBefore - 1)) + host.clientCpuMs()
                    + host.switchMs() * oversubscribed;
            double cpuQueue = dCpu / c * (1 + qCpu);
            rCpu = cpuQueue + dCpu * (c - 1) / c;
            double diskQueue = diskMs / pd * (1 + qDisk);
            rDisk = diskQueue + diskMs * (pd - 1) / pd;
            double rho = Math.min(1, x * commitMs);
            rCommit = commitMs * (1 + rho / 2);
            r = rCpu + rDisk + rCommit;
            // the idle share is read from the transactions at the CPU before any wake is paid: a hand-off only waits
            // when a core is idle, and counting the wait itself as idleness would talk a busy machine into an idle one
            double running = n * rCpu / (thinkMs + r);
            x = n / (thinkMs + r + wakeMs * Math.max(0, 1 - running / c));
            qCpu = x * cpuQueue;
            qDisk = x * diskQueue;
            atCpu = x * rCpu;
        }
        double cpuDemand = cpuMs + host.clientCpuMs();
        double bottleneck = Math.max(cpuDemand / c, diskMs / pd);
        double knee = bottleneck > 0 ? (cpuDemand + diskMs + commitMs + thinkMs) / bottleneck : Double.POSITIVE_INFINITY;
        return new Result(x * 1000, r, Math.min(1, x * dCpu / c), Math.min(1, x * diskMs / pd),
                r > 0 ? rCommit / r : 0, knee, x * r, rCpu, rDisk);
    }
}
