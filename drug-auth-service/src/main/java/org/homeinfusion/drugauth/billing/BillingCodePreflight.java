package org.homeinfusion.drugauth.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.homeinfusion.support.problem.Violation;
import org.springframework.stereotype.Component;

/**
 * Checks a drug line the way a payer's claim edits would, before the request is sent, and computes
 * the billing units per dose. Every rule that fails is reported, so the specialist fixes all at once.
 */
@Component
public class BillingCodePreflight {

    private static final Set<String> HOSPITAL_OUTPATIENT = Set.of("19", "22");

    private final DrugCatalog catalog;

    public BillingCodePreflight(DrugCatalog catalog) {
        this.catalog = catalog;
    }

    /** What the preflight needs to know of a request. */
    public record DrugLine(String hcpcsCode, String plan, String placeOfService, String ndc,
                           BigDecimal doseQuantity, String doseUnit) {
    }

    /** Either the billing units per dose, or every rule the line breaks. */
    public record Result(int billingUnitsPerDose, List<Violation> violations) {

        public boolean accepted() {
            return violations.isEmpty();
        }
    }

    public Result check(DrugLine line) {
        String code = line.hcpcsCode().toUpperCase(Locale.ROOT);
        List<Violation> violations = new ArrayList<>();
        boolean perDiem = code.matches("S9\\d{3}");
        Optional<DrugCode> drug = catalog.find(code);
        if (perDiem) {
            violations.add(new Violation("hcpcsCode", "PER_DIEM_CODE_NOT_A_DRUG",
                    code + " is a per diem service code; bill the drug with its own J/Q/S drug code"));
        } else if (drug.isEmpty() && !DrugCode.UNLISTED.contains(code)) {
            violations.add(new Violation("hcpcsCode", "UNKNOWN_DRUG_CODE", code + " is not a known drug code"));
        }
        if (code.startsWith("S") && "MEDICARE".equals(line.plan())) {
            violations.add(new Violation("hcpcsCode", "S_CODE_NOT_VALID_FOR_MEDICARE",
                    code + " is a temporary national S-code, which Medicare does not pay"));
        }
        if (code.startsWith("C") && !HOSPITAL_OUTPATIENT.contains(line.placeOfService())) {
            violations.add(new Violation("placeOfService", "C_CODE_HOSPITAL_OUTPATIENT_ONLY",
                    code + " is billable in hospital outpatient settings only (place of service 19 or 22)"));
        }
        boolean unlisted = DrugCode.UNLISTED.contains(code);
        if (unlisted && (line.ndc() == null || !line.ndc().matches("\\d{11}"))) {
            violations.add(new Violation("ndc", "NDC_REQUIRED_FOR_UNLISTED_CODE",
                    "unlisted code " + code + " needs the 11-digit NDC of the product"));
        }
        int units = 1;
        if (!unlisted && drug.isPresent()) {
            Optional<Integer> computed = unitsPerDose(drug.get(), line.doseQuantity(), line.doseUnit());
            if (computed.isEmpty()) {
                violations.add(new Violation("dose.unit", "DOSE_UNIT_MISMATCH", "a dose in '" + line.doseUnit()
                        + "' cannot be billed in units of " + drug.get().billingUnitAmount().stripTrailingZeros().toPlainString()
                        + " " + drug.get().billingUnit().name().toLowerCase(Locale.ROOT) + " (" + code + ")"));
            } else {
                units = computed.get();
            }
        }
        return new Result(violations.isEmpty() ? units : 0, List.copyOf(violations));
    }

    /** ceil(dose ÷ billing unit), after converting the dose into the code's unit. */
    static Optional<Integer> unitsPerDose(DrugCode drug, BigDecimal quantity, String unitText) {
        return DoseUnit.parse(unitText)
                .flatMap(unit -> unit.convert(quantity, drug.billingUnit()))
                .map(amount -> amount.divide(drug.billingUnitAmount(), 6, RoundingMode.HALF_UP)
                        .setScale(0, RoundingMode.CEILING).intValueExact());
    }
}
