package org.homeinfusion.pas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;

import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.homeinfusion.support.decision.ApprovedQuantity;
import org.homeinfusion.support.decision.DecisionOutcome;
import org.homeinfusion.support.decision.DecisionRequest;
import org.homeinfusion.support.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

class PasDecisionReaderUnitTests {

    private static final String GUIDE_CLAIM = "ReferralAuthorizationExample";
    private static final LocalDate FROM = LocalDate.of(2026, 12, 1);
    private static final LocalDate TO = LocalDate.of(2027, 5, 31);

    private final PasDecisionReader reader = new PasDecisionReader();
    private final ClaimFacts drug = ClaimFactsExamples.drug();
    private final String drugClaim = ClaimFactsExamples.DRUG_ID.toString();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"A1, APPROVED", "A2, PARTIALLY_APPROVED", "A6, PARTIALLY_APPROVED", "A3, DENIED", "A4, PENDED",
            "CT, PENDED"})
    void mapsEveryReviewActionCodeOfTheTable(String code, DecisionOutcome outcome) {
        DecisionRequest decision = read(ClaimResponses.approval(drugClaim, code, "12345", FROM, TO));

        assertThat(decision.outcome()).isEqualTo(outcome);
    }

    @Test
    void anApprovalCarriesNumberPeriodAndTheAuthorizedQuantity() {
        ClaimResponse response = ClaimResponses.withAuthorizedQuantity(
                ClaimResponses.approval(drugClaim, "A2", "12345", FROM, TO.minusMonths(1)), 40);

        DecisionRequest decision = read(response);

        assertThat(decision).isEqualTo(new DecisionRequest(DecisionOutcome.PARTIALLY_APPROVED, "12345", FROM,
                TO.minusMonths(1), 40, null, "X12 306 review action A2"));
    }

    @Test
    void anApprovalWithoutAQuantityGrantsTheRequestedOne() {
        DecisionRequest decision = read(ClaimResponses.approval(drugClaim, "A1", "12345", FROM, TO));

        assertThat(decision.approvedUnits()).isEqualTo(56);
    }

    @Test
    void nursingQuantitiesAreVisitsAndSuppliesHaveNone() {
        ClaimFacts nursing = ClaimFactsExamples.nursing();
        String nursingResponse = ClaimResponses.json(ClaimResponses.withAuthorizedQuantity(
                ClaimResponses.approval(nursing.authorizationId().toString(), "A1", "777", FROM, TO), 6));
        ClaimFacts supplies = ClaimFactsExamples.supplies();
        String suppliesResponse = ClaimResponses.json(
                ClaimResponses.approval(supplies.authorizationId().toString(), "A1", "778", FROM, TO));

        DecisionRequest visits = reader.read(nursingResponse, nursing.authorizationId().toString(), nursing,
                ApprovedQuantity.VISITS);
        DecisionRequest items = reader.read(suppliesResponse, supplies.authorizationId().toString(), supplies,
                ApprovedQuantity.NONE);

        assertThat(visits.approvedVisits()).isEqualTo(6);
        assertThat(visits.approvedUnits()).isNull();
        assertThat(items.approvedUnits()).isNull();
        assertThat(items.approvedVisits()).isNull();
    }

    @Test
    void thePeriodMayComeFromTheItemAndTheNumberFromTheReviewAction() throws IOException {
        DecisionRequest decision = guideExample("ClaimResponse-PractitionerRequestorResponseExample.json");

        assertThat(decision.authorizationNumber()).isEqualTo("AUTH0001");
        assertThat(decision.validFrom()).isEqualTo(LocalDate.of(2005, 5, 2));
        assertThat(decision.validTo()).isEqualTo(LocalDate.of(2005, 6, 2));
    }

    @Test
    void acceptsTheGuidesApprovalExample() throws IOException {
        assertThat(guideExample("ClaimResponse-PractitionerRequestorResponseExample.json")).isEqualTo(
                new DecisionRequest(DecisionOutcome.APPROVED, "AUTH0001", LocalDate.of(2005, 5, 2),
                        LocalDate.of(2005, 6, 2), 1, null, "X12 306 review action A1"));
    }

    @Test
    void acceptsTheGuidesResponseBundleExample() throws IOException {
        DecisionRequest decision = guideExample("Bundle-ReferralAuthorizationResponseBundleExample.json");

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.APPROVED);
        assertThat(decision.authorizationNumber()).isEqualTo("AUTH0001");
    }

    @Test
    void acceptsTheGuidesPendedExample() throws IOException {
        DecisionRequest decision = guideExample("ClaimResponse-PractitionerRequestorPendingResponseExample.json");

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.PENDED);
        assertThat(decision.authorizationNumber()).isNull();
        assertThat(decision.approvedUnits()).isNull();
    }

    @Test
    void acceptsTheGuidesRejectionExample() throws IOException {
        DecisionRequest decision = guideExample("ClaimResponse-RejectionResponseExample.json");

        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.DENIED);
    }

    @Test
    void refusesTheGuidesErrorExampleNamingTheErrors() {
        assertRefused(() -> guideExample("ClaimResponse-ErrorResponseExample.json"), HttpStatus.UNPROCESSABLE_CONTENT,
                "ClaimResponse.error", "PAYER_REPORTED_ERRORS");
    }

    @Test
    void readsTheEarlierReleasesBareReviewActionCodeOnTheItem() {
        ClaimResponse response = ClaimResponses.answering(drugClaim, "A3");
        response.getItemFirstRep().getAdjudication().clear();
        response.getItemFirstRep().addExtension(PasFhir.PAS_EXTENSION_BASE + PasFhir.REVIEW_ACTION_CODE,
                new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding(ReviewAction.SYSTEM, "A3", null)));

        assertThat(read(response).outcome()).isEqualTo(DecisionOutcome.DENIED);
    }

    @Test
    void matchesTheClaimByIdentifierToo() {
        ClaimResponse response = ClaimResponses.answering(drugClaim, "A4");
        response.setRequest(new Reference().setIdentifier(new Identifier().setSystem(PasFhir.AUTHORIZATION_SYSTEM)
                .setValue(drugClaim)));

        assertThat(read(response).outcome()).isEqualTo(DecisionOutcome.PENDED);
    }

    @Test
    void refusesAResponseToAnotherClaim() {
        ClaimResponse response = ClaimResponses.approval("3d0c8f1e-0000-4000-8000-00000000beef", "A1", "12345", FROM, TO);

        assertRefused(() -> read(response), HttpStatus.UNPROCESSABLE_CONTENT, "ClaimResponse.request",
                "ANSWERS_ANOTHER_CLAIM");
    }

    @Test
    void refusesAResponseInABundleToAnotherClaimNamingItsPathInTheBundle() {
        String bundle = ClaimResponses.json(ClaimResponses.inBundle(ClaimResponses.answering("other", "A1")));

        assertRefused(() -> reader.read(bundle, drugClaim, drug, ApprovedQuantity.UNITS),
                HttpStatus.UNPROCESSABLE_CONTENT, "Bundle.entry[0].resource.request", "ANSWERS_ANOTHER_CLAIM");
    }

    @Test
    void refusesAResponseThePayerWithdrew() {
        ClaimResponse response = ClaimResponses.approval(drugClaim, "A1", "12345", FROM, TO);
        response.setStatus(ClaimResponse.ClaimResponseStatus.ENTEREDINERROR);

        assertRefused(() -> read(response), HttpStatus.UNPROCESSABLE_CONTENT, "ClaimResponse.status",
                "RESPONSE_WITHDRAWN");
    }

    @Test
    void refusesACodeOutsideTheTableNamingWhereItIs() {
        ClaimResponse response = ClaimResponses.approval(drugClaim, "A5", "12345", FROM, TO);

        assertRefused(() -> read(response), HttpStatus.UNPROCESSABLE_CONTENT,
                "ClaimResponse.item[0].adjudication[0].extension:reviewAction.extension:code",
                "UNKNOWN_REVIEW_ACTION_CODE");
    }

    @Test
    void refusesAnApprovalWithoutANumber() {
        ClaimResponse response = ClaimResponses.answering(drugClaim, "A1");

        assertRefused(() -> read(response), HttpStatus.UNPROCESSABLE_CONTENT, "ClaimResponse.preAuthRef",
                "AUTHORIZATION_NUMBER_MISSING");
    }

    @Test
    void refusesAReversedPeriodNamingItsEnd() {
        ClaimResponse response = ClaimResponses.approval(drugClaim, "A1", "12345", TO, FROM);

        assertRefused(() -> read(response), HttpStatus.UNPROCESSABLE_CONTENT, "ClaimResponse.preAuthPeriod.end",
                "WINDOW_REVERSED");
    }

    @Test
    void refusesANumberOutsideTheIdRulesNamingPreAuthRef() {
        ClaimResponse response = ClaimResponses.approval(drugClaim, "A1", "12 345/x", FROM, TO);

        assertRefused(() -> read(response), HttpStatus.BAD_REQUEST, "ClaimResponse.preAuthRef", "INVALID");
    }

    @Test
    void refusesMalformedJson() {
        assertRefused(() -> reader.read("{\"resourceType\": \"ClaimResponse\", ", drugClaim, drug,
                ApprovedQuantity.UNITS), HttpStatus.BAD_REQUEST, null, "MALFORMED_FHIR");
    }

    @Test
    void refusesJsonThatIsNotFhir() {
        assertRefused(() -> reader.read("{\"outcome\": \"APPROVED\", \"authorizationNumber\": \"12345\"}", drugClaim,
                drug, ApprovedQuantity.UNITS), HttpStatus.BAD_REQUEST, "resourceType", "MALFORMED_FHIR");
    }

    @Test
    void refusesAnInvalidValueNamingItsElement() {
        String json = ClaimResponses.json(ClaimResponses.answering(drugClaim, "A4"))
                .replace("\"use\":\"preauthorization\"", "\"use\":\"wish\"");

        assertRefused(() -> reader.read(json, drugClaim, drug, ApprovedQuantity.UNITS), HttpStatus.BAD_REQUEST,
                "use", "MALFORMED_FHIR");
    }

    @Test
    void refusesAnotherResourceType() {
        assertRefused(() -> reader.read("{\"resourceType\": \"Patient\"}", drugClaim, drug, ApprovedQuantity.UNITS),
                HttpStatus.UNPROCESSABLE_CONTENT, "resourceType", "NOT_A_CLAIM_RESPONSE");
    }

    @Test
    void refusesAResponseWithoutReviewAction() {
        ClaimResponse response = ClaimResponses.answering(drugClaim, "A1");
        response.getItemFirstRep().getAdjudication().clear();

        assertRefused(() -> read(response), HttpStatus.UNPROCESSABLE_CONTENT, "ClaimResponse.item",
                "REVIEW_ACTION_MISSING");
    }

    @Test
    void mixedItemsAreAPartialApprovalUnlessOneIsStillPended() {
        ClaimFacts supplies = ClaimFactsExamples.supplies();
        String id = supplies.authorizationId().toString();
        ClaimResponse mixed = ClaimResponses.approval(id, "A1", "555", FROM, TO);
        mixed.addItem(ClaimResponses.answering(id, "A3").getItemFirstRep().setItemSequence(2));
        ClaimResponse pending = ClaimResponses.approval(id, "A1", "555", FROM, TO);
        pending.addItem(ClaimResponses.answering(id, "A4").getItemFirstRep().setItemSequence(2));

        assertThat(reader.read(ClaimResponses.json(mixed), id, supplies, ApprovedQuantity.NONE).outcome())
                .isEqualTo(DecisionOutcome.PARTIALLY_APPROVED);
        assertThat(reader.read(ClaimResponses.json(pending), id, supplies, ApprovedQuantity.NONE).outcome())
                .isEqualTo(DecisionOutcome.PENDED);
    }

    private DecisionRequest read(ClaimResponse response) {
        return reader.read(ClaimResponses.json(response), drugClaim, drug, ApprovedQuantity.UNITS);
    }

    private DecisionRequest guideExample(String file) throws IOException {
        String json = PasClaimWriterUnitTests.resource("davinci-pas-examples/" + file);
        return reader.read(json, GUIDE_CLAIM, drug, ApprovedQuantity.UNITS);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, HttpStatus status,
            String field, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).as(problem.getMessage()).isEqualTo(status);
            assertThat(problem.violations()).as(problem.getMessage()).singleElement().satisfies(violation -> {
                assertThat(violation.field()).isEqualTo(field);
                assertThat(violation.code()).isEqualTo(code);
            });
        });
    }
}
