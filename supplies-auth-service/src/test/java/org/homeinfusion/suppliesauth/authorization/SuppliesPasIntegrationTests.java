package org.homeinfusion.suppliesauth.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.testsupport.CloudEventMatchers.event;
import static org.homeinfusion.testsupport.PasClaimResponses.FHIR_JSON;
import static org.homeinfusion.testsupport.PasClaimResponses.answering;
import static org.homeinfusion.testsupport.PasClaimResponses.approving;
import static org.homeinfusion.testsupport.ProblemAssertions.assertProblem;

import java.time.Duration;
import java.util.Map;

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

/** The supplies pillar speaking Da Vinci PAS against a real PostgreSQL and a real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SuppliesPasIntegrationTests {

    static final String SPECIALIST = SuppliesAuthorizationIntegrationTests.SPECIALIST;
    static final String PAYER = SuppliesAuthorizationIntegrationTests.PAYER;

    @RegisterExtension
    static final CapturedTopic events = CapturedTopic.of(Topics.SUPPLIES_AUTH_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "supplies_auth");
    }

    final ApiClient api;
    final String caseId = CaseIds.unique();

    SuppliesPasIntegrationTests(@LocalServerPort int port) {
        api = ApiClient.onPort(port);
    }

    @Test
    void separateSuppliesAreOneClaimItemEachAndBundledOnesThePerDiemCode() {
        String separate = create(SuppliesAuthorizationIntegrationTests.separate(caseId));
        String bundled = create(SuppliesAuthorizationIntegrationTests.bundled(CaseIds.unique()));

        assertThat(claim(separate).getItem()).extracting(item -> item.getProductOrService().getCodingFirstRep().getCode())
                .containsExactly("E0781", "E0776", "A4222");
        assertThat(claim(bundled).getItem()).extracting(item -> item.getProductOrService().getCodingFirstRep().getCode())
                .containsExactly("S9338");
    }

    @Test
    void aPendThenAnApprovalMovePendedToApprovedWithOneEventEach() {
        String id = create(SuppliesAuthorizationIntegrationTests.separate(caseId));
        events.awaitRecord(event(caseId, "SuppliesAuthorizationRequested", 1));

        ApiClient.Response pended = api.post(path(id) + "/decision", PAYER, answering(id, "A4"), FHIR_JSON);
        assertThat(pended.json().get("status").asString()).as(pended.toString()).isEqualTo("PENDED");
        events.awaitRecord(event(caseId, "SuppliesAuthorizationDecided", 2));
        ApiClient.Response approved = api.post(path(id) + "/decision", PAYER,
                approving(id, "A1", "24680", "2026-12-01", "2027-05-31"), FHIR_JSON);

        assertThat(approved.json().get("status").asString()).as(approved.toString()).isEqualTo("APPROVED");
        assertThat(events.awaitRecord(event(caseId, "SuppliesAuthorizationDecided", 3)).value())
                .contains("\"authorizationNumber\":\"24680\"");
        events.assertNoFurtherRecord(event(caseId, "SuppliesAuthorizationDecided", 4), Duration.ofSeconds(1));
    }

    @Test
    void anApprovalWithoutAPeriodOfARequestWithoutAWindowChangesNothing() {
        String id = create(SuppliesAuthorizationIntegrationTests.separate(caseId));

        ApiClient.Response refused = api.post(path(id) + "/decision", PAYER, answering(id, "A1")
                .replace("\"outcome\": \"complete\",", "\"outcome\": \"complete\", \"preAuthRef\": \"24680\","), FHIR_JSON);

        assertProblem(refused, 422);
        assertThat(refused.json().get("violations").get(0).get("field").asString())
                .isEqualTo("ClaimResponse.preAuthPeriod");
        assertThat(api.get(path(id), SPECIALIST).json().get("status").asString()).isEqualTo("REQUESTED");
    }

    private Claim claim(String id) {
        ApiClient.Response response = api.get(path(id) + "/pas-claim", SPECIALIST);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return (Claim) PasFhir.context().newJsonParser().parseResource(Bundle.class, response.body())
                .getEntryFirstRep().getResource();
    }

    private String create(Map<String, Object> request) {
        ApiClient.Response created = api.post("/api/supplies-authorizations", SPECIALIST, request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String path(String id) {
        return "/api/supplies-authorizations/" + id;
    }
}
