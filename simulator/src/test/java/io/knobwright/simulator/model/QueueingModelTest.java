package io.knobwright.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QueueingModelTest {

    @Test
    void oneClientRunsOneTransactionAtATime() {
        QueueingModel.Result r = QueueingModel.solve(2, 1, 0.5, 0, 1, 2, 4, 0);
        assertThat(r.responseMs()).isCloseTo(3.5, within(1e-9));
        assertThat(r.tps()).isCloseTo(1000 / 3.5, within(1e-6));
    }

    @Test
    void throughputSaturatesWithClientsOnTwoCores() {
        double cpuMs = 1;
        double x8 = QueueingModel.solve(cpuMs, 0.1, 0, 0, 8, 2, 4, 0).tps();
        double x32 = QueueingModel.solve(cpuMs, 0.1, 0, 0, 32, 2, 4, 0).tps();
        double x128 = QueueingModel.solve(cpuMs, 0.1, 0, 0, 128, 2, 4, 0).tps();
        // two cores at 1 ms a transaction cannot pass 2000 tps, however many clients wait
        assertThat(x128).isLessThanOrEqualTo(2000);
        assertThat(x32).isGreaterThan(0.95 * 2000);
        assertThat(x128 / x32).isLessThan(1.01);
        assertThat(x8).isLessThanOrEqualTo(x32);
        assertThat(QueueingModel.solve(cpuMs, 0.1, 0, 0, 128, 2, 4, 0).responseMs())
                .isGreaterThan(4 * QueueingModel.solve(cpuMs, 0.1, 0, 0, 32, 2, 4, 0).responseMs() * 0.9);
    }

    @Test
    void contentionMakesTooManyClientsLoseThroughput() {
        double x16 = QueueingModel.solve(1, 0.1, 0, 0, 16, 2, 4, 0.01).tps();
        double x256 = QueueingModel.solve(1, 0.1, 0, 0, 256, 2, 4, 0.01).tps();
        assertThat(x256).isLessThan(x16);
    }

    @Test
    void clientsOnTheServersHostTakeItsCoresAndOverSubscribingThemLosesThroughput() {
        // select-only on 2 cores with its load generator beside it: 0.008 ms of server CPU, 0.008 ms of client CPU
        // and 0.012 ms of cache refills per statement once the cores are over-subscribed
        QueueingModel.SharedHost host = new QueueingModel.SharedHost(0.008, 0.012);
        double two = QueueingModel.solve(0.008, 0, 0, 0.001, 2, 2, 4, 0, host).tps();
        double eight = QueueingModel.solve(0.008, 0, 0, 0.001, 8, 2, 4, 0, host).tps();
        double flatLine = 2 / (0.008 + 0.008) * 1000;

        assertThat(eight).isLessThan(two);
        assertThat(eight).isLessThan(0.9 * flatLine);
        assertThat(two).isLessThanOrEqualTo(flatLine);
    }

    @Test
    void remoteClientsLeaveTheCoresToTheServerAndNeverLoseThroughputByTheirNumber() {
        double two = QueueingModel.solve(0.008, 0, 0, 0.001, 2, 2, 4, 0, QueueingModel.SharedHost.REMOTE).tps();
        double eight = QueueingModel.solve(0.008, 0, 0, 0.001, 8, 2, 4, 0, QueueingModel.SharedHost.REMOTE).tps();
        double shared = QueueingModel.solve(0.008, 0, 0, 0.001, 8, 2, 4, 0,
                new QueueingModel.SharedHost(0.008, 0)).tps();

        assertThat(eight).isGreaterThanOrEqualTo(two);
        assertThat(eight).isCloseTo(2 / 0.008 * 1000, within(0.02 * 2 / 0.008 * 1000));
        assertThat(shared).as("the clients' CPU halves what the cores give the server").isLessThan(0.55 * eight);
    }

    @Test
    void oneClientPaysForWakingIdleCoresAndAsManyClientsAsCoresDoNot() {
        // 0.1 ms of work per transaction on 2 cores, 0.1 ms to wake a process on an idle core
        double oneSlow = QueueingModel.solve(0.05, 0, 0, 0, 1, 2, 4, 0, new QueueingModel.SharedHost(0.05, 0), 0.1).tps();
        double oneFree = QueueingModel.solve(0.05, 0, 0, 0, 1, 2, 4, 0, new QueueingModel.SharedHost(0.05, 0), 0).tps();
        double twoSlow = QueueingModel.solve(0.05, 0, 0, 0, 2, 2, 4, 0, new QueueingModel.SharedHost(0.05, 0), 0.1).tps();
        double twoFree = QueueingModel.solve(0.05, 0, 0, 0, 2, 2, 4, 0, new QueueingModel.SharedHost(0.05, 0), 0).tps();

        // alone, the client keeps at most one core busy: half the wake is paid on every transaction
        assertThat(oneSlow).isCloseTo(1000 / (0.1 + 0.05), within(1.0));
        assertThat(oneSlow).isLessThan(0.7 * oneFree);
        // two clients keep both cores running: a woken process runs where its waker sleeps
        assertThat(twoSlow).isGreaterThanOrEqualTo(0.95 * twoFree);
        assertThat(twoSlow).isGreaterThan(2.5 * oneSlow);
    }

    @Test
    void aSharedHostHasNoNegativeCosts() {
        assertThatThrownBy(() -> new QueueingModel.SharedHost(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueueingModel.SharedHost(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKneeIsWhereTheBottleneckSaturates() {
        // demand 1 ms CPU (0.5 ms per core of two) + 0.5 ms disk + 10 ms think: (1 + 0.5 + 10) / 0.5 = 23 clients
        QueueingModel.Result r = QueueingModel.solve(1, 0.5, 0, 10, 4, 2, 1, 0);
        assertThat(r.knee()).isCloseTo(23, within(1e-9));
    }

    @Test
    void groupCommitCostsLatencyWithoutCappingThroughputAtOneFlushPerCommit() {
        // 8 ms flushes (a spinning disk) would cap throughput at 125 tps if each commit had the device to itself
        QueueingModel.Result r = QueueingModel.solve(0.5, 0, 8, 0, 64, 2, 1, 0);
        assertThat(r.tps()).isGreaterThan(1000.0 / 8 * 3);
        assertThat(r.commitShare()).isGreaterThan(0.5);
        QueueingModel.Result noFlush = QueueingModel.solve(0.5, 0, 0, 0, 64, 2, 1, 0);
        assertThat(noFlush.commitShare()).isZero();
        assertThat(noFlush.tps()).isGreaterThan(r.tps());
    }

    @Test
    void thinkTimeLeavesTheServerIdle() {
        QueueingModel.Result r = QueueingModel.solve(1, 0, 0, 99, 10, 2, 1, 0);
        assertThat(r.tps()).isCloseTo(100, within(1.0));
        assertThat(r.cpuUtilisation()).isCloseTo(0.05, within(0.005));
        // ten clients, each in the server 1 ms of every 100: a tenth of a transaction in service on average
        assertThat(r.busy()).isCloseTo(0.1, within(0.005));
    }
}
