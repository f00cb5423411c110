package org.homeinfusion.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.homeinfusion.contracts.alerts.AlertAction;
import org.homeinfusion.contracts.alerts.AlertResolved;
import org.homeinfusion.contracts.alerts.CaseAtRisk;
import org.homeinfusion.contracts.alerts.PayerDecisionOverdue;
import org.homeinfusion.contracts.alerts.ReauthorizationDue;
import org.homeinfusion.contracts.drug.DrugAuthorization;
import org.homeinfusion.contracts.drug.DrugAuthorizationDecided;
import org.homeinfusion.contracts.drug.DrugAuthorizationRequested;
import org.homeinfusion.contracts.drug.DrugDeliveryCancelled;
import org.homeinfusion.contracts.drug.DrugDeliveryScheduled;
import org.homeinfusion.contracts.nursing.NurseVisitCancelled;
import org.homeinfusion.contracts.nursing.NurseVisitCompleted;
import org.homeinfusion.contracts.nursing.NurseVisitConfirmed;
import org.homeinfusion.contracts.nursing.NursingAuthorization;
import org.homeinfusion.contracts.nursing.NursingAuthorizationDecided;
import org.homeinfusion.contracts.nursing.NursingAuthorizationRequested;
import org.homeinfusion.contracts.readiness.ReadinessWithdrawn;
import org.homeinfusion.contracts.readiness.ReadyToSchedule;
import org.homeinfusion.contracts.supplies.SuppliesAuthorization;
import org.homeinfusion.contracts.supplies.SuppliesAuthorizationDecided;
import org.homeinfusion.contracts.supplies.SuppliesAuthorizationRequested;
import org.homeinfusion.contracts.supplies.SuppliesDeliveryCancelled;
import org.homeinfusion.contracts.supplies.SuppliesDeliveryScheduled;

/**
 * The seed story of the golden samples (see {@code samples/README.md}) built from the Java records,
 * so a test can hold the records, the schemas and the sample files to one another.
 */
final class SeedStory {

    static final String SPECIALIST = "SPEC-1";
    static final String CASE = "CASE-1001";
    static final String SEPARATE_SUPPLIES_CASE = "CASE-1002";

    static final UUID DRUG_AUTHORIZATION = UUID.fromString("3f6c2a1e-8d4b-4c1a-9e2f-1a2b3c4d5e01");
    static final UUID NURSING_AUTHORIZATION = UUID.fromString("7b1e4d2c-5a3f-4e6b-8c9d-2b3c4d5e6f02");
    static final UUID BUNDLED_SUPPLIES_AUTHORIZATION = UUID.fromString("9c2f5e3d-6b4a-4f7c-9d0e-3c4d5e6f7a03");
    static final UUID SEPARATE_SUPPLIES_AUTHORIZATION = UUID.fromString("a4d3c2b1-7e6f-4a5b-8c9d-4d5e6f7a8b04");

    static final Payer PAYER = new Payer("PAYER-ABC", "COMMERCIAL");

    static final DrugAuthorization.Delivery DRUG_DELIVERY = new DrugAuthorization.Delivery(
            at("2026-12-08T08:00:00-05:00"), at("2026-12-08T11:00:00-05:00"), at("2026-12-09T08:00:00-05:00"),
            "PHARM-1-TRK-0001");

    static final NursingAuthorization.Visit VISIT = new NursingAuthorization.Visit(at("2026-12-08T14:00:00-05:00"), 240, "Jones");

    private SeedStory() {
    }

