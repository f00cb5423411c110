/**
 * The benchmark harness: synthetic cases driven open-loop through the public HTTP APIs, readiness observed on
 * Kafka, and a report of latency, throughput, catch-up, footprint and correctness.
 */
package org.homeinfusion.benchmark;
