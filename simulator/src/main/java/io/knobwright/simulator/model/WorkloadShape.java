package io.knobwright.simulator.model;

import java.util.List;
import java.util.Objects;

/**
 * What the workload asks of the server, independent of its settings: the statement mix per transaction, the data
 * it touches and how skewed the access is, and the clients that drive it.
 *
 * @param name         where the shape came from ("pgbench script tpcb.sql", "replay of top 20 fingerprints")
 * @param dataBytes    the relations the workload touches (tables and indexes)
 * @param accessSkew   Zipf exponent of page popularity (0 uniform, ~1 strongly skewed), fitted to a measured hit
 *                     ratio where one exists
 * @param clients      concurrent clients offering transactions
 * @param thinkMs      time a client waits between transactions (0 for a closed loop at full speed)
 * @param commitsPerTx commits per transaction that wait for a WAL flush when synchronous_commit is on (0 read-only)
 * @param clientsOnHost whether the clients run on the server's host and share its CPUs (a load generator or an
 *                     application beside the server); false when they reach it over the network
 * @param hotRows      sets of rows each transaction locks one of until it commits (empty when none is known)
 */
public record WorkloadShape(String name, List<QueryClass> classes, double dataBytes, double accessSkew, int clients,
                            double thinkMs, double commitsPerTx, boolean clientsOnHost, List<HotRows> hotRows) {

    /**
     * The access skew assumed where no measurement tells it: where nothing was measured, and where the data fit in
     * shared_buffers when it was (every skew then predicts the same hit ratio). Uniform keys do not make uniform pages:
     * an index's root and inner pages, and small tables, are read by every transaction. pgbench select-only, uniform
     * over 3 million accounts, fitted 0.89 to its measured hit ratio on this project's 2-vCPU host (decision 0163).
     */
    public static final double TYPICAL_SKEW = 0.9;

    public WorkloadShape(String name, List<QueryClass> classes, double dataBytes, double accessSkew, int clients,
                         double thinkMs, double commitsPerTx, boolean clientsOnHost) {
        this(name, classes, dataBytes, accessSkew, clients, thinkMs, commitsPerTx, clientsOnHost, List.of());
    }

    /** A workload whose clients run on other hosts. */
    public WorkloadShape(String name, List<QueryClass> classes, double dataBytes, double accessSkew, int clients,
                         double thinkMs, double commitsPerTx) {
        this(name, classes, dataBytes, accessSkew, clients, thinkMs, commitsPerTx, false);
    }

    public WorkloadShape {
        Objects.requireNonNull(name, "name");
        classes = List.copyOf(classes);
        hotRows = hotRows == null ? List.of() : List.copyOf(hotRows);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("A workload has at least one kind of statement: " + name);
        }
        if (!(dataBytes >= 0) || !(accessSkew >= 0) || clients < 1 || !(thinkMs >= 0) || !(commitsPerTx >= 0)) {
            throw new IllegalArgumentException("A workload has data >= 0, skew >= 0, clients >= 1 and think time >= 0: "
                    + name);
        }
    }

    public WorkloadShape withClients(int n) {
        return new WorkloadShape(name, classes, dataBytes, accessSkew, n, thinkMs, commitsPerTx, clientsOnHost, hotRows);
    }

    public WorkloadShape withSkew(double skew) {
        return new WorkloadShape(name, classes, dataBytes, skew, clients, thinkMs, commitsPerTx, clientsOnHost, hotRows);
    }

    public WorkloadShape withClientsOnHost(boolean onHost) {
        return new WorkloadShape(name, classes, dataBytes, accessSkew, clients, thinkMs, commitsPerTx, onHost, hotRows);
    }

    public WorkloadShape withHotRows(List<HotRows> sets) {
        return new WorkloadShape(name, classes, dataBytes, accessSkew, clients, thinkMs, commitsPerTx, clientsOnHost,
                sets);
    }
}
