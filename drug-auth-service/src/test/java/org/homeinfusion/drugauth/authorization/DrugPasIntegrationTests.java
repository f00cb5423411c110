package org.homeinfusion.drugauth.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.testsupport.CloudEventMatchers.event;
import static org.homeinfusion.testsupport.ProblemAssertions.assertProblem;
import static org.homeinfusion.testsupport.PasClaimResponses.FHIR_JSON;
import static org.homeinfusion.testsupport.PasClaimResponses.answering;
import static org.homeinfusion.testsupport.PasClaimResponses.approving;

import java.time.Duration;
import java.util.Map;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Patient;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.pas.PasFhir;
import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.CapturedRecord;
import org.homeinfusion.testsupport.CapturedTopic;
import org.homeinfusion.testsupport.CaseIds;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.homeinfusion.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The drug pillar speaking Da Vinci PAS against a real PostgreSQL and a real Kafka broker: the claim it
 * hands out, and payers' {@code ClaimResponse}s taken as decisions, one event per accepted one and none
 * for a refused one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DrugPasIntegrationTests {

    static final String SPECIALIST = DrugAuthorizationIntegrationTests.SPECIALIST;
    static final String PAYER = DrugAuthorizationIntegrationTests.PAYER;
    static final String PHARMACY = DrugAuthorizationIntegrationTests.PHARMACY;

    @RegisterExtension
    static final CapturedTopic events = CapturedTopic.of(Topics.DRUG_AUTH_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "drug_auth");
    }

    final ApiClient api;
    final String caseId = CaseIds.unique();

    DrugPasIntegrationTests(@LocalServerPort int port) {
        api = ApiClient.onPort(port);
    }

    @Test
    void theCasesSpecialistGetsAPasClaimBundleWithoutPatientData() {
        String id = create();

        ApiClient.Response claim = api.get(path(id) + "/pas-claim", SPECIALIST);

        assertThat(claim.status()).as(claim.toString()).isEqualTo(200);
        assertThat(claim.header("content-type")).startsWith(PasFhir.MEDIA_TYPE);
        Bundle bundle = PasFhir.context().newJsonParser().parseResource(Bundle.class, claim.body());
        Claim first = (Claim) bundle.getEntryFirstRep().getResource();
        assertThat(bundle.getEntryFirstRep().getFullUrl()).isEqualTo("urn:uuid:" + id);
        assertThat(first.getIdentifierFirstRep().getValue()).isEqualTo(id);
        assertThat(first.getUse()).isEqualTo(Claim.Use.PREAUTHORIZATION);
        assertThat(first.getItemFirstRep().getProductOrService().getCodingFirstRep().getCode()).isEqualTo("J1569");
        assertThat(first.getItemFirstRep().getQuantity().getValue().intValue()).isEqualTo(56);
        assertThat(bundle.getEntry()).map(Bundle.BundleEntryComponent::getResource).filteredOn(Patient.class::isInstance)
                .singleElement().satisfies(patient -> assertThat(((Patient) patient).hasName()).isFalse());
        assertThat(claim.body()).contains("PT-88", "PAYER-ABC", "SPEC-1", "PHARM-1");
    }

    @Test
    void onlyTheCasesSpecialistGetsTheClaim() {
        String id = create();

        assertProblem(api.get(path(id) + "/pas-claim", PHARMACY), 403);
        assertProblem(api.get(path(id) + "/pas-claim", PAYER), 403);
        assertProblem(api.get(path(id) + "/pas-claim", TestTokens.bearer("SPEC-2", "SPECIALIST")), 404);
    }

    @Test
    void aPendThenAnApprovalMovePendedToApprovedWithOneEventEach() {
        String id = create();
        awaitEvent("DrugAuthorizationRequested", 1);

        ApiClient.Response pended = api.post(path(id) + "/decision", PAYER, answering(id, "A4"), FHIR_JSON);
        assertThat(pended.status()).as(pended.toString()).isEqualTo(200);
        assertThat(pended.json().get("status").asString()).isEqualTo("PENDED");
        assertThat(awaitEvent("DrugAuthorizationDecided", 2).value()).contains("\"status\":\"PENDED\"");

        ApiClient.Response approved = api.post(path(id) + "/decision", PAYER,
                approving(id, "A1", "12345", "2026-12-01", "2027-05-31"), FHIR_JSON);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode body = approved.json();
        assertThat(body.get("status").asString()).isEqualTo("APPROVED");
        assertThat(body.get("authorizationNumber").asString()).isEqualTo("12345");
        assertThat(body.get("approvedUnits").asInt()).isEqualTo(56);
        assertThat(awaitEvent("DrugAuthorizationDecided", 3).value())
                .contains("\"status\":\"APPROVED\"", "\"authorizationNumber\":\"12345\"", "\"validTo\":\"2027-05-31\"");
        events.assertNoFurtherRecord(event(caseId, "DrugAuthorizationDecided", 4), Duration.ofSeconds(1));
    }

    @Test
    void refusedFhirChangesNothingAndPublishesNothing() {
        String id = create();
        awaitEvent("DrugAuthorizationRequested", 1);

        assertRefused(api.post(path(id) + "/decision", PAYER, "{\"resourceType\": \"ClaimResponse\", ", FHIR_JSON),
                400, null);
        assertRefused(api.post(path(id) + "/decision", PAYER, "{\"outcome\": \"APPROVED\"}", FHIR_JSON),
                400, "resourceType");
        assertRefused(api.post(path(id) + "/decision", PAYER,
                approving("5b0e0c1a-0000-4000-8000-00000000c0de", "A1", "12345", "2026-12-01", "2027-05-31"), FHIR_JSON),
                422, "ClaimResponse.request");
        assertRefused(api.post(path(id) + "/decision", PAYER, approving(id, "ZZ", "12345", "2026-12-01", "2027-05-31"),
                FHIR_JSON), 422, "ClaimResponse.item[0].adjudication[0].extension:reviewAction.extension:code");

        JsonNode unchanged = api.get(path(id), SPECIALIST).json();
        assertThat(unchanged.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(unchanged.get("version").asLong()).isEqualTo(1);
        events.assertNoFurtherRecord(event(caseId, "DrugAuthorizationDecided"), Duration.ofSeconds(1));
    }

    @Test
    void theFhirFormKeepsTheJsonFormsRolesAndTransitions() {
        String id = create();
        String approval = approving(id, "A1", "12345", "2026-12-01", "2027-05-31");

        assertProblem(api.post(path(id) + "/decision", PHARMACY, approval, FHIR_JSON), 403);
        assertProblem(api.post(path(id) + "/decision", TestTokens.bearer("PAYER-XYZ", "PAYER"), approval, FHIR_JSON), 404);
        assertThat(api.post(path(id) + "/decision", SPECIALIST, Map.of("outcome", "CANCELLED")).status()).isEqualTo(200);
        assertProblem(api.post(path(id) + "/decision", PAYER, approval, FHIR_JSON), 409);
    }

    private void assertRefused(ApiClient.Response response, int status, String field) {
        assertProblem(response, status);
        JsonNode violations = response.json().get("violations");
        assertThat(violations).as(response.toString()).isNotNull();
        JsonNode first = violations.get(0);
        if (field == null) {
            assertThat(first.has("field")).as(response.toString()).isFalse();
        } else {
            assertThat(first.get("field").asString()).as(response.toString()).isEqualTo(field);
        }
    }

    private CapturedRecord awaitEvent(String eventName, long version) {
        return events.awaitRecord(event(caseId, eventName, version));
    }

    private String create() {
        ApiClient.Response created = api.post("/api/drug-authorizations", SPECIALIST,
                DrugAuthorizationIntegrationTests.ivig(caseId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String path(String id) {
        return "/api/drug-authorizations/" + id;
    }
}
