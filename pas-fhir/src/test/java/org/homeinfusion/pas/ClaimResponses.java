package org.homeinfusion.pas;

import java.time.LocalDate;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/** A payer's PAS answer to one of our claims, written the way the current guide writes it. */
final class ClaimResponses {

    private ClaimResponses() {
    }

    static ClaimResponse answering(String claimId, String reviewActionCode) {
        ClaimResponse response = new ClaimResponse();
        response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
        response.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claim-type",
                "professional", null)));
        response.setUse(ClaimResponse.Use.PREAUTHORIZATION);
        response.setPatient(new Reference("Patient/any"));
        response.setCreatedElement(new DateTimeType("2026-11-25T10:00:00-05:00"));
        response.setInsurer(new Reference("Organization/payer"));
        response.setRequest(new Reference("Claim/" + claimId));
        response.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE);
        ClaimResponse.AdjudicationComponent adjudication = response.addItem().setItemSequence(1).addAdjudication();
        adjudication.setCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/adjudication",
                "submitted", null)));
        Extension reviewAction = adjudication.addExtension().setUrl(PasFhir.PAS_EXTENSION_BASE + PasFhir.REVIEW_ACTION);
        reviewAction.addExtension("code", new CodeableConcept(new Coding(ReviewAction.SYSTEM, reviewActionCode, null)));
        return response;
    }

    static ClaimResponse approval(String claimId, String code, String number, LocalDate from, LocalDate to) {
        ClaimResponse response = answering(claimId, code);
        response.setPreAuthRef(number);
        Period period = new Period();
        period.setStartElement(new DateTimeType(from.toString()));
        period.setEndElement(new DateTimeType(to.toString()));
        response.setPreAuthPeriod(period);
        return response;
    }

    static ClaimResponse withAuthorizedQuantity(ClaimResponse response, int quantity) {
        Extension detail = response.getItemFirstRep().addExtension()
                .setUrl(PasFhir.PAS_EXTENSION_BASE + PasFhir.ITEM_AUTHORIZED_DETAIL);
        detail.addExtension("quantity", new Quantity(quantity));
        return response;
    }

    static ClaimResponse withNumberInReviewAction(ClaimResponse response, String number) {
        response.getItemFirstRep().getAdjudicationFirstRep().getExtensionFirstRep()
                .addExtension("number", new StringType(number));
        return response;
    }

    static Bundle inBundle(ClaimResponse response) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl("urn:uuid:0f6e8a2c-0000-4000-8000-000000000001").setResource(response);
        return bundle;
    }

    static String json(org.hl7.fhir.r4.model.Resource resource) {
        return PasFhir.context().newJsonParser().encodeResourceToString(resource);
    }
}
