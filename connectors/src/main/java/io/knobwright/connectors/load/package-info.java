/**
 * The workload that experiments run (decision 0138): pgbench-style scripts ({@link
 * io.knobwright.connectors.load.LoadScript}), pgbench's tables ({@link io.knobwright.connectors.load.PgbenchSchema}),
 * the multi-client driver ({@link io.knobwright.connectors.load.LoadDriver} giving a {@link
 * io.knobwright.connectors.load.LoadRun}), server counter deltas around a run ({@link
 * io.knobwright.connectors.load.ServerCounters}), per-statement memory and I/O needs ({@link
 * io.knobwright.connectors.load.StatementProfiler}) and a replay of an instance's top fingerprints ({@link
 * io.knobwright.connectors.load.FingerprintReplay}).
 */
package io.knobwright.connectors.load;
