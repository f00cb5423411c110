package org.homeinfusion.pas;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * HAPI's validation against the base R4 specification, in the two parts this build can run: the R4
 * schema (structure, data types, cardinalities, required code lists) through HAPI's {@code FhirValidator},
 * and every error-level invariant of the base StructureDefinitions ({@code org-1}, {@code bdl-7},
 * {@code ele-1} …) evaluated with HAPI's FHIRPath engine. HAPI's profile validator
 * ({@code hapi-fhir-validation}) is not served here; these two together cover what it checks of the base
 * specification except terminology bindings to external code systems.
 */
final class BaseR4Validator {

    private static final FhirValidator SCHEMA = schema();
    private static final DefaultProfileValidationSupport DEFINITIONS =
            new DefaultProfileValidationSupport(PasFhir.context());
    private static final FHIRPathEngine FHIR_PATH =
            new FHIRPathEngine(new HapiWorkerContext(PasFhir.context(), DEFINITIONS));

    private BaseR4Validator() {
    }

    private static FhirValidator schema() {
        FhirValidator validator = PasFhir.context().newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        return validator;
    }

    /** Every error of the schema and of the base invariants; empty when the resource is valid. */
    static List<String> errors(String json) {
        ValidationResult result = SCHEMA.validateWithResult(json);
        List<String> errors = new ArrayList<>(result.getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(SingleValidationMessage::toString)
                .toList());
        Resource resource;
        try {
            resource = (Resource) PasFhir.context().newJsonParser().parseResource(json);
        } catch (DataFormatException unreadable) {
            errors.add(unreadable.getMessage());
            return errors;
        }
        errors.addAll(invariantErrors(resource));
        if (resource instanceof Bundle bundle) {
            bundle.getEntry().forEach(entry -> errors.addAll(invariantErrors(entry.getResource())));
        }
        return errors;
    }

    /** The base invariants of error severity that the resource breaks, each as "key at path: human text". */
    static List<String> invariantErrors(Resource resource) {
        StructureDefinition definition = (StructureDefinition) DEFINITIONS.fetchStructureDefinition(
                "http://hl7.org/fhir/StructureDefinition/" + resource.fhirType());
        List<String> errors = new ArrayList<>();
        for (ElementDefinition element : definition.getSnapshot().getElement()) {
            // Choice elements (value[x]) are not FHIRPath; their invariants are the shared ele-1 only.
            if (element.getPath().contains("[x]")) {
                continue;
            }
            // HAPI's model creates empty elements on access (an empty meta); they never reach the wire.
            List<Base> nodes = FHIR_PATH.evaluate(resource, element.getPath()).stream().filter(node -> !node.isEmpty())
                    .toList();
            for (ElementDefinition.ElementDefinitionConstraintComponent constraint : element.getConstraint()) {
                if (constraint.getSeverity() != ElementDefinition.ConstraintSeverity.ERROR || !constraint.hasExpression()) {
                    continue;
                }
                for (Base node : nodes) {
                    if (!FHIR_PATH.evaluateToBoolean(resource, resource, resource, node,
                            FHIR_PATH.parse(expression(constraint, node)))) {
                        errors.add(constraint.getKey() + " at " + element.getPath() + ": " + constraint.getHuman());
                    }
                }
            }
        }
        return errors;
    }

    /**
     * ele-1 ("hasValue() or (children().count() > id.count())") on a complex node: {@code hasValue()} is
     * false there by definition, and HAPI's engine fails on it for a Quantity without a system, so only
     * the second half is evaluated.
     */
    private static String expression(ElementDefinition.ElementDefinitionConstraintComponent constraint, Base node) {
        if ("ele-1".equals(constraint.getKey()) && !node.isPrimitive()) {
            return "children().count() > id.count()";
        }
        return constraint.getExpression();
    }
}
