package org.homeinfusion.pas;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.homeinfusion.support.decision.ApprovedQuantity;
import org.homeinfusion.support.decision.DecisionOutcome;
import org.homeinfusion.support.decision.DecisionRequest;
import org.homeinfusion.support.problem.ApiProblem;
import org.homeinfusion.support.problem.Violation;
import org.springframework.http.HttpStatus;

/**
 * Reads a payer's PAS response (a response Bundle or a bare {@code ClaimResponse}) as the decision it
 * means for one authorization. It accepts what the guide's releases and published examples write: the
 * review action on {@code item.adjudication} (current) or on {@code item} (earlier), as the complex
 * {@code extension-reviewAction} or the bare {@code extension-reviewActionCode}. Anything it cannot read
 * is refused with the FHIR path at fault, before the authorization is touched.
 */
public final class PasDecisionReader {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final String CLAIM_RESOURCE_PREFIX = "Claim/";
    private static final String URN_UUID_PREFIX = "urn:uuid:";
    private static final String REVIEW_CODE_PART = "code";
    private static final String REVIEW_NUMBER_PART = "number";
    private static final String AUTHORIZED_QUANTITY_PART = "quantity";

    /** The FHIR path each decision field was read from, so a refusal of that field names it. */
    private record Sourced(PasDecision decision, Map<String, String> paths) {
    }

    /** One review action found in the response, where it was found, and its authorization number if any. */
    private record Found(ReviewAction action, String path, String number, String numberPath) {
    }

    public DecisionRequest read(byte[] body, ClaimFacts claim, ApprovedQuantity target) {
        return read(new String(body, StandardCharsets.UTF_8), claim.authorizationId().toString(), claim, target);
    }

    /**
     * @param claimId the id of the claim the response must answer: our authorization id, or in tests the
     *                guide's own example claim
     */
    public DecisionRequest read(String body, String claimId, ClaimFacts claim, ApprovedQuantity target) {
        Located located = claimResponse(parse(body));
        Sourced sourced = decision(located.response(), located.path(), claimId, claim);
        DecisionRequest request = sourced.decision().toDecisionRequest(target);
        refuseInvalidFields(request, sourced.paths());
        return request;
    }

    private record Located(ClaimResponse response, String path) {
    }

    private static IBaseResource parse(String body) {
        if (body == null || body.isBlank()) {
            throw invalid(null, "MALFORMED_FHIR", "The body is empty; expected a PAS response Bundle or a ClaimResponse");
        }
        RecordingErrorHandler errors = new RecordingErrorHandler();
        IParser parser = PasFhir.context().newJsonParser().setParserErrorHandler(errors);
        try {
            return parser.parseResource(body);
        } catch (DataFormatException exception) {
            String path = errors.path().orElse(body.contains("\"resourceType\"") ? null : "resourceType");
            String message = path == null ? "The body is not FHIR JSON: " + firstLine(exception.getMessage())
                    : "'" + path + "' is not valid FHIR: " + firstLine(exception.getMessage());
            throw invalid(path, "MALFORMED_FHIR", message);
        }
    }

    private static Located claimResponse(IBaseResource resource) {
        if (resource instanceof ClaimResponse response) {
            return new Located(response, "ClaimResponse");
        }
        if (resource instanceof Bundle bundle) {
            List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
            for (int index = 0; index < entries.size(); index++) {
                if (entries.get(index).getResource() instanceof ClaimResponse response) {
                    return new Located(response, "Bundle.entry[" + index + "].resource");
                }
            }
            throw rule("Bundle.entry", "CLAIM_RESPONSE_MISSING", "The Bundle holds no ClaimResponse");
        }
        throw rule("resourceType", "NOT_A_CLAIM_RESPONSE", "Expected a PAS response Bundle or a ClaimResponse, got "
                + resource.fhirType());
    }

