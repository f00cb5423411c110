package org.homeinfusion.drugauth.authorization;

import org.homeinfusion.contracts.AuthorizationStatus;
import org.homeinfusion.contracts.Payer;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.contracts.drug.DrugAuthEvent;
import org.homeinfusion.contracts.drug.DrugAuthorization.Delivery;
import org.homeinfusion.contracts.drug.DrugAuthorization.Dose;
import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Maps the aggregate to the contract's event state and appends it to the outbox. The patient
 * reference and the decision's free-text reason stay in this service: events carry no patient data.
 */
@Component
class DrugAuthorizationEvents {

    private final Outbox outbox;

    DrugAuthorizationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void publish(java.util.function.Function<org.homeinfusion.contracts.drug.DrugAuthorization, DrugAuthEvent> event,
            DrugAuthorization authorization) {
        outbox.append(Topics.DRUG_AUTH_EVENTS, event.apply(state(authorization)));
    }

    static org.homeinfusion.contracts.drug.DrugAuthorization state(DrugAuthorization a) {
        Submission submission = Submission.orDefault(a.submission(), a.requestedAt());
        DrugAuthorization.Request r = a.request();
        DrugAuthorization.Decision decision = a.decision();
        DrugAuthorization.Delivery d = a.delivery();
        return new org.homeinfusion.contracts.drug.DrugAuthorization(a.id(), a.caseId(), a.specialistOrgId(),
                a.pharmacyOrgId(), new Payer(a.payerId(), r.plan()), r.placeOfService(), r.hcpcsCode(), r.ndc(),
                new Dose(r.doseQuantity(), r.doseUnit()), r.billingUnitsPerDose(), r.requestedFrom(),
                r.requestedTo(), AuthorizationStatus.valueOf(decision.status().name()), decision.authorizationNumber(),
                decision.validFrom(), decision.validTo(), decision.approvedUnits(),
                d == null ? null : new Delivery(d.etaStart(), d.etaEnd(), d.beyondUseAt(), d.trackingRef()),
                a.version(), a.requestedAt(), a.updatedAt(), submission.urgency(),
                submission.submittedAt());
    }
}
