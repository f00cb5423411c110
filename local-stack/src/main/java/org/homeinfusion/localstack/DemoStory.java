package org.homeinfusion.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The seed story, played through the public HTTP API (contract §5-9) exactly as the organizations would: the
 * specialist requests the three authorizations, the payer approves, pharmacy and agency schedule, and the coordinator
 * declares CASE-1001 ready to schedule; then a second start, CASE-1002, whose visit is tomorrow and whose pharmacy
 * has posted no delivery, lands on the specialist's worklist as CaseAtRisk.
 *
 * <p>Every create carries a fixed Idempotency-Key, so playing the story again returns the same authorizations instead
 * of duplicating them.
 */
final class DemoStory {

    static final String CASE_ID = "CASE-1001";
    static final String AT_RISK_CASE_ID = "CASE-1002";
    /** The first action an alert of the worklist asks for (the body is a JSON array; action texts hold no quote). */
    private static final Pattern ACTION = Pattern.compile("\"action\":\"([^\"]*)\"");
    private static final Duration TOKEN_VALIDITY = Duration.ofHours(1);
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final String drugAuth;
    private final String nursingAuth;
    private final String suppliesAuth;
    private final String coordinator;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoStory(String drugAuth, String nursingAuth, String suppliesAuth, String coordinator, PrintStream out) {
        this.drugAuth = drugAuth;
        this.nursingAuth = nursingAuth;
        this.suppliesAuth = suppliesAuth;
        this.coordinator = coordinator;
        this.out = out;
    }

    void play() {
        out.println("Demo: " + CASE_ID + " from request to ready-to-schedule");
        String specialist = token("SPEC-1", "SPECIALIST");
        String payer = token("PAYER-ABC", "PAYER");
        String pharmacy = token("PHARM-1", "PHARMACY");
        String agency = token("HHA-7", "AGENCY");

        String drugId = create("1. SPEC-1 requests the drug authorization (J1569, 28 g)", drugAuth
                + "/api/drug-authorizations", specialist, "demo-" + CASE_ID + "-drug", """
                {"caseId": "CASE-1001", "patientRef": "PT-88",
                 "payer": {"payerId": "PAYER-ABC", "plan": "COMMERCIAL"},
                 "placeOfService": "12", "hcpcsCode": "J1569", "ndc": null,
                 "dose": {"quantity": 28, "unit": "g"}, "pharmacyOrgId": "PHARM-1",
                 "requestedFrom": "2026-12-01", "requestedTo": "2027-05-31"}""");
        String nursingId = create("2. SPEC-1 requests the nursing authorization (HHA-7, 99601, 2w4)", nursingAuth
                + "/api/nursing-authorizations", specialist, "demo-" + CASE_ID + "-nursing", """
                {"caseId": "CASE-1001", "patientRef": "PT-88",
                 "payer": {"payerId": "PAYER-ABC", "plan": "COMMERCIAL"},
                 "agencyOrgId": "HHA-7", "serviceCode": "99601", "frequency": "2w4",
                 "requestedFrom": "2026-12-01", "requestedTo": "2027-05-31"}""");
        create("3. SPEC-1 records the supplies as bundled in the per diem (S9338)", suppliesAuth
                + "/api/supplies-authorizations", specialist, "demo-" + CASE_ID + "-supplies", """
                {"caseId": "CASE-1001", "patientRef": "PT-88",
                 "payer": {"payerId": "PAYER-ABC", "plan": "COMMERCIAL"},
                 "supplierOrgId": "PHARM-1", "coverage": "BUNDLED", "perDiemCode": "S9338"}""");
        send("4. PAYER-ABC approves the drug: auth #12345, 56 units", "POST",
                drugAuth + "/api/drug-authorizations/" + drugId + "/decision", payer, null, """
                {"outcome": "APPROVED", "authorizationNumber": "12345",
                 "validFrom": "2026-12-01", "validTo": "2027-05-31", "approvedUnits": 56}""");
        send("5. PAYER-ABC approves nursing: auth #67890, 8 visits", "POST",
                nursingAuth + "/api/nursing-authorizations/" + nursingId + "/decision", payer, null, """
                {"outcome": "APPROVED", "authorizationNumber": "67890",
                 "validFrom": "2026-12-01", "validTo": "2027-05-31", "approvedVisits": 8}""");
        send("6. PHARM-1 delivers Tue Dec 8, 08:00-11:00", "PUT",
                drugAuth + "/api/drug-authorizations/" + drugId + "/delivery", pharmacy, null, """
                {"etaStart": "2026-12-08T08:00:00-05:00", "etaEnd": "2026-12-08T11:00:00-05:00",
                 "trackingRef": "DEMO-TRACK-1001"}""");
        send("7. HHA-7 confirms nurse Jones, Tue Dec 8 14:00 for 240 min", "PUT",
                nursingAuth + "/api/nursing-authorizations/" + nursingId + "/visit", agency, null, """
                {"visitStart": "2026-12-08T14:00:00-05:00", "expectedDurationMinutes": 240,
                 "nurseName": "Jones"}""");
        awaitReady(specialist);
        playAtRiskCase(specialist, payer, agency);
    }