    private static Sourced decision(ClaimResponse response, String root, String claimId, ClaimFacts claim) {
        requireAnswers(response, root, claimId);
        if (response.getStatus() == ClaimResponse.ClaimResponseStatus.CANCELLED
                || response.getStatus() == ClaimResponse.ClaimResponseStatus.ENTEREDINERROR) {
            throw rule(root + ".status", "RESPONSE_WITHDRAWN", "The payer withdrew this response (status "
                    + response.getStatus().toCode() + ")");
        }
        if (response.hasUse() && response.getUse() != ClaimResponse.Use.PREAUTHORIZATION) {
            throw rule(root + ".use", "NOT_A_PREAUTHORIZATION", "The response's use is "
                    + response.getUse().toCode() + ", not preauthorization");
        }
        if (response.getOutcome() == ClaimResponse.RemittanceOutcome.ERROR) {
            String codes = response.getError().stream().map(error -> firstCode(error.getCode()))
                    .collect(Collectors.joining(", "));
            throw rule(root + ".error", "PAYER_REPORTED_ERRORS",
                    "The payer could not process the request (X12 901 errors: " + codes + ")");
        }
        List<Found> found = reviewActions(response, root);
        if (found.isEmpty()) {
            throw rule(root + ".item", "REVIEW_ACTION_MISSING",
                    "No item carries a review action (extension-reviewAction on item.adjudication)");
        }
        DecisionOutcome outcome = combined(found);
        Map<String, String> paths = new LinkedHashMap<>();
        String number = null;
        if (response.hasPreAuthRef()) {
            number = response.getPreAuthRef();
            paths.put("authorizationNumber", root + ".preAuthRef");
        } else {
            for (Found each : found) {
                if (each.number() != null) {
                    number = each.number();
                    paths.put("authorizationNumber", each.numberPath());
                    break;
                }
            }
        }
        if (outcome.approves() && number == null) {
            throw rule(root + ".preAuthRef", "AUTHORIZATION_NUMBER_MISSING",
                    "An approval needs the authorization number (preAuthRef or the review action's number)");
        }
        LocalDate validFrom = null;
        LocalDate validTo = null;
        Integer quantity = null;
        if (outcome.approves()) {
            Optional<PeriodAt> period = period(response, root);
            if (period.isPresent()) {
                validFrom = localDate(period.get().period().getStartElement(), period.get().path() + ".start");
                validTo = localDate(period.get().period().getEndElement(), period.get().path() + ".end");
                paths.put("validFrom", period.get().path() + ".start");
                paths.put("validTo", period.get().path() + ".end");
            } else if (claim.requestedFrom() != null && claim.requestedTo() != null) {
                // A payer that approves without stating a period approves the period asked for.
                validFrom = claim.requestedFrom();
                validTo = claim.requestedTo();
            } else {
                throw rule(root + ".preAuthPeriod", "AUTHORIZATION_PERIOD_MISSING",
                        "An approval of a request without a window needs the authorized period");
            }
            quantity = authorizedQuantity(response, root, paths).orElse(claim.requestedQuantity());
        }
        String reason = response.hasDisposition() ? response.getDisposition()
                : "X12 306 review action " + found.stream().map(f -> f.action().name()).distinct()
                        .collect(Collectors.joining(", "));
        paths.put("reason", root + ".disposition");
        return new Sourced(new PasDecision(outcome, number, validFrom, validTo, quantity, reason), paths);
    }

    private static void requireAnswers(ClaimResponse response, String root, String claimId) {
        String path = root + ".request";
        if (!response.hasRequest()) {
            throw rule(path, "REQUEST_MISSING", "The response does not say which claim it answers");
        }
        Reference request = response.getRequest();
        if (request.hasReference()) {
            String reference = request.getReferenceElement().toUnqualifiedVersionless().getValue();
            boolean matches = reference.equals(CLAIM_RESOURCE_PREFIX + claimId)
                    || reference.endsWith("/" + CLAIM_RESOURCE_PREFIX + claimId)
                    || reference.equals(URN_UUID_PREFIX + claimId);
            if (!matches) {
                throw rule(path, "ANSWERS_ANOTHER_CLAIM", "The response answers " + reference + ", not "
                        + CLAIM_RESOURCE_PREFIX + claimId);
            }
            return;
        }
        if (request.hasIdentifier()) {
            boolean matches = PasFhir.AUTHORIZATION_SYSTEM.equals(request.getIdentifier().getSystem())
                    && claimId.equals(request.getIdentifier().getValue());
            if (!matches) {
                throw rule(path + ".identifier", "ANSWERS_ANOTHER_CLAIM", "The response answers the claim "
                        + request.getIdentifier().getSystem() + "|" + request.getIdentifier().getValue() + ", not "
                        + PasFhir.AUTHORIZATION_SYSTEM + "|" + claimId);
            }
            return;
        }
        throw rule(path, "REQUEST_MISSING", "The response does not say which claim it answers");
    }

