package org.homeinfusion.nursingauth.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.testsupport.CloudEventMatchers.event;
import static org.homeinfusion.testsupport.PasClaimResponses.FHIR_JSON;
import static org.homeinfusion.testsupport.PasClaimResponses.answering;
import static org.homeinfusion.testsupport.PasClaimResponses.approving;
import static org.homeinfusion.testsupport.ProblemAssertions.assertProblem;

import java.time.Duration;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.pas.PasFhir;
import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.CapturedTopic;
import org.homeinfusion.testsupport.CaseIds;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The nursing pillar speaking Da Vinci PAS against a real PostgreSQL and a real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NursingPasIntegrationTests {

    static final String SPECIALIST = NursingAuthorizationIntegrationTests.SPECIALIST;
    static final String PAYER = NursingAuthorizationIntegrationTests.PAYER;

    @RegisterExtension
    static final CapturedTopic events = CapturedTopic.of(Topics.NURSING_AUTH_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "nursing_auth");
    }

    final ApiClient api;
    final String caseId = CaseIds.unique();

    NursingPasIntegrationTests(@LocalServerPort int port) {
        api = ApiClient.onPort(port);
    }

    @Test
    void theClaimAsksForTheServiceCodeAndItsVisits() {
        String id = create();

        ApiClient.Response response = api.get(path(id) + "/pas-claim", SPECIALIST);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Claim claim = (Claim) PasFhir.context().newJsonParser().parseResource(Bundle.class, response.body())
                .getEntryFirstRep().getResource();
        assertThat(claim.getItemFirstRep().getProductOrService().getCodingFirstRep().getCode()).isEqualTo("99601");
        assertThat(claim.getItemFirstRep().getQuantity().getValue().intValue()).isEqualTo(8);
        assertThat(response.body()).contains("2w4", "HHA-7");
    }

    @Test
    void aPendThenAnApprovalMovePendedToApprovedWithOneEventEach() {
        String id = create();
        events.awaitRecord(event(caseId, "NursingAuthorizationRequested", 1));

        ApiClient.Response pended = api.post(path(id) + "/decision", PAYER, answering(id, "CT"), FHIR_JSON);
        assertThat(pended.json().get("status").asString()).as(pended.toString()).isEqualTo("PENDED");
        events.awaitRecord(event(caseId, "NursingAuthorizationDecided", 2));
        ApiClient.Response approved = api.post(path(id) + "/decision", PAYER,
                approving(id, "A1", "67890", "2026-12-01", "2026-12-28"), FHIR_JSON);

        JsonNode body = approved.json();
        assertThat(body.get("status").asString()).as(approved.toString()).isEqualTo("APPROVED");
        assertThat(body.get("approvedVisits").asInt()).isEqualTo(8);
        assertThat(events.awaitRecord(event(caseId, "NursingAuthorizationDecided", 3)).value())
                .contains("\"authorizationNumber\":\"67890\"");
        events.assertNoFurtherRecord(event(caseId, "NursingAuthorizationDecided", 4), Duration.ofSeconds(1));
    }

    @Test
    void anUnknownReviewActionChangesNothing() {
        String id = create();

        ApiClient.Response refused = api.post(path(id) + "/decision", PAYER, answering(id, "A5"), FHIR_JSON);

        assertProblem(refused, 422);
        assertThat(refused.json().get("violations").get(0).get("code").asString()).isEqualTo("UNKNOWN_REVIEW_ACTION_CODE");
        assertThat(api.get(path(id), SPECIALIST).json().get("status").asString()).isEqualTo("REQUESTED");
    }

    private String create() {
        ApiClient.Response created = api.post("/api/nursing-authorizations", SPECIALIST,
                NursingAuthorizationIntegrationTests.nursing(caseId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String path(String id) {
        return "/api/nursing-authorizations/" + id;
    }
}