    /**
     * A second start, CASE-1002, whose nurse visit is tomorrow while the pharmacy has posted no delivery: the
     * coordinator raises CaseAtRisk at once (the visit is within the 48 h horizon) and names who must act.
     */
    private void playAtRiskCase(String specialist, String payer, String agency) {
        String visit = OffsetDateTime.now(ZoneOffset.ofHours(-5)).plusDays(1).withHour(14).truncatedTo(ChronoUnit.HOURS)
                .toString();
        out.println("Demo: " + AT_RISK_CASE_ID + ", the nurse visits tomorrow and the pharmacy has posted no delivery");
        String drugId = create("1. SPEC-1 requests the drug authorization (J1569, 28 g)", drugAuth
                + "/api/drug-authorizations", specialist, "demo-" + AT_RISK_CASE_ID + "-drug", """
                {"caseId": "CASE-1002", "patientRef": "PT-89",
                 "payer": {"payerId": "PAYER-ABC", "plan": "COMMERCIAL"},
                 "placeOfService": "12", "hcpcsCode": "J1569", "ndc": null,
                 "dose": {"quantity": 28, "unit": "g"}, "pharmacyOrgId": "PHARM-1",
                 "requestedFrom": "2026-12-01", "requestedTo": "2027-05-31", "urgency": "EXPEDITED"}""");
        String nursingId = create("2. SPEC-1 requests the nursing authorization", nursingAuth
                + "/api/nursing-authorizations", specialist, "demo-" + AT_RISK_CASE_ID + "-nursing", """
                {"caseId": "CASE-1002", "patientRef": "PT-89",
                 "payer": {"payerId": "PAYER-ABC", "plan": "COMMERCIAL"},
                 "agencyOrgId": "HHA-7", "serviceCode": "99601", "frequency": "2w4",
                 "requestedFrom": "2026-12-01", "requestedTo": "2027-05-31"}""");
        create("3. SPEC-1 records the supplies as bundled (S9338)", suppliesAuth + "/api/supplies-authorizations",
                specialist, "demo-" + AT_RISK_CASE_ID + "-supplies", """
                {"caseId": "CASE-1002", "patientRef": "PT-89",
                 "payer": {"payerId": "PAYER-ABC", "plan": "COMMERCIAL"},
                 "supplierOrgId": "PHARM-1", "coverage": "BUNDLED", "perDiemCode": "S9338"}""");
        send("4. PAYER-ABC approves the drug and nursing", "POST",
                drugAuth + "/api/drug-authorizations/" + drugId + "/decision", payer, null, """
                {"outcome": "APPROVED", "authorizationNumber": "22345",
                 "validFrom": "2026-12-01", "validTo": "2027-05-31", "approvedUnits": 56}""");
        send("   (nursing)", "POST", nursingAuth + "/api/nursing-authorizations/" + nursingId + "/decision", payer,
                null, """
                {"outcome": "APPROVED", "authorizationNumber": "77890",
                 "validFrom": "2026-12-01", "validTo": "2027-05-31", "approvedVisits": 8}""");
        send("5. HHA-7 confirms nurse Jones, tomorrow 14:00", "PUT",
                nursingAuth + "/api/nursing-authorizations/" + nursingId + "/visit", agency, null, """
                {"visitStart": "%s", "expectedDurationMinutes": 240, "nurseName": "Jones"}""".formatted(visit));
        awaitAlert(specialist);
    }

