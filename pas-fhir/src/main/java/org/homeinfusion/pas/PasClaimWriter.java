package org.homeinfusion.pas;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;
import java.util.UUID;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.StringType;

/**
 * Writes an authorization's claim facts as a PAS request Bundle ready for {@code Claim/$submit}: the
 * {@code Claim} first, then every resource it references, so a payer needs nothing outside the bundle.
 * Every id is derived from the authorization id, so the same authorization always yields the same bundle
 * and a payer's {@code ClaimResponse.request} can point back at it.
 */
public final class PasClaimWriter {

    private static final String CLAIM_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/claim-type";
    private static final String PRIORITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/processpriority";
    private static final String CARE_TEAM_ROLE_SYSTEM = "http://terminology.hl7.org/CodeSystem/claimcareteamrole";
    private static final String INFORMATION_CATEGORY_SYSTEM =
            "http://terminology.hl7.org/CodeSystem/claiminformationcategory";
    private static final String COVERAGE_CLASS_SYSTEM = "http://terminology.hl7.org/CodeSystem/coverage-class";
    private static final String ORGANIZATION_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/organization-type";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final int FIRST_SEQUENCE = 1;
    // A CPT code is five digits; HCPCS Level II codes start with a letter.
    private static final String CPT_PATTERN = "\\d{5}";

