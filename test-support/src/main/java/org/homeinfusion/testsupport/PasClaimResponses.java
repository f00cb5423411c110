package org.homeinfusion.testsupport;

import java.util.Map;

/**
 * A payer's Da Vinci PAS answer, written as the guide's examples write it (the review action on
 * {@code item.adjudication}), for tests that post it to a pillar's decision endpoint.
 */
public final class PasClaimResponses {

    /** The header that makes a decision endpoint read the body as FHIR. */
    public static final Map<String, String> FHIR_JSON = Map.of("Content-Type", "application/fhir+json");

    private static final String TEMPLATE = """
            {"resourceType": "ClaimResponse",
             "status": "active",
             "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional"}]},
             "use": "preauthorization",
             "patient": {"reference": "Patient/subscriber"},
             "created": "2026-11-25T10:00:00-05:00",
             "insurer": {"reference": "Organization/payer"},
             "request": {"reference": "Claim/%s"},
             "outcome": "complete",%s
             "item": [{"itemSequence": 1,
               "adjudication": [{
                 "category": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/adjudication", "code": "submitted"}]},
                 "extension": [{"url": "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction",
                   "extension": [{"url": "code", "valueCodeableConcept": {"coding": [
                     {"system": "https://codesystem.x12.org/005010/306", "code": "%s"}]}}]}]}]}]}
            """;

    private PasClaimResponses() {
    }

    /** A decision without number or period: a pend (A4, CT) or a denial (A3). */
    public static String answering(String claimId, String reviewActionCode) {
        return TEMPLATE.formatted(claimId, "", reviewActionCode);
    }

    /** An approval (A1, A2, A6) with its authorization number and period. */
    public static String approving(String claimId, String reviewActionCode, String preAuthRef, String from, String to) {
        String approval = """

                 "preAuthRef": "%s",
                 "preAuthPeriod": {"start": "%s", "end": "%s"},""".formatted(preAuthRef, from, to);
        return TEMPLATE.formatted(claimId, approval, reviewActionCode);
    }
}
