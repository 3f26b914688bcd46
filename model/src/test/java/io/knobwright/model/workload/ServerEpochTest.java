package io.knobwright.model.workload;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL's own timestamps change exactly; times derived from MySQL's whole-second uptime may move by a second. */
class ServerEpochTest {

    private static final Instant PG_START = Instant.parse("2026-12-06T13:00:00.123456Z");
    private static final Instant MYSQL_START = Instant.parse("2026-12-06T13:00:00Z");

    @Test
    void aPostgresRestartOrResetASecondLaterIsOne() {
        assertThat(new ServerEpoch(PG_START, null).breakTo(new ServerEpoch(PG_START.plusMillis(900), null)))
                .isEqualTo(ServerEpoch.Break.SERVER_RESTARTED);
        assertThat(new ServerEpoch(PG_START, PG_START).breakTo(new ServerEpoch(PG_START, PG_START.plusMillis(2500))))
                .isEqualTo(ServerEpoch.Break.STATISTICS_RESET);
        assertThat(new ServerEpoch(PG_START, PG_START).breakTo(new ServerEpoch(PG_START, PG_START)))
                .isEqualTo(ServerEpoch.Break.NONE);
        Instant storedToTheMillisecond = Instant.ofEpochMilli(PG_START.toEpochMilli());
        assertThat(new ServerEpoch(storedToTheMillisecond, null).breakTo(new ServerEpoch(PG_START, null)))
                .as("a baseline read back from the store").isEqualTo(ServerEpoch.Break.NONE);
    }

    @Test
    void aMysqlStartTimeMovingByItsRoundingIsNoRestartButThreeSecondsIs() {
        assertThat(new ServerEpoch(MYSQL_START, null).breakTo(new ServerEpoch(MYSQL_START.plusSeconds(1), null)))
                .isEqualTo(ServerEpoch.Break.NONE);
        assertThat(new ServerEpoch(MYSQL_START, null).breakTo(new ServerEpoch(MYSQL_START.plusSeconds(3), null)))
                .isEqualTo(ServerEpoch.Break.SERVER_RESTARTED);
    }
}
