package org.homeinfusion.nursingauth.authorization;

import java.util.function.Function;

import org.homeinfusion.contracts.AuthorizationStatus;
import org.homeinfusion.contracts.Payer;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.contracts.nursing.NursingAuthEvent;
import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Maps the aggregate to the contract's event state and appends it to the outbox. The patient
 * reference and the decision's free-text reason stay in this service: events carry no patient data.
 * The nurse's name travels, because the coordinator reads it out in the schedule summary.
 */
@Component
class NursingAuthorizationEvents {

    private final Outbox outbox;

    NursingAuthorizationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void publish(Function<org.homeinfusion.contracts.nursing.NursingAuthorization, NursingAuthEvent> event,
            NursingAuthorization authorization) {
        outbox.append(Topics.NURSING_AUTH_EVENTS, event.apply(state(authorization)));
    }

    static org.homeinfusion.contracts.nursing.NursingAuthorization state(NursingAuthorization a) {
        Submission submission = Submission.orDefault(a.submission(), a.requestedAt());
        NursingAuthorization.Request r = a.request();
        NursingAuthorization.Decision decision = a.decision();
        NursingAuthorization.Visit v = a.visit();
        return new org.homeinfusion.contracts.nursing.NursingAuthorization(a.id(), a.caseId(), a.specialistOrgId(),
                a.agencyOrgId(), new Payer(a.payerId(), r.plan()), r.serviceCode(), r.frequency(),
                r.visitsRequested(), r.requestedFrom(), r.requestedTo(),
                AuthorizationStatus.valueOf(decision.status().name()), decision.authorizationNumber(),
                decision.validFrom(), decision.validTo(), decision.approvedVisits(), a.visitsUsed(),
                a.visitsRemaining(),
                v == null ? null : new org.homeinfusion.contracts.nursing.NursingAuthorization.Visit(
                        v.visitStart(), v.expectedDurationMinutes(), v.nurseName()),
                a.version(), a.requestedAt(), a.updatedAt(), submission.urgency(),
                submission.submittedAt());
    }
}
