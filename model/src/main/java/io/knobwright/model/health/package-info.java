/**
 * Fleet health, pure logic: connection use against the server's limits, leaks (sessions idle in an open transaction),
 * the time left until the limit at the current trend, pool sizing advice from measured concurrency, and connection
 * storms seen in servers' logs (decision 0131).
 */
package io.knobwright.model.health;