    public String write(ClaimFacts facts) {
        return PasFhir.context().newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle(facts));
    }

    public byte[] writeBytes(ClaimFacts facts) {
        return write(facts).getBytes(StandardCharsets.UTF_8);
    }

    Bundle bundle(ClaimFacts facts) {
        Patient patient = new Patient();
        patient.setId(idFor(facts, "patient"));
        patient.addIdentifier(identifier(PasFhir.PATIENT_REF_SYSTEM, facts.patientRef()));

        Organization payer = organization(facts, "payer", facts.payerId(), "pay", "Payer");
        Organization specialist = organization(facts, "specialist", facts.specialistOrgId(), "prov",
                "Healthcare Provider");
        Organization servicing = organization(facts, "servicing", facts.servicingOrgId(), "prov",
                "Healthcare Provider");

        Coverage coverage = new Coverage();
        coverage.setId(idFor(facts, "coverage"));
        coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
        coverage.setBeneficiary(reference(patient));
        coverage.addPayor(reference(payer));
        coverage.addClass_().setType(concept(COVERAGE_CLASS_SYSTEM, "plan", "Plan")).setValue(facts.plan());

        Claim claim = claim(facts, patient, payer, specialist, servicing, coverage);

        Bundle bundle = new Bundle();
        bundle.setId(idFor(facts, "bundle"));
        bundle.setIdentifier(identifier(PasFhir.AUTHORIZATION_SYSTEM, facts.authorizationId().toString()));
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestampElement(instant(facts));
        for (Resource resource : new Resource[] {claim, patient, payer, specialist, servicing, coverage}) {
            bundle.addEntry().setFullUrl(fullUrl(resource)).setResource(resource);
        }
        return bundle;
    }

    private Claim claim(ClaimFacts facts, Patient patient, Organization payer, Organization specialist,
            Organization servicing, Coverage coverage) {
        Claim claim = new Claim();
        // The claim's id is the authorization id itself: the one value both sides can quote back.
        claim.setId(facts.authorizationId().toString());
        claim.addIdentifier(identifier(PasFhir.AUTHORIZATION_SYSTEM, facts.authorizationId().toString()));
        claim.setStatus(Claim.ClaimStatus.ACTIVE);
        claim.setType(concept(CLAIM_TYPE_SYSTEM, "professional", "Professional"));
        claim.setUse(Claim.Use.PREAUTHORIZATION);
        claim.setPatient(reference(patient));
        claim.setBillablePeriod(period(facts.requestedFrom(), facts.requestedTo()));
        claim.setCreatedElement(new DateTimeType(Date.from(facts.requestedAt()), TemporalPrecisionEnum.SECOND, UTC));
        claim.setInsurer(reference(payer));
        claim.setProvider(reference(specialist));
        claim.setPriority(concept(PRIORITY_SYSTEM, "normal", "Normal"));
        claim.addCareTeam().setSequence(FIRST_SEQUENCE).setProvider(reference(servicing))
                .setRole(concept(CARE_TEAM_ROLE_SYSTEM, "primary", "Primary provider"))
                .setQualification(new CodeableConcept().setText(facts.servicing().label()));
        claim.addInsurance().setSequence(FIRST_SEQUENCE).setFocal(true).setCoverage(reference(coverage));
        claim.addSupportingInfo().setSequence(FIRST_SEQUENCE)
                .setCategory(concept(INFORMATION_CATEGORY_SYSTEM, "info", "Information"))
                .setCode(concept(PasFhir.CASE_SYSTEM, facts.caseId(), null))
                .setValue(new StringType("case " + facts.caseId()));

        int sequence = FIRST_SEQUENCE;
        int informationSequence = FIRST_SEQUENCE + 1;
        for (ClaimFacts.Line line : facts.lines()) {
            Claim.ItemComponent item = claim.addItem().setSequence(sequence++);
            item.addCareTeamSequence(FIRST_SEQUENCE);
            item.addInformationSequence(FIRST_SEQUENCE);
            item.setProductOrService(concept(line.code().matches(CPT_PATTERN) ? PasFhir.CPT_SYSTEM
                    : PasFhir.HCPCS_SYSTEM, line.code(), null));
            if (line.quantity() != null) {
                item.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(line.quantity()));
            }
            item.setServiced(period(facts.requestedFrom(), facts.requestedTo()));
            if (facts.placeOfService() != null) {
                item.setLocation(concept(PasFhir.PLACE_OF_SERVICE_SYSTEM, facts.placeOfService(), null));
            }
            if (line.ndc() != null) {
                Claim.DetailComponent detail = item.addDetail().setSequence(FIRST_SEQUENCE)
                        .setProductOrService(concept(PasFhir.NDC_SYSTEM, line.ndc(), null));
                if (line.quantity() != null) {
                    detail.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(line.quantity()));
                }
            }
            if (line.frequency() != null) {
                claim.addSupportingInfo().setSequence(informationSequence)
                        .setCategory(concept(INFORMATION_CATEGORY_SYSTEM, "info", "Information"))
                        .setCode(concept(PasFhir.VISIT_FREQUENCY_SYSTEM, line.frequency(), null))
                        .setValue(new StringType("visit frequency " + line.frequency()));
                item.addInformationSequence(informationSequence++);
            }
        }
        return claim;
    }

    private Organization organization(ClaimFacts facts, String role, String orgId, String typeCode, String typeDisplay) {
        Organization organization = new Organization();
        organization.setId(idFor(facts, role));
        organization.addIdentifier(identifier(PasFhir.ORGANIZATION_SYSTEM, orgId));
        organization.addType(concept(ORGANIZATION_TYPE_SYSTEM, typeCode, typeDisplay));
        return organization;
    }

    private static String idFor(ClaimFacts facts, String role) {
        return UUID.nameUUIDFromBytes((facts.authorizationId() + "/" + role).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String fullUrl(Resource resource) {
        return "urn:uuid:" + resource.getIdElement().getIdPart();
    }

    private static Reference reference(Resource resource) {
        return new Reference(fullUrl(resource));
    }

    private static Identifier identifier(String system, String value) {
        return new Identifier().setSystem(system).setValue(value);
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }

    /** The requested window; either end may be open (supplies need not name one), and then it is left out. */
    private static Period period(LocalDate from, LocalDate to) {
        Period period = new Period();
        if (from != null) {
            period.setStartElement(new DateTimeType(from.toString()));
        }
        if (to != null) {
            period.setEndElement(new DateTimeType(to.toString()));
        }
        return period.isEmpty() ? null : period;
    }

    private static InstantType instant(ClaimFacts facts) {
        InstantType instant = new InstantType(Date.from(facts.requestedAt()));
        instant.setTimeZoneZulu(true);
        return instant;
    }
}
