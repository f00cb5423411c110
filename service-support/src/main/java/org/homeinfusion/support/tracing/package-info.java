/**
 * W3C trace context across the places Micrometer's own instrumentation does not reach: the outbox row and
 * the Kafka record it becomes, the coordinator's batch consumers, and the webhook deliveries stored for later.
 */
package org.homeinfusion.support.tracing;
