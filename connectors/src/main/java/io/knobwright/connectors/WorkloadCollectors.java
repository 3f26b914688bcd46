package io.knobwright.connectors;

import io.knobwright.connectors.mysql.MySqlWorkloadCollector;
import io.knobwright.connectors.postgres.PostgresWorkloadCollector;
import io.knobwright.model.fleet.JdbcUrlSecrets;

import java.time.Clock;
import java.util.List;

/** The workload collectors Knobwright ships, chosen by JDBC URL. */
public final class WorkloadCollectors {

    private final List<WorkloadCollector> collectors;

    public WorkloadCollectors(List<WorkloadCollector> collectors) {
        this.collectors = List.copyOf(collectors);
    }

    public static WorkloadCollectors defaults(Clock clock) {
        return new WorkloadCollectors(List.of(new PostgresWorkloadCollector(clock), new MySqlWorkloadCollector(clock)));
    }

    /** The collector for the URL; a URL no collector reads is the user's to correct. */
    public WorkloadCollector forUrl(String jdbcUrl) {
        return collectors.stream().filter(c -> c.accepts(jdbcUrl)).findFirst().orElseThrow(() -> ConnectorException.badInput(
                "No workload collector reads '" + JdbcUrlSecrets.mask(jdbcUrl) + "': Knobwright monitors PostgreSQL"
                        + " (jdbc:postgresql://) and MySQL/MariaDB (jdbc:mysql://, jdbc:mariadb://).", null));
    }
}
