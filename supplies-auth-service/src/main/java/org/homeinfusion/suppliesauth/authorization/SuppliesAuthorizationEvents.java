package org.homeinfusion.suppliesauth.authorization;

import java.util.function.Function;

import org.homeinfusion.contracts.AuthorizationStatus;
import org.homeinfusion.contracts.Payer;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.contracts.supplies.SuppliesAuthEvent;
import org.homeinfusion.contracts.supplies.SuppliesAuthorization.Delivery;
import org.homeinfusion.contracts.supplies.SuppliesAuthorization.Item;
import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Maps the aggregate to the contract's event state and appends it to the outbox. The patient
 * reference and the decision's free-text reason stay in this service: events carry no patient data.
 */
@Component
class SuppliesAuthorizationEvents {

    private final Outbox outbox;

    SuppliesAuthorizationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void publish(Function<org.homeinfusion.contracts.supplies.SuppliesAuthorization, SuppliesAuthEvent> event,
            SuppliesAuthorization authorization) {
        outbox.append(Topics.SUPPLIES_AUTH_EVENTS, event.apply(state(authorization)));
    }

    static org.homeinfusion.contracts.supplies.SuppliesAuthorization state(SuppliesAuthorization a) {
        Submission submission = Submission.orDefault(a.submission(), a.requestedAt());
        SuppliesAuthorization.Request r = a.request();
        SuppliesAuthorization.Decision decision = a.decision();
        SuppliesAuthorization.Delivery d = a.delivery();
        return new org.homeinfusion.contracts.supplies.SuppliesAuthorization(a.id(), a.caseId(), a.specialistOrgId(),
                a.supplierOrgId(), new Payer(a.payerId(), r.plan()), r.coverage().name(), r.perDiemCode(),
                r.items().stream().map(item -> new Item(item.hcpcsCode(), item.quantity())).toList(),
                AuthorizationStatus.valueOf(decision.status().name()), decision.authorizationNumber(),
                decision.validFrom(), decision.validTo(),
                d == null ? null : new Delivery(d.etaStart(), d.etaEnd()),
                a.version(), a.requestedAt(), a.updatedAt(), submission.urgency(),
                submission.submittedAt());
    }
}
