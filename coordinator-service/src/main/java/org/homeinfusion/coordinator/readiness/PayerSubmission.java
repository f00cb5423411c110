package org.homeinfusion.coordinator.readiness;

import java.time.Instant;

/**
 * To whom and when an authorization request went, and how urgently: the payer's decision clock runs from
 * {@code submittedAt}. Copies stored before submissions were carried have none ({@code null} in the authorization).
 */
public record PayerSubmission(String payerId, Urgency urgency, Instant submittedAt) {
}
