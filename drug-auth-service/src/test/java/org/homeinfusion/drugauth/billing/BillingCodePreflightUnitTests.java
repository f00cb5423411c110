package org.homeinfusion.drugauth.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.homeinfusion.support.problem.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class BillingCodePreflightUnitTests {

    private final BillingCodePreflight preflight = new BillingCodePreflight(new DrugCatalog(
            new DrugCatalogProperties("classpath:catalog/hcpcs-drugs.csv", List.of()), new DefaultResourceLoader()));

    @ParameterizedTest(name = "{0} {1} {2} bills {3} units")
    @CsvSource({
            // the worked examples of the reference data
            "J1569, 28,   g,     56",
            "J1745, 400,  mg,    40",
            "J1745, 375,  mg,    38",
            "J0696, 2,    g,     8",
            "J1559, 10,   g,     100",
            "J1786, 4200, units, 420",
            // conversions and rounding up
            "J1569, 500,  mg,    1",
            "J1569, 501,  mg,    2",
            "J1569, 0.25, g,     1",
            "J2323, 300,  mg,    300",
            "J0885, 40000, IU,   40",
            "J3380, 300000, mcg, 300",
            // unlisted codes bill one unit whatever the dose
            "J3490, 750,  mg,    1",
    })
    void computesBillingUnitsPerDoseRoundingUp(String code, String quantity, String unit, int expectedUnits) {
        BillingCodePreflight.Result result = preflight.check(line(code, "COMMERCIAL", "12",
                code.equals("J3490") ? "12345678901" : null, quantity, unit));

        assertThat(result.violations()).isEmpty();
        assertThat(result.billingUnitsPerDose()).isEqualTo(expectedUnits);
    }

    @ParameterizedTest(name = "{0} for {5}")
    @CsvSource(nullValues = "null", value = {
            "UNKNOWN_DRUG_CODE,              J9999, COMMERCIAL, 12, null,        a code in no catalog",
            "PER_DIEM_CODE_NOT_A_DRUG,       S9338, COMMERCIAL, 12, null,        a per diem code as the drug line",
            "S_CODE_NOT_VALID_FOR_MEDICARE,  S0170, MEDICARE,   12, null,        an S-code billed to Medicare",
            "C_CODE_HOSPITAL_OUTPATIENT_ONLY, C9399, COMMERCIAL, 12, 12345678901, a C-code at home",
            "NDC_REQUIRED_FOR_UNLISTED_CODE, J3490, COMMERCIAL, 12, null,        an unlisted code without NDC",
            "NDC_REQUIRED_FOR_UNLISTED_CODE, J3590, MEDICAID,   12, 1234567890,  an unlisted code with a 10-digit NDC",
    })
    void refusesLinesAPayerWouldDeny(String expectedCode, String code, String plan, String placeOfService, String ndc,
            String situation) {
        BillingCodePreflight.Result result = preflight.check(line(code, plan, placeOfService, ndc, "1", "mg"));

        assertThat(result.accepted()).isFalse();
        assertThat(result.violations()).extracting(Violation::code).contains(expectedCode);
    }

    @Test
    void acceptsCCodeInHospitalOutpatientSettings() {
        assertThat(preflight.check(line("C9399", "COMMERCIAL", "22", "12345678901", "1", "mg")).violations()).isEmpty();
        assertThat(preflight.check(line("C9399", "COMMERCIAL", "19", "12345678901", "1", "mg")).violations()).isEmpty();
    }

    @Test
    void refusesADoseInUnitsForAMassBilledCode() {
        BillingCodePreflight.Result result = preflight.check(line("J1569", "COMMERCIAL", "12", null, "28", "units"));

        assertThat(result.violations()).extracting(Violation::code).containsExactly("DOSE_UNIT_MISMATCH");
    }

    @Test
    void refusesAnUnreadableDoseUnit() {
        assertThat(preflight.check(line("J1745", "COMMERCIAL", "12", null, "400", "tablespoons")).violations())
                .extracting(Violation::code).containsExactly("DOSE_UNIT_MISMATCH");
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        BillingCodePreflight.Result result = preflight.check(line("S9338", "MEDICARE", "12", null, "1", "mg"));

        assertThat(result.violations()).extracting(Violation::code)
                .containsExactlyInAnyOrder("PER_DIEM_CODE_NOT_A_DRUG", "S_CODE_NOT_VALID_FOR_MEDICARE");
    }

    @Test
    void acceptsAnSCodeDrugForCommercialPlans() {
        assertThat(preflight.check(line("S0170", "COMMERCIAL", "12", null, "1", "mg")).billingUnitsPerDose()).isEqualTo(1);
    }

    private static BillingCodePreflight.DrugLine line(String code, String plan, String pos, String ndc, String quantity,
            String unit) {
        return new BillingCodePreflight.DrugLine(code, plan, pos, ndc, new BigDecimal(quantity), unit);
    }
}
