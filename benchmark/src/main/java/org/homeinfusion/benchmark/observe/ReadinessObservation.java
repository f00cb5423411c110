package org.homeinfusion.benchmark.observe;

/**
 * One record of {@code case-readiness.events} as the harness's consumer received it.
 *
 * @param type               {@code ReadyToSchedule} or {@code ReadinessWithdrawn}
 * @param readinessVersion   the version the record carries
 * @param receivedNanos      {@link HarnessClock} time at which the consumer's poll returned it
 * @param brokerTimestampMs  the record's timestamp (CreateTime: set by the coordinator's relay producer on send,
 *                           before its Kafka transaction commits)
 */
public record ReadinessObservation(String type, long readinessVersion, long receivedNanos, long brokerTimestampMs,
        int partition, long offset) {

    public static final String READY = "ReadyToSchedule";
    public static final String WITHDRAWN = "ReadinessWithdrawn";

    public boolean isReady() {
        return READY.equals(type);
    }
}
