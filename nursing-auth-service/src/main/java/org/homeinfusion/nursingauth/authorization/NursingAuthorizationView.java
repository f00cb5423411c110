package org.homeinfusion.nursingauth.authorization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.homeinfusion.contracts.Urgency;
import org.homeinfusion.support.api.PayerRequest;
import org.homeinfusion.support.decision.Submission;

/** The API representation of a nursing authorization. */
record NursingAuthorizationView(
        UUID id,
        String caseId,
        String patientRef,
        String specialistOrgId,
        String agencyOrgId,
        PayerRequest payer,
        String serviceCode,
        String frequency,
        int visitsRequested,
        LocalDate requestedFrom,
        LocalDate requestedTo,
        NursingAuthorization.Status status,
        String authorizationNumber,
        LocalDate validFrom,
        LocalDate validTo,
        Integer approvedVisits,
        int visitsUsed,
        Integer visitsRemaining,
        String reason,
        NursingAuthorization.Visit visit,
        long version,
        Instant requestedAt,
        Instant updatedAt,
        Urgency urgency,
        Instant submittedAt) {

    static NursingAuthorizationView of(NursingAuthorization a) {
        Submission submission = Submission.orDefault(a.submission(), a.requestedAt());
        NursingAuthorization.Request r = a.request();
        NursingAuthorization.Decision decision = a.decision();
        return new NursingAuthorizationView(a.id(), a.caseId(), a.patientRef(), a.specialistOrgId(), a.agencyOrgId(),
                new PayerRequest(a.payerId(), PayerRequest.Plan.valueOf(r.plan())), r.serviceCode(), r.frequency(),
                r.visitsRequested(), r.requestedFrom(), r.requestedTo(), decision.status(),
                decision.authorizationNumber(), decision.validFrom(), decision.validTo(), decision.approvedVisits(),
                a.visitsUsed(), a.visitsRemaining(), decision.reason(), a.visit(), a.version(), a.requestedAt(), a.updatedAt(),
                submission.urgency(), submission.submittedAt());
    }
}
