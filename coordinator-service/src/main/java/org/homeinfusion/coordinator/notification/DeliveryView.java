package org.homeinfusion.coordinator.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of {@code GET /api/subscriptions/{id}/deliveries}.
 *
 * @param attempts       HTTP attempts made so far
 * @param nextAttemptAt  when the next attempt is due (only while PENDING)
 * @param recentAttempts the most recent attempts, oldest first
 */
record DeliveryView(
        UUID id,
        String eventId,
        String eventType,
        String specialistOrgId,
        String caseId,
        DeliveryStatus status,
        int attempts,
        Integer lastHttpStatus,
        String lastError,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Instant finishedAt,
        List<AttemptView> recentAttempts) {

    record AttemptView(int attempt, Instant startedAt, long durationMs, AttemptOutcome outcome, Integer httpStatus,
                       String error) {
    }
}
