/** What the harness measures: readiness records on Kafka, latency histograms, consumer lag and process footprint. */
package org.homeinfusion.benchmark.observe;
