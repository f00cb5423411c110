package org.homeinfusion.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.TestTokens;

/**
 * Mary Jones' home IVIG start, played by each organization through its own service's API: the
 * specialist requests, the payer approves, the pharmacy and the agency post their times.
 */
public final class SeedStory {

    public static final String SPECIALIST = TestTokens.bearer("SPEC-1", "SPECIALIST");
    public static final String PAYER = TestTokens.bearer("PAYER-ABC", "PAYER");
    public static final String PHARMACY = TestTokens.bearer("PHARM-1", "PHARMACY");
    public static final String AGENCY = TestTokens.bearer("HHA-7", "AGENCY");

    private final RunningSystem system;
    public final String caseId;
    public String drugId;
    public String nursingId;
    public String suppliesId;

    public SeedStory(RunningSystem system, String caseId) {
        this.system = system;
        this.caseId = caseId;
    }

    /** Every step up to READY: requests, approvals, Tuesday-morning delivery, Tuesday 2 PM visit. */
    public SeedStory playToReady() {
        requestAll();
        approveAll();
        deliver("2026-12-08T08:00:00-05:00", "2026-12-08T11:00:00-05:00");
        confirmVisit("2026-12-08T14:00:00-05:00");
        return this;
    }

    public void requestAll() {
        requestAll(Map.of());
    }

    /** @param drugExtras more fields of the drug request, such as its urgency and when it went to the payer */
    public void requestAll(Map<String, Object> drugExtras) {
        Map<String, Object> drug = new LinkedHashMap<>();
        drug.put("caseId", caseId);
        drug.put("patientRef", "PT-88");
        drug.put("payer", Map.of("payerId", "PAYER-ABC", "plan", "COMMERCIAL"));
        drug.put("placeOfService", "12");
        drug.put("hcpcsCode", "J1569");
        drug.put("dose", Map.of("quantity", 28, "unit", "g"));
        drug.put("pharmacyOrgId", "PHARM-1");
        drug.put("requestedFrom", "2026-12-01");
        drug.put("requestedTo", "2027-05-31");
        drug.putAll(drugExtras);
        drugId = created(system.drug().post("/api/drug-authorizations", SPECIALIST, drug));

        nursingId = created(system.nursing().post("/api/nursing-authorizations", SPECIALIST, Map.of(
                "caseId", caseId, "patientRef", "PT-88", "payer", Map.of("payerId", "PAYER-ABC", "plan", "COMMERCIAL"),
                "agencyOrgId", "HHA-7", "serviceCode", "99601", "frequency", "2w4",
                "requestedFrom", "2026-12-01", "requestedTo", "2027-05-31")));

        suppliesId = created(system.supplies().post("/api/supplies-authorizations", SPECIALIST, Map.of(
                "caseId", caseId, "patientRef", "PT-88", "payer", Map.of("payerId", "PAYER-ABC", "plan", "COMMERCIAL"),
                "supplierOrgId", "PHARM-1", "coverage", "BUNDLED", "perDiemCode", "S9338")));
    }

    public void approveAll() {
        approveDrug();
        approveNursing();
    }

    public void approveDrug() {
        ok(system.drug().post("/api/drug-authorizations/" + drugId + "/decision", PAYER, Map.of(
                "outcome", "APPROVED", "authorizationNumber", "12345", "validFrom", "2026-12-01",
                "validTo", "2027-05-31", "approvedUnits", 56)));
    }

    public void approveNursing() {
        ok(system.nursing().post("/api/nursing-authorizations/" + nursingId + "/decision", PAYER, Map.of(
                "outcome", "APPROVED", "authorizationNumber", "67890", "validFrom", "2026-12-01",
                "validTo", "2027-05-31", "approvedVisits", 8)));
    }

    public void deliver(String etaStart, String etaEnd) {
        ok(system.drug().put("/api/drug-authorizations/" + drugId + "/delivery", PHARMACY,
                Map.of("etaStart", etaStart, "etaEnd", etaEnd, "trackingRef", "TRK-" + caseId)));
    }

    public void confirmVisit(String visitStart) {
        ok(system.nursing().put("/api/nursing-authorizations/" + nursingId + "/visit", AGENCY,
                Map.of("visitStart", visitStart, "expectedDurationMinutes", 240, "nurseName", "Jones")));
    }

    public void cancelVisit() {
        ok(system.nursing().delete("/api/nursing-authorizations/" + nursingId + "/visit", AGENCY));
    }

    public ApiClient.Response readiness() {
        return system.coordinator().get("/api/cases/" + caseId + "/readiness", SPECIALIST);
    }

    private static String created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