    /** Every event of the story by event name. */
    static Map<String, ContractEvent> events() {
        return Stream.<ContractEvent>of(
                        new DrugAuthorizationRequested(drug(AuthorizationStatus.REQUESTED, null, null, null, null, null, 1,
                                "2026-11-23T15:00:00Z")),
                        new DrugAuthorizationDecided(drugApproved(null, 2, "2026-11-25T16:30:00Z")),
                        new DrugDeliveryCancelled(drugApproved(null, 4, "2026-12-02T21:00:00Z")),
                        new DrugDeliveryScheduled(drugApproved(DRUG_DELIVERY, 5, "2026-12-03T18:00:00Z")),
                        new NursingAuthorizationRequested(nursing(AuthorizationStatus.REQUESTED, null, null, null, null, 0, null,
                                null, 1, "2026-11-23T15:05:00Z")),
                        new NursingAuthorizationDecided(nursingApproved(0, null, 2, "2026-11-25T17:00:00Z")),
                        new NurseVisitConfirmed(nursingApproved(0, VISIT, 3, "2026-12-04T15:00:00Z")),
                        new NurseVisitCancelled(nursingApproved(0, null, 4, "2026-12-06T14:00:00Z")),
                        new NurseVisitCompleted(nursingApproved(1, null, 6, "2026-12-08T23:10:00Z")),
                        new SuppliesAuthorizationRequested(new SuppliesAuthorization(BUNDLED_SUPPLIES_AUTHORIZATION, CASE,
                                SPECIALIST, "PHARM-1", PAYER, "BUNDLED", "S9338", List.of(), AuthorizationStatus.NOT_REQUIRED,
                                null, null, null, null, 1, Instant.parse("2026-11-23T15:10:00Z"),
                                Instant.parse("2026-11-23T15:10:00Z"), Urgency.STANDARD,
                                Instant.parse("2026-11-23T15:10:00Z"))),
                        new SuppliesAuthorizationDecided(separateSupplies(null, 2, "2026-11-26T14:00:00Z")),
                        new SuppliesDeliveryScheduled(separateSupplies(new SuppliesAuthorization.Delivery(
                                at("2026-12-09T09:00:00-05:00"), at("2026-12-09T12:00:00-05:00")), 3, "2026-12-03T18:30:00Z")),
                        new SuppliesDeliveryCancelled(separateSupplies(null, 4, "2026-12-05T18:00:00Z")),
                        readyToSchedule(),
                        new ReadinessWithdrawn(SPECIALIST, CASE, 2, List.of(new ReadinessWithdrawn.Blocker(
                                "NURSE_VISIT_NOT_CONFIRMED", "NURSING",
                                "Agency HHA-7 has no confirmed visit for nursing auth 67890.")),
                                Instant.parse("2026-12-06T14:00:01Z")),
                        caseAtRisk(), reauthorizationDue(), payerDecisionOverdue(), alertResolved())
                .collect(Collectors.toUnmodifiableMap(ContractEvent::eventName, Function.identity()));
    }

    /** The second start of the story, CASE-1003: the visit is tomorrow and the pharmacy has posted no delivery. */
    static final String AT_RISK_CASE = "CASE-1003";
    static final UUID AT_RISK_ALERT = UUID.fromString("5d1c7a2e-3b4f-3c6d-8e9f-0a1b2c3d4e10");
    static final List<AlertAction> POST_DELIVERY = List.of(new AlertAction("PHARM-1", "PHARMACY",
            "PHARM-1 must post a drug delivery ending by Tue Dec 8 13:00."));

    static CaseAtRisk caseAtRisk() {
        return new CaseAtRisk(AT_RISK_ALERT, "CaseAtRisk", SPECIALIST, AT_RISK_CASE, "WARNING",
                Instant.parse("2026-12-07T19:00:00.120Z"), Instant.parse("2026-12-07T19:00:00Z"), VISIT.visitStart(), "PT24H",
                List.of(new CaseAtRisk.Blocker("DRUG_DELIVERY_NOT_SCHEDULED", "DRUG",
                        "The pharmacy has not scheduled the drug delivery.")),
                POST_DELIVERY);
    }

    static AlertResolved alertResolved() {
        return new AlertResolved(UUID.fromString("8a2b3c4d-5e6f-3a7b-9c8d-1e2f3a4b5c11"), "AlertResolved", SPECIALIST,
                AT_RISK_CASE, Instant.parse("2026-12-07T20:12:30Z"), AT_RISK_ALERT, "CaseAtRisk",
                "The case is ready to schedule.", POST_DELIVERY);
    }

    static ReauthorizationDue reauthorizationDue() {
        return new ReauthorizationDue(UUID.fromString("2f3e4d5c-6b7a-3c8d-9e0f-1a2b3c4d5e12"), "ReauthorizationDue",
                SPECIALIST, CASE, "INFO", Instant.parse("2026-12-14T05:00:00.050Z"), Instant.parse("2026-12-14T05:00:00Z"),
                "EXPIRING", "NURSING", NURSING_AUTHORIZATION, "67890", date("2026-12-28"), null,
                List.of(new AlertAction(SPECIALIST, "SPECIALIST",
                        "SPEC-1 must request a new nursing authorization: 67890 ends Mon Dec 28.")));
    }

    static PayerDecisionOverdue payerDecisionOverdue() {
        return new PayerDecisionOverdue(UUID.fromString("6c5d4e3f-2a1b-3c0d-8e7f-6a5b4c3d2e13"), "PayerDecisionOverdue",
                SPECIALIST, AT_RISK_CASE, "CRITICAL", Instant.parse("2026-12-07T15:00:00.200Z"),
                Instant.parse("2026-12-07T15:00:00Z"), "NURSING", UUID.fromString("b5e4d3c2-8f7a-4b6c-9d0e-5e6f7a8b9c05"),
                "PAYER-ABC", "STANDARD", Instant.parse("2026-11-30T15:00:00Z"),
                List.of(new AlertAction("PAYER-ABC", "PAYER",
                        "Payer PAYER-ABC has not decided the nursing authorization requested on Mon Nov 30 within 7 days.")));
    }

