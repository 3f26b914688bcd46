/**
 * Index advice on a PostgreSQL server (decision 0132): the catalog and statistics read at advice time, plans of the
 * workload's queries, and the evaluation of candidate indexes with HypoPG on the server when it is installed, or on a
 * sandbox copy (an embedded PostgreSQL holding the schema and a sample of the rows) otherwise. Nothing is written to
 * the monitored server.
 */
package io.knobwright.connectors.postgres.index;
