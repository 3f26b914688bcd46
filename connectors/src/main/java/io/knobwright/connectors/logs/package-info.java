/**
 * Log importers: a server's log (PostgreSQL stderr with any log_line_prefix, csvlog, jsonlog; the MySQL/MariaDB slow
 * query log; plain or gzip) turned into {@link io.knobwright.model.workload.LoggedStatement}s, streaming, parsed
 * over raw bytes and, for large plain files, over byte ranges on several threads. Start at {@link
 * io.knobwright.connectors.logs.LogImporter}; decision 0122 says why it is built so.
 */
package io.knobwright.connectors.logs;
