/**
 * Workload analysis, pure logic: the metric vocabulary shared by every engine's collector ({@link
 * io.knobwright.model.workload.Metric}), statements as logs record them, fingerprints of statements, their digest,
 * and the workload profile (classification, patterns, change points) that the simulator and the recommender read.
 */
package io.knobwright.model.workload;
