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
                                Instant.parse("2026-11-23T15:10:00Z"))),
                        new SuppliesAuthorizationDecided(separateSupplies(null, 2, "2026-11-26T14:00:00Z")),
                        new SuppliesDeliveryScheduled(separateSupplies(new SuppliesAuthorization.Delivery(
                                at("2026-12-09T09:00:00-05:00"), at("2026-12-09T12:00:00-05:00")), 3, "2026-12-03T18:30:00Z")),
                        new SuppliesDeliveryCancelled(separateSupplies(null, 4, "2026-12-05T18:00:00Z")),
                        readyToSchedule(),
                        new ReadinessWithdrawn(SPECIALIST, CASE, 2, List.of(new ReadinessWithdrawn.Blocker(
                                "NURSE_VISIT_NOT_CONFIRMED", "NURSING",
                                "Agency HHA-7 has no confirmed visit for nursing auth 67890.")),
                                Instant.parse("2026-12-06T14:00:01Z")))
                .collect(Collectors.toUnmodifiableMap(ContractEvent::eventName, Function.identity()));
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
                Instant.parse("2026-11-23T15:00:00Z"), Instant.parse(updatedAt));
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
                visitsRemaining, visit, version, Instant.parse("2026-11-23T15:05:00Z"), Instant.parse(updatedAt));
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
                Instant.parse("2026-11-24T14:00:00Z"), Instant.parse(updatedAt));
    }

    static OffsetDateTime at(String timestamp) {
        return OffsetDateTime.parse(timestamp);
    }

    static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