    private void awaitAlert(String specialist) {
        out.print("   6. Waiting for the coordinator's CaseAtRisk alert on the worklist ");
        long deadline = System.nanoTime() + READINESS_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> worklist = exchange("GET", coordinator + "/api/alerts?type=CaseAtRisk&caseId="
                    + AT_RISK_CASE_ID, specialist, null, null);
            Matcher action = ACTION.matcher(worklist.body());
            if (worklist.statusCode() == 200 && action.find()) {
                out.println("- raised");
                out.println();
                out.println("   " + action.group(1));
                out.println("   (GET " + coordinator + "/api/alerts as SPEC-1 or PHARM-1 shows it, and so does the"
                        + " console's worklist, " + coordinator + "/console/alerts)");
                out.println();
                return;
            }
            out.print(".");
            pause();
        }
        out.println();
        throw new DemoFailed(AT_RISK_CASE_ID + " raised no CaseAtRisk within " + READINESS_TIMEOUT.toSeconds() + " s");
    }

    private void awaitReady(String specialist) {
        out.print("   8. Waiting for the coordinator to declare " + CASE_ID + " READY ");
        long deadline = System.nanoTime() + READINESS_TIMEOUT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = exchange("GET", coordinator + "/api/cases/" + CASE_ID + "/readiness", specialist, null, null);
            if (last.statusCode() == 200 && "READY".equals(field(last.body(), "state"))) {
                out.println("- READY");
                out.println();
                out.println("   " + field(last.body(), "summary"));
                out.println("   (the console shows it: " + coordinator + "/console/cases/" + CASE_ID + ")");
                out.println();
                return;
            }
            out.print(".");
            pause();
        }
        out.println();
        throw new DemoFailed(CASE_ID + " not READY within " + READINESS_TIMEOUT.toSeconds() + " s; last answer "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    private String create(String step, String url, String token, String idempotencyKey, String body) {
        HttpResponse<String> response = send(step, "POST", url, token, idempotencyKey, body);
        String id = field(response.body(), "id");
        if (id == null) {
            throw new DemoFailed(step + ": the response has no id: " + response.body());
        }
        return id;
    }

    private HttpResponse<String> send(String step, String method, String url, String token, String idempotencyKey,
            String body) {
        HttpResponse<String> response = exchange(method, url, token, idempotencyKey, body);
        if (response.statusCode() / 100 != 2) {
            out.println("   " + step + " -> HTTP " + response.statusCode());
            throw new DemoFailed(step + " was refused: HTTP " + response.statusCode() + " " + response.body());
        }
        String id = field(response.body(), "id");
        String status = field(response.body(), "status");
        out.println("   " + step + " -> HTTP " + response.statusCode()
                + (id != null ? ", id " + id : "") + (status != null ? ", status " + status : ""));
        return response;
    }

    private HttpResponse<String> exchange(String method, String url, String token, String idempotencyKey, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoFailed(method + " " + url + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailed("interrupted");
        }
    }

    /** A top-level field of a JSON object as text, or {@code null} when absent or not an object. */
    static String field(String json, String name) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            Map<String, Object> object = JSONObjectUtils.parse(json);
            Object value = object.get(name);
            return value == null ? null : String.valueOf(value);
        } catch (ParseException e) {
            return null;
        }
    }

    private static String token(String org, String role) {
        return DevTokens.mint("demo-" + org.toLowerCase(java.util.Locale.ROOT), org, List.of(role), TOKEN_VALIDITY);
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailed("interrupted");
        }
    }

    /** The story could not go on; the message says which step and what the service answered. */
    static final class DemoFailed extends RuntimeException {
        DemoFailed(String message) {
            super(message);
        }
    }
}
