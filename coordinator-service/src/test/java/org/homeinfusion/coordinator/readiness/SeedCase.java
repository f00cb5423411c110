package org.homeinfusion.coordinator.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The seed story of the contract, and builders to bend it one fact at a time: Pharmacy PHARM-1
 * delivers IVIG (J1569, 56 billing units a dose) Tue Dec 8 08:00–11:00, nurse Jones visits at
 * 14:00 for 240 minutes, supplies are bundled into S9338.
 */
final class SeedCase {

    static final UUID DRUG_ID = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID NURSING_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID SUPPLIES_ID = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    static final OffsetDateTime VISIT_START = at("2026-12-08T14:00-05:00");

    static final String SEED_SUMMARY = "Pharmacy PHARM-1 delivering Tue Dec 8 08:00–11:00; nurse Jones visiting "
            + "Tue Dec 8 14:00 for 240 min; drug auth 12345, nursing auth 67890, supplies bundled (S9338).";

    private SeedCase() {
    }

    static OffsetDateTime at(String isoTimestamp) {
        return OffsetDateTime.parse(isoTimestamp);
    }

    static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    static Delivery delivery(String etaStart, String etaEnd) {
        return new Delivery(at(etaStart), at(etaEnd));
    }

    static DrugBuilder drug() {
        return new DrugBuilder();
    }

    static NursingBuilder nursing() {
        return new NursingBuilder();
    }

    static SuppliesBuilder bundledSupplies() {
        return new SuppliesBuilder();
    }

    /** Separately authorized supplies, delivered the day before the visit by their own supplier. */
    static SuppliesBuilder separateSupplies() {
        return new SuppliesBuilder()
                .status(AuthorizationStatus.APPROVED)
                .coverage(Coverage.SEPARATE)
                .perDiemCode(null)
                .authorizationNumber("55555")
                .validFrom(day("2026-12-01")).validTo(day("2027-05-31"))
                .supplierOrgId("SUPPLY-9")
                .delivery(delivery("2026-12-07T09:00-05:00", "2026-12-07T12:00-05:00"));
    }

    static List<Authorization> seedAuthorizations() {
        return List.of(drug().build(), nursing().build(), bundledSupplies().build());
    }

    static CaseAuthorizations seedCase() {
        return CaseAuthorizations.of(seedAuthorizations());
    }

    /** The seed case with the given authorizations standing in for the seed's of the same pillar. */
    static CaseAuthorizations seedCaseWith(Authorization... replacements) {
        Set<Pillar> replaced = Arrays.stream(replacements).map(Authorization::pillar).collect(Collectors.toSet());
        List<Authorization> authorizations = new ArrayList<>(seedAuthorizations());
        authorizations.removeIf(authorization -> replaced.contains(authorization.pillar()));
        authorizations.addAll(List.of(replacements));
        return CaseAuthorizations.of(authorizations);
    }

    static CaseAuthorizations seedCaseWithout(Pillar pillar) {
        return CaseAuthorizations.of(seedAuthorizations().stream()
                .filter(authorization -> authorization.pillar() != pillar)
                .toList());
    }

    static final class DrugBuilder {
        private UUID id = DRUG_ID;
        private long version = 1;
        private Instant requestedAt = Instant.parse("2026-11-20T15:00:00Z");
        private AuthorizationStatus status = AuthorizationStatus.APPROVED;
        private String authorizationNumber = "12345";
        private LocalDate validFrom = day("2026-12-01");
        private LocalDate validTo = day("2027-05-31");
        private Integer approvedUnits = 56;
        private int billingUnitsPerDose = 56;
        private String pharmacyOrgId = "PHARM-1";
        private Delivery delivery = SeedCase.delivery("2026-12-08T08:00-05:00", "2026-12-08T11:00-05:00");
        private OffsetDateTime beyondUseAt;

        DrugBuilder id(UUID id) { this.id = id; return this; }
        DrugBuilder version(long version) { this.version = version; return this; }
        DrugBuilder requestedAt(Instant requestedAt) { this.requestedAt = requestedAt; return this; }
        DrugBuilder status(AuthorizationStatus status) { this.status = status; return this; }
        DrugBuilder authorizationNumber(String number) { this.authorizationNumber = number; return this; }
        DrugBuilder validFrom(LocalDate validFrom) { this.validFrom = validFrom; return this; }
        DrugBuilder validTo(LocalDate validTo) { this.validTo = validTo; return this; }
        DrugBuilder approvedUnits(Integer approvedUnits) { this.approvedUnits = approvedUnits; return this; }
        DrugBuilder billingUnitsPerDose(int units) { this.billingUnitsPerDose = units; return this; }
        DrugBuilder pharmacyOrgId(String pharmacyOrgId) { this.pharmacyOrgId = pharmacyOrgId; return this; }
        DrugBuilder delivery(Delivery delivery) { this.delivery = delivery; return this; }
        DrugBuilder beyondUseAt(OffsetDateTime beyondUseAt) { this.beyondUseAt = beyondUseAt; return this; }

