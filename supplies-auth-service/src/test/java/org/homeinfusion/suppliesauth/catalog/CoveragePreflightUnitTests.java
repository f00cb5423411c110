package org.homeinfusion.suppliesauth.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.homeinfusion.support.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.DefaultResourceLoader;

class CoveragePreflightUnitTests {

    private final CoveragePreflight preflight = preflight(List.of());

    @ParameterizedTest(name = "{0} {1} {2} {3}: {4}")
    @CsvSource(nullValues = "null", value = {
            "BUNDLED,  MEDICARE,   Q2052, '',                   Medicare home IVIG bundles with Q2052",
            "BUNDLED,  COMMERCIAL, S9338, '',                   an S per diem for a commercial plan",
            "BUNDLED,  MEDICAID,   S9359, '',                   an S per diem for Medicaid",
            "BUNDLED,  COMMERCIAL, s9338, '',                   codes are case-insensitive",
            "SEPARATE, COMMERCIAL, null,  E0781 E0776 A4222,    pump, pole and supplies item by item",
            "SEPARATE, MEDICARE,   null,  E0781 K0552,          itemized DME for Medicare",
            "SEPARATE, MEDICAID,   null,  e0779,                codes are case-insensitive",
    })
    void acceptsCoverageAPayerWouldPay(Coverage coverage, String plan, String perDiemCode, String items, String situation) {
        assertThat(preflight.check(line(coverage, plan, perDiemCode, items))).isEmpty();
    }

    @ParameterizedTest(name = "{0} for {5}")
    @CsvSource(nullValues = "null", value = {
            "S_CODE_NOT_VALID_FOR_MEDICARE, BUNDLED,  MEDICARE,   S9338, '',    an S-code per diem billed to Medicare",
            "S_CODE_NOT_VALID_FOR_MEDICARE, BUNDLED,  MEDICARE,   S9494, '',    an antibiotic S per diem billed to Medicare",
            "UNKNOWN_SUPPLY_CODE,           SEPARATE, COMMERCIAL, null,  E9999, a code in no catalog",
            "UNKNOWN_SUPPLY_CODE,           SEPARATE, COMMERCIAL, null,  S9338, a per diem code given as an item",
            "UNKNOWN_SUPPLY_CODE,           SEPARATE, COMMERCIAL, null,  Q2052, the Medicare IVIG per diem given as an item",
            "UNKNOWN_SUPPLY_CODE,           SEPARATE, COMMERCIAL, null,  99601, a nursing code given as an item",
            "UNKNOWN_PER_DIEM_CODE,         BUNDLED,  COMMERCIAL, S9999, '',    a per diem code in no catalog",
            "UNKNOWN_PER_DIEM_CODE,         BUNDLED,  COMMERCIAL, E0781, '',    a pump given as the per diem",
            "UNKNOWN_PER_DIEM_CODE,         BUNDLED,  COMMERCIAL, S9123, '',    a nursing code given as the per diem",
            "ITEMS_REQUIRED,                SEPARATE, COMMERCIAL, null,  '',    separate coverage without items",
            "PER_DIEM_CODE_REQUIRED,        BUNDLED,  COMMERCIAL, null,  '',    bundled coverage without a per diem code",
    })
    void refusesCoverageAPayerWouldDeny(String expectedCode, Coverage coverage, String plan, String perDiemCode,
            String items, String situation) {
        assertThat(preflight.check(line(coverage, plan, perDiemCode, items)))
                .extracting(Violation::code).containsExactly(expectedCode);
    }

    @Test
    void pointsMedicareToTheIvigPerDiemInsteadOfAnSCode() {
        List<Violation> violations = preflight.check(line(Coverage.BUNDLED, "MEDICARE", "S9338", ""));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("perDiemCode");
            assertThat(violation.message()).contains("S9338", "Q2052");
        });
    }

    @Test
    void tellsTheSpecialistToBundleWhenAPerDiemCodeIsGivenAsAnItem() {
        List<Violation> violations = preflight.check(line(Coverage.SEPARATE, "COMMERCIAL", null, "E0781 S9338"));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("items[1].hcpcsCode");
            assertThat(violation.message()).contains("per diem", "BUNDLED");
        });
    }

    @Test
    void separateCoverageWithoutAnyItemListIsRefused() {
        assertThat(preflight.check(new CoveragePreflight.SuppliesLine(Coverage.SEPARATE, "COMMERCIAL", null, null)))
                .extracting(Violation::field, Violation::code).containsExactly(tuple("items", "ITEMS_REQUIRED"));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        List<Violation> violations = preflight.check(line(Coverage.SEPARATE, "MEDICARE", null, "E9999 E0781 S9338 99602"));

        assertThat(violations).extracting(Violation::field, Violation::code).containsExactly(
                tuple("items[0].hcpcsCode", "UNKNOWN_SUPPLY_CODE"),
                tuple("items[2].hcpcsCode", "UNKNOWN_SUPPLY_CODE"),
                tuple("items[2].hcpcsCode", "S_CODE_NOT_VALID_FOR_MEDICARE"),
                tuple("items[3].hcpcsCode", "UNKNOWN_SUPPLY_CODE"));
    }

    @Test
    void reportsAnUnknownSCodePerDiemAndItsMedicareRefusalTogether() {
        assertThat(preflight.check(line(Coverage.BUNDLED, "MEDICARE", "S1234", "")))
                .extracting(Violation::code)
                .containsExactly("UNKNOWN_PER_DIEM_CODE", "S_CODE_NOT_VALID_FOR_MEDICARE");
    }

    @Test
    void refusesACodeTheCatalogMarksRetired(@TempDir Path folder) throws IOException {
        Path extra = folder.resolve("retired.csv");
        Files.writeString(extra, """
                code,kind,description,status,notes
                E0781,supply,"Ambulatory infusion pump, electric",retired,replaced in this test
                """);

        CoveragePreflight withRetiredPump = preflight(List.of(extra.toUri().toString()));

        assertThat(withRetiredPump.check(line(Coverage.SEPARATE, "COMMERCIAL", null, "E0776 E0781")))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("items[1].hcpcsCode", "RETIRED_CODE"));
    }

    private static CoveragePreflight.SuppliesLine line(Coverage coverage, String plan, String perDiemCode, String items) {
        List<String> codes = items.isBlank() ? List.of() : Arrays.asList(items.trim().split("\\s+"));
        return new CoveragePreflight.SuppliesLine(coverage, plan, perDiemCode, codes);
    }

    private static CoveragePreflight preflight(List<String> additional) {
        return new CoveragePreflight(new SupplyCatalog(
                new SupplyCatalogProperties("classpath:catalog/hcpcs-services.csv", additional), new DefaultResourceLoader()));
    }
}
