package org.homeinfusion.pas;

import ca.uhn.fhir.context.FhirContext;

/**
 * The FHIR R4 context and the names the PAS mapping is built on. A {@code FhirContext} scans the whole
 * R4 model when it is created (seconds, megabytes), so the process keeps exactly one.
 */
public final class PasFhir {

    /** The media type of FHIR's JSON format, on requests and responses alike. */
    public static final String MEDIA_TYPE = "application/fhir+json";

    /** Our claim's identifier system: its value is the authorization id, so a payer's answer can be matched back. */
    public static final String AUTHORIZATION_SYSTEM = "urn:homeinfusion:authorization";
    static final String PATIENT_REF_SYSTEM = "urn:homeinfusion:patient-ref";
    static final String ORGANIZATION_SYSTEM = "urn:homeinfusion:organization";
    static final String CASE_SYSTEM = "urn:homeinfusion:case";
    static final String VISIT_FREQUENCY_SYSTEM = "urn:homeinfusion:visit-frequency";

    static final String PAS_EXTENSION_BASE = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
    static final String REVIEW_ACTION = "extension-reviewAction";
    static final String REVIEW_ACTION_CODE = "extension-reviewActionCode";
    static final String ITEM_PRE_AUTH_PERIOD = "extension-itemPreAuthPeriod";
    static final String ITEM_AUTHORIZED_DETAIL = "extension-itemAuthorizedDetail";

    static final String HCPCS_SYSTEM = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    static final String CPT_SYSTEM = "http://www.ama-assn.org/go/cpt";
    static final String NDC_SYSTEM = "http://hl7.org/fhir/sid/ndc";
    static final String PLACE_OF_SERVICE_SYSTEM =
            "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";

    private static final FhirContext CONTEXT = FhirContext.forR4();

    private PasFhir() {
    }

    public static FhirContext context() {
        return CONTEXT;
    }
}
