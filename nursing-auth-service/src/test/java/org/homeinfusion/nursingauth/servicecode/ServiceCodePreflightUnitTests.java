package org.homeinfusion.nursingauth.servicecode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.homeinfusion.support.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.DefaultResourceLoader;

class ServiceCodePreflightUnitTests {

    private final ServiceCodePreflight preflight = new ServiceCodePreflight(new ServiceCodeCatalog(
            new ServiceCodeCatalogProperties("classpath:catalog/hcpcs-services.csv", List.of()),
            new DefaultResourceLoader()));

    @ParameterizedTest(name = "{0} is a nursing service")
    @ValueSource(strings = {"99601", "99602", "S9123", "S9124", "G0299", "G0300", "s9123", "g0299"})
    void acceptsEveryActiveNursingCodeForCommercialPlans(String code) {
        assertThat(preflight.check(line(code, "COMMERCIAL"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} for Medicare")
    @ValueSource(strings = {"99601", "99602", "G0299", "G0300"})
    void acceptsNationalNursingCodesForMedicare(String code) {
        assertThat(preflight.check(line(code, "MEDICARE"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} for {1}: {4}")
    @CsvSource({
            "UNKNOWN_SERVICE_CODE,          99999, COMMERCIAL, is not a known service code,     a code in no catalog",
            "UNKNOWN_SERVICE_CODE,          J1569, COMMERCIAL, is not a known service code,     a drug code",
            "UNKNOWN_SERVICE_CODE,          S9338, COMMERCIAL, is a per-diem code, not a nursing code, a per diem code as the nursing line",
            "UNKNOWN_SERVICE_CODE,          E0781, MEDICAID,   is a supply code, not a nursing code,   a supply code as the nursing line",
            "RETIRED_CODE,                  G0154, MEDICARE,   is retired,                      a retired nursing code",
            "S_CODE_NOT_VALID_FOR_MEDICARE, S9123, MEDICARE,   which Medicare does not pay,     an RN S-code billed to Medicare",
            "S_CODE_NOT_VALID_FOR_MEDICARE, S9124, MEDICARE,   which Medicare does not pay,     an LPN S-code billed to Medicare",
    })
    void refusesLinesAPayerWouldDeny(String expectedCode, String code, String plan, String expectedMessage,
            String situation) {
        List<Violation> violations = preflight.check(line(code, plan));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.code()).isEqualTo(expectedCode);
            assertThat(violation.field()).isEqualTo("serviceCode");
            assertThat(violation.message()).contains(code).contains(expectedMessage);
        });
    }

    @Test
    void namesTheCodesToUseInsteadOfARetiredOne() {
        assertThat(preflight.check(line("G0154", "COMMERCIAL"))).singleElement().satisfies(violation ->
                assertThat(violation.message()).contains("replaced by G0299/G0300")
                        .contains("99601, 99602, S9123, S9124, G0299, G0300"));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        assertThat(preflight.check(line("S9338", "MEDICARE"))).extracting(Violation::code)
                .containsExactlyInAnyOrder("UNKNOWN_SERVICE_CODE", "S_CODE_NOT_VALID_FOR_MEDICARE");
        assertThat(preflight.check(line("S0000", "MEDICARE"))).extracting(Violation::code)
                .containsExactlyInAnyOrder("UNKNOWN_SERVICE_CODE", "S_CODE_NOT_VALID_FOR_MEDICARE");
    }

    private static ServiceCodePreflight.ServiceLine line(String code, String plan) {
        return new ServiceCodePreflight.ServiceLine(code, plan);
    }
}
