package org.homeinfusion.pas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One authorization per pillar, fixed to the byte so their bundles can be compared with golden files. */
final class ClaimFactsExamples {

    static final UUID DRUG_ID = UUID.fromString("6f1c1d2e-0a4b-4c5d-8e9f-101112131415");
    static final UUID NURSING_ID = UUID.fromString("7a2b3c4d-1e2f-4a5b-9c6d-202122232425");
    static final UUID SUPPLIES_ID = UUID.fromString("8b3c4d5e-2f3a-4b6c-8d7e-303132333435");
    static final UUID PER_DIEM_ID = UUID.fromString("9c4d5e6f-3a4b-4c7d-9e8f-404142434445");
    static final LocalDate FROM = LocalDate.of(2026, 12, 1);
    static final LocalDate TO = LocalDate.of(2027, 5, 31);
    static final Instant REQUESTED_AT = Instant.parse("2026-11-20T15:30:00Z");

    private ClaimFactsExamples() {
    }

    /** IVIG J1569, 28 g a dose = 56 billing units, with its NDC, at home (place of service 12). */
    static ClaimFacts drug() {
        return new ClaimFacts(DRUG_ID, "CASE-1001", "PT-88", "SPEC-1", ClaimFacts.Servicing.PHARMACY, "PHARM-1",
                "PAYER-ABC", "COMMERCIAL", "12", FROM, TO, REQUESTED_AT,
                List.of(new ClaimFacts.Line("J1569", 56, "00944270005", null)));
    }

    /** Skilled nursing 99601, two visits a week for four weeks = 8 visits. */
    static ClaimFacts nursing() {
        return new ClaimFacts(NURSING_ID, "CASE-1001", "PT-88", "SPEC-1", ClaimFacts.Servicing.AGENCY, "HHA-7",
                "PAYER-ABC", "COMMERCIAL", null, FROM, TO, REQUESTED_AT,
                List.of(new ClaimFacts.Line("99601", 8, null, "2w4")));
    }

    /** Billed separately: a pump and its supplies. */
    static ClaimFacts supplies() {
        return new ClaimFacts(SUPPLIES_ID, "CASE-1001", "PT-88", "SPEC-1", ClaimFacts.Servicing.SUPPLIER, "PHARM-1",
                "PAYER-ABC", "COMMERCIAL", null, FROM, TO, REQUESTED_AT,
                List.of(ClaimFacts.Line.of("E0781", 1), ClaimFacts.Line.of("A4222", 28)));
    }

    /** Bundled into the pharmacy's per diem code: one line, no quantity. */
    static ClaimFacts perDiem() {
        return new ClaimFacts(PER_DIEM_ID, "CASE-1001", "PT-88", "SPEC-1", ClaimFacts.Servicing.SUPPLIER, "PHARM-1",
                "PAYER-ABC", "COMMERCIAL", null, FROM, TO, REQUESTED_AT, List.of(ClaimFacts.Line.of("S9338", null)));
    }
}
