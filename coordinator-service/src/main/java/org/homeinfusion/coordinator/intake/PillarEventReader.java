package org.homeinfusion.coordinator.intake;

import java.time.Instant;
import java.util.Optional;

import org.homeinfusion.contracts.ContractEvent;
import org.homeinfusion.contracts.EventCatalog;
import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.contracts.Payer;
import org.homeinfusion.contracts.drug.DrugAuthEvent;
import org.homeinfusion.contracts.nursing.NursingAuthEvent;
import org.homeinfusion.contracts.supplies.SuppliesAuthEvent;
import org.homeinfusion.coordinator.cases.CaseKey;
import org.homeinfusion.coordinator.cases.PillarUpdate;
import org.homeinfusion.coordinator.readiness.Authorization;
import org.homeinfusion.coordinator.readiness.AuthorizationStatus;
import org.homeinfusion.coordinator.readiness.Coverage;
import org.homeinfusion.coordinator.readiness.Delivery;
import org.homeinfusion.coordinator.readiness.DrugAuthorization;
import org.homeinfusion.coordinator.readiness.NursingAuthorization;
import org.homeinfusion.coordinator.readiness.PayerSubmission;
import org.homeinfusion.coordinator.readiness.SuppliesAuthorization;
import org.homeinfusion.coordinator.readiness.Urgency;
import org.homeinfusion.coordinator.readiness.Visit;

/**
 * Turns one pillar record into a {@link PillarUpdate}, or says why it cannot. This is the edge where
 * contract types become the coordinator's own: the saga never sees a contract class.
 */
final class PillarEventReader {

    /** Either an update or the reason the record is a dead letter. */
    record Outcome(PillarUpdate update, String deadLetterReason) {

        static Outcome rejected(String reason) {
            return new Outcome(null, reason);
        }
    }

    Outcome read(String topic, String key, String ceType, byte[] value) {
        Optional<Class<? extends ContractEvent>> type = EventCatalog.typeOf(ceType);
        if (type.isEmpty()) {
            return Outcome.rejected("unknown event type '" + ceType + "'");
        }
        if (value == null) {
            return Outcome.rejected("record has no value");
        }
        ContractEvent event;
        try {
            event = EventJson.mapper().readValue(value, type.get());
        } catch (RuntimeException unreadable) {
            return Outcome.rejected("value is not a valid " + type.get().getSimpleName() + ": " + unreadable.getMessage());
        }
        Authorization authorization;
        try {
            if (event instanceof DrugAuthEvent drug) {
                authorization = drug(drug.authorization());
            } else if (event instanceof NursingAuthEvent nursing) {
                authorization = nursing(nursing.authorization());
            } else if (event instanceof SuppliesAuthEvent supplies) {
                authorization = supplies(supplies.authorization());
            } else {
                authorization = null;
            }
        } catch (RuntimeException incomplete) {
            return Outcome.rejected("event state is incomplete: " + incomplete.getMessage());
        }
        if (authorization == null) {
            return Outcome.rejected(type.get().getSimpleName() + " is not a pillar event");
        }
        if (event.caseId() == null || event.specialistOrgId() == null) {
            return Outcome.rejected("event has no caseId or specialistOrgId");
        }
        if (key != null && !key.equals(event.caseId())) {
            return Outcome.rejected("record key '" + key + "' is not the event's caseId");
        }
        return new Outcome(new PillarUpdate(new CaseKey(event.specialistOrgId(), event.caseId()), authorization), null);
    }

    private static DrugAuthorization drug(org.homeinfusion.contracts.drug.DrugAuthorization a) {
        var delivery = a.delivery();
        return new DrugAuthorization(a.authorizationId(), a.version(), a.requestedAt(), status(a.status()),
                a.authorizationNumber(), a.validFrom(), a.validTo(), a.approvedUnits(), a.billingUnitsPerDose(),
                a.pharmacyOrgId(), delivery == null ? null : new Delivery(delivery.etaStart(), delivery.etaEnd()),
                delivery == null ? null : delivery.beyondUseAt(),
                submission(a.payer(), a.urgency(), a.submittedAt(), a.requestedAt()));
    }

    private static NursingAuthorization nursing(org.homeinfusion.contracts.nursing.NursingAuthorization a) {
        var visit = a.visit();
        return new NursingAuthorization(a.authorizationId(), a.version(), a.requestedAt(), status(a.status()),
                a.authorizationNumber(), a.validFrom(), a.validTo(), a.approvedVisits(), a.visitsUsed(),
                a.agencyOrgId(), visit == null ? null
                        : new Visit(visit.visitStart(), visit.expectedDurationMinutes(), visit.nurseName()),
                submission(a.payer(), a.urgency(), a.submittedAt(), a.requestedAt()));
    }

    private static SuppliesAuthorization supplies(org.homeinfusion.contracts.supplies.SuppliesAuthorization a) {
        var delivery = a.delivery();
        return new SuppliesAuthorization(a.authorizationId(), a.version(), a.requestedAt(), status(a.status()),
                a.coverage() == null ? null : Coverage.valueOf(a.coverage()), a.perDiemCode(), a.authorizationNumber(),
                a.validFrom(), a.validTo(), a.supplierOrgId(),
                delivery == null ? null : new Delivery(delivery.etaStart(), delivery.etaEnd()),
                submission(a.payer(), a.urgency(), a.submittedAt(), a.requestedAt()));
    }

    /** Events written before urgency and submittedAt existed read as STANDARD, submitted when requested. */
    private static PayerSubmission submission(Payer payer, org.homeinfusion.contracts.Urgency urgency,
            Instant submittedAt, Instant requestedAt) {
        return new PayerSubmission(payer == null ? null : payer.payerId(),
                urgency == null ? Urgency.STANDARD : Urgency.valueOf(urgency.name()),
                submittedAt == null ? requestedAt : submittedAt);
    }

    private static AuthorizationStatus status(org.homeinfusion.contracts.AuthorizationStatus status) {
        return AuthorizationStatus.valueOf(status.name());
    }
}