    static ReadyToSchedule readyToSchedule() {
        return new ReadyToSchedule(SPECIALIST, CASE, 1,
                new ReadyToSchedule.Visit(VISIT.visitStart(), VISIT.expectedDurationMinutes(), VISIT.nurseName()),
                new ReadyToSchedule.Window(DRUG_DELIVERY.etaStart(), DRUG_DELIVERY.etaEnd()),
                null,
                new ReadyToSchedule.Authorizations(
                        new ReadyToSchedule.Authorization(DRUG_AUTHORIZATION, "12345", date("2026-12-01"), date("2027-05-31"),
                                "PHARM-1", null, null),
                        new ReadyToSchedule.Authorization(NURSING_AUTHORIZATION, "67890", date("2026-12-01"), date("2026-12-28"),
                                "HHA-7", null, null),
                        new ReadyToSchedule.Authorization(BUNDLED_SUPPLIES_AUTHORIZATION, null, null, null, "PHARM-1",
                                "BUNDLED", "S9338")),
                "Pharmacy PHARM-1 delivering Tue Dec 8 08:00–11:00; nurse Jones visiting Tue Dec 8 14:00 for 240 min; "
                        + "drug auth 12345, nursing auth 67890, supplies bundled (S9338).",
                Instant.parse("2026-12-04T15:00:01Z"));
    }

    static DrugAuthorization drug(AuthorizationStatus status, String number, LocalDate validFrom, LocalDate validTo,
                                  Integer approvedUnits, DrugAuthorization.Delivery delivery, long version, String updatedAt) {
        return new DrugAuthorization(DRUG_AUTHORIZATION, CASE, SPECIALIST, "PHARM-1", PAYER, "12", "J1569", null,
                new DrugAuthorization.Dose(new BigDecimal("28"), "g"), 56, date("2026-12-01"), date("2027-05-31"),
                status, number, validFrom, validTo, approvedUnits, delivery, version,
                Instant.parse("2026-11-23T15:00:00Z"), Instant.parse(updatedAt), Urgency.STANDARD,
                Instant.parse("2026-11-23T15:00:00Z"));
    }

    private static DrugAuthorization drugApproved(DrugAuthorization.Delivery delivery, long version, String updatedAt) {
        return drug(AuthorizationStatus.APPROVED, "12345", date("2026-12-01"), date("2027-05-31"), 56, delivery, version,
                updatedAt);
    }

    private static NursingAuthorization nursing(AuthorizationStatus status, String number, LocalDate validFrom,
                                                LocalDate validTo, Integer approvedVisits, int visitsUsed,
                                                Integer visitsRemaining, NursingAuthorization.Visit visit, long version,
                                                String updatedAt) {
        return new NursingAuthorization(NURSING_AUTHORIZATION, CASE, SPECIALIST, "HHA-7", PAYER, "99601", "2w4", 8,
                date("2026-12-01"), date("2026-12-28"), status, number, validFrom, validTo, approvedVisits, visitsUsed,
                visitsRemaining, visit, version, Instant.parse("2026-11-23T15:05:00Z"), Instant.parse(updatedAt),
                Urgency.STANDARD, Instant.parse("2026-11-23T15:05:00Z"));
    }

    private static NursingAuthorization nursingApproved(int visitsUsed, NursingAuthorization.Visit visit, long version,
                                                        String updatedAt) {
        return nursing(AuthorizationStatus.APPROVED, "67890", date("2026-12-01"), date("2026-12-28"), 8, visitsUsed,
                8 - visitsUsed, visit, version, updatedAt);
    }

    private static SuppliesAuthorization separateSupplies(SuppliesAuthorization.Delivery delivery, long version,
                                                          String updatedAt) {
        return new SuppliesAuthorization(SEPARATE_SUPPLIES_AUTHORIZATION, SEPARATE_SUPPLIES_CASE, SPECIALIST, "DME-3",
                PAYER, "SEPARATE", null,
                List.of(new SuppliesAuthorization.Item("E0781", 1), new SuppliesAuthorization.Item("E0776", 1)),
                AuthorizationStatus.APPROVED, "24680", date("2026-12-01"), date("2027-05-31"), delivery, version,
                Instant.parse("2026-11-24T14:00:00Z"), Instant.parse(updatedAt), Urgency.STANDARD,
                Instant.parse("2026-11-24T14:00:00Z"));
    }

    static OffsetDateTime at(String timestamp) {
        return OffsetDateTime.parse(timestamp);
    }

    static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