        DrugBuilder undecided() {
            return status(AuthorizationStatus.REQUESTED).authorizationNumber(null).validFrom(null).validTo(null)
                    .approvedUnits(null).delivery(null);
        }

        DrugAuthorization build() {
            return new DrugAuthorization(id, version, requestedAt, status, authorizationNumber, validFrom, validTo,
                    approvedUnits, billingUnitsPerDose, pharmacyOrgId, delivery, beyondUseAt);
        }
    }

    static final class NursingBuilder {
        private UUID id = NURSING_ID;
        private long version = 1;
        private Instant requestedAt = Instant.parse("2026-11-20T15:05:00Z");
        private AuthorizationStatus status = AuthorizationStatus.APPROVED;
        private String authorizationNumber = "67890";
        private LocalDate validFrom = day("2026-12-01");
        private LocalDate validTo = day("2027-01-31");
        private Integer approvedVisits = 8;
        private int visitsUsed;
        private String agencyOrgId = "HHA-7";
        private Visit visit = new Visit(VISIT_START, 240, "Jones");

        NursingBuilder id(UUID id) { this.id = id; return this; }
        NursingBuilder version(long version) { this.version = version; return this; }
        NursingBuilder requestedAt(Instant requestedAt) { this.requestedAt = requestedAt; return this; }
        NursingBuilder status(AuthorizationStatus status) { this.status = status; return this; }
        NursingBuilder authorizationNumber(String number) { this.authorizationNumber = number; return this; }
        NursingBuilder validFrom(LocalDate validFrom) { this.validFrom = validFrom; return this; }
        NursingBuilder validTo(LocalDate validTo) { this.validTo = validTo; return this; }
        NursingBuilder approvedVisits(Integer approvedVisits) { this.approvedVisits = approvedVisits; return this; }
        NursingBuilder visitsUsed(int visitsUsed) { this.visitsUsed = visitsUsed; return this; }
        NursingBuilder visit(Visit visit) { this.visit = visit; return this; }

        NursingBuilder visitAt(String isoStart) {
            return visit(new Visit(at(isoStart), visit == null ? 240 : visit.expectedDurationMinutes(),
                    visit == null ? "Jones" : visit.nurseName()));
        }

        NursingAuthorization build() {
            return new NursingAuthorization(id, version, requestedAt, status, authorizationNumber, validFrom, validTo,
                    approvedVisits, visitsUsed, agencyOrgId, visit);
        }
    }

    static final class SuppliesBuilder {
        private UUID id = SUPPLIES_ID;
        private long version = 1;
        private Instant requestedAt = Instant.parse("2026-11-20T15:10:00Z");
        private AuthorizationStatus status = AuthorizationStatus.NOT_REQUIRED;
        private Coverage coverage = Coverage.BUNDLED;
        private String perDiemCode = "S9338";
        private String authorizationNumber;
        private LocalDate validFrom;
        private LocalDate validTo;
        private String supplierOrgId = "PHARM-1";
        private Delivery delivery;

        SuppliesBuilder id(UUID id) { this.id = id; return this; }
        SuppliesBuilder version(long version) { this.version = version; return this; }
        SuppliesBuilder requestedAt(Instant requestedAt) { this.requestedAt = requestedAt; return this; }
        SuppliesBuilder status(AuthorizationStatus status) { this.status = status; return this; }
        SuppliesBuilder coverage(Coverage coverage) { this.coverage = coverage; return this; }
        SuppliesBuilder perDiemCode(String perDiemCode) { this.perDiemCode = perDiemCode; return this; }
        SuppliesBuilder authorizationNumber(String number) { this.authorizationNumber = number; return this; }
        SuppliesBuilder validFrom(LocalDate validFrom) { this.validFrom = validFrom; return this; }
        SuppliesBuilder validTo(LocalDate validTo) { this.validTo = validTo; return this; }
        SuppliesBuilder supplierOrgId(String supplierOrgId) { this.supplierOrgId = supplierOrgId; return this; }
        SuppliesBuilder delivery(Delivery delivery) { this.delivery = delivery; return this; }

        SuppliesAuthorization build() {
            return new SuppliesAuthorization(id, version, requestedAt, status, coverage, perDiemCode,
                    authorizationNumber, validFrom, validTo, supplierOrgId, delivery);
        }
    }
}
