package org.homeinfusion.benchmark.load;

import java.time.LocalDate;
import java.util.List;

import org.homeinfusion.benchmark.observe.CaseKey;

/**
 * One made-up case: who takes part, which drug, which day the nurse comes, and which {@link Scenario} it follows.
 * Derived from its sequence number alone, so a run is reproducible.
 */
public record SyntheticCase(CaseKey key, int sequence, Scenario scenario, String payerId, String pharmacyOrgId,
        String agencyOrgId, String supplierOrgId, DrugProfile drug, String perDiemCode, LocalDate visitDay) {

    private static final List<String> SPECIALISTS = List.of("SPEC-1", "SPEC-2", "SPEC-3", "SPEC-4");
    private static final List<String> PHARMACIES = List.of("PHARM-1", "PHARM-2", "PHARM-3");
    private static final List<String> AGENCIES = List.of("HHA-7", "HHA-8", "HHA-9");
    private static final List<String> SUPPLIERS = List.of("DME-1", "DME-2");
    private static final LocalDate FIRST_VISIT_DAY = LocalDate.of(2026, 12, 7);
    private static final int VISIT_DAYS = 60;

    /** A home infusion drug, its dose and the per diem that bundles its supplies. */
    public record DrugProfile(String hcpcsCode, int doseQuantity, String doseUnit, int billingUnits, String perDiemCode) {
    }

    static final List<DrugProfile> DRUGS = List.of(
            new DrugProfile("J1569", 28, "g", 56, "S9338"),    // IVIG (Gammagard), 500 mg units
            new DrugProfile("J1745", 400, "mg", 40, "S9359"),  // infliximab, 10 mg units
            new DrugProfile("J3370", 1000, "mg", 2, "S9500"),  // vancomycin, 500 mg units
            new DrugProfile("J1561", 35, "g", 70, "S9338"));   // IVIG (Gamunex-C)

    public static SyntheticCase of(String caseIdPrefix, int sequence) {
        Scenario scenario = Scenario.forCase(sequence);
        DrugProfile drug = DRUGS.get(Math.floorMod(sequence / 3, DRUGS.size()));
        String pharmacy = PHARMACIES.get(Math.floorMod(sequence / 2, PHARMACIES.size()));
        String supplier = scenario.separateSupplies() ? SUPPLIERS.get(Math.floorMod(sequence, SUPPLIERS.size())) : pharmacy;
        return new SyntheticCase(
                new CaseKey(SPECIALISTS.get(Math.floorMod(sequence, SPECIALISTS.size())), caseIdPrefix + sequence),
                sequence, scenario, "PAYER-ABC", pharmacy, AGENCIES.get(Math.floorMod(sequence / 5, AGENCIES.size())),
                supplier, drug, drug.perDiemCode(), FIRST_VISIT_DAY.plusDays(Math.floorMod(sequence, VISIT_DAYS)));
    }

    public String caseId() {
        return key.caseId();
    }

    public String specialistOrgId() {
        return key.specialistOrgId();
    }
}
