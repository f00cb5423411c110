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
public final class SeedCase {

    public static final UUID DRUG_ID = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    public static final UUID NURSING_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    public static final UUID SUPPLIES_ID = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    public static final OffsetDateTime VISIT_START = at("2026-12-08T14:00-05:00");

    public static final String SEED_SUMMARY = "Pharmacy PHARM-1 delivering Tue Dec 8 08:00–11:00; nurse Jones visiting "
            + "Tue Dec 8 14:00 for 240 min; drug auth 12345, nursing auth 67890, supplies bundled (S9338).";

    private SeedCase() {
    }

    public static OffsetDateTime at(String isoTimestamp) {
        return OffsetDateTime.parse(isoTimestamp);
    }

    public static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    public static Delivery delivery(String etaStart, String etaEnd) {
        return new Delivery(at(etaStart), at(etaEnd));
    }

    public static DrugBuilder drug() {
        return new DrugBuilder();
    }

    public static NursingBuilder nursing() {
        return new NursingBuilder();
    }

    public static SuppliesBuilder bundledSupplies() {
        return new SuppliesBuilder();
    }

    /** Separately authorized supplies, delivered the day before the visit by their own supplier. */
    public static SuppliesBuilder separateSupplies() {
        return new SuppliesBuilder()
                .status(AuthorizationStatus.APPROVED)
                .coverage(Coverage.SEPARATE)
                .perDiemCode(null)
                .authorizationNumber("55555")
                .validFrom(day("2026-12-01")).validTo(day("2027-05-31"))
                .supplierOrgId("SUPPLY-9")
                .delivery(delivery("2026-12-07T09:00-05:00", "2026-12-07T12:00-05:00"));
    }

    public static List<Authorization> seedAuthorizations() {
        return List.of(drug().build(), nursing().build(), bundledSupplies().build());
    }

    public static CaseAuthorizations seedCase() {
        return CaseAuthorizations.of(seedAuthorizations());
    }

    /** The seed case with the given authorizations standing in for the seed's of the same pillar. */
    public static CaseAuthorizations seedCaseWith(Authorization... replacements) {
        Set<Pillar> replaced = Arrays.stream(replacements).map(Authorization::pillar).collect(Collectors.toSet());
        List<Authorization> authorizations = new ArrayList<>(seedAuthorizations());
        authorizations.removeIf(authorization -> replaced.contains(authorization.pillar()));
        authorizations.addAll(List.of(replacements));
        return CaseAuthorizations.of(authorizations);
    }

    public static CaseAuthorizations seedCaseWithout(Pillar pillar) {
        return CaseAuthorizations.of(seedAuthorizations().stream()
                .filter(authorization -> authorization.pillar() != pillar)
                .toList());
    }

    public static final class DrugBuilder {
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
        private PayerSubmission submission;

        public DrugBuilder submission(PayerSubmission submission) { this.submission = submission; return this; }

        public DrugBuilder id(UUID id) { this.id = id; return this; }
        public DrugBuilder version(long version) { this.version = version; return this; }
        public DrugBuilder requestedAt(Instant requestedAt) { this.requestedAt = requestedAt; return this; }
        public DrugBuilder status(AuthorizationStatus status) { this.status = status; return this; }
        public DrugBuilder authorizationNumber(String number) { this.authorizationNumber = number; return this; }
        public DrugBuilder validFrom(LocalDate validFrom) { this.validFrom = validFrom; return this; }
        public DrugBuilder validTo(LocalDate validTo) { this.validTo = validTo; return this; }
        public DrugBuilder approvedUnits(Integer approvedUnits) { this.approvedUnits = approvedUnits; return this; }
        public DrugBuilder billingUnitsPerDose(int units) { this.billingUnitsPerDose = units; return this; }
        public DrugBuilder pharmacyOrgId(String pharmacyOrgId) { this.pharmacyOrgId = pharmacyOrgId; return this; }
        public DrugBuilder delivery(Delivery delivery) { this.delivery = delivery; return this; }
        public DrugBuilder beyondUseAt(OffsetDateTime beyondUseAt) { this.beyondUseAt = beyondUseAt; return this; }

        public DrugBuilder undecided() {
            return status(AuthorizationStatus.REQUESTED).authorizationNumber(null).validFrom(null).validTo(null)
                    .approvedUnits(null).delivery(null);
        }

        public DrugAuthorization build() {
            return new DrugAuthorization(id, version, requestedAt, status, authorizationNumber, validFrom, validTo,
                    approvedUnits, billingUnitsPerDose, pharmacyOrgId, delivery, beyondUseAt, submission);
        }
    }

    public static final class NursingBuilder {
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
        private PayerSubmission submission;

        public NursingBuilder submission(PayerSubmission submission) { this.submission = submission; return this; }

        public NursingBuilder id(UUID id) { this.id = id; return this; }
        public NursingBuilder version(long version) { this.version = version; return this; }
        public NursingBuilder requestedAt(Instant requestedAt) { this.requestedAt = requestedAt; return this; }
        public NursingBuilder status(AuthorizationStatus status) { this.status = status; return this; }
        public NursingBuilder authorizationNumber(String number) { this.authorizationNumber = number; return this; }
        public NursingBuilder validFrom(LocalDate validFrom) { this.validFrom = validFrom; return this; }
        public NursingBuilder validTo(LocalDate validTo) { this.validTo = validTo; return this; }
        public NursingBuilder approvedVisits(Integer approvedVisits) { this.approvedVisits = approvedVisits; return this; }
        public NursingBuilder visitsUsed(int visitsUsed) { this.visitsUsed = visitsUsed; return this; }
        public NursingBuilder visit(Visit visit) { this.visit = visit; return this; }

        public NursingBuilder visitAt(String isoStart) {
            return visit(new Visit(at(isoStart), visit == null ? 240 : visit.expectedDurationMinutes(),
                    visit == null ? "Jones" : visit.nurseName()));
        }

        public NursingAuthorization build() {
            return new NursingAuthorization(id, version, requestedAt, status, authorizationNumber, validFrom, validTo,
                    approvedVisits, visitsUsed, agencyOrgId, visit, submission);
        }
    }

    public static final class SuppliesBuilder {
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
        private PayerSubmission submission;

        public SuppliesBuilder submission(PayerSubmission submission) { this.submission = submission; return this; }
        public SuppliesBuilder id(UUID id) { this.id = id; return this; }
        public SuppliesBuilder version(long version) { this.version = version; return this; }
        public SuppliesBuilder requestedAt(Instant requestedAt) { this.requestedAt = requestedAt; return this; }
        public SuppliesBuilder status(AuthorizationStatus status) { this.status = status; return this; }
        public SuppliesBuilder coverage(Coverage coverage) { this.coverage = coverage; return this; }
        public SuppliesBuilder perDiemCode(String perDiemCode) { this.perDiemCode = perDiemCode; return this; }
        public SuppliesBuilder authorizationNumber(String number) { this.authorizationNumber = number; return this; }
        public SuppliesBuilder validFrom(LocalDate validFrom) { this.validFrom = validFrom; return this; }
        public SuppliesBuilder validTo(LocalDate validTo) { this.validTo = validTo; return this; }
        public SuppliesBuilder supplierOrgId(String supplierOrgId) { this.supplierOrgId = supplierOrgId; return this; }
        public SuppliesBuilder delivery(Delivery delivery) { this.delivery = delivery; return this; }

        public SuppliesAuthorization build() {
            return new SuppliesAuthorization(id, version, requestedAt, status, coverage, perDiemCode,
                    authorizationNumber, validFrom, validTo, supplierOrgId, delivery, submission);
        }
    }
}