    private static List<Found> reviewActions(ClaimResponse response, String root) {
        List<Found> found = new ArrayList<>();
        List<ClaimResponse.ItemComponent> items = response.getItem();
        for (int i = 0; i < items.size(); i++) {
            ClaimResponse.ItemComponent item = items.get(i);
            String itemPath = root + ".item[" + i + "]";
            collect(item.getAdjudication(), itemPath, found);
            reviewAction(item.getExtension(), itemPath).ifPresent(found::add);
        }
        List<ClaimResponse.AddedItemComponent> added = response.getAddItem();
        for (int i = 0; i < added.size(); i++) {
            collect(added.get(i).getAdjudication(), root + ".addItem[" + i + "]", found);
        }
        return found;
    }

    private static void collect(List<ClaimResponse.AdjudicationComponent> adjudications, String itemPath,
            List<Found> found) {
        for (int j = 0; j < adjudications.size(); j++) {
            reviewAction(adjudications.get(j).getExtension(), itemPath + ".adjudication[" + j + "]").ifPresent(found::add);
        }
    }

    private static Optional<Found> reviewAction(List<Extension> extensions, String path) {
        for (Extension extension : extensions) {
            if (is(extension, PasFhir.REVIEW_ACTION)) {
                String actionPath = path + ".extension:reviewAction";
                Extension code = part(extension, REVIEW_CODE_PART);
                if (code == null) {
                    throw rule(actionPath, "REVIEW_ACTION_CODE_MISSING", "The review action has no code");
                }
                Extension number = part(extension, REVIEW_NUMBER_PART);
                String numberValue = number == null || !number.hasValue() ? null : number.getValue().primitiveValue();
                return Optional.of(new Found(action(code.getValue(), actionPath + ".extension:code"), actionPath,
                        numberValue, actionPath + ".extension:number"));
            }
            if (is(extension, PasFhir.REVIEW_ACTION_CODE)) {
                String codePath = path + ".extension:reviewActionCode";
                return Optional.of(new Found(action(extension.getValue(), codePath), codePath, null, null));
            }
        }
        return Optional.empty();
    }

    private static ReviewAction action(Type value, String path) {
        String code = value instanceof CodeableConcept concept ? concept.getCoding().stream()
                .filter(coding -> !coding.hasSystem() || ReviewAction.SYSTEM.equals(coding.getSystem()))
                .map(Coding::getCode).findFirst().orElse(null)
                : value instanceof Coding coding ? coding.getCode()
                : value == null ? null : value.primitiveValue();
        if (code == null) {
            throw rule(path, "REVIEW_ACTION_CODE_MISSING", "The review action has no X12 306 code");
        }
        return ReviewAction.of(code).orElseThrow(() -> rule(path, "UNKNOWN_REVIEW_ACTION_CODE",
                "Review action code " + code + " is not one this service maps (A1, A2, A3, A4, A6, CT)"));
    }

    /**
     * One answer for the whole request: all certified → approved, none certified → denied, anything still
     * under review → pended, any other mix → partially approved.
     */
    private static DecisionOutcome combined(List<Found> found) {
        Set<DecisionOutcome> outcomes = found.stream().map(f -> f.action().outcome()).collect(Collectors.toSet());
        if (outcomes.size() == 1) {
            return outcomes.iterator().next();
        }
        if (outcomes.contains(DecisionOutcome.PENDED)) {
            return DecisionOutcome.PENDED;
        }
        return DecisionOutcome.PARTIALLY_APPROVED;
    }

    private record PeriodAt(Period period, String path) {
    }

