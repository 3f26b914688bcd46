package io.knobwright.connectors;

import io.knobwright.model.workload.CollectedWorkload;

/**
 * Reads what a server is doing, with monitoring privileges only (PostgreSQL pg_monitor; MySQL/MariaDB PROCESS and
 * SELECT on performance_schema), without changing anything on it, each query under a statement timeout. Each call
 * opens one connection and closes it before returning. A view the server does not have or lets the login not read is
 * left out with a note; the rest is still collected.
 */
public interface WorkloadCollector {

    /** True when this collector reads servers behind that JDBC URL. */
    boolean accepts(String jdbcUrl);

    /**
     * One poll.
     *
     * @throws ConnectorException when the server cannot be reached or refuses the login
     */
    CollectedWorkload collect(ConnectionTarget target);
}
