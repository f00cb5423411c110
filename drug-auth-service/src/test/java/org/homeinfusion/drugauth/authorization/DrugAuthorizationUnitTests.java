package org.homeinfusion.drugauth.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.support.api.PayerRequest;
import org.homeinfusion.support.decision.DecisionOutcome;
import org.homeinfusion.support.decision.Submission;
import org.homeinfusion.support.domain.TransitionRefused;
import org.junit.jupiter.api.Test;

class DrugAuthorizationUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final DrugAuthorization.Delivery DELIVERY = new DrugAuthorization.Delivery(
            OffsetDateTime.parse("2026-12-08T08:00:00-05:00"), OffsetDateTime.parse("2026-12-08T11:00:00-05:00"),
            null, "TRK-1");

    @Test
    void aDecisionReplacesThePayersPartAndKeepsTheRequestAndTheDelivery() {
        DrugAuthorization scheduled = requested().scheduleDelivery(DELIVERY, NOW);

        DrugAuthorization decided = scheduled.decide(approval(), NOW.plusSeconds(60));

        assertThat(decided.request()).isEqualTo(scheduled.request());
        assertThat(decided.delivery()).isEqualTo(DELIVERY);
        assertThat(decided.decision()).isEqualTo(new DrugAuthorization.Decision(DrugAuthorization.Status.APPROVED,
                "12345", LocalDate.parse("2026-12-01"), LocalDate.parse("2027-05-31"), 56, "as asked"));
        assertThat(decided.version()).isEqualTo(3);
        assertThat(decided.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aCancelledAuthorizationRefusesEveryChange() {
        DrugAuthorization cancelled = requested().decide(
                new DrugDecision(DecisionOutcome.CANCELLED, null, null, null, null, "therapy changed"), NOW);

        assertThatThrownBy(() -> cancelled.decide(approval(), NOW)).isInstanceOfSatisfying(TransitionRefused.class,
                refused -> assertThat(refused.code()).isEqualTo("AUTHORIZATION_CANCELLED"));
        assertThatThrownBy(() -> cancelled.scheduleDelivery(DELIVERY, NOW)).isInstanceOf(TransitionRefused.class);
        assertThatThrownBy(() -> cancelled.cancelDelivery(NOW)).isInstanceOf(TransitionRefused.class);
    }

    /** Documents stored before the state was grouped read back, and new ones are written in the same flat shape. */
    @Test
    void keepsTheFlatShapeOfTheStoredDocument() {
        DrugAuthorization decided = requested().scheduleDelivery(DELIVERY, NOW).decide(approval(), NOW);

        String json = EventJson.mapper().writeValueAsString(decided);

        assertThat(EventJson.mapper().readTree(json).propertyNames()).containsExactlyInAnyOrder("id", "caseId",
                "patientRef", "specialistOrgId", "pharmacyOrgId", "payerId", "plan", "placeOfService", "hcpcsCode",
                "ndc", "doseQuantity", "doseUnit", "billingUnitsPerDose", "requestedFrom", "requestedTo", "status",
                "authorizationNumber", "validFrom", "validTo", "approvedUnits", "decisionReason", "delivery",
                "version", "requestedAt", "updatedAt", "submission");
        assertThat(EventJson.mapper().readValue(json, DrugAuthorization.class)).isEqualTo(decided);
    }

    private static DrugAuthorization requested() {
        CreateDrugAuthorization request = new CreateDrugAuthorization("CASE-1001", "PT-88",
                new PayerRequest("PAYER-ABC", PayerRequest.Plan.COMMERCIAL), "12", "j1569", null,
                new CreateDrugAuthorization.Dose(new BigDecimal("5"), "mg"), "PHARM-2",
                LocalDate.parse("2026-12-01"), LocalDate.parse("2027-05-31"), null, null);
        return DrugAuthorization.request(UUID.randomUUID(), "SPEC-1", request, 56, Submission.of(null, null, NOW), NOW);
    }

    private static DrugDecision approval() {
        return new DrugDecision(DecisionOutcome.APPROVED, "12345", LocalDate.parse("2026-12-01"),
                LocalDate.parse("2027-05-31"), 56, "as asked");
    }
}
