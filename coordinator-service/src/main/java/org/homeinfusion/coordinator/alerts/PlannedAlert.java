package org.homeinfusion.coordinator.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.homeinfusion.coordinator.readiness.Blocker;
import org.homeinfusion.coordinator.readiness.Pillar;
import org.homeinfusion.coordinator.readiness.PayerSubmission;

/**
 * An alert whose condition holds for a case as it stands: it is raised once {@code dueAt} has come.
 *
 * @param alertId derived from what the alert is about, so planning it again names the same alert
 * @param series  alerts of one series stand for the same danger at growing urgency (one visit's horizons): when
 *                several of them fall due at once, only the latest-due one is raised
 */
public record PlannedAlert(UUID alertId, AlertType type, Instant dueAt, Severity severity, String series,
                           Subject subject, Supplier<List<AlertAction>> actionsInWords) {

    /**
     * Who must do what. Worded only when asked, i.e. when the alert is raised: a case's alerts are planned again
     * with every pillar event, and rendering dates into sentences for each plan cost the intake more than the rest
     * of the planning together.
     */
    public List<AlertAction> actions() {
        return actionsInWords.get();
    }

    /** What the alert is about, by type. */
    public sealed interface Subject permits VisitAtRisk, AuthorizationEnding, VisitsRunningLow, DecisionOverdue {
    }

    public record VisitAtRisk(OffsetDateTime visitStart, Duration horizon, List<Blocker> blockers) implements Subject {
    }

    public record AuthorizationEnding(Pillar pillar, UUID authorizationId, String authorizationNumber,
                                      LocalDate validTo) implements Subject {
    }

    public record VisitsRunningLow(UUID authorizationId, String authorizationNumber, int visitsRemaining)
            implements Subject {
    }

    public record DecisionOverdue(Pillar pillar, UUID authorizationId, PayerSubmission submission) implements Subject {
    }
}
