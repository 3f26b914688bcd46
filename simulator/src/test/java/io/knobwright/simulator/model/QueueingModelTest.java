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
        assertThat(x128).isLessThanOrEqualTo(2000 * (1 + 1e-9));
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

        // alone, the client finds the other core idle at every hand-off: the whole wake is paid on every transaction
        assertThat(oneSlow).isCloseTo(1000 / (0.1 + 0.1), within(1.0));
        assertThat(oneSlow).isLessThan(0.55 * oneFree);
        // two clients keep both cores running: a woken process runs where its waker sleeps
        assertThat(twoSlow).isGreaterThanOrEqualTo(0.95 * twoFree);
        assertThat(twoSlow).isGreaterThan(2.5 * oneSlow);
    }

    @Test
    void aClientAlonePaysTheSameWakesWithOrWithoutAWalFlush() {
        // decision 0161: pgbench tpcb-like at 1 client on the 2-vCPU host ran 895-985 tps with synchronous_commit on
        // and 1,238-1,257 off; the flush adds its own wait, not more wakes
        QueueingModel.SharedHost host = new QueueingModel.SharedHost(0.05, 0);
        double txSynchronous = 1000 / QueueingModel.solve(0.15, 0, 0.13, 0, 1, 2, 4, 0, host, 0.5).tps();
        double txAsynchronous = 1000 / QueueingModel.solve(0.15, 0, 0, 0, 1, 2, 4, 0, host, 0.5).tps();

        assertThat(txSynchronous - txAsynchronous).as("only the flush's own wait").isCloseTo(0.13, within(1e-9));
        assertThat(txAsynchronous).isCloseTo(0.2 + 0.5, within(1e-9));
    }

    @Test
    void onOneCoreAHandOffRunsWhereItsWakerSleepsAndPaysNoWake() {
        QueueingModel.SharedHost host = new QueueingModel.SharedHost(0.05, 0);
        double woken = QueueingModel.solve(0.05, 0, 0.1, 0, 1, 1, 4, 0, host, 0.5).tps();
        double free = QueueingModel.solve(0.05, 0, 0.1, 0, 1, 1, 4, 0, host, 0).tps();

        assertThat(woken).isEqualTo(free);
        assertThat(QueueingModel.idleElsewhere(0, 1)).isZero();
    }

    @Test
    void theIdleShareIsTheOtherCoresTheOtherTransactionsLeave() {
        assertThat(QueueingModel.idleElsewhere(0, 2)).isEqualTo(1.0);
        assertThat(QueueingModel.idleElsewhere(0.25, 2)).isEqualTo(0.75);
        assertThat(QueueingModel.idleElsewhere(1.5, 2)).as("others over-subscribe the other core").isZero();
        assertThat(QueueingModel.idleElsewhere(3.5, 8)).isEqualTo(0.5);
    }

    @Test
    void localPairsTheCoresCannotDivideEvenlyCostTheirHandOffsOnAnotherCore() {
        // select-only with its load generator beside it on 2 cores: 3 and 5 pairs leave one pair split across cores
        QueueingModel.SharedHost host = new QueueingModel.SharedHost(0.008, 0.004, 0.05);
        double[] tps = new double[7];
        for (int clients = 2; clients <= 6; clients++) {
            tps[clients] = QueueingModel.solve(0.008, 0, 0, 0, clients, 2, 4, 0, host).tps();
        }
        QueueingModel.SharedHost even = new QueueingModel.SharedHost(0.008, 0.004, 0);

        assertThat(tps[3]).isLessThan(0.85 * tps[2]).isLessThan(0.85 * tps[4]);
        assertThat(tps[5]).isLessThan(0.9 * tps[4]).isLessThan(0.9 * tps[6]);
        assertThat(tps[4]).as("an even number of pairs pays nothing")
                .isEqualTo(QueueingModel.solve(0.008, 0, 0, 0, 4, 2, 4, 0, even).tps());
    }

    @Test
    void theSplitShareIsThePairsTheCoresCannotDivideEvenly() {
        assertThat(QueueingModel.splitShare(1, 2)).as("fewer pairs than cores: the idle-core wake's case").isZero();
        assertThat(QueueingModel.splitShare(2, 2)).isZero();
        assertThat(QueueingModel.splitShare(3, 2)).isEqualTo(1 / 3.0);
        assertThat(QueueingModel.splitShare(8, 2)).isZero();
        assertThat(QueueingModel.splitShare(12, 8)).isEqualTo(4 / 12.0);
        assertThat(QueueingModel.splitShare(11, 8)).isEqualTo(3 / 11.0);
        assertThat(QueueingModel.splitShare(9, 8)).isEqualTo(1 / 9.0);
    }

    @Test
    void aSharedHostHasNoNegativeCosts() {
        assertThatThrownBy(() -> new QueueingModel.SharedHost(0, 0, -0.1)).isInstanceOf(IllegalArgumentException.class);
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

    private static QueueingModel.Result withLocks(double commitMs, int clients, QueueingModel.RowLocks locks) {
        return QueueingModel.solve(0.1, 0, commitMs, 0.05, clients, 8, 4, 0, QueueingModel.SharedHost.REMOTE, 0, locks);
    }

    @Test
    void oneHotRowHeldThroughTheFlushCapsThroughputAtOneHolderAtATime() {
        // every transaction locks the one row for its whole length and keeps it through a 1 ms flush: at most one
        // holder at a time, so at most 1 / (its hold) transactions per ms, however many clients and cores
        QueueingModel.RowLocks one = new QueueingModel.RowLocks(new double[] {1}, new double[] {1}, 0.05);
        double hold = 0.1 + 0.05 + 1;
        for (int n : new int[] {2, 8, 32}) {
            QueueingModel.Result r = withLocks(1, n, one);
            assertThat(r.tps()).isLessThanOrEqualTo(1000 / hold * 1.05);
            assertThat(r.lockWaitMs()).isGreaterThan(0);
        }
        // without the row, group commit lets 32 clients share their flushes and run far faster
        assertThat(withLocks(1, 32, QueueingModel.RowLocks.NONE).tps()).isGreaterThan(5 * withLocks(1, 32, one).tps());
    }

    @Test
    void aSynchronousCommitHoldsHotRowsLongerSoTheyCostMoreThanWithoutIt() {
        QueueingModel.RowLocks five = new QueueingModel.RowLocks(new double[] {5}, new double[] {0.5}, 0.2);
        double waitOn = withLocks(0.5, 8, five).lockWaitMs();
        double waitOff = withLocks(0, 8, five).lockWaitMs();
        assertThat(waitOn).isGreaterThan(1.5 * waitOff);
        assertThat(waitOff).isGreaterThan(0);
    }

    @Test
    void manyRowsOrOneClientWaitForNothing() {
        QueueingModel.RowLocks huge = new QueueingModel.RowLocks(new double[] {1e7}, new double[] {1}, 0.2);
        assertThat(withLocks(0.5, 16, huge).tps()).isCloseTo(withLocks(0.5, 16, QueueingModel.RowLocks.NONE).tps(),
                within(0.01 * withLocks(0.5, 16, QueueingModel.RowLocks.NONE).tps()));
        QueueingModel.RowLocks one = new QueueingModel.RowLocks(new double[] {1}, new double[] {1}, 0.2);
        assertThat(withLocks(0.5, 1, one).lockWaitMs()).isZero();
    }

    @Test
    void aLockTakenEarlierIsHeldThroughTheWaitForALaterOne() {
        // tellers (50 rows) then branches (5 rows): the teller's holder also waits for its branch, so the pair costs
        // more than the branch alone
        QueueingModel.RowLocks both = new QueueingModel.RowLocks(new double[] {50, 5}, new double[] {0.67, 0.5}, 0.2);
        QueueingModel.RowLocks branch = new QueueingModel.RowLocks(new double[] {5}, new double[] {0.5}, 0.2);
        assertThat(withLocks(0.5, 8, both).lockWaitMs()).isGreaterThan(withLocks(0.5, 8, branch).lockWaitMs());
    }

    @Test
    void hotSetsComeInTheOrderTheyAreLocked() {
        assertThatThrownBy(() -> new QueueingModel.RowLocks(new double[] {5, 50}, new double[] {0.5, 0.67}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueueingModel.RowLocks(new double[] {0.5}, new double[] {0.5}, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