    private static Optional<PeriodAt> period(ClaimResponse response, String root) {
        if (response.hasPreAuthPeriod()) {
            return Optional.of(new PeriodAt(response.getPreAuthPeriod(), root + ".preAuthPeriod"));
        }
        List<ClaimResponse.ItemComponent> items = response.getItem();
        for (int i = 0; i < items.size(); i++) {
            for (Extension extension : items.get(i).getExtension()) {
                if (is(extension, PasFhir.ITEM_PRE_AUTH_PERIOD) && extension.getValue() instanceof Period period) {
                    return Optional.of(new PeriodAt(period, root + ".item[" + i + "].extension:preAuthPeriod.valuePeriod"));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> authorizedQuantity(ClaimResponse response, String root, Map<String, String> paths) {
        List<ClaimResponse.ItemComponent> items = response.getItem();
        for (int i = 0; i < items.size(); i++) {
            for (Extension extension : items.get(i).getExtension()) {
                Extension quantity = is(extension, PasFhir.ITEM_AUTHORIZED_DETAIL)
                        ? part(extension, AUTHORIZED_QUANTITY_PART) : null;
                if (quantity != null && quantity.getValue() instanceof Quantity value && value.hasValue()) {
                    String path = root + ".item[" + i + "].extension:authorizedItemDetail.extension:quantity";
                    paths.put("approvedUnits", path);
                    paths.put("approvedVisits", path);
                    try {
                        return Optional.of(value.getValue().intValueExact());
                    } catch (ArithmeticException fraction) {
                        throw invalid(path, "NOT_A_WHOLE_NUMBER", "The authorized quantity must be a whole number");
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static LocalDate localDate(BaseDateTimeType value, String path) {
        if (value == null || value.isEmpty()) {
            throw rule(path, "REQUIRED", "An approval needs both ends of its period");
        }
        if (value.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            throw rule(path, "DATE_TOO_COARSE", "The period must name days, not only a month or a year");
        }
        // The local date of a timestamp is taken in its own offset: the first ten characters.
        return LocalDate.parse(value.getValueAsString().substring(0, "yyyy-MM-dd".length()));
    }

    /** The same field rules as the JSON form, reported against the FHIR path the value came from. */
    private static void refuseInvalidFields(DecisionRequest request, Map<String, String> paths) {
        Set<ConstraintViolation<DecisionRequest>> broken = VALIDATOR.validate(request);
        if (!broken.isEmpty()) {
            List<Violation> violations = broken.stream().map(v -> {
                String field = v.getPropertyPath().toString();
                return new Violation(paths.getOrDefault(field, field), "INVALID", v.getMessage());
            }).toList();
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", violations.get(0).field() + ": "
                    + violations.get(0).message(), violations);
        }
        if (request.validFrom() != null && request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            throw rule(paths.getOrDefault("validTo", "validTo"), "WINDOW_REVERSED", "The period ends before it starts");
        }
    }

    private static boolean is(Extension extension, String name) {
        String url = extension.getUrl();
        if (url == null) {
            return false;
        }
        int version = url.indexOf('|');
        String unversioned = version < 0 ? url : url.substring(0, version);
        return unversioned.equals(PasFhir.PAS_EXTENSION_BASE + name);
    }

    private static Extension part(Extension complex, String url) {
        return complex.getExtension().stream().filter(e -> url.equals(e.getUrl())).findFirst().orElse(null);
    }

    private static String firstCode(CodeableConcept concept) {
        return concept.getCoding().stream().map(Coding::getCode).findFirst().orElse(concept.getText());
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        // HAPI prefixes its messages with an internal code such as "HAPI-1861: ".
        String withoutCode = text.replaceFirst("^HAPI-\\d+: ", "");
        int newline = withoutCode.indexOf('\n');
        return newline < 0 ? withoutCode : withoutCode.substring(0, newline);
    }

    private static ApiProblem invalid(String path, String code, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Malformed FHIR", message, List.of(new Violation(path, code, message)));
    }

    private static ApiProblem rule(String path, String code, String message) {
        return ApiProblem.ruleViolation(path, code, message);
    }
}
