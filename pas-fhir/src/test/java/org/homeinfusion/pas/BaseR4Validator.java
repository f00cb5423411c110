package org.homeinfusion.pas;

import java.util.List;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;

/**
 * HAPI's validator against the base R4 specification's schema (structure, types, cardinalities and the
 * required code lists). HAPI's profile validator ({@code hapi-fhir-validation}) is not served here, so the
 * schema is the specification check the tests can run.
 */
final class BaseR4Validator {

    private static final FhirValidator VALIDATOR = create();

    private BaseR4Validator() {
    }

    private static FhirValidator create() {
        FhirValidator validator = PasFhir.context().newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        return validator;
    }

    /** Every message of severity error or fatal; empty when the resource is valid. */
    static List<String> errors(String json) {
        ValidationResult result = VALIDATOR.validateWithResult(json);
        return result.getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(SingleValidationMessage::toString)
                .toList();
    }
}
